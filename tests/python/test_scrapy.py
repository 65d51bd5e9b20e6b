"""newsclean.scrapy: real crawls over HTTP on 127.0.0.1, and the pipeline's settings.

The crawls run in subprocesses (a Twisted reactor cannot restart inside one
process) against a local server of examples/data/articles.jsonl, and their
JSON lines feeds and stats are checked against the library's own results.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
import runpy
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("scrapy", reason="Scrapy is not installed: pip install 'newsclean[scrapy]'")
attrs = pytest.importorskip("attrs", reason="attrs is not installed (it comes with Scrapy)")

import scrapy  # noqa: E402
from scrapy.crawler import Crawler  # noqa: E402
from scrapy.exceptions import DropItem, NotConfigured  # noqa: E402
from scrapy.settings import Settings  # noqa: E402
from scrapy.statscollectors import MemoryStatsCollector  # noqa: E402

import newsclean  # noqa: E402
from newsclean.scrapy import NewscleanAddon, NewscleanPipeline  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PROJECT = EXAMPLES / "scrapy_project"
RULES = PROJECT / "site-rules.yaml"
SERVER = runpy.run_path(str(EXAMPLES / "serve_articles.py"))
STORY = "The council met on Tuesday and agreed the budget for the coming year."


def _records() -> list[dict]:
    with open(EXAMPLES / "data/articles.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _expected(site: str, fmt: str = "auto") -> dict[str, newsclean.Result]:
    """What the library itself makes of each story, by the URL the spider reports."""
    cleaner = newsclean.Cleaner(RULES)
    pages = SERVER["site_pages"]()
    out = {}
    for r in _records():
        path = f"/news/{r['id']}.html"
        url = r["url"] or site.rstrip("/") + path
        if fmt == "html":
            out[url] = cleaner.clean(pages[path].decode("utf-8"), url=url, format="html")
        else:
            out[url] = cleaner.clean("\n".join(r["text"].splitlines()), url=url)
    return out


@pytest.fixture(scope="module")
def site():
    server = SERVER["make_server"](0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
    thread.join(5)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return proc


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- a real crawl of the example project, as the docs run it -------------------------------

def _crawl_example(site, out: Path, cwd: Path, *extra: str) -> subprocess.CompletedProcess:
    return _run(["-m", "scrapy", "crawl", "news", "-a", f"start_url={site}", "-O", str(out),
                 *extra], cwd=cwd)


def test_example_project_crawl_with_the_addon(site, tmp_path):
    """Run from a folder inside the project: NEWSCLEAN_RULES = "site-rules.yaml" is
    found beside scrapy.cfg, not in the working directory."""
    out = tmp_path / "items.jsonl"
    cwd = PROJECT / "newsproject" / "spiders"
    assert not (cwd / "site-rules.yaml").exists()
    proc = _crawl_example(site, out, cwd)
    items = _read_jsonl(out)
    expected = _expected(site, "html")
    nonempty = {k for k, r in expected.items() if r.text}
    assert {i["url"] for i in items} == nonempty  # the two empty stories were dropped
    metadata = ("title", "section", "author", "published", "language", "canonical_url")
    for item in items:
        r = expected[item["url"]]
        assert item["text"] == r.text
        assert "html" not in item  # NEWSCLEAN_DROP_INPUT
        for name in metadata:  # written when the page has it, absent when not
            assert item.get(name) == (getattr(r, name) or None), (item["url"], name)
    kaspersky = next(i for i in items if "UK-Kaspersky" in i["url"])
    assert kaspersky["author"] == "Press TV staff" and kaspersky["language"] == "en"
    assert kaspersky["published"] == "2017-12-02T14:05:00Z"
    assert kaspersky["section"] == ["News", "Politics"]
    assert kaspersky["canonical_url"] == kaspersky["url"]
    assert sum("author" in i for i in items) == 2 and sum("language" in i for i in items) == 3
    assert "newsclean.scrapy.NewscleanAddon" in proc.stderr  # "Enabled addons"
    assert "'newsclean/removed/advert': 1" in proc.stderr  # the site rule, via NEWSCLEAN_RULES


def test_example_project_with_the_docs_field_map_from_the_command_line(site, tmp_path):
    """The docs' `-s NEWSCLEAN_FIELDS='...'` example, run on the example project."""
    docs = "\n".join(_doc_blocks("Scrapy"))
    fields = re.search(r"-s NEWSCLEAN_FIELDS='(\{.*?\})'", docs).group(1)
    assert json.loads(fields) == {"text": "body", "author": "byline", "published": "date",
                                  "removed": "removed"}
    out = tmp_path / "items.jsonl"
    _crawl_example(site, out, PROJECT, "-s", f"NEWSCLEAN_FIELDS={fields}")
    items = _read_jsonl(out)
    expected = _expected(site, "html")
    assert items and all(set(i) <= {"url", "body", "byline", "date", "removed"} for i in items)
    for item in items:
        r = expected[item["url"]]
        assert item["body"] == r.text
        assert item.get("byline") == (r.author or None)
        assert item.get("date") == (r.published or None)
        assert item.get("removed", []) == [x.to_dict() for x in r.removed]
    assert {i.get("byline") for i in items} == {None, "Press TV staff", "Claire Dubois"}


