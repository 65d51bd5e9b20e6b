"""newsclean.spark: clean_column in local[2] mode, the docs snippet and spark-submit.

One SparkSession for the module, two shuffle partitions, no UI. Skips when
PySpark (with pandas and pyarrow) is not installed or no Java can be found.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

pyspark = pytest.importorskip(
    "pyspark", reason="PySpark is not installed: pip install 'newsclean[spark]'"
)
pytest.importorskip("pandas", reason="pandas is not installed: pip install 'newsclean[spark]'")
pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install 'newsclean[spark]'")

import pandas as pd  # noqa: E402

import newsclean  # noqa: E402

pytestmark = [
    # PySpark's own noise: 4.x warns that pandas 3 is not fully supported (what we use
    # works); 3.5 calls APIs deprecated by pandas 2 and leaves py4j sockets open.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:pyspark"),
    pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning"),
    pytest.mark.filterwarnings("ignore:Exception ignored in. <socket.socket"
                               ":pytest.PytestUnraisableExceptionWarning"),
]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RULES = EXAMPLES / "site-rules.yaml"
ARTICLES = EXAMPLES / "data" / "articles.jsonl"
STORY = "The council met on Tuesday and agreed the budget for the coming year."


def _java_problem() -> str | None:
    """Why Spark cannot start here, or None."""
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    need = 17 if int(pyspark.__version__.split(".")[0]) >= 4 else 8
    hint = f"install a JDK {need}+ (Debian: apt-get install openjdk-17-jre-headless)"
    if not java or not os.path.exists(java):
        return f"no Java runtime for PySpark {pyspark.__version__}: {hint}"
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    major = int(m.group(1)) if m else 0
    if major == 1 and m and m.group(2):  # "1.8.0_382"
        major = int(m.group(2))
    if major < need:
        return f"Java {major or '?'} at {java} is too old for PySpark {pyspark.__version__}: {hint}"
    return None


_problem = _java_problem()
if _problem:
    pytest.skip(_problem, allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402

import newsclean.spark  # noqa: E402
from newsclean.spark import clean_column, result_schema  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsclean-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _records() -> list[dict]:
    with open(ARTICLES, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_clean_column_matches_the_library_on_a_few_hundred_documents(spark):
    rows = [dict(r, id=f"{r['id']}-{n}") for n in range(30) for r in _records()]
    df = spark.createDataFrame(pd.DataFrame(rows)).repartition(4)
    out = clean_column(df, "text", "clean_text", url_col="url", rules=str(RULES),
                       title_col="title", section_col="section", removed_col="removed")
    assert out.columns == df.columns + ["clean_text", "title", "section", "removed"]
    got = {row["id"]: row for row in out.collect()}
    assert len(got) == len(rows) >= 300

    cleaner = newsclean.Cleaner(RULES)
    for r in rows:
        want, row = cleaner.clean(r["text"], url=r["url"]), got[r["id"]]
        assert row["clean_text"] == want.text, r["id"]
        assert row["title"] == (want.title or None)
        assert row["section"] == list(want.section)
        assert row["removed"] == [x.category for x in want.removed]
    promo = got["copyright-law-story-0"]
    assert promo["removed"][-1] == "advert" and "Ledgerline every" not in promo["clean_text"]
    assert got["kaspersky-ban-0"]["section"] == ["News", "Politics"]


PAGE = ('<html lang="de"><head><meta name="author" content="A. Autor">'
        '<meta property="article:published_time" content="2024-05-01T10:00:00Z">'
        '<link rel="canonical" href="https://www.example.com/a"></head><body><article>'
        "<h1>Ein Titel</h1><p>Der Rat hat am Dienstag den Haushalt für das kommende Jahr "
        "beschlossen, nach einer langen Debatte.</p></article></body></html>")


def test_result_col_holds_every_result_field(spark):
    records = _records() + [{"id": "page", "url": None, "text": PAGE},
                            {"id": "null", "url": None, "text": None}]
    df = spark.createDataFrame(pd.DataFrame(records)[["id", "url", "text"]]).repartition(2)
    out = clean_column(df, "text", None, url_col="url", rules=str(RULES), result_col="nc")
    assert out.columns == df.columns + ["nc"]
    assert out.schema["nc"].dataType == result_schema()
    fields = [k for k, v in vars(newsclean.Result).items() if isinstance(v, property)]
    assert result_schema().fieldNames() == fields  # every field, in the Result's order
    got = {row["id"]: row["nc"] for row in out.collect()}
    cleaner = newsclean.Cleaner(RULES)
    for r in records:
        if r["text"] is None:
            assert got[r["id"]] is None
            continue
        want = cleaner.clean(r["text"], url=r["url"]).to_dict()
        assert got[r["id"]].asDict(recursive=True) == want, r["id"]
    page = got["page"]
    assert (page["author"], page["published"], page["language"], page["canonical_url"]) == (
        "A. Autor", "2024-05-01T10:00:00Z", "de", "https://www.example.com/a")
    assert got["kaspersky-ban"]["captions"][1]["related"] is True
    assert [x["rule"] for x in got["copyright-law-story"]["removed"]][-1] != ""
    with pytest.raises(ValueError, match="nothing to write"):
        clean_column(df, "text", None)


def test_one_cleaner_per_python_worker(spark):
    """8 tasks on 2 cores: each Python worker builds the Cleaner once and keeps it."""
    blob = pickle.dumps(newsclean.Cleaner(RULES))
    df = spark.range(0, 80, numPartitions=8).withColumn("text", F.lit("News / Politics\n" + STORY))
    cleaned = clean_column(df, "text", rules=str(RULES))
    assert {row["clean_text"] for row in cleaned.collect()} == {STORY}

    @F.pandas_udf("string")
    def probe(ids: pd.Series) -> pd.Series:  # runs in the same reused Python workers
        import os

        import newsclean.spark as ns

        seen = f"{os.getpid()}:{len(ns._worker_cleaners)}:{blob in ns._worker_cleaners}"
        return pd.Series([seen] * len(ids))

    reports = {row[0] for row in df.select(probe("id")).collect()}
    assert reports and all(r.endswith(":1:True") for r in reports), reports
    assert len({r.split(":")[0] for r in reports}) <= 2  # local[2]: two workers, 8 tasks


def test_worker_cache_builds_once_for_many_batches(monkeypatch):
    loads = []
    monkeypatch.setattr(newsclean.spark, "_worker_cleaners", {})
    counting = types.SimpleNamespace(loads=lambda b: loads.append(1) or pickle.loads(b))
    monkeypatch.setattr(newsclean.spark, "pickle", counting)
    blob = pickle.dumps(newsclean.Cleaner())
    batches = [(pd.Series(["News / Politics\n" + STORY, None]), pd.Series([None, None]))] * 5
    for _task in range(3):
        frames = list(newsclean.spark._clean_batches(blob, "text", ("text", "removed"),
                                                     iter(batches)))
        assert len(frames) == 5
        text, removed = frames[0]["text"], frames[0]["removed"]
        assert text.iloc[0] == STORY and pd.isna(text.iloc[1])
        assert removed.iloc[0] == ["breadcrumb"] and removed.iloc[1] is None
    assert len(loads) == 1


def test_nulls_no_url_and_cleaning_in_place(spark):
    df = spark.createDataFrame([("a", "News / Politics\n" + STORY), ("b", None)],
                               "id string, text string")
    out = {r["id"]: r for r in clean_column(df, "text", "text", removed_col="removed").collect()}
    assert out["a"]["text"] == STORY and out["a"]["removed"] == ["breadcrumb"]
    assert out["b"]["text"] is None and out["b"]["removed"] is None


def test_bad_arguments_fail_on_the_driver(spark, tmp_path):
    df = spark.createDataFrame([("x",)], "text string")
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - {id: x, category: advert, pattern: '('}\n")
    with pytest.raises(ValueError, match="bad.yaml"):
        clean_column(df, "text", rules=str(bad))
    with pytest.raises(TypeError, match="not both"):
        clean_column(df, "text", rules=str(RULES), cleaner=newsclean.Cleaner())
    with pytest.raises(ValueError, match="format"):
        clean_column(df, "text", format="pdf")


# --- the docs: the snippet runs, the example is the file, spark-submit runs it -----------------

def _doc_blocks(section: str) -> list[str]:
    """The fenced code blocks under "## <section>" in docs/integrations.md."""
    text = (ROOT / "docs/integrations.md").read_text(encoding="utf-8")
    part = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```[a-z]*\n(.*?)^```$", part, re.S | re.M)


def test_docs_snippet_runs(spark, tmp_path, monkeypatch, capsys):
    # Run where the docs run it: a folder with examples/data/articles.jsonl and
    # examples/site-rules.yaml. The JVM, started elsewhere, resolves relative paths
    # from its own folder, so it is given the data file's full path.
    snippet = _doc_blocks("Spark")[0]
    data = '"examples/data/articles.jsonl"'
    assert data in snippet
    (tmp_path / "examples/data").mkdir(parents=True)
    shutil.copy(ARTICLES, tmp_path / "examples/data")
    shutil.copy(RULES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    snippet = snippet.replace(data, repr(str(tmp_path / "examples/data/articles.jsonl")))
    namespace = {"__name__": "__main__"}
    exec(compile(snippet, "docs/integrations.md (Spark)", "exec"), namespace)
    assert "kaspersky-ban" in capsys.readouterr().out  # .show() printed the table
    rows = {r["id"]: r for r in namespace["df"].collect()}
    assert rows["kaspersky-ban"]["removed"] == ["breadcrumb", "title", "caption", "caption",
                                                "footer", "footer"]
    assert rows["kaspersky-ban"]["newsclean"]["removed"][0]["rule"] == "breadcrumb-trail"
    assert rows["copyright-law-story"]["removed"][-1] == "advert"  # the site rules were read


def test_docs_show_the_example_as_it_is():
    assert (EXAMPLES / "spark_clean.py").read_text(encoding="utf-8") in _doc_blocks("Spark")


def test_spark_submit_runs_the_example_with_rules(tmp_path):
    submit = Path(pyspark.__file__).parent / "bin/spark-submit"  # this PySpark's own
    submit = str(submit) if submit.exists() else shutil.which("spark-submit")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    out = tmp_path / "cleaned"
    proc = subprocess.run(
        [submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false",
         "--conf", "spark.sql.shuffle.partitions=2",
         "examples/spark_clean.py", "examples/data/articles.jsonl", str(out),
         "--rules", "examples/site-rules.yaml"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert f"cleaned {len(_records())} documents" in proc.stdout
    got = pd.read_parquet(out)
    promo = got.set_index("id").loc["copyright-law-story"]
    assert list(promo["removed"])[-1] == "advert"
    assert promo["newsclean"]["stats"]["removed"] == len(promo["removed"])
    assert promo["title"] == "Court rules AI-generated images cannot be protected by copyright"
