"""The explain report: every removal recorded for HTML, shown in reading order
in one self-contained HTML page; escaped against hostile input; opened in a
real browser (headless Chromium)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsclean

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "tests" / "data" / "pages" / "harbour_story.html"


class Blocks(HTMLParser):
    """The report's blocks as a browser's DOM has them: (class, attributes, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self.tags: list[str] = []
        self._open: dict | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if self._open is not None:
            self._depth += 1
        elif tag == "p" and "block" in (a.get("class") or "").split():
            self._open = {"class": a["class"].split(), "attrs": a, "text": ""}
            self._depth = 0

    def handle_endtag(self, tag):
        if self._open is None:
            return
        if self._depth == 0 and tag == "p":
            self.blocks.append(self._open)
            self._open = None
        else:
            self._depth -= 1

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data


def parse(report: str) -> Blocks:
    p = Blocks()
    p.feed(report)
    p.close()
    return p


def counts(p: Blocks) -> tuple[int, int]:
    kept = sum("kept" in b["class"] for b in p.blocks)
    removed = sum("removed" in b["class"] for b in p.blocks)
    return kept, removed


def test_html_removals_are_recorded_with_stage_path_and_words():
    r = newsclean.Cleaner().clean(PAGE.read_bytes(), format="html")
    html = [x for x in r.removed if x.stage == "html"]
    assert html, "elements stripped by HTML rules are listed"
    assert all(x.path.startswith("body/") and x.words > 0 for x in html)
    assert {"extractor", "advert"} <= {x.category for x in html}
    assert r.stats.removed == len(r.removed)
    assert r.stats.removed_by_category == {
        c: sum(x.category == c for x in r.removed) for c in {x.category for x in r.removed}
    }
    assert list(r.stats.removed_by_category) == sorted(r.stats.removed_by_category)
    d = r.to_dict()
    assert d["stats"]["removed_by_category"] == r.stats.removed_by_category
    assert [x["stage"] for x in d["removed"]] == [x.stage for x in r.removed]


def test_removed_text_is_cut_but_words_count_all_of_it():
    r = newsclean.Cleaner(removed_text_chars=20).clean(PAGE.read_bytes(), format="html")
    whole = newsclean.Cleaner(removed_text_chars=0).clean(PAGE.read_bytes(), format="html")
    assert [x.words for x in r.removed] == [x.words for x in whole.removed]
    long = [(a, b) for a, b in zip(r.removed, whole.removed) if len(b.text) > 20]
    assert long
    for a, b in long:
        assert a.text.endswith("\u2026") and len(a.text) == 21
        assert b.text.startswith(a.text[:-1]) and len(b.text.split()) == b.words


def test_report_has_every_kept_block_and_every_removal_in_reading_order():
    result = newsclean.Cleaner(removed_text_chars=0).clean(PAGE.read_bytes(), format="html")
    report = newsclean.explain(PAGE.read_bytes(), format="html", source="harbour")
    p = parse(report)
    assert counts(p) == (result.stats.kept, len(result.removed))
    kept = [b["text"] for b in p.blocks if "kept" in b["class"]]
    assert kept == result.text.split("\n")
    removed = [b for b in p.blocks if "removed" in b["class"]]
    assert [b["attrs"]["data-rule"] for b in removed] == [x.rule for x in result.removed]
    assert [b["attrs"]["data-category"] for b in removed] == [x.category for x in result.removed]
    # The first removal of the page (before the story) comes before the first
    # kept block, and the footer after the last one.
    first_kept = next(i for i, b in enumerate(p.blocks) if "kept" in b["class"])
    last_kept = max(i for i, b in enumerate(p.blocks) if "kept" in b["class"])
    assert first_kept > 0 and "removed" in p.blocks[0]["class"]
    assert any("removed" in b["class"] for b in p.blocks[last_kept + 1:])
    # Every removal says its rule, with the rule's description on hover.
    descriptions = {r["id"]: r["description"] for r in newsclean.Cleaner().rules()}
    for b in removed:
        rule = b["attrs"]["data-rule"]
        assert b["attrs"]["title"].startswith(rule)
        if descriptions.get(rule):
            assert descriptions[rule] in b["attrs"]["title"]
    # No script and nothing loaded from elsewhere.
    assert "script" not in p.tags and "link" not in p.tags and "img" not in p.tags
    assert "http" not in report.lower().replace("http-equiv", "")


def test_report_escapes_hostile_input():
    rules = """\
rules:
  - id: hostile-rule
    category: 'x"><script>alert(1)</script>'
    description: 'a "quoted" <b>bold</b> & ''single'' description'
    where: anywhere
    pattern: '^DROP ME'
    action: drop
    examples: {hit: ['DROP ME now'], miss: ['keep me']}
"""
    page = (
        b"<html><head><title>T &lt;script&gt;</title></head><body><article>"
        b"<p>The council met on Tuesday to agree the budget for the coming year, "
        b"and said &lt;script&gt;alert('x')&lt;/script&gt; was not on the agenda.</p>"
        b"<p>DROP ME \"now\" <b>please</b> \xff\xfe broken bytes</p>"
        b"<p>Councillors also approved a new bridge, with the work to start in May "
        b"and to end before the winter.</p></article>"
        b"<footer>Follow us \xc3\x28 \" ' &lt;/p&gt;</footer></body></html>"
    )
    report = newsclean.explain(page, format="html", rules=rules, source='a"<b>.html')
    report.encode("utf-8")  # well-formed text
    p = parse(report)
    assert "script" not in p.tags and "b" not in p.tags
    removed = [b for b in p.blocks if "removed" in b["class"]]
    hostile = [b for b in removed if b["attrs"]["data-rule"] == "hostile-rule"]
    assert len(hostile) == 1
    assert hostile[0]["attrs"]["data-category"] == 'x"><script>alert(1)</script>'
    assert 'a "quoted" <b>bold</b> & \'single\' description' in hostile[0]["attrs"]["title"]
    # (bytes that are not UTF-8 are decoded by the page's charset detection;
    # the C++ test gives explain_html ill-formed UTF-8 itself)
    assert hostile[0]["text"].startswith('DROP ME "now" please ')
    assert "broken bytes" in hostile[0]["text"]
    kept = [b["text"] for b in p.blocks if "kept" in b["class"]]
    assert any("<script>alert('x')</script>" in t for t in kept)
    assert "<title>newsclean explain: a&quot;&lt;b&gt;.html</title>" in report


def _cli() -> str | None:
    return os.environ.get("NEWSCLEAN_CLI") or shutil.which("newsclean")


@pytest.mark.skipif(_cli() is None, reason="newsclean CLI not found (set NEWSCLEAN_CLI)")
def test_cli_explain_writes_the_report(tmp_path: Path):
    out = tmp_path / "report.html"
    proc = subprocess.run([_cli(), "explain", str(PAGE), "-o", str(out)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    result = newsclean.Cleaner(removed_text_chars=0).clean(PAGE.read_bytes(), format="html")
    assert counts(parse(out.read_text(encoding="utf-8"))) == (
        result.stats.kept, len(result.removed))
    proc = subprocess.run([_cli(), "clean", "--explain", str(PAGE)],
                          capture_output=True, text=True, timeout=60)
    lines = [l for l in proc.stderr.splitlines() if "removed element before block" in l]
    assert len(lines) == sum(x.stage == "html" for x in result.removed)
    assert any("[html-advert/advert] body/" in l and "(16 words): Advertisement" in l
               for l in lines)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None,
                    reason="chromium is not installed (scripts/setup.sh installs it)")
def test_report_opens_in_a_browser_with_its_blocks(tmp_path: Path):
    result = newsclean.Cleaner(removed_text_chars=0).clean(PAGE.read_bytes(), format="html")
    report = tmp_path / "report.html"
    report.write_text(newsclean.explain(PAGE.read_bytes(), format="html"), encoding="utf-8")
    shot = tmp_path / "report.png"
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
             "--window-size=1000,3000"]
    start = time.monotonic()
    subprocess.run(flags + [f"--screenshot={shot}", report.as_uri()],
                   capture_output=True, timeout=60, check=True)
    dom = subprocess.run(flags + ["--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert time.monotonic() - start < 20
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    p = parse(dom)
    kept, removed = counts(p)
    assert kept == result.stats.kept and kept > 0
    assert removed == len(result.removed) and removed > 0
    assert sum(b["attrs"].get("data-stage") == "html" for b in p.blocks) == sum(
        x.stage == "html" for x in result.removed)