def test_rules_path_missing_from_the_project_is_named(site, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"start_url={site}",
         "-s", "NEWSCLEAN_RULES=no-such-rules.yaml", "-O", str(tmp_path / "x.jsonl")],
        cwd=PROJECT / "newsproject", capture_output=True, text=True, timeout=120)
    assert "no-such-rules.yaml' not found in the Scrapy project" in proc.stderr
    assert str(PROJECT / "no-such-rules.yaml") in proc.stderr


# --- crawls with every item type, under each way Scrapy can run ------------------------------

CRAWL = r'''
import dataclasses, json, sys, threading

import attrs, scrapy
from newsclean.scrapy import NewscleanPipeline

mode, start_url, rules, out = sys.argv[1:5]


class ScrapyArticle(scrapy.Item):
    kind = scrapy.Field()
    url = scrapy.Field()
    body = scrapy.Field()
    clean = scrapy.Field()


@dataclasses.dataclass
class DataclassArticle:
    kind: str
    url: str
    body: str
    clean: str = ""


@attrs.define
class AttrsArticle:
    kind: str
    url: str
    body: str
    clean: str = ""


class Spider(scrapy.Spider):
    name = "newsclean-test"

    def parse(self, response):
        for i, link in enumerate(response.css("a.story")):
            yield response.follow(link, self.parse_story, cb_kwargs={"n": i})

    def parse_story(self, response, n):
        url = response.css('link[rel="canonical"]::attr(href)').get(response.url)
        paragraphs = response.css("article p::text").getall()
        if mode == "html":  # the whole page
            paragraphs = [response.text]
        kind = n % 4
        if kind == 0:
            return {"kind": "dict", "url": url, "body": paragraphs}
        if kind == 1:
            return ScrapyArticle(kind="scrapy.Item", url=url, body=paragraphs)
        if kind == 2:
            return DataclassArticle("dataclass", url, "\n".join(paragraphs))
        return AttrsArticle("attrs", url, "\n".join(paragraphs))


class RecordingPipeline(NewscleanPipeline):
    """Notes the thread each cleaning runs on."""

    on_reactor_thread = []

    def _clean_value(self, text, url):
        self.on_reactor_thread.append(threading.current_thread() is threading.main_thread())
        return super()._clean_value(text, url)

    def close_spider(self, spider=None):
        self.stats.set_value("test/cleanings", len(self.on_reactor_thread))
        self.stats.set_value("test/cleanings_on_reactor_thread", sum(self.on_reactor_thread))


settings = {
    "ITEM_PIPELINES": {RecordingPipeline: 300},
    "NEWSCLEAN_RULES": rules,
    "NEWSCLEAN_INPUT_FIELD": "body",
    "NEWSCLEAN_FIELDS": {"text": "clean"},
    "NEWSCLEAN_DROP_EMPTY": True,
    "FEEDS": {out + "/items.jsonl": {"format": "jsonlines", "encoding": "utf-8"}},
    "ROBOTSTXT_OBEY": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "INFO",
}
if mode == "html":
    settings["NEWSCLEAN_FORMAT"] = "html"
if mode == "reactorless":
    from scrapy.crawler import AsyncCrawlerProcess as Process
    settings["TWISTED_REACTOR_ENABLED"] = False
else:
    from scrapy.crawler import CrawlerProcess as Process
    if mode == "twisted":
        settings["TWISTED_REACTOR"] = "twisted.internet.selectreactor.SelectReactor"

process = Process(settings)
crawler = process.create_crawler(Spider)
process.crawl(crawler, start_urls=[start_url])
process.start()
with open(out + "/stats.json", "w") as f:
    json.dump(crawler.stats.get_stats(), f, default=str)
'''


