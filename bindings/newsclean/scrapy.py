"""Scrapy integration: an item pipeline that cleans text fields, and its add-on.

Switch it on in ``settings.py`` with the add-on (Scrapy 2.10+)::

    ADDONS = {"newsclean.scrapy.NewscleanAddon": 0}
    NEWSCLEAN_INPUT_FIELD = "html"          # the item field to clean (page or text)

or as a plain item pipeline::

    ITEM_PIPELINES = {"newsclean.scrapy.NewscleanPipeline": 200}

Settings, all optional:

``NEWSCLEAN_ENABLED``
    Default: True. False switches the pipeline off.
``NEWSCLEAN_RULES``
    Default: None (the built-in rules). A rules file path, YAML text, or a list
    of them, as for ``newsclean.Cleaner(rules)``. A relative path is found in
    the Scrapy project: beside ``scrapy.cfg``, then beside the settings module
    (outside a project: the working directory). Read once, when the crawl starts.
``NEWSCLEAN_DISABLE``
    Default: []. Rule ids to switch off.
``NEWSCLEAN_KEEP_RELATED_CAPTIONS``
    Default: False. Keep the captions judged related to the story.
``NEWSCLEAN_INPUT_FIELD``
    Default: ``"text"``. The item field holding the text or page to clean. A
    list of strings is joined with newlines (one block per string); None counts
    as empty text. Items without the field pass through untouched.
``NEWSCLEAN_FIELDS``
    Default: ``DEFAULT_FIELDS``, i.e. ``{"text": "text", "title": "title",
    "section": "section", "author": "author", "published": "published",
    "language": "language", "canonical_url": "canonical_url"}``. Which
    ``Result`` fields go into which item fields. Keys are ``Result`` field
    names (``text``, ``title``, ``section``, ``author``, ``published``,
    ``site_name``, ``language``, ``canonical_url``, ``kind``, ``format``,
    ``input_kind``, ``warnings``, and ``captions``, ``removed``, ``stats`` as
    dicts); a list of names keeps each name. ``text`` is always written (it
    may be empty); the others only when the result has them (not "" or []):
    a title the spider already set is kept when the cleaner found none. From
    the command line: ``-s NEWSCLEAN_FIELDS='{"text": "clean", "author": "byline"}'``
    or ``-s NEWSCLEAN_FIELDS=text,title``. With the default map, a field that
    a declared item type (``scrapy.Item``, dataclass, attrs) does not have is
    skipped; with your own map it is an error.
``NEWSCLEAN_DROP_INPUT``
    Default: False. True deletes the input field from the item once cleaned
    (e.g. the page's HTML, which feeds rarely want), unless it is also an
    output field.
``NEWSCLEAN_URL_FIELD``
    Default: ``"url"``. The field holding the page URL, which site-scoped rules
    need; None or "" for none.
``NEWSCLEAN_FORMAT``
    Default: ``"auto"``. What the input field holds: ``"text"``, ``"html"``
    (a page, e.g. ``response.text``), or ``"auto"`` (HTML when it looks like
    HTML), as for ``Cleaner.clean(format=)``. Author, publication date,
    language, site name and canonical URL come from pages only.
``NEWSCLEAN_DROP_EMPTY``
    Default: False. True raises DropItem when the cleaned text is empty.

Stats: ``newsclean/items`` (items cleaned), ``newsclean/removed/<category>``
(removals, blocks and HTML elements, per category), ``newsclean/empty`` (items
whose cleaned text was empty).

Cleaning runs on a worker thread (the engine releases the GIL), so the crawl is
not stalled: on the asyncio loop's default executor with the asyncio reactor
(Scrapy's default) or without a reactor, on Twisted's thread pool with another
reactor.
"""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import json
import os
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem, NotConfigured
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError(
        "newsclean.scrapy needs Scrapy: pip install 'newsclean[scrapy]'"
    ) from e

