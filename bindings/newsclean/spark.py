"""Spark integration: add cleaned-text columns to a DataFrame.

    from newsclean.spark import clean_column

    df = clean_column(df, "text", "clean_text", url_col="url", rules="site-rules.yaml",
                      title_col="title", section_col="section", removed_col="removed")

    # Or every Result field, in one struct column:
    df = clean_column(df, "text", None, result_col="newsclean")
    df.select("newsclean.author", "newsclean.published", "newsclean.removed.category")

The rules are read on the driver, where a bad file fails at once, and travel
with the job as text inside the pickled ``Cleaner``: executors need newsclean
installed, not the rules file. Each Python worker builds that ``Cleaner`` once
and keeps it for every batch and every task it runs (an iterator
``pandas_udf``), so rules are never compiled per row or per batch.
"""

from __future__ import annotations

import functools
import pickle
from typing import Callable, Iterator, Tuple

try:
    import pandas as pd
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsclean.spark needs PySpark with pandas and pyarrow: pip install 'newsclean[spark]'"
    ) from e

import newsclean

__all__ = ["clean_column", "result_schema"]

_FORMATS = ("auto", "text", "html")

# Cleaners built in this Python worker, by pickled Cleaner (rules text + options).
_worker_cleaners: dict[bytes, newsclean.Cleaner] = {}


def _clean_function(cleaner: newsclean.Cleaner, fmt: str) -> Callable[..., newsclean.Result]:
    if fmt not in _FORMATS:
        raise ValueError(f"format must be one of {_FORMATS}, got {fmt!r}")
    return functools.partial(cleaner.clean, format=fmt)


def _default(cls):
    """A default-constructed Result, Caption, Removal or Stats (from an empty state)."""
    obj = cls.__new__(cls)
    obj.__setstate__({})
    return obj


# Fields whose dicts have keys of their own (not a struct's field names).
_MAPS = {"removed_by_category": T.MapType(T.StringType(), T.LongType())}


def _struct(values: dict, lists: dict) -> T.StructType:
    fields = []
    for name, value in values.items():
        if isinstance(value, bool):
            kind = T.BooleanType()
        elif isinstance(value, int):
            kind = T.LongType()
        elif isinstance(value, float):
            kind = T.DoubleType()
        elif isinstance(value, str):
            kind = T.StringType()
        elif isinstance(value, dict) and name in _MAPS:
            kind = _MAPS[name]
        elif isinstance(value, dict):
            kind = _struct(value, {})
        elif isinstance(value, list):
            element = lists.get(name)
            kind = T.ArrayType(_struct(_default(element).to_dict(), {}) if element
                               else T.StringType())
        else:  # pragma: no cover - a new kind of field
            raise TypeError(f"newsclean.spark: no Spark type for Result.{name}")
        fields.append(T.StructField(name, kind))
    return T.StructType(fields)


def result_schema() -> T.StructType:
    """The Spark type of a whole ``newsclean.Result``: a struct with every field,
    as ``Result.to_dict()`` gives them (captions and removed as arrays of
    structs, stats as a struct). Read from the Result type itself, so a field
    added to the library is in it."""
    return _struct(_default(newsclean.Result).to_dict(),
                   {"captions": newsclean.Caption, "removed": newsclean.Removal})


def _worker_cleaner(blob: bytes) -> newsclean.Cleaner:
    cleaner = _worker_cleaners.get(blob)
    if cleaner is None:
        if len(_worker_cleaners) >= 8:  # a reused worker serving many jobs
            _worker_cleaners.clear()
        cleaner = _worker_cleaners[blob] = pickle.loads(blob)
    return cleaner