def _modes():
    from scrapy.settings import default_settings

    reactorless = pytest.mark.skipif(
        not hasattr(default_settings, "TWISTED_REACTOR_ENABLED"),
        reason=f"Scrapy {scrapy.__version__} cannot run without a Twisted reactor",
    )
    return ["asyncio", "twisted", pytest.param("reactorless", marks=reactorless), "html"]


@pytest.mark.parametrize("mode", _modes())
def test_crawl_cleans_every_item_type_off_the_reactor_thread(site, tmp_path, mode):
    """asyncio: Scrapy's default reactor; twisted: a non-asyncio reactor; reactorless:
    asyncio without Twisted; html: whole pages with NEWSCLEAN_FORMAT = "html"."""
    script = tmp_path / "crawl.py"
    script.write_text(CRAWL, encoding="utf-8")
    proc = _run([str(script), mode, site, str(RULES), str(tmp_path)], cwd=tmp_path)
    if mode == "twisted":
        assert "SelectReactor" in proc.stderr
    items = _read_jsonl(tmp_path / "items.jsonl")
    stats = json.loads((tmp_path / "stats.json").read_text())
    expected = _expected(site, "html" if mode == "html" else "auto")
    nonempty = [url for url, r in expected.items() if r.text]

    assert {i["kind"] for i in items} == {"dict", "scrapy.Item", "dataclass", "attrs"}
    assert sorted(i["url"] for i in items) == sorted(nonempty)
    for item in items:
        assert item["clean"] == expected[item["url"]].text, item["kind"]

    removed: dict[str, int] = {}
    for r in expected.values():
        for x in r.removed:
            removed[x.category] = removed.get(x.category, 0) + 1
    got = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("newsclean/removed/")}
    assert got == removed and removed["advert"] == 1
    assert stats["newsclean/items"] == len(expected) == 11
    assert stats["newsclean/empty"] == stats.get("item_dropped_count", 0) == 11 - len(nonempty)
    assert stats["test/cleanings"] == 11
    assert stats["test/cleanings_on_reactor_thread"] == 0


# --- the pipeline in-process: settings and item handling -------------------------------------

def get_crawler(settings_dict: dict) -> Crawler:
    """A crawler that is never started (so no reactor), with its stats collector."""
    crawler = Crawler(scrapy.Spider, Settings(settings_dict))
    crawler.stats = MemoryStatsCollector(crawler)
    return crawler


def _pipeline(**settings) -> NewscleanPipeline:
    return NewscleanPipeline.from_crawler(get_crawler(settings_dict=settings))


def _process(pipeline: NewscleanPipeline, item):
    return asyncio.run(pipeline.process_item(item))


