"""datatrove integration: an HTML extractor and a text cleaner block.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader, WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.datatrove import NewscleanExtractor, NewscleanFormatter

    # Pages (e.g. Common Crawl WARC records) to clean text, in place of Trafilatura:
    LocalPipelineExecutor(pipeline=[
        WarcReader("s3://commoncrawl/crawl-data/.../warc/", limit=1000),
        NewscleanExtractor(rules="site-rules.yaml", exclusion_writer=JsonlWriter("excluded/")),
        JsonlWriter("cleaned/"),
    ], tasks=4).run()

    # Text that another extractor made, cleaned again:
    LocalPipelineExecutor(pipeline=[
        JsonlReader("articles/"),
        NewscleanFormatter(rules="site-rules.yaml"),
        JsonlWriter("cleaned/"),
    ], tasks=4).run()

``NewscleanExtractor`` is a datatrove ``BaseExtractor``: ``extract(html) -> str``,
a per-document ``timeout`` and an ``exclusion_writer`` for the documents it
drops. ``NewscleanFormatter`` is a ``BaseFormatter`` (``format(text) -> str``)
that cleans text and drops nothing unless ``drop_empty=True``.

Both write the metadata the cleaner found into ``Document.metadata``, every
key on every document (so a Parquet writer sees one schema): by default
``newsclean_title``, ``newsclean_section``, ``newsclean_author``,
``newsclean_published``, ``newsclean_site_name``, ``newsclean_language``,
``newsclean_canonical_url`` ("" or [] when there is none) and
``newsclean_removed`` (the removals' categories, in reading order). They keep the
``Cleaner`` they were given (the rules are checked when the block is built) and
pickle it to workers as rule text.

Stats, beside datatrove's ``total``, ``forwarded``, ``dropped`` and
``doc_len``: ``removed_<category>`` (removals per category, blocks and HTML
elements; its ``n`` counts the documents that had any), ``empty`` (documents left without
text) and, for the extractor, ``extracted``, ``timeout``, ``broken_process``
and ``clean_error`` as datatrove's extractors count them.
"""

from __future__ import annotations

import contextlib
from typing import Any, Sequence

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor
    from datatrove.pipeline.formatters.base import BaseFormatter
    from datatrove.utils.logging import logger
    from datatrove.utils.typeshelper import StatHints
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsclean.datatrove needs datatrove 0.4 or newer: pip install 'newsclean[datatrove]'"
    ) from e

import newsclean

__all__ = ["DEFAULT_METADATA", "NewscleanExtractor", "NewscleanFormatter"]

#: The Result fields written to Document.metadata by default (each as
#: ``<metadata_prefix><field>``; "removed" as the list of removed categories).
DEFAULT_METADATA = ("title", "section", "author", "published", "site_name", "language",
                    "canonical_url", "removed")

_RESULT_FIELDS = tuple(k for k, v in vars(newsclean.Result).items() if isinstance(v, property))


