"""The Python surface of newsclean: types, errors, threads, pickling."""

import multiprocessing
import pickle
import threading
from pathlib import Path

import pytest

import newsclean

STORY = "The council met on Tuesday and agreed the budget for the coming year."


def test_clean_returns_the_seed_story(seed_text, seed_expected):
    assert newsclean.clean(seed_text) + "\n" == seed_expected


def test_result_has_typed_attributes(seed_text):
    r = newsclean.Cleaner().clean(seed_text)
    assert r.title == "UK govt. bans agencies from using Russian Kaspersky software"
    assert r.section == ["News", "Politics"]
    assert [c.related for c in r.captions] == [False, True]
    assert all(isinstance(c.score, float) and 0 <= c.score <= 1 for c in r.captions)
    assert r.captions[0].score < r.captions[1].score
    footer = [x for x in r.removed if x.category == "footer"]
    assert [x.index for x in footer] == [20, 21]
    assert footer[0].rule == footer[1].rule == "footer-alternate-addresses"
    assert r.stats.kept == 16 and r.stats.removed == 6 and r.stats.blocks == 22
    assert r.warnings == []


def test_to_dict_is_plain_data(seed_text):
    d = newsclean.Cleaner().clean(seed_text).to_dict()
    assert {"text", "title", "section", "captions", "removed", "stats", "warnings", "format"} <= set(d)
    assert d["captions"][1]["related"] is True
    assert set(d["removed"][0]) == {"index", "text", "rule", "category", "stage", "path", "words"}
    assert d["stats"]["kept"] == 16
    pickle.dumps(d)


def test_bytes_are_accepted_and_bad_utf8_repaired():
    r = newsclean.Cleaner().clean(b"Caf\xe9 owners said the rent had doubled this year.")
    assert r.text == "Caf\ufffd owners said the rent had doubled this year."
    assert "invalid UTF-8" in r.warnings[0]


def test_keep_related_captions(seed_text):
    r = newsclean.Cleaner(keep_related_captions=True).clean(seed_text)
    assert "(Photo by AFP)" in r.text and "Ilhan Omar" not in r.text


BRIDGE = (
    "The city council voted on Tuesday to close the Elm Street bridge for repairs, after "
    "engineers found deep cracks in two of its supports.\n{} (AP Photo)\n"
    "The bridge, which carries about 20,000 vehicles a day, will stay closed until the end of "
    "March, the council said in a statement.\nDrivers will be diverted along the river road, "
    "which the council said would add about ten minutes to most journeys.")


@pytest.mark.parametrize("caption, mark", [
    ("Council Says The Elm Street Bridge Will Stay Closed For Years", "headline case"),
    ("Will the Elm Street bridge stay closed for years?", "it ends with '?'"),
    ("Elm Street bridge to stay closed for years 16 hours ago", "'16 hours ago'"),
    ("Council says the Elm Street bridge will stay closed for years as commuters...",
     "its lead cut short"),
    ("Council says the Elm Street bridge will stay closed for years Read more",
     "'Read more'"),
    ("CITY NEWS Council says the Elm Street bridge will stay closed for years March 3, 2020",
     "'March 3, 2020'"),
])
def test_a_text_caption_with_a_teasers_marks_is_judged_as_one_beside_the_story(caption, mark):
    # The same words in a caption's form are the story's picture.
    plain = newsclean.Cleaner().clean(
        BRIDGE.format("Council says the Elm Street bridge will stay closed for years"),
        format="text")
    assert [c.related for c in plain.captions] == [True]
    [c] = newsclean.Cleaner().clean(BRIDGE.format(caption), format="text").captions
    assert not c.related and c.score > 0.37
    assert "reads as a teaser" in c.reason and mark in c.reason


def test_rules_from_path_text_and_list(tmp_path: Path):
    f = tmp_path / "site.yaml"
    f.write_text("rules:\n  - {id: promo, category: advert, pattern: '^Buy the paper'}\n")
    text = STORY + "\nBuy the paper every day"
    for rules in (f, str(f), f.read_text(), [f], [str(f)]):
        assert newsclean.Cleaner(rules).clean(text).text == STORY
    assert newsclean.clean(text) == text