def test_crawl_of_a_site_not_in_utf8(tmp_path):
    """response.text (a str Scrapy decoded) is cleaned as it is, never decoded again."""
    stories = ROOT / "tests/data/charsets"
    pages, types, expected = {}, {}, {}
    links = ""
    # (charset, codec, Content-Type: with a charset, or without: Scrapy reads the <meta>)
    for charset, codec, header in [("windows-1251", "cp1251", "text/html"),
                                   ("gbk", "gbk", "text/html; charset=gbk")]:
        title, *paragraphs = (stories / f"{charset}.txt").read_text(encoding="utf-8").splitlines()
        path = f"/news/{charset}.html"
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        pages[path] = (f'<!doctype html><html><head><meta charset="{charset}"><title>{title}'
                       f"</title></head><body><article><h1>{title}</h1>\n{body}</article>"
                       "</body></html>\n").encode(codec)
        types[path] = header
        links += f'<a class="story" href="{path}">{charset}</a>\n'
        expected[charset] = paragraphs
    pages["/"] = f"<!doctype html><html><body>{links}</body></html>".encode()
    server = SERVER["make_server"](0, pages, types)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        script = tmp_path / "crawl.py"
        script.write_text(CRAWL, encoding="utf-8")
        _run([str(script), "html", f"http://127.0.0.1:{server.server_port}/", str(RULES),
              str(tmp_path)], cwd=tmp_path)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    items = _read_jsonl(tmp_path / "items.jsonl")
    assert len(items) == 2
    for item in items:
        charset = item["url"].rsplit("/", 1)[1].removesuffix(".html")
        for paragraph in expected[charset]:
            assert paragraph in item["clean"], (charset, item["clean"])


def test_disabled_pipeline_is_not_configured():
    with pytest.raises(NotConfigured):
        _pipeline(NEWSCLEAN_ENABLED=False)


def test_fields_setting_forms():
    from newsclean.scrapy import DEFAULT_FIELDS

    assert _pipeline().fields == DEFAULT_FIELDS == {
        name: name for name in ("text", "title", "section", "author", "published", "language",
                                "canonical_url")}
    assert _pipeline(NEWSCLEAN_FIELDS={"text": "clean"}).fields == {"text": "clean"}
    assert _pipeline(NEWSCLEAN_FIELDS=["text", "site_name"]).fields == {"text": "text",
                                                                        "site_name": "site_name"}
    assert _pipeline(NEWSCLEAN_FIELDS='{"text": "clean"}').fields == {"text": "clean"}  # -s
    assert _pipeline(NEWSCLEAN_FIELDS="text,kind").fields == {"text": "text", "kind": "kind"}
    with pytest.raises(ValueError, match="NEWSCLEAN_FIELDS"):
        _pipeline(NEWSCLEAN_FIELDS={})
    with pytest.raises(ValueError, match="'body' is not a newsclean.Result field.*INPUT_FIELD"):
        _pipeline(NEWSCLEAN_FIELDS={"body": "text"})  # the old form names the input field
    with pytest.raises(ValueError, match="where the cleaned text goes"):
        _pipeline(NEWSCLEAN_FIELDS={"title": "headline"})


def test_metadata_written_when_present_and_by_the_map():
    page = ('<html lang="en-GB"><head><meta name="author" content="A. Writer">'
            '<meta property="og:site_name" content="The Gazette">'
            '<link rel="canonical" href="https://www.example.com/a"></head><body><article>'
            f"<h1>Council agrees the budget</h1><p>{STORY}</p></article></body></html>")
    item = _process(_pipeline(), {"text": page, "published": "from the spider"})
    want = newsclean.Cleaner().clean(page)
    assert item["text"] == want.text and STORY in want.text
    assert (item["title"], item["author"], item["language"], item["canonical_url"]) == (
        "Council agrees the budget", "A. Writer", "en-GB", "https://www.example.com/a")
    assert item["published"] == "from the spider"  # the page has none: the item's is kept
    assert "section" not in item and "site_name" not in item  # none / not in the default map

    p = _pipeline(NEWSCLEAN_INPUT_FIELD="page", NEWSCLEAN_DROP_INPUT=True,
                  NEWSCLEAN_FIELDS={"text": "clean", "site_name": "site", "stats": "stats"})
    item = _process(p, {"page": page})
    assert item == {"clean": want.text, "site": "The Gazette", "stats": want.stats.to_dict()}


