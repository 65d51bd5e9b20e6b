"""Evaluation sets (``.jsonl.gz``, one page a line) and published extractor outputs.

The page format is the one of ../shared/eval/README.md: ``id``, ``url``, ``html``,
``truth``, ``flagged`` and, where known, ``lang``, ``page_type``, ``domain``,
``with`` / ``without``.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

# Pages in the --quick sample of each set.
kQuickPages = 40


@dataclasses.dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: str
    truth: str
    flagged: bool = False
    lang: str = ""
    page_type: str = ""
    domain: str = ""
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()

    @property
    def html_bytes(self) -> int:
        return len(self.html.encode("utf-8"))


def _page(row: dict) -> Page:
    return Page(
        id=str(row["id"]),
        url=row.get("url") or "",
        html=row.get("html") or "",
        truth=row.get("truth") or "",
        flagged=bool(row.get("flagged", False)),
        lang=row.get("lang") or "",
        page_type=row.get("page_type") or "",
        domain=row.get("domain") or "",
        with_=tuple(row.get("with") or ()),
        without=tuple(row.get("without") or ()),
    )


kSplits = ("tune", "check")


def domain_of(page: Page) -> str:
    """The page's site: ``domain`` where the set gives it, else the URL's host without
    "www."; an archived page (web.archive.org/web/<time>/<url>) counts as the site it
    archives. A page without a URL is a site of its own."""
    if page.domain:
        return page.domain.lower().removeprefix("www.")
    url = page.url
    host = (urlsplit(url).hostname or "").lower()
    archived = url.find("/http", url.find("/web/") + 1) if host == "web.archive.org" else -1
    if archived > 0:
        host = (urlsplit(url[archived + 1:]).hostname or host).lower()
    return host.removeprefix("www.") or "page:" + page.id


def split_of(page: Page) -> str:
    """``tune`` or ``check``: a fixed half of the sites (by the SHA-1 of the domain), so
    that the pages of one site never sit on both sides."""
    digest = hashlib.sha1(domain_of(page).encode("utf-8")).digest()
    return kSplits[digest[0] & 1]


def sample(pages: list[Page], n: int) -> list[Page]:
    """The n pages with the smallest SHA-1 of their id, in file order: the same
    pages on every run and machine, whatever the file order."""
    if len(pages) <= n:
        return list(pages)
    key = lambda p: hashlib.sha1(p.id.encode("utf-8")).hexdigest()  # noqa: E731
    chosen = {p.id for p in sorted(pages, key=key)[:n]}
    return [p for p in pages if p.id in chosen]


def load(path: str | Path, *, limit: int | None = None, page_type: str | None = None,
         skip_flagged: bool = False, quick: bool = False, split: str | None = None) -> list[Page]:
    """Reads a set, filters it (page type, flagged, ``split``: the ``tune`` or ``check``
    half of its sites), then (quick) samples it, then cuts it to ``limit``.

    The quick sample is ``sample(pages, kQuickPages)``.
    """
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        pages = [_page(json.loads(line)) for line in f if line.strip()]
    if page_type:
        wanted = set(page_type.split(","))
        pages = [p for p in pages if p.page_type in wanted]
    if skip_flagged:
        pages = [p for p in pages if not p.flagged]
    if split:
        pages = [p for p in pages if split_of(p) == split]
    if quick:
        pages = sample(pages, kQuickPages)
    if limit is not None:
        pages = pages[:limit]
    return pages


def set_name(path: str | Path) -> str:
    """``.../wcxb-dev.jsonl.gz`` -> ``wcxb-dev``."""
    name = Path(path).name
    for suffix in (".gz", ".jsonl", ".json"):
        name = name.removesuffix(suffix)
    return name


def default_metric(path: str | Path, pages: list[Page] = ()) -> str:
    """Each set is scored with its own published metric: ScrapingHub's shingle F1
    for ScrapingHub, WCXB's word F1 for everything else; a set with no truth at all
    (trafilatura's evaluation pages: snippets only) by its snippets alone."""
    if pages and not any(p.truth for p in pages):
        return "snippets"
    return "shingle" if "scrapinghub" in Path(path).name.lower() else "word"


@dataclasses.dataclass(frozen=True)
class Outputs:
    """What one extractor returned for a set, as published."""
    name: str
    version: str
    texts: dict[str, str]


def load_outputs(directory: str | Path) -> list[Outputs]:
    """Reads ``DIR/*.json``: either ``{"version": v, "output": {id: {"articleBody": t}}}``
    or the older bare ``{id: {"articleBody": t}}``. A null body reads as ""."""
    found = []
    for path in sorted(Path(directory).glob("*.json"), key=lambda p: p.name.lower()):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        version = ""
        if isinstance(data.get("output"), dict) and "version" in data:
            version, data = str(data["version"]), data["output"]
        texts = {k: (v or {}).get("articleBody") or "" for k, v in data.items()}
        found.append(Outputs(name=path.stem, version=version, texts=texts))
    return found


def find_shared(repo_root: Path) -> Path | None:
    """The project's shared/ folder, ``../shared`` beside the repo, if it is there."""
    shared = repo_root.parent / "shared"
    return shared if (shared / "eval").is_dir() else None
