"""bench/short.py: a long story on a made-up page cut to its first paragraphs.

Needs lxml (a dependency of the peers), neither the peers nor the data sets.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # bench/ lives in the repo, it is not installed

pytest.importorskip("lxml.html")

from bench import datasets, short  # noqa: E402


def _para(word: str, n: int) -> str:
    """A made-up paragraph of n words."""
    return " ".join(f"{word}{i}" for i in range(n)) + "."


LEAD, SECOND, THIRD = _para("lead", 40), _para("second", 30), _para("third", 60)
BR_A, BR_B, ITEM = _para("bra", 20), _para("brb", 20), _para("item", 12)
NAV = "Home News Sport Weather"
RELATED = "Another story about something else entirely"
FOOTER = "Copyright the made-up publisher, all rights reserved"


def _page(story: str, truth: list[str], *, flagged: bool = False) -> datasets.Page:
    html = (f"<!DOCTYPE html><html><head><title>t</title></head><body>"
            f"<nav><a href='/'>{NAV}</a></nav>"
            f"<ul class='toc'><li>{ITEM}</li></ul>"
            f"<article><h1>Headline</h1>{story}"
            f"<aside class='related'><a href='/x'>{RELATED}</a></aside></article>"
            f"<footer>{FOOTER}</footer></body></html>")
    return datasets.Page(id="p", url="https://example.com/a", html=html,
                         truth="\n".join(truth), flagged=flagged, page_type="article")


STORY = (f"<div class='wrap'><p>{LEAD}</p></div><p>{SECOND}</p>"
         f"<div class='widget'>Sign up for our newsletter</div>"
         f"<p>{THIRD}</p><p>{BR_A}<br>{BR_B}</p><ol><li>{ITEM}</li></ol>")
TRUTH = [LEAD, SECOND, THIRD, BR_A, BR_B, f"1. {ITEM}"]


def _words(text: str) -> str:
    return " ".join(text.split())


def test_long_story_keeps_its_first_two_paragraphs_and_its_surroundings():
    made = short.shorten(_page(STORY, TRUTH))
    assert made.reason == "ok"
    assert made.page.truth.splitlines() == [LEAD, SECOND]
    html = made.page.html
    for kept in (LEAD, SECOND, NAV, RELATED, FOOTER, "Sign up for our newsletter", "Headline"):
        assert kept in html
    # The other paragraphs are gone: one split by <br> into two truth lines, a list item
    # whose number the truth writes and the page does not, and that item's copy in a
    # table of contents.
    for gone in ("third0", "bra0", "brb0", "item0"):
        assert gone not in html
    assert html.startswith("<!DOCTYPE html>")


def test_a_second_paragraph_that_would_reach_the_limit_is_not_kept():
    long_second = _para("second", short.kShortWords - 40)
    made = short.shorten(_page(STORY.replace(SECOND, long_second),
                               [LEAD, long_second, THIRD, BR_A, BR_B, ITEM]))
    assert made.reason == "ok"
    assert made.page.truth == LEAD
    assert "second0" not in made.page.html


def test_pages_that_give_no_clean_short_story_are_skipped():
    assert short.shorten(_page(STORY, TRUTH, flagged=True)).reason == "flagged"
    assert short.shorten(_page(f"<p>{LEAD}</p>", [LEAD])).reason == "already short"
    assert short.shorten(_page(f"<p>{_para('x', 200)}</p><p>{LEAD}</p>",
                               [_para("x", 200), LEAD])).reason == "first paragraph too long"
    # The third paragraph is loose text beside other text: no element of its own to delete.
    loose = STORY.replace(f"<p>{THIRD}</p>", f"<div>{THIRD}<a href='/y'>More</a></div>")
    assert short.shorten(_page(loose, TRUTH)).reason == "story text left in the page"
    assert short.shorten(_page(STORY, [_para("absent", 200)])).reason == "story not found"


def test_the_story_is_found_in_truth_order_past_an_earlier_copy_of_a_later_line():
    # A teaser of the third paragraph comes before the story: the chain of the most
    # truth tokens takes the story's own paragraphs.
    page = _page(f"<p>{THIRD}</p>{STORY}", TRUTH)
    made = short.shorten(page)
    assert made.reason == "ok"
    assert made.page.truth.splitlines() == [LEAD, SECOND]
    assert "third0" not in made.page.html


def test_the_json_ld_article_body_becomes_the_kept_text():
    import json

    import lxml.html
    body = "\n\n".join(TRUTH[:-1])  # paragraphs apart as JSON writes them: "\\n\\n"
    ld = json.dumps({"@type": "NewsArticle", "headline": "Headline", "articleBody": body})
    page = _page(STORY, TRUTH)
    page = datasets.Page(id=page.id, url=page.url, truth=page.truth, page_type="article",
                         html=page.html.replace(
                             "</head>", f"<script type='application/ld+json'>{ld}</script></head>"))
    made = short.shorten(page)
    assert made.reason == "ok"
    script = lxml.html.document_fromstring(made.page.html).find(".//script")
    data = json.loads(script.text)
    assert data["headline"] == "Headline"
    assert data["articleBody"].split() == f"{LEAD} {SECOND}".split()
