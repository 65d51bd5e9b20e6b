"""Scrapy integration: an item pipeline that cleans text fields, and its add-on.

Switch it on in ``settings.py`` with the add-on (Scrapy 2.10+)::

    ADDONS = {"newsclean.scrapy.NewscleanAddon": 0}
    NEWSCLEAN_FIELDS = {"body": "text"}     # input field -> output field

or as a plain item pipeline::

    ITEM_PIPELINES = {"newsclean.scrapy.NewscleanPipeline": 200}

Settings, all optional:

``NEWSCLEAN_ENABLED``
    Default: True. False switches the pipeline off.
``NEWSCLEAN_RULES``
    Default: None (the built-in rules). A rules file path, YAML text, or a list
    of them, as for ``newsclean.Cleaner(rules)``. Read once, when the crawl starts.
``NEWSCLEAN_DISABLE``
    Default: []. Rule ids to switch off.
``NEWSCLEAN_KEEP_RELATED_CAPTIONS``
    Default: False. Keep the captions judged related to the story.
``NEWSCLEAN_FIELDS``
    Default: ``{"text": "text"}``. Input field -> output field; the same name
    cleans in place. A list of names cleans those fields in place. A field
    holding a list of strings is joined with newlines (one block per string),
    None counts as empty text. Items that have none of the input fields pass
    through untouched.
``NEWSCLEAN_URL_FIELD``
    Default: ``"url"``. The field holding the page URL, which site-scoped rules
    need; None or "" for none.
``NEWSCLEAN_FORMAT``
    Default: ``"auto"``. What the input fields hold: ``"text"``, ``"html"``
    (a page, e.g. ``response.text``), or ``"auto"`` (HTML when it looks like
    HTML), as for ``Cleaner.clean(format=)``.
``NEWSCLEAN_DROP_EMPTY``
    Default: False. True raises DropItem when every cleaned field is empty.

Stats: ``newsclean/items`` (items cleaned), ``newsclean/removed/<category>``
(blocks removed, per rule category), ``newsclean/empty`` (items whose cleaned
text was empty).

Cleaning runs on a worker thread (the engine releases the GIL), so the crawl is
not stalled: on the asyncio loop's default executor with the asyncio reactor
(Scrapy's default) or without a reactor, on Twisted's thread pool with another
reactor.
"""

from __future__ import annotations

import asyncio
import functools
import json
from typing import Any, Callable, Mapping, Sequence

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem, NotConfigured
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsclean.scrapy needs Scrapy: pip install 'newsclean[scrapy]'"
    ) from e

import newsclean

__all__ = ["NewscleanAddon", "NewscleanPipeline"]

_FORMATS = ("auto", "text", "html")


def _clean_function(cleaner: newsclean.Cleaner, fmt: str) -> Callable[..., newsclean.Result]:
    if fmt not in _FORMATS:
        raise ValueError(f"NEWSCLEAN_FORMAT must be one of {_FORMATS}, got {fmt!r}")
    return functools.partial(cleaner.clean, format=fmt)


def _fields_setting(settings) -> dict[str, str]:
    raw = settings.get("NEWSCLEAN_FIELDS")
    if raw is None:
        return {"text": "text"}
    if isinstance(raw, str):  # from the command line: JSON, or comma-separated names
        raw = json.loads(raw) if raw.lstrip().startswith(("{", "[")) else settings.getlist(
            "NEWSCLEAN_FIELDS"
        )
    return _fields(raw)


def _fields(raw: Mapping[str, str] | Sequence[str]) -> dict[str, str]:
    fields = dict(raw) if isinstance(raw, Mapping) else {name: name for name in raw}
    if not fields or not all(isinstance(k, str) and isinstance(v, str) and k and v
                             for k, v in fields.items()):
        raise ValueError(f"NEWSCLEAN_FIELDS: expected {{input: output}} field names, got {raw!r}")
    return fields