def test_disable_by_id():
    text = STORY + "\nFollow Harbour Times on X"
    assert newsclean.Cleaner().clean(text).text == STORY
    assert newsclean.Cleaner(disable=["share-follow-us"]).clean(text).text == text


def test_bad_rules_raise_value_error_with_location(tmp_path: Path):
    f = tmp_path / "bad.yaml"
    f.write_text("rules:\n  - id: typo\n    category: footer\n    patern: 'x'\n")
    with pytest.raises(ValueError, match=rf"^{f}:4:5: rule 'typo': unknown key 'patern'"):
        newsclean.Cleaner(f)
    with pytest.raises(ValueError, match="disable: no rule has the id 'nope'"):
        newsclean.Cleaner(disable=["nope"])
    with pytest.raises(FileNotFoundError):
        newsclean.Cleaner(tmp_path / "missing.yaml")
    with pytest.raises(ValueError):
        newsclean.Cleaner(caption_threshold=2)


def test_clean_many_keeps_order_and_matches_clean(seed_text):
    c = newsclean.Cleaner()
    texts = [seed_text if i % 2 else f"Story number {i} is short." for i in range(101)]
    results = c.clean_many(texts, workers=3)
    assert [r.text for r in results] == [c.clean(t).text for t in texts]
    assert c.clean_many([]) == []
    with pytest.raises(ValueError):
        c.clean_many(["a", "b"], urls=["u"])


def test_clean_many_uses_urls_for_site_rules():
    c = newsclean.Cleaner("rules:\n  - {id: s, category: x, pattern: '^Site promo line$', sites: [a.example]}\n")
    out = c.clean_many([STORY + "\nSite promo line"] * 2, urls=["https://a.example/1", None])
    assert [r.stats.kept for r in out] == [1, 2]


def test_shared_across_python_threads(seed_text):
    c = newsclean.Cleaner()
    expected = c.clean(seed_text).text
    bad = []

    def work():
        for _ in range(30):
            if c.clean(seed_text).text != expected:
                bad.append(1)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not bad


def _clean_in_worker(args):
    cleaner, text = args
    return cleaner.clean(text).text


def test_cleaner_pickles_and_works_in_other_processes(tmp_path: Path, seed_text):
    f = tmp_path / "r.yaml"
    f.write_text("rules:\n  - {id: promo, category: advert, pattern: '^Buy the paper'}\n")
    c = newsclean.Cleaner(f, disable=["share-follow-us"])
    f.unlink()  # the clone must not need the file
    clone = pickle.loads(pickle.dumps(c))
    text = STORY + "\nBuy the paper\nFollow Harbour Times on X"
    assert clone.clean(text).text == c.clean(text).text == STORY + "\nFollow Harbour Times on X"
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        out = pool.map(_clean_in_worker, [(c, text), (c, seed_text)])
    assert out == [c.clean(text).text, c.clean(seed_text).text]


def test_default_rules_text_is_the_embedded_yaml(root):
    assert newsclean.default_rules() == (root / "rules.yaml").read_text(encoding="utf-8")
    rules = newsclean.Cleaner().rules()
    ids = [r["id"] for r in rules]
    assert "breadcrumb-trail" in ids and len(ids) == len(set(ids))
    assert all(r["description"] for r in rules)  # every built-in rule says what it removes


def test_text_format_markdown_keeps_the_pages_structure():
    story = " ".join([STORY] * 3)
    html = (f"<html><body><article><p>{story}</p><h3>The vote</h3><p>{story}</p>"
            "<blockquote>It was a long night, the mayor said after the vote.</blockquote>"
            "</article></body></html>")
    md = newsclean.Cleaner(text_format="markdown")
    text = md.clean(html, format="html").text
    assert f"{story}\n\n### The vote\n\n{story}\n\n> It was a long night" in text
    assert "###" not in newsclean.Cleaner().clean(html, format="html").text
    assert pickle.loads(pickle.dumps(md)).clean(html, format="html").text == text
    with pytest.raises(ValueError, match="text_format must be 'plain' or 'markdown'"):
        newsclean.Cleaner(text_format="html")
