"""newsclean.wet: a Common Crawl WET file in, cleaned pages out."""

from __future__ import annotations

import gzip

import pytest

pytest.importorskip("fastwarc")

import newsclean  # noqa: E402
from newsclean.wet import iter_wet  # noqa: E402
from test_cli_wet import FOOTER, MENU, STORY  # noqa: E402
from test_cli_wet import record as warc_record  # noqa: E402


def record(kind: str, url: str, body: str) -> bytes:
    """One gzip member holding one WARC record, as Common Crawl writes them."""
    return gzip.compress(warc_record(kind, url, body))


def test_pages_of_a_wet_file_come_out_clean_in_order(tmp_path):
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(record("warcinfo", "", "software: made up for the test\r\n") +
                     record("conversion", "https://news.example.com/a", MENU + STORY + FOOTER) +
                     record("conversion", "https://news.example.org/b", MENU + STORY))
    pages = list(iter_wet(path))
    assert [url for url, _ in pages] == ["https://news.example.com/a",
                                        "https://news.example.org/b"]
    for url, result in pages:
        assert result.input_kind == "page"
        assert result.text == STORY.strip()
        # Every menu and footer line goes: by the rules that name them (a
        # section's name, a footer's links) or as the page's chrome.
        assert sorted(r.text for r in result.removed) == sorted(
            (MENU + (FOOTER if url.endswith("/a") else "")).splitlines())
        if url.endswith("/a"):
            assert "page-chrome-line" in {r.rule for r in result.removed}


def test_a_given_cleaner_and_a_file_object_are_used(tmp_path):
    path = tmp_path / "crawl.warc.wet"  # not compressed
    path.write_bytes(gzip.decompress(record("conversion", "https://x.example/c", MENU + STORY)))
    with open(path, "rb") as f:
        [(url, result)] = list(iter_wet(f, newsclean.Cleaner(input_kind="extract")))
    assert url == "https://x.example/c"
    assert result.input_kind == "extract"
    # An extractor's output: the rules for whole pages do not act.
    assert "page-chrome-line" not in {r.rule for r in result.removed}