def test_default_map_skips_fields_a_declared_item_lacks():
    class Article(scrapy.Item):
        text = scrapy.Field()
        title = scrapy.Field()

    page = f"<html lang='en'><body><article><h1>A title</h1><p>{STORY}</p></article></body></html>"
    item = _process(_pipeline(), Article(text=page))
    want = newsclean.Cleaner().clean(page)
    assert want.language == "en" and want.title == "A title"
    assert dict(item) == {"text": want.text, "title": "A title"}  # no language field: skipped


def test_relative_rules_path_is_found_in_the_project(tmp_path, monkeypatch):
    project = tmp_path / "proj"
    (project / "proj" / "spiders").mkdir(parents=True)
    (project / "scrapy.cfg").write_text("[settings]\ndefault = proj.settings\n")
    (project / "rules.yaml").write_text(
        "rules:\n  - {id: promo, category: advert, pattern: '^Buy the paper'}\n")
    monkeypatch.delenv("SCRAPY_SETTINGS_MODULE", raising=False)
    monkeypatch.chdir(project / "proj" / "spiders")
    item = {"text": STORY + "\nBuy the paper every day"}
    assert _process(_pipeline(NEWSCLEAN_RULES="rules.yaml"), dict(item))["text"] == STORY
    with pytest.raises(FileNotFoundError, match="'other.yaml' not found in the Scrapy project"):
        _pipeline(NEWSCLEAN_RULES=["rules.yaml", "other.yaml"])

    # Beside the settings module (a project without scrapy.cfg above the working dir)
    (project / "proj" / "__init__.py").write_text("")
    (project / "proj" / "settings.py").write_text("")
    (project / "proj" / "near-settings.yaml").write_text(
        "rules:\n  - {id: promo2, category: advert, pattern: '^Read more'}\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.syspath_prepend(str(project))
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "proj.settings")
    got = _process(_pipeline(NEWSCLEAN_RULES="near-settings.yaml"), {"text": STORY + "\nRead more"})
    assert got["text"] == STORY


