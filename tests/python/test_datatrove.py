"""newsclean.datatrove: the blocks in LocalPipelineExecutor runs on small JSONL inputs.

The runs use two tasks on two worker processes, so the blocks travel to the
workers pickled (datatrove's multiprocess pool, dill), as they do in production.
"""

from __future__ import annotations

import gzip
import io
import json
import pickle
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("datatrove",
                    reason="datatrove is not installed: pip install 'newsclean[datatrove]'")
pytest.importorskip("orjson", reason="orjson (datatrove's JSONL reader) is not installed: "
                                     "pip install 'newsclean[datatrove]'")

import dill  # noqa: E402
from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.extractors.base import BaseExtractor  # noqa: E402
from datatrove.pipeline.formatters.base import BaseFormatter  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

import newsclean  # noqa: E402
from newsclean.datatrove import (  # noqa: E402
    DEFAULT_METADATA,
    NewscleanExtractor,
    NewscleanFormatter,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RULES = EXAMPLES / "site-rules.yaml"
ARTICLES = EXAMPLES / "data" / "articles.jsonl"
STORY = "The council met on Tuesday and agreed the budget for the coming year."


def _records() -> list[dict]:
    with open(ARTICLES, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _write_inputs(folder: Path) -> list[dict]:
    """The example articles split over two JSONL files, one per task."""
    records = _records()
    folder.mkdir()
    for n, part in enumerate((records[::2], records[1::2])):
        with open(folder / f"part{n}.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in part)
    return records


def _read_outputs(folder: Path) -> dict[str, dict]:
    docs = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            docs.update((d["id"], d) for d in map(json.loads, f))
    return docs


def _step_stats(logs: Path, name: str) -> dict[str, int]:
    steps = json.loads((logs / "stats.json").read_text(encoding="utf-8"))
    (step,) = [s for s in steps if name in s["name"]]
    return {k: v["total"] if isinstance(v, dict) else v for k, v in step["stats"].items()}


def test_pipeline_cleans_documents_in_two_worker_processes(tmp_path):
    records = _write_inputs(tmp_path / "in")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            NewscleanFormatter(rules=RULES),
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()

    cleaner = newsclean.Cleaner(RULES)
    want = {r["id"]: cleaner.clean(r["text"], url=r["url"]) for r in records if r.get("text")}
    docs = _read_outputs(tmp_path / "out")
    assert set(docs) == set(want)  # the formatter drops nothing: the empty one goes on
    for doc_id, doc in docs.items():
        r = want[doc_id]
        assert doc.get("text", "") == r.text  # the writer leaves out an empty text
        meta = doc["metadata"]
        for name in DEFAULT_METADATA:  # every key on every document
            value = [x.category for x in r.removed] if name == "removed" else getattr(r, name)
            assert meta[f"newsclean_{name}"] == value, (doc_id, name)
    assert docs["copyright-law-story"]["metadata"]["newsclean_removed"][-1] == "advert"
    assert docs["kaspersky-ban"]["metadata"]["newsclean_title"].startswith("UK govt. bans")

    stats = _step_stats(tmp_path / "logs", "newsclean")
    removed: dict[str, int] = {}
    for r in want.values():
        for x in r.removed:
            removed[f"removed_{x.category}"] = removed.get(f"removed_{x.category}", 0) + 1
    assert {k: v for k, v in stats.items() if k.startswith("removed_")} == removed
    # The reader skips the record with no text; the whitespace-only one is cleaned to nothing.
    assert stats["total"] == len(records) - 1 == len(docs)
    assert stats["empty"] == 1 and stats.get("dropped", 0) == 0
    assert stats["forwarded"] == len(docs)


def test_formatter_drops_only_when_asked_into_the_exclusion_writer(tmp_path):
    _write_inputs(tmp_path / "in")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            NewscleanFormatter(rules=RULES, drop_empty=True,
                               exclusion_writer=JsonlWriter(str(tmp_path / "excluded"))),
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    docs, excluded = _read_outputs(tmp_path / "out"), _read_outputs(tmp_path / "excluded")
    assert len(excluded) == 1 and not set(excluded) & set(docs)
    (doc,) = excluded.values()
    assert not doc.get("text") and doc["metadata"]["filter_reason"] == "newsclean_empty"
    stats = _step_stats(tmp_path / "logs", "newsclean")
    assert stats["dropped"] == stats["empty"] == 1


def test_the_blocks_are_datatrove_extractor_and_formatter():
    page = (f"<html><body><nav><a href='/'>Home</a></nav><article><p>{STORY}</p></article>"
            "</body></html>")
    extractor = NewscleanExtractor(timeout=2)
    assert isinstance(extractor, BaseExtractor) and extractor.timeout == 2
    assert extractor.extract(page) == newsclean.Cleaner().clean_html(page).text == STORY
    formatter = NewscleanFormatter()
    assert isinstance(formatter, BaseFormatter)
    assert formatter.format("News / Politics\n" + STORY) == STORY
    assert NewscleanExtractor().timeout is None
    with pytest.raises(ValueError, match="not newsclean.Result fields"):
        NewscleanFormatter(metadata=["title", "headline"])


def test_blocks_pickle_with_their_rules_and_options():
    block = NewscleanFormatter(rules=RULES, url_key="link", metadata_prefix=None, drop_empty=False)
    for copy in (pickle.loads(pickle.dumps(block)), dill.loads(dill.dumps(block))):
        assert (copy.url_key, copy.metadata_prefix, copy.drop_empty) == ("link", None, False)
        doc = Document(text=STORY + "\nRead the Ledgerline every morning.",
                       id="1", metadata={"link": "https://www.ledgerline.example/x"})
        docs = list(copy.run(iter([doc, Document(text=" ", id="2")])))
        assert [d.text for d in docs] == [STORY, ""]  # the site rule came along; empty kept
        assert docs[0].metadata == {"link": "https://www.ledgerline.example/x"}


def test_block_arguments():
    with pytest.raises(TypeError, match="not both"):
        NewscleanFormatter(newsclean.Cleaner(), rules=RULES)
    bad = "rules:\n  - {id: x, category: advert, pattern: '('}\n"
    with pytest.raises(ValueError, match="rule 'x'"):
        NewscleanFormatter(rules=bad)
    cleaner = newsclean.Cleaner(disable=["breadcrumb-trail"])
    assert NewscleanFormatter(cleaner).cleaner is cleaner


def _write_pages(folder: Path, records: list[dict]) -> None:
    folder.mkdir()
    with open(folder / "pages.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            body = "".join(f"<p>{line}</p>" for line in r["text"].splitlines() if line.strip())
            lang = f" lang='{r['language']}'" if r.get("language") else ""
            author = (f"<meta name='author' content='{r['author']}'>" if r.get("author") else "")
            page = (f"<html{lang}><head>{author}</head><body><nav><a href='/'>Home</a></nav>"
                    f"<article>{body}</article></body></html>")
            f.write(json.dumps({"id": r["id"], "url": r["url"], "text": page}) + "\n")


@pytest.mark.parametrize("timeout", [None, 30])
def test_html_extractor_pipeline(tmp_path, timeout):
    """In this process (timeout None) and in datatrove's sandbox process (a timeout)."""
    pages = [r for r in _records() if r.get("text", "").strip()][:5]
    _write_pages(tmp_path / "in", pages)
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")),
                  NewscleanExtractor(rules=RULES, timeout=timeout),
                  JsonlWriter(str(tmp_path / "out"))],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = _read_outputs(tmp_path / "out")
    assert set(docs) == {r["id"] for r in pages}
    cleaner = newsclean.Cleaner(RULES)
    for line in (tmp_path / "in/pages.jsonl").read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        r, doc = cleaner.clean_html(page["text"], url=page["url"]), docs[page["id"]]
        assert doc["text"] == r.text and "<p>" not in doc["text"]
        assert "Home" not in doc["text"].split("\n")
        assert doc["metadata"]["newsclean_author"] == r.author
        assert doc["metadata"]["newsclean_language"] == r.language
    assert docs["kaspersky-ban"]["metadata"]["newsclean_author"] == "Press TV staff"
    assert docs["french-monde"]["metadata"]["newsclean_language"] == "fr"
    stats = _step_stats(tmp_path / "logs", "newsclean")
    assert stats["forwarded"] == stats["extracted"] == len(pages)


class SlowOnSomePages(NewscleanExtractor):
    """Takes 20 s on a page that says "slow" (in the sandbox's child process)."""

    def clean(self, text, url=None):
        if "slow" in text:
            time.sleep(20)
        return super().clean(text, url)


def test_extractor_timeout_drops_into_the_exclusion_writer(tmp_path):
    pages = [{"id": "fast", "url": None, "text": STORY},
             {"id": "slow", "url": None, "text": "This one is slow to clean, and long enough."}]
    _write_pages(tmp_path / "in", pages)
    started = time.monotonic()
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")),
                  SlowOnSomePages(timeout=2,
                                  exclusion_writer=JsonlWriter(str(tmp_path / "excluded"))),
                  JsonlWriter(str(tmp_path / "out"))],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    assert time.monotonic() - started < 15
    assert [d["text"] for d in _read_outputs(tmp_path / "out").values()] == [STORY]
    excluded = _read_outputs(tmp_path / "excluded")
    assert list(excluded) == ["slow"]
    assert excluded["slow"]["metadata"]["filter_reason"] == "newsclean_timeout"
    stats = _step_stats(tmp_path / "logs", "newsclean")
    assert stats["timeout"] == stats["dropped"] == 1 and stats["forwarded"] == 1


# --- the docs: the snippet runs, the example is the file and runs -----------------------------

def _doc_blocks(section: str) -> list[str]:
    """The fenced code blocks under "## <section>" in docs/integrations.md."""
    text = (ROOT / "docs/integrations.md").read_text(encoding="utf-8")
    part = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```[a-z]*\n(.*?)^```$", part, re.S | re.M)


def _python(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return proc


def test_docs_snippet_runs(tmp_path):
    """Where the docs run it: a folder with examples/data/ and examples/site-rules.yaml."""
    (tmp_path / "examples/data").mkdir(parents=True)
    shutil.copy(ARTICLES, tmp_path / "examples/data")
    shutil.copy(RULES, tmp_path / "examples")
    (tmp_path / "pipeline.py").write_text(_doc_blocks("datatrove")[0], encoding="utf-8")
    _python(["pipeline.py"], cwd=tmp_path)
    docs = _read_outputs(tmp_path / "cleaned")
    assert docs["kaspersky-ban"]["metadata"]["newsclean_section"] == ["News", "Politics"]
    assert "Ledgerline every" not in docs["copyright-law-story"]["text"]


# warcio's record writer leaves its spooled temporary files to the garbage collector.
@pytest.mark.filterwarnings("ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
                            ":pytest.PytestUnraisableExceptionWarning")
def test_docs_warc_snippet_runs(tmp_path):
    """The extractor snippet, on a WARC of the example site's pages."""
    for module in ("warcio", "cchardet", "magic"):
        pytest.importorskip(module, reason=f"{module} (datatrove's WarcReader) is not installed")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    import runpy

    pages = runpy.run_path(str(EXAMPLES / "serve_articles.py"))["site_pages"]()
    (tmp_path / "warcs").mkdir()
    with open(tmp_path / "warcs/site.warc.gz", "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for path, body in pages.items():
            if path == "/":
                continue
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"http://127.0.0.1:8000{path}", "response", payload=io.BytesIO(body),
                http_headers=headers))
    (tmp_path / "pipeline.py").write_text(_doc_blocks("datatrove")[1], encoding="utf-8")
    _python(["pipeline.py"], cwd=tmp_path)
    docs = {d["metadata"]["url"]: d for d in _read_outputs(tmp_path / "cleaned").values()}
    excluded = _read_outputs(tmp_path / "excluded")
    assert len(docs) + len(excluded) == len(pages) - 1 and len(excluded) == 2
    assert {d["metadata"]["filter_reason"] for d in excluded.values()} == {"newsclean_empty"}
    cleaner = newsclean.Cleaner()
    for url, doc in docs.items():
        r = cleaner.clean_html(pages[url.split(":8000", 1)[1]], url=url)
        assert doc["text"] == r.text and doc["metadata"]["newsclean_author"] == r.author
    kaspersky = docs["http://127.0.0.1:8000/news/kaspersky-ban.html"]["metadata"]
    assert (kaspersky["newsclean_author"], kaspersky["newsclean_language"]) == ("Press TV staff",
                                                                               "en")


def test_docs_show_the_example_as_it_is():
    assert (EXAMPLES / "datatrove_clean.py").read_text(encoding="utf-8") in _doc_blocks("datatrove")


def test_example_script_runs(tmp_path):
    _python([str(EXAMPLES / "datatrove_clean.py"), str(EXAMPLES / "data"), "out",
             "--rules", str(RULES), "--logs", "logs"], cwd=tmp_path)
    docs = _read_outputs(tmp_path / "out")
    cleaner = newsclean.Cleaner(RULES)
    records = [r for r in _records() if r.get("text")]  # the reader skips a record without
    assert len(docs) == len(records)  # the formatter drops nothing
    assert sum(1 for d in docs.values() if not d.get("text")) == sum(
        1 for r in records if not cleaner.clean(r["text"], url=r["url"]).text) == 1
    assert _step_stats(tmp_path / "logs", "newsclean")["removed_advert"] == 1
