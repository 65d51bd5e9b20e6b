"""The probe task's scoring (bench/probe/measure.py), on hand-computed cases."""
import collections
from pathlib import Path

import pytest

from bench.probe import measure


def test_load_docs_keeps_order_and_skips_comments(tmp_path: Path):
    f = tmp_path / "docs.tsv"
    f.write_text("# a comment\nd1\tC\ten\tHome\nd1\tS\ten\tThe story.\nd2\tS\tde\tDie Geschichte.\n",
                 encoding="utf-8")
    docs = measure.load_docs(f)
    assert list(docs) == ["d1", "d2"]
    assert docs["d1"] == [("C", "en", "Home"), ("S", "en", "The story.")]


def test_load_docs_names_the_bad_line(tmp_path: Path):
    f = tmp_path / "docs.tsv"
    f.write_text("d1\tC\ten\tHome\nd1\tX\ten\tbad label\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"docs.tsv:2:"):
        measure.load_docs(f)


def test_score_matches_each_kept_line_once():
    lines = [("C", "en", "Share"), ("S", "en", "Share"), ("S", "en", "Two words here.")]
    # One "Share" survives: the first line takes it, the second is lost.
    scored = measure.score(lines, "Share\n  Two words here.  ")
    assert scored == [("C", "en", 1, True), ("S", "en", 1, False), ("S", "en", 3, True)]


def test_summarize_counts_lines_and_words():
    scored = [("C", "en", 1, False), ("C", "en", 3, True), ("S", "en", 4, True),
              ("S", "en", 4, False)]
    f = measure.summarize(scored)
    assert (f["furniture_removed_lines"], f["furniture_lines"]) == (1, 2)
    assert f["furniture_removed"] == pytest.approx(1 / 4)
    assert (f["story_lost_lines"], f["story_lines"]) == (1, 2)
    assert f["story_lost"] == pytest.approx(4 / 8)


def test_the_shipped_probe_set_loads():
    docs = measure.load_docs()
    assert len(docs) >= 40
    labels = {label for lines in docs.values() for label, _, _ in lines}
    assert labels == {"S", "C"}


def test_a_split_file_names_its_halves(tmp_path: Path):
    f = tmp_path / "docs.tsv"
    f.write_text("# tuned: odd\ne01\tC\ten\tHome\n", encoding="utf-8")
    assert measure.tuned_parity(f) == "odd"
    assert measure.half_of("e01", "odd") == "tuned"
    assert measure.half_of("x24", "odd") == "check"
    assert measure.half_of("x24", "even") == "tuned"
    assert measure.half_of("e01", None) is None
    g = tmp_path / "plain.tsv"
    g.write_text("# a comment\ne01\tC\ten\tHome\n", encoding="utf-8")
    assert measure.tuned_parity(g) is None


def test_the_split_probe_sets_have_both_halves():
    for path in measure.kDocsFiles[1:]:
        docs = measure.load_docs(path)
        parity = measure.tuned_parity(path)
        halves = collections.Counter(measure.half_of(d, parity) for d in docs)
        assert set(halves) == {"tuned", "check"}, path
        # Each half big enough to say something: 15 documents or more.
        assert min(halves.values()) >= 15, path