def _clean_batches(
    blob: bytes, fmt: str, columns: tuple[str, ...], batches: Iterator[tuple[pd.Series, pd.Series]]
) -> Iterator[pd.DataFrame]:
    """Runs in the Python worker: one Cleaner for all batches, one row per input row."""
    clean = _clean_function(_worker_cleaner(blob), fmt)
    for texts, urls in batches:
        rows = []
        for text, url in zip(texts, urls):
            if not isinstance(text, (str, bytes)):  # null in, null out
                rows.append((None,) * len(columns))
                continue
            r = clean(text, url=url if isinstance(url, str) else None)
            values = {
                "text": r.text,
                "title": r.title or None,
                "section": list(r.section),
                "removed": [x.category for x in r.removed],
            }
            if "result" in columns:
                values["result"] = r.to_dict()
            rows.append(tuple(values[c] for c in columns))
        yield pd.DataFrame.from_records(rows, columns=list(columns))


def clean_column(
    df: DataFrame,
    input_col: str,
    output_col: str | None = "clean_text",
    *,
    url_col: str | None = None,
    rules: newsclean.RulesArg = None,
    cleaner: newsclean.Cleaner | None = None,
    title_col: str | None = None,
    section_col: str | None = None,
    removed_col: str | None = None,
    result_col: str | None = None,
    format: str = "auto",
) -> DataFrame:
    """Returns ``df`` with the cleaned text of ``input_col`` in ``output_col``.

    Args:
        df: the DataFrame; ``input_col`` is a string (or binary UTF-8) column.
        input_col: the column to clean. Null rows give null outputs.
        output_col: the cleaned text (string); may be ``input_col`` to replace it;
            None for no text column (with ``result_col``, which holds the text).
        url_col: a string column with each page's URL, for site-scoped rules.
        rules: as for ``newsclean.Cleaner(rules)``: a path, YAML text or a list;
            read here, on the driver.
        cleaner: a ready ``newsclean.Cleaner`` instead of ``rules``.
        title_col: if given, a string column with the title (null when none).
        section_col: if given, an array<string> column with the section path.
        removed_col: if given, an array<string> column with the category of
            each removed block, in order (e.g. ``["breadcrumb", "title"]``).
        result_col: if given, a struct column with every ``Result`` field
            (``result_schema()``): text, title, section, author, published,
            site_name, language, canonical_url, format, kind, input_kind,
            captions and removed (arrays of structs), stats (a struct) and
            warnings, as ``Result.to_dict()`` gives them ("" or [] when none).
        format: what ``input_col`` holds: ``"text"``, ``"html"`` or ``"auto"``
            (HTML when it looks like HTML), as for ``Cleaner.clean(format=)``.

    Raises:
        ValueError: bad rules (file:line:col and rule id) or bad arguments.
    """
    if cleaner is not None and rules is not None:
        raise TypeError("pass rules or cleaner, not both")
    if cleaner is None:
        cleaner = newsclean.Cleaner(rules)
    _clean_function(cleaner, format)  # fail on the driver, not in every task
    blob = pickle.dumps(cleaner)

    fields = [("text", T.StringType(), output_col)] if output_col else []
    if title_col:
        fields.append(("title", T.StringType(), title_col))
    if section_col:
        fields.append(("section", T.ArrayType(T.StringType()), section_col))
    if removed_col:
        fields.append(("removed", T.ArrayType(T.StringType()), removed_col))
    if result_col:
        fields.append(("result", result_schema(), result_col))
    if not fields:
        raise ValueError("clean_column: nothing to write (output_col=None and no other column)")
    columns = tuple(name for name, _, _ in fields)
    schema = T.StructType([T.StructField(name, kind) for name, kind, _ in fields])

    def clean_udf(batches: Iterator[Tuple[pd.Series, pd.Series]]) -> Iterator[pd.DataFrame]:
        return _clean_batches(blob, format, columns, batches)

    udf = F.pandas_udf(clean_udf, schema)  # type: ignore[call-overload]
    url = F.col(url_col) if url_col else F.lit(None).cast(T.StringType())
    tmp = "__newsclean_result"
    while tmp in df.columns:
        tmp += "_"
    out = df.withColumn(tmp, udf(F.col(input_col), url))
    for name, _, target in fields:
        out = out.withColumn(target, F.col(f"{tmp}.{name}"))
    return out.drop(tmp)
