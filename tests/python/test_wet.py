"""newsclean.wet: a Common Crawl WET file in, cleaned pages out."""

from __future__ import annotations

import gzip
import uuid

import pytest

pytest.importorskip("fastwarc")

import newsclean  # noqa: E402
from newsclean.wet import iter_wet  # noqa: E402

STORY = ("The council said on Tuesday that the new footbridge would open to cyclists and "
         "walkers in the spring, two years later than planned.\n"
         "The project, paid for by the region and the city, ran over budget after the "
         "contractor found old mine shafts under the eastern bank.\n"
         "Riders will be able to cross the river without using the ring road, which the "
         "council says will cut the journey to the station by ten minutes.\n")
MENU = "Home\nNews\nSport\nWeather\nBusiness\nCulture\n"
FOOTER = "About us\nCareers\nAdvertise\nPrivacy\nTerms\nContact\n"


def record(kind: str, url: str, body: str) -> bytes:
    """One gzip member holding one WARC record, as Common Crawl writes them."""
    data = body.encode("utf-8")
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"Content-Type: text/plain\r\nContent-Length: {len(data)}\r\n\r\n").encode()
    return gzip.compress(head + data + b"\r\n\r\n")


def test_pages_of_a_wet_file_come_out_clean_in_order(tmp_path):
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(record("warcinfo", "", "software: made up for the test\r\n") +
                     record("conversion", "https://news.example.com/a", MENU + STORY + FOOTER) +
                     record("conversion", "https://news.example.org/b", MENU + STORY))
    pages = list(iter_wet(path))
    assert [url for url, _ in pages] == ["https://news.example.com/a",
                                        "https://news.example.org/b"]
    for _, result in pages:
        assert result.input_kind == "page"
        assert result.text == STORY.strip()
        assert {r.rule for r in result.removed} == {"page-chrome-line"}


def test_a_given_cleaner_and_a_file_object_are_used(tmp_path):
    path = tmp_path / "crawl.warc.wet"  # not compressed
    path.write_bytes(gzip.decompress(record("conversion", "https://x.example/c", MENU + STORY)))
    with open(path, "rb") as f:
        [(url, result)] = list(iter_wet(f, newsclean.Cleaner(input_kind="extract")))
    assert url == "https://x.example/c"
    assert result.input_kind == "extract"
    assert result.text.startswith("Home")
