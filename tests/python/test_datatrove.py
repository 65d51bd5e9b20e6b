"""newsclean.datatrove: the blocks in LocalPipelineExecutor runs on small JSONL inputs.

The runs use two tasks on two worker processes, so the blocks travel to the
workers pickled (datatrove's multiprocess pool, dill), as they do in production.
"""

from __future__ import annotations

import gzip
import json
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("datatrove",
                    reason="datatrove is not installed: pip install 'newsclean[datatrove]'")
pytest.importorskip("orjson", reason="orjson (datatrove's JSONL reader) is not installed: "
                                     "pip install 'newsclean[datatrove]'")

import dill  # noqa: E402
from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

import newsclean  # noqa: E402
from newsclean.datatrove import NewscleanExtractor, NewscleanFormatter  # noqa: E402

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
    want = {r["id"]: cleaner.clean(r["text"], url=r["url"]) for r in records}
    docs = _read_outputs(tmp_path / "out")
    assert set(docs) == {k for k, r in want.items() if r.text}
    for doc_id, doc in docs.items():
        r = want[doc_id]
        assert doc["text"] == r.text
        assert doc["metadata"]["newsclean_title"] == r.title
        assert doc["metadata"]["newsclean_section"] == list(r.section)
        assert doc["metadata"]["newsclean_removed"] == [x.category for x in r.removed]
    assert docs["copyright-law-story"]["metadata"]["newsclean_removed"][-1] == "advert"

    stats = _step_stats(tmp_path / "logs", "newsclean")
    removed: dict[str, int] = {}
    for r in want.values():
        for x in r.removed:
            removed[f"removed_{x.category}"] = removed.get(f"removed_{x.category}", 0) + 1
    assert {k: v for k, v in stats.items() if k.startswith("removed_")} == removed
    # The reader skips the record with no text; the whitespace-only one is cleaned to nothing.
    assert stats["total"] == len(records) - 1
    assert stats["empty"] == stats["dropped"] == 1
    assert stats["forwarded"] == len(docs)


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


def test_html_extractor_pipeline(tmp_path):
    pages = _records()[:4]
    (tmp_path / "in").mkdir()
    with open(tmp_path / "in/pages.jsonl", "w", encoding="utf-8") as f:
        for r in pages:
            body = "".join(f"<p>{line}</p>" for line in r["text"].splitlines() if line.strip())
            page = (f"<html><body><nav><a href='/'>Home</a></nav>"
                    f"<article>{body}</article></body></html>")
            f.write(json.dumps({"id": r["id"], "url": r["url"], "text": page}) + "\n")
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), NewscleanExtractor(rules=RULES),
                  JsonlWriter(str(tmp_path / "out"))],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = _read_outputs(tmp_path / "out")
    assert set(docs) == {r["id"] for r in pages}
    for doc in docs.values():
        assert "<p>" not in doc["text"] and "Home" not in doc["text"].split("\n")
    assert _step_stats(tmp_path / "logs", "newsclean")["forwarded"] == len(pages)


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


def test_docs_show_the_example_as_it_is():
    assert (EXAMPLES / "datatrove_clean.py").read_text(encoding="utf-8") in _doc_blocks("datatrove")


def test_example_script_runs(tmp_path):
    _python([str(EXAMPLES / "datatrove_clean.py"), str(EXAMPLES / "data"), "out",
             "--rules", str(RULES), "--logs", "logs"], cwd=tmp_path)
    docs = _read_outputs(tmp_path / "out")
    cleaner = newsclean.Cleaner(RULES)
    assert len(docs) == sum(1 for r in _records() if cleaner.clean(r["text"], url=r["url"]).text)
    assert _step_stats(tmp_path / "logs", "newsclean")["removed_advert"] == 1
