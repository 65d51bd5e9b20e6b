"""bench/captions/measure.py on hand-computed cases, and the labelled set's shape.

Needs neither newsclean nor the data sets: results are stand-in objects.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # bench/ lives in the repo, it is not installed

from bench.captions import measure  # noqa: E402


def test_normalise_folds_case_width_and_punctuation():
    assert measure.normalise("  Photo: AP — “Rain”  in PARIS! ") == "photo ap rain in paris"
    assert measure.normalise("Ｆｏｔｏ: dpa") == "foto dpa"  # NFKC full-width letters
    assert measure.normalise("...") == ""


def test_matches_equal_contained_and_covering_parts():
    assert measure.matches("Fans cheer in Madrid.", "fans cheer in madrid")
    # A credit inside a longer reported caption is found ...
    assert measure.matches("(AFP)", "Rescuers search the rubble (AFP)")
    # ... but not a token that is only part of a word.
    assert not measure.matches("AP", "Rescuers wrap up the search")
    # The reported part covers 4 of 6 tokens: found; 2 of 6: not.
    assert measure.matches("Fans cheer in Madrid Photo AP", "Fans cheer in Madrid")
    assert not measure.matches("Fans cheer in Madrid Photo AP", "Photo: AP")
    assert not measure.matches("", "anything") and not measure.matches("x", "")


def test_content_words_drop_short_and_function_words():
    assert measure.content_words("The flood in the Millford valley and its 12 towns") == {
        "flood", "millford", "valley", "towns"}


def test_baseline_needs_two_shared_content_words():
    title, first = "Flood waters rise in the valley", "Residents of Millford left their homes."
    assert measure.baseline_related("Millford residents wade through water", title, first)
    assert not measure.baseline_related("A flood of autumn recipes", title, first)
    # Function words never count: "the" and "in" are shared, nothing else.
    assert not measure.baseline_related("In the kitchen", title, first)


def test_first_paragraph_skips_short_lines():
    text = "News / World\n\nShort line\nThis line has at least eight words in it.\nLast."
    assert measure.first_paragraph(text) == "This line has at least eight words in it."
    assert measure.first_paragraph("Only short\nlines") == "Only short"
    assert measure.first_paragraph("") == ""


def test_html_title_prefers_og_title():
    page = ('<html><head><title>T &amp; site</title>'
            '<meta property="og:title" content="The story"></head></html>')
    assert measure.html_title(page) == "The story"
    assert measure.html_title("<title>\n A &amp; B </title>") == "A & B"
    assert measure.html_title("<p>none</p>") == ""


def test_insert_caption_after_the_first_paragraph_with_a_credit():
    assert measure.insert_caption("P1\n\nP2\n", "Title", "A cap") == \
        "Title\nP1\nA cap (AP Photo)\nP2"


_kPage = """<html><body><header><a href="/">Home</a></header>
<article><h1>Title</h1><p>First paragraph.</p>
<figure><img src="a.jpg"><figcaption>Own picture</figcaption></figure>
<p>Second paragraph.</p><script>var x = "Third paragraph.";</script></article>
<aside><div><img src="b.jpg"><h3>Other story</h3></div></aside>
<footer>Bottom</footer></body></html>"""


def test_insert_in_place_puts_a_caption_where_its_page_had_it():
    text = "First paragraph.\nSecond paragraph.\n"
    # Between the paragraphs, as on the page.
    assert measure.insert_in_place(text, "T", "Own picture", _kPage,
                                   "/html/body/article/figure/figcaption") == \
        "T\nFirst paragraph.\nOwn picture (AP Photo)\nSecond paragraph."
    # A card after the story lands after its last line.
    assert measure.insert_in_place(text, "T", "Other story", _kPage,
                                   "/html/body/aside/div/h3") == \
        "T\nFirst paragraph.\nSecond paragraph.\nOther story (AP Photo)"
    # Before every line of the text: first.
    assert measure.insert_in_place(text, "T", "Home", _kPage, "/html/body/header/a") == \
        "T\nHome (AP Photo)\nFirst paragraph.\nSecond paragraph."
    assert measure.insert_in_place(text, "T", "x", _kPage, "/html/body/nav") is None


def _result(captions=(), removed=(), text=""):
    return NS(captions=[NS(text=t, related=r) for t, r in captions],
              removed=[NS(text=t, category=c) for t, c in removed], text=text)


def test_fate_of_a_caption():
    r = _result(captions=[("Fans cheer in Madrid. Photo: AP", True)],
                removed=[("Ten recipes for autumn", "related"), ("A caption", "caption")],
                text="The story.\nLeft here in the text.")
    assert measure.fate("Fans cheer in Madrid.", r) == {
        "detected": True, "verdict": True, "where": "caption"}
    assert measure.fate("A caption", r) == {
        "detected": True, "verdict": None, "where": "removed:caption"}
    assert measure.fate("Ten recipes for autumn", r)["where"] == "removed:related"
    assert measure.fate("left here", r) == {"detected": False, "verdict": None, "where": "text"}
    assert measure.fate("Never seen", r)["where"] == "gone"


def _row(label, detected, verdict, baseline, inserted=None, placed=None):
    return {"label": label, "detected": detected, "verdict": verdict, "baseline": baseline,
            "where": "caption" if detected else "gone", "inserted": inserted, "placed": placed}


def test_summarise_hand_computed():
    rows = [
        _row("related", True, True, True, {"detected": True, "verdict": True}),     # right
        _row("related", True, False, False, {"detected": True, "verdict": True}),   # wrong
        _row("related", False, None, True, {"detected": False, "verdict": None}),
        _row("unrelated", True, False, True, {"detected": True, "verdict": True}),  # right
        _row("unrelated", False, None, False, {"detected": True, "verdict": False},
             {"detected": True, "verdict": False}),  # placed: 1 judged, right
        _row("credit-only", True, False, False),
        _row("not-a-caption", False, None, False),
    ]
    s = measure.summarise(rows)
    assert s["captions"] == 7
    assert s["related"]["recall"] == pytest.approx(2 / 3)
    assert s["unrelated"]["recall"] == pytest.approx(1 / 2)
    assert s["credit-only"] == {"n": 1, "detected": 1, "recall": 1.0, "where": {"caption": 1}}
    # Verdicts on 3 found related/unrelated captions: 2 right.
    assert s["accuracy"] == {"n": 3, "right": 2, "value": pytest.approx(2 / 3)}
    # Baseline right on: rel T, rel F(wrong), rel T, unrel T(wrong), unrel F -> 3 of 5;
    # on the 3 found: rel T, rel F(wrong), unrel T(wrong) -> 1 of 3.
    assert s["baseline"]["value"] == pytest.approx(3 / 5)
    assert s["baseline"]["on_detected"] == pytest.approx(1 / 3)
    # Inserted: 4 of 5 found; verdicts right: rel T, rel T, unrel T(wrong), unrel F -> 3 of 4.
    assert s["inserted"] == {"n": 5, "detected": 4, "judged": 4, "accuracy": pytest.approx(3 / 4)}
    assert s["placed"] == {"n": 1, "detected": 1, "judged": 1, "accuracy": 1.0}


def test_summarise_empty_groups_give_none():
    s = measure.summarise([])
    assert s["related"]["recall"] is None and s["accuracy"]["value"] is None
    assert s["baseline"]["value"] is None and s["inserted"]["accuracy"] is None
    assert s["placed"]["accuracy"] is None


def test_the_labelled_set_is_complete():
    rows = measure.load_labels()
    assert len(rows) >= 400 and len({(r["set"], r["page_id"]) for r in rows}) >= 150
    assert {r["label"] for r in rows} <= set(measure.kLabels)
    assert {r["set"] for r in rows} == {"scrapinghub", "wcxb-dev", "trafilatura-eval"}
    assert len({r["id"] for r in rows}) == len(rows)
    fields = {"id", "set", "page_id", "split", "url", "path", "text", "img", "link", "label",
              "note"}
    assert all(fields <= set(r) for r in rows)
    ids = {r["id"] for r in rows}
    lines = (REPO / "bench" / "captions" / "second_pass.jsonl").read_text(encoding="utf-8")
    second = [json.loads(line) for line in lines.splitlines() if line.strip()]
    assert len(second) >= 60 and all(s["id"] in ids for s in second)


def test_gallery_candidates_are_the_slides_of_a_named_gallery():
    from bench import datasets
    from bench.captions import extract

    def page(*slides):
        figures = "".join(f'<figure><img src="{n}.jpg"><figcaption>{t}</figcaption></figure>'
                          for n, t in enumerate(slides))
        html = ("<html><body><article><p>A story of some length about a flood.</p>"
                '<figure><img src="a.jpg"><figcaption>Lone picture in the story</figcaption>'
                f'</figure><div class="photo-gallery">{figures}</div></article></body></html>')
        return datasets.Page(id="p", url="https://example.org/a", html=html, truth="")

    texts = [c["text"] for c in extract.gallery_candidates_of(
        page("First slide", "Second slide"), "wcxb-dev")]
    assert texts == ["First slide", "Second slide"]
    assert extract.gallery_candidates_of(page("Only slide"), "wcxb-dev") == []


def test_the_labelled_set_holds_galleries_on_both_halves():
    rows = [r for r in measure.load_labels() if r["note"].startswith("gallery")]
    assert len(rows) >= 30 and len({r["page_id"] for r in rows}) >= 10
    for half in ("tune", "check"):
        labels = {r["label"] for r in rows if r["split"] == half}
        assert {"related", "unrelated", "credit-only"} <= labels