import newsclean

__all__ = ["DEFAULT_FIELDS", "NewscleanAddon", "NewscleanPipeline"]

_FORMATS = ("auto", "text", "html")


def _clean_function(cleaner: newsclean.Cleaner, fmt: str) -> Callable[..., newsclean.Result]:
    if fmt not in _FORMATS:
        raise ValueError(f"NEWSCLEAN_FORMAT must be one of {_FORMATS}, got {fmt!r}")
    return functools.partial(cleaner.clean, format=fmt)


#: What NEWSCLEAN_FIELDS is when unset: Result field -> item field.
DEFAULT_FIELDS: dict[str, str] = {
    name: name
    for name in ("text", "title", "section", "author", "published", "language", "canonical_url")
}

# The Result fields a map may name: every field of newsclean.Result.
_RESULT_FIELDS = tuple(k for k, v in vars(newsclean.Result).items() if isinstance(v, property))


def _fields_setting(settings) -> dict[str, str] | None:
    """NEWSCLEAN_FIELDS as a map, or None when unset (the default map)."""
    raw = settings.get("NEWSCLEAN_FIELDS")
    if raw is None:
        return None
    if isinstance(raw, str):  # from the command line: JSON, or comma-separated names
        raw = json.loads(raw) if raw.lstrip().startswith(("{", "[")) else settings.getlist(
            "NEWSCLEAN_FIELDS"
        )
    return _fields(raw)


def _fields(raw: Mapping[str, str] | Sequence[str]) -> dict[str, str]:
    fields = dict(raw) if isinstance(raw, Mapping) else {name: name for name in raw}
    if not fields or not all(isinstance(k, str) and isinstance(v, str) and k and v
                             for k, v in fields.items()):
        raise ValueError(f"NEWSCLEAN_FIELDS: expected {{result field: item field}}, got {raw!r}")
    unknown = [k for k in fields if k not in _RESULT_FIELDS]
    if unknown:
        raise ValueError(
            f"NEWSCLEAN_FIELDS: {', '.join(map(repr, unknown))} is not a newsclean.Result field "
            f"(one of {', '.join(_RESULT_FIELDS)}); the field to clean is NEWSCLEAN_INPUT_FIELD"
        )
    if "text" not in fields:
        raise ValueError("NEWSCLEAN_FIELDS must say where the cleaned text goes: {\"text\": ...}")
    return fields