def test_bad_rules_stop_the_crawl_at_start(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - {id: x, category: advert, pattern: '('}\n")
    with pytest.raises(ValueError, match="bad.yaml"):
        _pipeline(NEWSCLEAN_RULES=str(bad))


def test_rules_as_yaml_text_and_disable():
    text = STORY + "\nBuy the paper every day"
    rules = "rules:\n  - {id: promo, category: advert, pattern: '^Buy the paper'}\n"
    assert _process(_pipeline(NEWSCLEAN_RULES=rules), {"text": text})["text"] == STORY
    crumb = {"text": "News / Politics\n" + STORY}
    assert _process(_pipeline(), dict(crumb))["text"] == STORY
    crawler = get_crawler(settings_dict={"NEWSCLEAN_DISABLE": ["breadcrumb-trail"]})
    _process(NewscleanPipeline.from_crawler(crawler), dict(crumb))
    assert "newsclean/removed/breadcrumb" not in crawler.stats.get_stats()


def test_format_setting():
    assert _pipeline(NEWSCLEAN_FORMAT="html").format == "html"
    with pytest.raises(ValueError, match="NEWSCLEAN_FORMAT"):
        _pipeline(NEWSCLEAN_FORMAT="pdf")


def test_item_types_in_process():
    class Article(scrapy.Item):
        body = scrapy.Field()
        text = scrapy.Field()
        url = scrapy.Field()

    @dataclasses.dataclass
    class DataArticle:
        body: str
        text: str = ""

    @attrs.define
    class AttrsArticle:
        body: str
        text: str = ""

    p = _pipeline(NEWSCLEAN_INPUT_FIELD="body")
    raw = "News / Politics\n" + STORY
    for item in ({"body": raw}, Article(body=raw.split("\n")), DataArticle(raw), AttrsArticle(raw)):
        out = _process(p, item)
        assert out is item
        assert (out["text"] if isinstance(out, (dict, scrapy.Item)) else out.text) == STORY
        assert (out["body"] if isinstance(out, (dict, scrapy.Item)) else out.body) != STORY


def test_items_without_the_fields_pass_untouched():
    p = _pipeline(NEWSCLEAN_INPUT_FIELD="body", NEWSCLEAN_DROP_EMPTY=True)
    item = {"author": "A. Writer"}
    assert _process(p, item) == {"author": "A. Writer"}


def test_drop_empty_and_stats():
    crawler = get_crawler(settings_dict={"NEWSCLEAN_DROP_EMPTY": True})
    p = NewscleanPipeline.from_crawler(crawler)
    with pytest.raises(DropItem, match="empty"):
        _process(p, {"text": " \n\u00a0\n"})
    with pytest.raises(DropItem):
        _process(p, {"text": None})
    _process(p, {"text": "News / Politics\n" + STORY})
    stats = crawler.stats.get_stats()
    assert stats["newsclean/items"] == 3 and stats["newsclean/empty"] == 2
    assert stats["newsclean/removed/breadcrumb"] == 1

    keep = _pipeline()  # DROP_EMPTY off: the empty item goes on, with empty text
    assert _process(keep, {"text": " \n"}) == {"text": ""}


def test_undeclared_output_field_is_named():
    class Article(scrapy.Item):
        body = scrapy.Field()

    with pytest.raises(KeyError, match="'text' to 'clean'.*Article does not declare"):
        _process(_pipeline(NEWSCLEAN_INPUT_FIELD="body", NEWSCLEAN_FIELDS={"text": "clean"}),
                 Article(body=STORY))


def test_non_text_field_is_an_error():
    with pytest.raises(TypeError, match="'text' holds int"):
        _process(_pipeline(), {"text": 3})


def test_addon_enables_the_pipeline_once():
    settings = Settings()
    NewscleanAddon().update_settings(settings)
    assert settings.getdict("ITEM_PIPELINES") == {NewscleanPipeline: NewscleanAddon.priority}

    settings = Settings({"ITEM_PIPELINES": {"newsclean.scrapy.NewscleanPipeline": 900}})
    NewscleanAddon().update_settings(settings)
    assert list(settings.getdict("ITEM_PIPELINES").values()) == [900]


# --- the docs run what the examples hold ------------------------------------------------------

def _doc_blocks(section: str) -> list[str]:
    """The fenced code blocks under "## <section>" in docs/integrations.md."""
    text = (ROOT / "docs/integrations.md").read_text(encoding="utf-8")
    part = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```[a-z]*\n(.*?)^```$", part, re.S | re.M)


def test_docs_show_the_example_project_as_it_is():
    blocks = _doc_blocks("Scrapy")
    for rel in ("newsproject/settings.py", "newsproject/spiders/news.py"):
        assert (PROJECT / rel).read_text(encoding="utf-8") in blocks, rel


def test_auto_format_takes_pages_and_text():
    page = f"<html><body><nav>Home</nav><article><p>{STORY}</p></article></body></html>"
    got = _process(_pipeline(), {"text": page, "url": "https://www.example.com/a"})["text"]
    assert got == newsclean.Cleaner().clean_html(page, url="https://www.example.com/a").text
    assert "<p>" not in got
    assert _process(_pipeline(NEWSCLEAN_FORMAT="text"), {"text": page})["text"].startswith("<html>")