def _as_text(value: Any, field: str) -> str | bytes:
    if value is None:
        return ""
    if isinstance(value, (str, bytes)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    raise TypeError(f"newsclean: field {field!r} holds {type(value).__name__}, expected text")


async def _in_thread(fn: Callable[..., Any], *args: Any) -> Any:
    """Runs fn on a worker thread and awaits it, whichever loop drives Scrapy."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # a non-asyncio Twisted reactor: Scrapy awaits Deferreds
        from twisted.internet.threads import deferToThread

        return await deferToThread(fn, *args)
    return await loop.run_in_executor(None, fn, *args)


class NewscleanPipeline:
    """Cleans the ``NEWSCLEAN_FIELDS`` of each item with a ``newsclean.Cleaner``.

    Built by Scrapy with ``from_crawler``; it can also be built directly, e.g.
    ``NewscleanPipeline(newsclean.Cleaner("site.yaml"), fields={"body": "text"})``.
    """

    def __init__(
        self,
        cleaner: newsclean.Cleaner | None = None,
        *,
        fields: Mapping[str, str] | Sequence[str] | None = None,
        url_field: str | None = "url",
        format: str = "auto",
        drop_empty: bool = False,
        stats: Any = None,
    ) -> None:
        self.cleaner = cleaner if cleaner is not None else newsclean.Cleaner()
        self.fields = _fields(fields) if fields is not None else {"text": "text"}
        self.url_field = url_field or None
        self.format = format
        self.drop_empty = bool(drop_empty)
        self.stats = stats
        self._clean = _clean_function(self.cleaner, format)

    @classmethod
    def from_crawler(cls, crawler) -> "NewscleanPipeline":
        s = crawler.settings
        if not s.getbool("NEWSCLEAN_ENABLED", True):
            raise NotConfigured
        cleaner = newsclean.Cleaner(
            s.get("NEWSCLEAN_RULES") or None,
            disable=s.getlist("NEWSCLEAN_DISABLE"),
            keep_related_captions=s.getbool("NEWSCLEAN_KEEP_RELATED_CAPTIONS"),
        )
        return cls(
            cleaner,
            fields=_fields_setting(s),
            url_field=s.get("NEWSCLEAN_URL_FIELD", "url"),
            format=s.get("NEWSCLEAN_FORMAT", "auto"),
            drop_empty=s.getbool("NEWSCLEAN_DROP_EMPTY"),
            stats=crawler.stats,
        )

    def _clean_values(self, texts: list[str | bytes], url: str | None) -> list[newsclean.Result]:
        """Runs on the worker thread: cleaning only, no item or stats access."""
        return [self._clean(text, url=url) for text in texts]

    async def process_item(self, item: Any, spider: Any = None) -> Any:
        adapter = ItemAdapter(item)
        fields = [(src, dst) for src, dst in self.fields.items() if src in adapter]
        if not fields:
            return item
        texts = [_as_text(adapter.get(src), src) for src, _ in fields]
        url = adapter.get(self.url_field) if self.url_field else None
        if isinstance(url, (list, tuple)):
            url = url[0] if url else None
        results = await _in_thread(self._clean_values, texts, url if isinstance(url, str) else None)

        self._inc("newsclean/items")
        for (src, dst), result in zip(fields, results):
            for removal in result.removed:
                self._inc(f"newsclean/removed/{removal.category}")
            try:
                adapter[dst] = result.text
            except KeyError as e:
                raise KeyError(
                    f"NEWSCLEAN_FIELDS maps {src!r} to {dst!r}, which "
                    f"{type(item).__name__} does not declare"
                ) from e
        if not any(result.text for result in results):
            self._inc("newsclean/empty")
            if self.drop_empty:
                names = ", ".join(src for src, _ in fields)
                raise DropItem(f"newsclean: empty text after cleaning ({names})")
        return item

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)


class NewscleanAddon:
    """Add-on for Scrapy's ``ADDONS`` setting: enables ``NewscleanPipeline``.

    The pipeline gets priority ``NewscleanAddon.priority`` (200) in
    ``ITEM_PIPELINES``, so it runs before pipelines at the usual 300 and they
    see the cleaned text; an entry already in ``ITEM_PIPELINES`` is kept.
    """

    priority = 200

    def update_settings(self, settings) -> None:
        if hasattr(settings, "setdefault_in_component_priority_dict"):  # Scrapy 2.13+
            settings.setdefault_in_component_priority_dict(
                "ITEM_PIPELINES", NewscleanPipeline, self.priority
            )
        else:
            pipelines = settings["ITEM_PIPELINES"]
            path = f"{NewscleanPipeline.__module__}.{NewscleanPipeline.__name__}"
            if NewscleanPipeline not in pipelines and path not in pipelines:
                pipelines[NewscleanPipeline] = self.priority