def _metadata_value(result: newsclean.Result, name: str) -> Any:
    if name == "removed":
        return [x.category for x in result.removed]
    value = getattr(result, name)
    if isinstance(value, list):
        return [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


class _Cleaning:
    """What both blocks share: the Cleaner, the URL key, the metadata they
    write, the stats, dropping empty documents into the exclusion writer."""

    _format = "text"

    def _setup(self, cleaner, rules, url_key, metadata_prefix, metadata, drop_empty,
               exclusion_writer) -> None:
        if cleaner is not None and rules is not None:
            raise TypeError("pass rules or cleaner, not both")
        unknown = [m for m in metadata if m not in _RESULT_FIELDS]
        if unknown:
            raise ValueError(f"metadata: {unknown} not newsclean.Result fields "
                             f"(one of {', '.join(_RESULT_FIELDS)})")
        self.cleaner = cleaner if cleaner is not None else newsclean.Cleaner(rules)
        self.url_key = url_key
        self.metadata_prefix = metadata_prefix
        self.metadata = tuple(metadata)
        self.drop_empty = bool(drop_empty)
        self.exclusion_writer = exclusion_writer

    def clean(self, text: str | bytes, url: str | None = None) -> newsclean.Result:
        """The whole Result for one document's text (what ``run`` uses)."""
        return self.cleaner.clean(text, url=url, format=self._format)

    def _url(self, doc: Document) -> str | None:
        url = doc.metadata.get(self.url_key) if self.url_key else None
        return url if isinstance(url, str) else None

    def _apply(self, doc: Document, r: newsclean.Result) -> None:
        doc.text = r.text
        categories = [x.category for x in r.removed]
        for category in sorted(set(categories)):
            self.stat_update(f"removed_{category}", value=categories.count(category))
        if self.metadata_prefix is not None:
            for name in self.metadata:
                doc.metadata[f"{self.metadata_prefix}{name}"] = _metadata_value(r, name)

    def _forward_or_drop(self, doc: Document, writer, rank: int) -> bool:
        """Counts the document; True to pass it on."""
        if not doc.text:
            self.stat_update("empty")
            if self.drop_empty:
                self._exclude(doc, writer, rank, "empty")
                return False
        self.stat_update(StatHints.forwarded)
        self.update_doc_stats(doc)
        return True

    def _exclude(self, doc: Document, writer, rank: int, reason: str) -> None:
        self.stat_update(StatHints.dropped)
        if writer is not None:
            doc.metadata["filter_reason"] = f"newsclean_{reason}"
            writer.write(doc, rank)

    def _writer(self):
        return self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext()


class NewscleanExtractor(_Cleaning, BaseExtractor):
    """Turns each ``Document.text`` holding a page's HTML into its cleaned story,
    in place of datatrove's ``Trafilatura`` block (e.g. after a ``WarcReader``)."""

    name = "📰 newsclean HTML"
    _format = "html"

    def __init__(
        self,
        cleaner: newsclean.Cleaner | None = None,
        *,
        rules: newsclean.RulesArg = None,
        url_key: str | None = "url",
        metadata_prefix: str | None = "newsclean_",
        metadata: Sequence[str] = DEFAULT_METADATA,
        drop_empty: bool = True,
        timeout: float | None = None,
        exclusion_writer: Any = None,
    ) -> None:
        """
        Args:
            cleaner: a ready ``newsclean.Cleaner``; default: built from ``rules``.
            rules: as for ``newsclean.Cleaner(rules)``: a path, YAML text or a list.
            url_key: the ``Document.metadata`` key holding the page URL (for
                site-scoped rules); None for none.
            metadata_prefix: metadata keys are ``<prefix><field>``; None to
                write no metadata.
            metadata: the ``Result`` fields to write (``DEFAULT_METADATA``).
            drop_empty: drop documents whose cleaned text is empty (as
                datatrove's extractors do), into ``exclusion_writer`` if given.
            timeout: seconds per document. None (the default) cleans in this
                process: the engine is linear-time and never raises on a page.
                A number runs each document in datatrove's extractor sandbox
                (a child process, restarted after a timeout or a crash), as
                ``Trafilatura`` does; such documents are dropped.
            exclusion_writer: a datatrove writer for the dropped documents
                (``metadata["filter_reason"]``: ``newsclean_empty``,
                ``newsclean_timeout``, ``newsclean_broken_process`` or
                ``newsclean_clean_error``).
        """
        super().__init__(timeout)
        self._setup(cleaner, rules, url_key, metadata_prefix, metadata, drop_empty,
                    exclusion_writer)

    def extract(self, text: str) -> str:
        """The cleaned text of one page (datatrove's extractor interface)."""
        return self.clean(text).text

    def _sandbox(self):
        if self.timeout is None:
            return contextlib.nullcontext()
        from datatrove.pipeline.extractors.base import ExtractorSandbox

        return ExtractorSandbox(timeout=self.timeout, warmup_text=("", None))

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with self._sandbox() as sandbox, self._writer() as writer:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    try:
                        url = self._url(doc)
                        if sandbox is None:
                            r = self.clean(doc.text, url)
                        else:  # the Result pickles back from the child process
                            r = sandbox.process_document((doc.text, url), self.clean)
                        self.stat_update("extracted")
                    except TimeoutError:
                        self.stat_update("timeout")
                        logger.warning("newsclean: timeout while cleaning a page; dropped")
                        self._exclude(doc, writer, rank, "timeout")
                        continue
                    except EOFError:
                        self.stat_update("broken_process")
                        self._exclude(doc, writer, rank, "broken_process")
                        continue
                    except (ValueError, TypeError) as e:  # a str with a lone surrogate
                        self.stat_update("clean_error")
                        logger.warning(f"newsclean: {e}; document {doc.id} dropped")
                        self._exclude(doc, writer, rank, "clean_error")
                        continue
                    self._apply(doc, r)
                if self._forward_or_drop(doc, writer, rank):
                    yield doc


class NewscleanFormatter(_Cleaning, BaseFormatter):
    """Cleans each ``Document.text`` (plain text, e.g. another extractor's
    output) with a ``newsclean.Cleaner``; drops nothing unless ``drop_empty``."""

    name = "📰 newsclean"

    def __init__(
        self,
        cleaner: newsclean.Cleaner | None = None,
        *,
        rules: newsclean.RulesArg = None,
        url_key: str | None = "url",
        metadata_prefix: str | None = "newsclean_",
        metadata: Sequence[str] = DEFAULT_METADATA,
        drop_empty: bool = False,
        exclusion_writer: Any = None,
    ) -> None:
        """
        Args: as for ``NewscleanExtractor``, except:
            drop_empty: default False: a document cleaned to nothing goes on
                with empty text (and counts in the ``empty`` stat); True drops
                it, into ``exclusion_writer`` if given.
        """
        super().__init__()
        self._setup(cleaner, rules, url_key, metadata_prefix, metadata, drop_empty,
                    exclusion_writer)

    def format(self, text: str) -> str:
        """The cleaned text (datatrove's formatter interface)."""
        return self.clean(text).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with self._writer() as writer:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    self._apply(doc, self.clean(doc.text, self._url(doc)))
                if self._forward_or_drop(doc, writer, rank):
                    yield doc
