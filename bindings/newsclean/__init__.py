"""newsclean: strip the site around a news story, keep every sentence of it.

    >>> import newsclean
    >>> newsclean.clean("News / Politics\\n\\nThe council met on Tuesday to agree the budget.")
    'The council met on Tuesday to agree the budget.'

    >>> cleaner = newsclean.Cleaner("my-rules.yaml", keep_related_captions=True)
    >>> result = cleaner.clean(text, url="https://www.example.com/story")
    >>> result.text, result.title, result.section, result.captions, result.removed

    >>> html_report = newsclean.explain(page_html, url="https://www.example.com/story")

A Cleaner is immutable and thread-safe; ``clean`` and ``clean_many`` release
the GIL. It pickles (it is rebuilt from its rule texts), so it can be shipped
to multiprocessing, Spark or datatrove workers.
"""

from __future__ import annotations

import os
from typing import Iterable, Sequence, Union

from . import _core
from ._core import Caption, Removal, Result, Stats

__all__ = ["Caption", "Cleaner", "Removal", "Result", "Stats", "clean", "default_rules",
           "explain"]
__version__: str = _core.__version__  # project() in CMakeLists.txt

RulesArg = Union[None, str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and (
        os.path.exists(value) or value.endswith((".yaml", ".yml"))
    )


def _sources(rules: RulesArg) -> list[tuple[str, str]]:
    """Turns the ``rules`` argument into (name, yaml text) pairs."""
    if rules is None:
        return []
    if isinstance(rules, (str, os.PathLike)):
        rules = [rules]
    out = []
    for item in rules:
        if isinstance(item, os.PathLike) or (isinstance(item, str) and _looks_like_path(item)):
            path = os.fspath(item)
            with open(path, encoding="utf-8") as f:  # FileNotFoundError if missing
                out.append((path, f.read()))
        elif isinstance(item, str):
            out.append(("<string>", item))
        else:
            raise TypeError(f"rules: expected a path or YAML text, got {type(item).__name__}")
    return out


class Cleaner:
    """A compiled rule set.

    Args:
        rules: None (the built-in rules only), a path to a YAML rules file, the
            YAML text itself, or a list of those. They extend the built-in
            rules; a rule with a built-in id replaces it.
        disable: rule ids to switch off.
        keep_related_captions: keep captions judged related to the story in
            the text (they are listed in ``Result.captions`` either way).
        caption_threshold: relevance score from which a caption is related.
        defaults: False to use only ``rules``, without the built-in set.
        input_kind: what text input is: "extract" (a main-content extractor's
            output), "page" (a whole page as text: a Common Crawl WET record,
            html-text's output; lines that are not sentences go unless they
            sit inside the story's prose) or "auto" (decided per document;
            ``Result.input_kind`` says what was decided).
        text_format: how ``Result.text`` is written: "plain" (the kept
            blocks, one a line) or "markdown" (headings, lists, quotes,
            preformatted text and tables as the HTML had them, paragraphs
            parted by an empty line, markup characters escaped).
        removed_text_chars: ``Result.removed`` texts are cut to this many
            characters (then end in "…"; ``Removal.words`` counts them all);
            0 for no limit.
        site_pack: "" (none) or "ftr": also use the site rules of FiveFilters'
            ftr-site-config (about 2,000 sites, CC0), looked up by the page's
            host (pass ``url``); pages of other sites cost nothing more.

    Raises:
        ValueError: a rules file is invalid; the message names file:line:col
            and the rule id; or ``site_pack`` names no pack.
        FileNotFoundError: a rules path does not exist.
    """

    def __init__(
        self,
        rules: RulesArg = None,
        *,
        disable: Sequence[str] = (),
        keep_related_captions: bool = False,
        caption_threshold: float = 0.37,
        defaults: bool = True,
        input_kind: str = "auto",
        text_format: str = "plain",
        removed_text_chars: int = 300,
        site_pack: str = "",
    ) -> None:
        self._sources = _sources(rules)
        self._options = {
            "disable": list(disable),
            "keep_related_captions": bool(keep_related_captions),
            "caption_threshold": float(caption_threshold),
            "defaults": bool(defaults),
            "input_kind": str(input_kind),
            "text_format": str(text_format),
            "removed_text_chars": int(removed_text_chars),
            "site_pack": str(site_pack or ""),
        }
        self._core = _core.Cleaner(self._sources, **self._options)

    def clean(
        self,
        text: str | bytes,
        url: str | None = None,
        format: str = "auto",
        encoding: str | None = None,
    ) -> Result:
        """Cleans one document: plain text or an HTML page.

        ``format`` is "auto" (HTML when it looks like HTML), "text" or "html".

        A ``str`` is text already decoded: it is never decoded again from its
        ``<meta charset>`` (pass Scrapy's ``response.text`` as it is).
        ``bytes`` are as fetched: HTML is decoded from a BOM, its declared
        charset when the bytes fit it, or a detector's guess; text is read as
        UTF-8. ``encoding`` (bytes only; e.g. an HTTP header's charset) says
        what the bytes are; a BOM still wins, and bytes that do not fit it
        are decoded as without it. A guessed charset, and a declared or
        given one that was not used, is named in ``Result.warnings``.

        Raises:
            ValueError: a ``str`` holds a lone surrogate (the message gives
                its position), or ``format`` is unknown.
        """
        return self._core.clean(text, url or "", format, encoding or "")

    def clean_html(
        self, html: str | bytes, url: str | None = None, encoding: str | None = None
    ) -> Result:
        """Cleans an HTML page: ``clean(html, url, format="html", encoding=encoding)``."""
        return self._core.clean(html, url or "", "html", encoding or "")

    def clean_many(
        self,
        texts: Sequence[str | bytes],
        urls: Sequence[str | None] | None = None,
        workers: int = 0,
        format: str = "auto",
    ) -> list[Result]:
        """Cleans many documents on ``workers`` threads (0: all cores), in order."""
        texts = list(texts)
        url_list = [u or "" for u in urls] if urls is not None else []
        if url_list and len(url_list) != len(texts):
            raise ValueError(f"urls has {len(url_list)} items, texts has {len(texts)}")
        if workers < 0:
            raise ValueError("workers must be >= 0")
        return self._core.clean_many(texts, url_list, workers, format)

    def explain(
        self,
        text: str | bytes,
        url: str | None = None,
        format: str = "auto",
        source: str = "",
    ) -> str:
        """Cleans one document and returns its explain report (``Result.explain_html``):
        one self-contained HTML page. Removal texts are cut by this Cleaner's
        ``removed_text_chars``; ``newsclean.explain`` cuts none."""
        return self.clean(text, url, format).explain_html(self, source)

    def rules(self) -> list[dict]:
        """The active rules in order: id, category, action, where, origin, description."""
        return self._core.rules()

    def __reduce__(self):
        return (_rebuild, (self._sources, self._options))

    def __repr__(self) -> str:
        names = [name for name, _ in self._sources]
        return f"Cleaner(rules={names!r}, {len(self.rules())} active)"


def _rebuild(sources: list[tuple[str, str]], options: dict) -> Cleaner:
    cleaner = Cleaner.__new__(Cleaner)
    cleaner._sources = sources
    cleaner._options = options
    cleaner._core = _core.Cleaner(sources, **options)
    return cleaner


_defaults: dict[str, Cleaner] = {}


def clean(
    text: str | bytes, url: str | None = None, format: str = "auto", site_pack: str = ""
) -> str:
    """The cleaned text of one document (text or HTML), with the built-in rules
    (and the site pack ``site_pack``: "" for none, or "ftr")."""
    cleaner = _defaults.get(site_pack)
    if cleaner is None:
        cleaner = _defaults[site_pack] = Cleaner(site_pack=site_pack)
    return cleaner.clean(text, url, format).text


_explainer: Cleaner | None = None


def explain(
    text: str | bytes,
    url: str | None = None,
    format: str = "auto",
    *,
    rules: RulesArg = None,
    source: str = "",
) -> str:
    """The explain report of one document (HTML or text), as a self-contained HTML page.

    The page's text in reading order: kept blocks plain, removed ones struck
    through and coloured by category, with the rule id, its description on
    hover, the element's path and word count; the title, section and
    captions with their scores; a table of removals by category. It needs no
    script and loads nothing. Removal texts are whole (``removed_text_chars=0``).

        >>> with open("report.html", "w", encoding="utf-8") as f:
        ...     f.write(newsclean.explain(page_html, url=page_url))

    ``rules`` extends the built-in rules as in ``Cleaner(rules)``.
    """
    global _explainer
    if rules is not None:
        cleaner = Cleaner(rules, removed_text_chars=0)
    else:
        if _explainer is None:
            _explainer = Cleaner(removed_text_chars=0)
        cleaner = _explainer
    return cleaner.explain(text, url, format, source)


def default_rules() -> str:
    """The YAML text of the built-in rules."""
    return _core.default_rules_yaml()
