"""bench/metrics.py on hand-computed cases, and the published ScrapingHub table.

Needs neither the peers nor the data sets; the reproduction test skips when
../shared/eval is not beside the repo.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # bench/ lives in the repo, it is not installed

from bench import datasets, metrics, report, tasks  # noqa: E402
from bench.metrics import PageScore  # noqa: E402


# ---- ScrapingHub shingle F1 -----------------------------------------------------------

def test_shingles_are_4grams_of_word_tokens_case_kept():
    assert metrics.shingles("a b, c. d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert metrics.shingles("A b c d") != metrics.shingles("a b c d")


def test_short_text_gives_one_shorter_gram_and_empty_none():
    assert metrics.shingles("a b") == {("a", "b"): 1}
    assert metrics.shingles("!!! ...") == {}
    assert metrics.shingles("") == {}


def test_tokens_are_unicode_words():
    assert metrics.shingles("naïve café 東京 x_1") == {("naïve", "café", "東京", "x_1"): 1}


def test_shingle_counts_are_normalised_by_their_sum():
    # truth grams: abcd bcde cdef; prediction: abcd bcde cdex -> tp 2, fp 1, fn 1
    assert metrics.shingle_counts("a b c d e f", "a b c d e x") == (0.5, 0.25, 0.25)
    score = metrics.shingle_page("a b c d e f", "a b c d e x")
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_shingles_are_multisets():
    # truth grams: abcd x2, bcda, cdab, dabc; prediction: abcd -> tp 1, fp 0, fn 4
    score = metrics.shingle_page("a b c d a b c d", "a b c d")
    assert score.precision == 1.0
    assert score.recall == pytest.approx(1 / 5)


def test_undefined_page_values():
    assert metrics.shingle_page("a b c d", "") == PageScore(None, 0.0, 0.0)
    assert metrics.shingle_page("", "a b c d") == PageScore(0.0, None, 0.0)
    assert metrics.shingle_page("", "") == PageScore(None, None, None)
    assert metrics.shingle_page("a b c d", "a b c d") == PageScore(1.0, 1.0, 1.0)


def test_set_f1_is_harmonic_mean_of_means_leaving_undefined_out():
    scores = [PageScore(1.0, 0.5, None), PageScore(None, 0.0, None), PageScore(0.5, None, None)]
    summary = metrics.shingle_summary(scores)
    assert summary["precision"] == pytest.approx(0.75)  # (1 + 0.5) / 2
    assert summary["recall"] == pytest.approx(0.25)  # (0.5 + 0) / 2
    assert summary["f1"] == pytest.approx(2 * 0.75 * 0.25 / (0.75 + 0.25))
    assert summary["pages"] == 3


def test_shingle_end_to_end_on_three_pages():
    pages = [("a b c d e f", "a b c d e x"),  # p 2/3, r 2/3
             ("a b c d e", ""),              # p undefined, r 0
             ("a b c d e", "a b c d e")]     # p 1, r 1
    summary = metrics.shingle_summary([metrics.shingle_page(t, p) for t, p in pages])
    precision, recall = (2 / 3 + 1) / 2, (2 / 3 + 0 + 1) / 3
    assert summary["precision"] == pytest.approx(precision)
    assert summary["recall"] == pytest.approx(recall)
    assert summary["f1"] == pytest.approx(2 * precision * recall / (precision + recall))


# ---- WCXB word F1 -------------------------------------------------------------------

def test_word_page_lower_cases_and_counts_multisets():
    score = metrics.word_page("The cat sat.", "the CAT")
    assert (score.precision, score.recall) == (1.0, pytest.approx(2 / 3))
    assert score.f1 == pytest.approx(0.8)
    score = metrics.word_page("a a b", "a b b")  # overlap min(2,1) + min(1,2) = 2
    assert score == PageScore(pytest.approx(2 / 3), pytest.approx(2 / 3), pytest.approx(2 / 3))


def test_word_page_empty_cases():
    assert metrics.word_page("", "").f1 == 1.0
    assert metrics.word_page("", "extra").f1 == 0.0
    assert metrics.word_page("story", "").f1 == 0.0
    assert metrics.word_page("story", " -- !").f1 == 0.0  # no word token: empty
    assert metrics.word_page("story", "other").f1 == 0.0


def test_word_summary_means_overall_and_per_type():
    scores = [PageScore(1.0, 1.0, 1.0), PageScore(1.0, 1 / 3, 0.5), PageScore(0.0, 0.0, 0.0)]
    summary = metrics.word_summary(scores, ["article", "article", "forum"])
    assert summary["f1"] == pytest.approx(0.5)
    assert summary["recall"] == pytest.approx((1 + 1 / 3) / 3)
    assert summary["by_type"]["article"]["f1"] == pytest.approx(0.75)
    assert summary["by_type"]["forum"] == {"pages": 1, "f1": 0.0, "precision": 0.0, "recall": 0.0}


def test_perfect_line_filter_keeps_lines_mostly_in_the_truth():
    truth = "the cat sat on the mat today\nand the dog slept by the door"
    pred = ("the cat sat on the mat today\n"          # every gram in the truth: kept
            "Home | News | Sport | Weather\n"         # none: dropped
            "the dog slept by the door all night\n"  # 3 of 5 grams: kept
            "cat sat on a sofa in the hall\n"        # 0 of 5 grams: dropped
            "---")                                    # no token: dropped
    assert metrics.perfect_line_filter(truth, pred).split("\n") == [
        "the cat sat on the mat today", "the dog slept by the door all night"]
    # A line of fewer than four tokens is kept when the truth has its tokens in a row.
    assert metrics.perfect_line_filter("a b c d e", "b c\nc b\nd e") == "b c\nd e"
    assert metrics.perfect_line_filter("a b", "a b\nc d") == "a b"


def test_c4_line_rules_keep_only_sentence_lines():
    c4 = metrics.c4_line_rules()
    if c4 is None:
        pytest.skip("datatrove is not installed")
    text = ("Home | News | Sport\n"
            "The council approved the plan on Tuesday.\n"
            "Too short.\n"
            "Please enable JavaScript to view the comments.\n"
            "Read our privacy policy before you subscribe.\n"
            "The vote was close, the mayor said...\n"
            "Did the residents agree?")
    assert c4(text).split("\n") == ["The council approved the plan on Tuesday.",
                                     "Did the residents agree?"]
    assert c4("Tiny.") == ""  # no page-level drop: an empty result, not an error


def test_gain_share_is_the_part_of_the_perfect_gain_taken():
    assert metrics.gain_share(0.80, 0.85, 0.90) == pytest.approx(0.5)
    assert metrics.gain_share(0.80, 0.78, 0.90) == pytest.approx(-0.2)
    assert metrics.gain_share(0.80, 0.85, 0.80) is None  # nothing to gain
    assert metrics.gain_share(None, 0.85, 0.90) is None


def test_snippets_fold_quotes_and_white_space():
    assert metrics.fold("\u201cHi\u201d  there\u2019s\n") == "\"Hi\" there's"
    assert metrics.fold("Ge\u00adschich\u00adte") == metrics.fold("Geschichte") == "Geschichte"
    pred = "He said \u201chello\n  world\u201d today"
    assert metrics.snippet_counts(pred, ['"hello world"', "missing"], ["Login", "today"]) == (1, 1)


# ---- data sets ------------------------------------------------------------------------

def test_default_metric_by_file_name():
    assert datasets.default_metric("x/scrapinghub.jsonl.gz") == "shingle"
    assert datasets.default_metric("x/wcxb-dev.jsonl.gz") == "word"
    assert datasets.default_metric("other-news.jsonl.gz") == "word"


def test_load_filters_and_samples_the_same_pages(tmp_path):
    path = tmp_path / "some-set.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(100):
            f.write(json.dumps({"id": str(i), "url": "", "html": "<p>x</p>", "truth": "x",
                                "flagged": i % 10 == 0,
                                "page_type": "article" if i % 2 else "forum"}) + "\n")
    assert len(datasets.load(path)) == 100
    assert len(datasets.load(path, skip_flagged=True)) == 90
    assert {p.page_type for p in datasets.load(path, page_type="forum")} == {"forum"}
    quick = datasets.load(path, quick=True)
    assert len(quick) == datasets.kQuickPages
    assert [p.id for p in quick] == [p.id for p in datasets.load(path, quick=True)]
    assert [p.id for p in datasets.load(path, limit=3)] == ["0", "1", "2"]


def test_split_keeps_each_site_on_one_side(tmp_path):
    page = lambda i, url, domain="": datasets.Page(id=str(i), url=url, html="", truth="x",  # noqa: E731
                                                   domain=domain)
    same_site = [page(1, "https://www.news.example/a"), page(2, "http://news.example/b?x=1"),
                 page(3, "", domain="News.example"),
                 page(4, "https://web.archive.org/web/2019/https://news.example/c")]
    assert {datasets.domain_of(p) for p in same_site} == {"news.example"}
    assert len({datasets.split_of(p) for p in same_site}) == 1
    # Many sites fall on both sides, about half each; a page without a URL is a site of its own.
    sides = [datasets.split_of(page(i, f"https://site{i}.example/story")) for i in range(400)]
    assert 150 < sides.count("tune") < 250 and set(sides) == {"tune", "check"}
    assert datasets.domain_of(page(7, "")) == "page:7"
    assert datasets.domain_of(page(8, "https://web.archive.org/https://x.example/a")) == "x.example"
    assert datasets.domain_of(page(9, "https://web.archive.org/about")) == "web.archive.org"
    path = tmp_path / "s.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(60):
            f.write(json.dumps({"id": str(i), "url": f"https://site{i % 20}.example/{i}",
                                "html": "", "truth": "x"}) + "\n")
    tune, check = datasets.load(path, split="tune"), datasets.load(path, split="check")
    assert len(tune) + len(check) == 60
    assert not {datasets.domain_of(p) for p in tune} & {datasets.domain_of(p) for p in check}


def test_a_set_without_truth_is_scored_by_its_snippets():
    pages = [datasets.Page(id="1", url="", html="", truth="", with_=("kept words",),
                           without=("Impressum",))]
    assert datasets.default_metric("x/trafilatura-eval.jsonl.gz", pages) == "snippets"
    assert metrics.score_page("snippets", "", "kept words") == PageScore(None, None, None)
    assert metrics.summarize("snippets", [PageScore(None, None, None)])["f1"] is None
    rows: list[dict] = []
    result = tasks.score(pages, ["the kept words, and Impressum"], [None], "snippets",
                         set_name="t", task="html", system="s", rows=rows)
    assert result["with_found"] == 1.0 and result["without_absent"] == 0.0


def test_short_stories_have_their_own_precision():
    long_truth = " ".join(["word"] * 200)
    pages = [datasets.Page(id="1", url="", html="", truth="a short story of five words"),
             datasets.Page(id="2", url="", html="", truth=long_truth),
             datasets.Page(id="3", url="", html="", truth="a short product page", page_type="product")]
    assert [tasks.is_short_story(p) for p in pages] == [True, False, False]
    result = tasks.score(pages, ["a short story of five words and five more words", long_truth,
                                 "x"], [None] * 3, "word", set_name="t", task="html", system="s",
                         rows=[])
    assert result["short_pages"] == 1
    assert result["short_precision"] == pytest.approx(6 / 10)


# ---- the published table --------------------------------------------------------------

SHARED = datasets.find_shared(REPO)

# The one published figure not reproduced: html-text's precision is 0.49948 here (0.499)
# against 0.500 published. The output file and the metric code are the benchmark's
# own; the 2e-5 gap is under the rounding boundary and comes from the truth text.
KNOWN_DEVIATIONS = {("html-text", "precision"): 0.4995}


@pytest.mark.skipif(SHARED is None, reason="../shared/eval is not beside the repo")
def test_reproduces_published_scrapinghub_table():
    eval_dir = SHARED / "eval"
    pages = datasets.load(eval_dir / "scrapinghub.jsonl.gz")
    result = tasks.task_reproduce(pages, eval_dir / "scrapinghub-outputs", rows=[])
    rows = {r["name"]: r for r in result["rows"]}
    assert set(tasks.PUBLISHED) <= set(rows)
    for name in tasks.PUBLISHED:
        for key, ok in rows[name]["match"].items():
            if (name, key) in KNOWN_DEVIATIONS:
                assert rows[name][key] == pytest.approx(KNOWN_DEVIATIONS[name, key], abs=1e-4)
            else:
                assert ok, (name, key, rows[name][key], rows[name]["published"][key])


def test_report_goes_between_the_readme_markers(tmp_path):
    from bench import report

    readme = tmp_path / "README.md"
    readme.write_text("# x\n\n## Benchmark\n<!-- bench:start -->\nold\n<!-- bench:end -->\ntail\n")
    report.into_readme("## Benchmark\n\n| a | b |\n", readme)
    assert readme.read_text() == (
        "# x\n\n## Benchmark\n<!-- bench:start -->\n| a | b |\n<!-- bench:end -->\ntail\n")


def test_saved_outputs_read_back_as_published_outputs(tmp_path):
    from bench import peers

    pages = [datasets.Page(id="a", url="", html="", truth=""),
             datasets.Page(id="b", url="", html="", truth="")]
    run = peers.Run(system="peer", version="1.2", texts=["text a", ""],
                    errors=[None, "timeout"])
    tasks.save_outputs(pages, {"peer": run}, tmp_path / "set")
    [out] = datasets.load_outputs(tmp_path / "set")
    assert (out.name, out.version) == ("peer", "1.2")
    assert out.texts == {"a": "text a"}  # a failed page is left out, not saved as ""
    found = tasks.sources_from_outputs(pages, tmp_path / "set")
    assert found["peer"][1] == ["text a", ""]
    assert found["peer"][2][0] is None and found["peer"][2][1]


def test_report_names_data_paths_relative_to_the_repository(tmp_path):
    from bench import report

    outputs = report.REPO.parent / "shared" / "eval" / "scrapinghub-outputs"
    assert report.shown_path(outputs) == "../shared/eval/scrapinghub-outputs"
    assert report.shown_path(report.REPO / "bench") == "bench"
    rep = {"outputs": str(outputs), "pages": 1, "rows": [], "matched": 0, "compared": 0}
    heading = report._reproduce_section(rep)[0]
    assert "`../shared/eval/scrapinghub-outputs`" in heading
    assert str(report.REPO.parent) not in heading


def test_the_plugin_task_scores_a_set_without_truth_by_its_snippets(tmp_path):
    # Two sites, so that both halves of the split have a page whatever their hash.
    pages = [datasets.Page(id=str(i), url=f"https://site{i}.example/a", html="", truth="",
                           with_=("the story",), without=("Impressum",)) for i in range(8)]
    texts = ["the story\nImpressum" if i % 2 else "the story" for i in range(8)]
    opts = tasks.Options(out=tmp_path)
    result = tasks.task_plugin(pages, "t", "snippets", {"peer": ("1", texts, [None] * 8)},
                               "test", opts, [], {"available": False})
    entry = result["systems"]["peer"]
    assert entry["perfect"] is None and entry["share"] is None  # no truth, no perfect filter
    assert entry["alone"]["with_found"] == 1.0 and entry["alone"]["without_absent"] == 0.5
    splits = entry["splits"]
    assert sum(f["pages"] for f in splits.values()) == 8
    for split, f in splits.items():
        idx = [i for i, p in enumerate(pages) if datasets.split_of(p) == split]
        assert f["alone"]["without_absent"] == sum(i % 2 == 0 for i in idx) / len(idx)
    run = {"date": "d", "cpus": 2, "python": "3", "seconds": 1, "quick": False,
           "newsclean": {"available": False, "error": "not here"}}
    md = report.markdown({"run": run, "sets": {"t": {"metric": "snippets", "pages": 8,
                                                     "plugin": [result]}}, "notes": [],
                          "versions": {}})
    assert "`with` snippets found" in md and "| peer | all |" in md


def test_the_cli_is_timed_on_the_texts_repeated_whole_to_the_size_asked():
    records = ['{"text": "ab"}\n', '{"text": "cde"}\n']  # 15 and 16 bytes
    stream = tasks._cli_stream(records, 100 / 1e6)
    assert stream == records * 4  # 124 bytes: three times would be 93
    assert tasks._cli_stream(records, 0) == records
    assert tasks._cli_stream([], 1) == []
