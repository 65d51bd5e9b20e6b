"""datatrove integration: pipeline blocks that clean ``Document.text``.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.datatrove import NewscleanFormatter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("articles/"),
        NewscleanFormatter(rules="site-rules.yaml"),
        JsonlWriter("cleaned/"),
    ], tasks=4).run()

``NewscleanFormatter`` cleans text (``format="text"``). ``NewscleanExtractor``
takes each document's HTML (``format="html"``), in place of datatrove's
``Trafilatura`` block.

Both keep the ``Cleaner`` they were given (the rules are checked when the block
is built) and pickle it to workers as rule text. Neither needs datatrove's
extractor sandbox: the engine is linear-time and never raises on a document.

Stats, beside datatrove's ``total``, ``forwarded``, ``dropped`` and ``doc_len``:
``removed_<category>`` (blocks removed per rule category; its ``n`` counts
the documents that had any) and ``empty`` (documents left without text).
"""

from __future__ import annotations

import functools
from typing import Callable

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.utils.typeshelper import StatHints
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsclean.datatrove needs datatrove: pip install 'newsclean[datatrove]'"
    ) from e

import newsclean

__all__ = ["NewscleanExtractor", "NewscleanFormatter"]


class _NewscleanStep(PipelineStep):
    _format = "text"

    def __init__(
        self,
        cleaner: newsclean.Cleaner | None = None,
        *,
        rules: newsclean.RulesArg = None,
        url_key: str | None = "url",
        metadata_prefix: str | None = "newsclean_",
        drop_empty: bool = True,
    ) -> None:
        """
        Args:
            cleaner: a ready ``newsclean.Cleaner``; default: built from ``rules``.
            rules: as for ``newsclean.Cleaner(rules)``: a path, YAML text or a list.
            url_key: the ``Document.metadata`` key holding the page URL (for
                site-scoped rules); None for none.
            metadata_prefix: add ``<prefix>title``, ``<prefix>section`` and
                ``<prefix>removed`` (the removed blocks' categories) to each
                document's metadata; None to add nothing.
            drop_empty: drop documents whose cleaned text is empty.
        """
        super().__init__()
        if cleaner is not None and rules is not None:
            raise TypeError("pass rules or cleaner, not both")
        self.cleaner = cleaner if cleaner is not None else newsclean.Cleaner(rules)
        self.url_key = url_key
        self.metadata_prefix = metadata_prefix
        self.drop_empty = drop_empty

    def _clean_function(self) -> Callable[..., newsclean.Result]:
        return functools.partial(self.cleaner.clean, format=self._format)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        clean = self._clean_function()
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                url = doc.metadata.get(self.url_key) if self.url_key else None
                r = clean(doc.text, url=url if isinstance(url, str) else None)
                doc.text = r.text
                removed = [x.category for x in r.removed]
                for category in sorted(set(removed)):
                    self.stat_update(f"removed_{category}", value=removed.count(category))
                if self.metadata_prefix is not None:
                    doc.metadata[f"{self.metadata_prefix}title"] = r.title
                    doc.metadata[f"{self.metadata_prefix}section"] = list(r.section)
                    doc.metadata[f"{self.metadata_prefix}removed"] = removed
            if not doc.text:
                self.stat_update("empty")
                if self.drop_empty:
                    self.stat_update(StatHints.dropped)
                    continue
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc


class NewscleanFormatter(_NewscleanStep):
    """Cleans each ``Document.text`` (plain text) with a ``newsclean.Cleaner``."""

    name = "📰 newsclean"
    type = "✂️ - FORMAT"


class NewscleanExtractor(_NewscleanStep):
    """Turns each ``Document.text`` holding a page's HTML into its cleaned story."""

    name = "📰 newsclean HTML"
    type = "🛢 - EXTRAC"
    _format = "html"