def _result_value(result: newsclean.Result, name: str) -> Any:
    """A Result field as plain data for an item (Caption, Removal, Stats as dicts)."""
    value = getattr(result, name)
    if isinstance(value, list):
        return [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


def _project_dirs() -> list[Path]:
    """Where a relative rules path is looked for: the folder of the Scrapy
    project's scrapy.cfg, then of its settings module; [] outside a project."""
    dirs = []
    try:
        from scrapy.utils.conf import closest_scrapy_cfg

        cfg = closest_scrapy_cfg()
    except ImportError:  # pragma: no cover - very old Scrapy
        cfg = ""
    if cfg:
        dirs.append(Path(cfg).resolve().parent)
    module = os.environ.get("SCRAPY_SETTINGS_MODULE")
    if module:
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin:
            dirs.append(Path(spec.origin).resolve().parent)
    return list(dict.fromkeys(dirs))


def _rules_setting(raw: Any) -> Any:
    """NEWSCLEAN_RULES with each relative rules path made absolute in the project."""
    if not raw:
        return None
    items = [raw] if isinstance(raw, (str, os.PathLike)) else list(raw)
    out = []
    for item in items:
        is_path = isinstance(item, os.PathLike) or (
            isinstance(item, str) and "\n" not in item and item.endswith((".yaml", ".yml"))
        )
        if is_path and not os.path.isabs(item):
            dirs = _project_dirs()
            found = [d / item for d in dirs if (d / item).is_file()]
            if found:
                item = str(found[0])
            elif dirs:
                tried = ", ".join(str(d / item) for d in dirs)
                raise FileNotFoundError(f"NEWSCLEAN_RULES: {os.fspath(item)!r} not found in the "
                                        f"Scrapy project (tried {tried})")
        out.append(item)
    return out


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
    """Cleans ``NEWSCLEAN_INPUT_FIELD`` of each item with a ``newsclean.Cleaner`` and
    writes the ``Result`` fields of ``NEWSCLEAN_FIELDS`` into the item.

    Built by Scrapy with ``from_crawler``; it can also be built directly, e.g.
    ``NewscleanPipeline(newsclean.Cleaner("site.yaml"), input_field="body",
    fields={"text": "text", "author": "byline"})``.
    """

    def __init__(
        self,
        cleaner: newsclean.Cleaner | None = None,
        *,
        input_field: str = "text",
        fields: Mapping[str, str] | Sequence[str] | None = None,
        drop_input: bool = False,
        url_field: str | None = "url",
        format: str = "auto",
        drop_empty: bool = False,
        stats: Any = None,
    ) -> None:
        if not isinstance(input_field, str) or not input_field:
            raise ValueError(f"NEWSCLEAN_INPUT_FIELD: expected a field name, got {input_field!r}")
        self.cleaner = cleaner if cleaner is not None else newsclean.Cleaner()
        self.input_field = input_field
        self.fields_given = fields is not None
        self.fields = _fields(fields) if fields is not None else dict(DEFAULT_FIELDS)
        self.drop_input = bool(drop_input)
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
            _rules_setting(s.get("NEWSCLEAN_RULES")),
            disable=s.getlist("NEWSCLEAN_DISABLE"),
            keep_related_captions=s.getbool("NEWSCLEAN_KEEP_RELATED_CAPTIONS"),
        )
        return cls(
            cleaner,
            input_field=s.get("NEWSCLEAN_INPUT_FIELD", "text"),
            fields=_fields_setting(s),
            drop_input=s.getbool("NEWSCLEAN_DROP_INPUT"),
            url_field=s.get("NEWSCLEAN_URL_FIELD", "url"),
            format=s.get("NEWSCLEAN_FORMAT", "auto"),
            drop_empty=s.getbool("NEWSCLEAN_DROP_EMPTY"),
            stats=crawler.stats,
        )

    def _clean_value(self, text: str | bytes, url: str | None) -> newsclean.Result:
        """Runs on the worker thread: cleaning only, no item or stats access."""
        return self._clean(text, url=url)

    async def process_item(self, item: Any, spider: Any = None) -> Any:
        adapter = ItemAdapter(item)
        src = self.input_field
        if src not in adapter:
            return item
        text = _as_text(adapter.get(src), src)
        url = adapter.get(self.url_field) if self.url_field else None
        if isinstance(url, (list, tuple)):
            url = url[0] if url else None
        result = await _in_thread(self._clean_value, text, url if isinstance(url, str) else None)

        self._inc("newsclean/items")
        for removal in result.removed:
            self._inc(f"newsclean/removed/{removal.category}")
        declared = adapter.field_names() if not isinstance(item, dict) else None
        for name, dst in self.fields.items():
            value = _result_value(result, name)
            if name != "text" and value in ("", [], None):
                continue  # "when present": keep what the item had
            if not self.fields_given and declared is not None and dst not in declared:
                continue  # the default map on an item type without that field
            try:
                adapter[dst] = value
            except KeyError as e:
                raise KeyError(
                    f"NEWSCLEAN_FIELDS maps {name!r} to {dst!r}, which "
                    f"{type(item).__name__} does not declare"
                ) from e
        if self.drop_input and src not in self.fields.values():
            del adapter[src]
        if not result.text:
            self._inc("newsclean/empty")
            if self.drop_empty:
                raise DropItem(f"newsclean: empty text after cleaning ({src})")
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
