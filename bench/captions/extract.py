"""Caption-like texts bound to images on development pages: the candidates to label.

    python -m bench.captions.extract --per-page 4 --out candidates.jsonl
    python -m bench.captions.extract --galleries --out galleries.jsonl

For each page, every ``<img>`` is given at most one text, found in this order (README.md,
"What counts as a caption"):

- ``figcaption``: the ``<figcaption>`` of the image's ``<figure>``;
- ``class``: an element whose class or id says caption / credit / legend, inside the
  nearest small container of the image (or the image's next siblings);
- ``container``: the text of the image's nearest ancestor that holds any text, when it is
  short (at most ``kMaxChars``): a teaser card, a gallery slide, an author box;
- ``alt``: the image's ``alt`` (or ``title``) when nothing above describes it.

The extractor proposes; it never labels. Each candidate keeps its context: page id, set,
split, URL, the element's XPath, the text, the image's ``src`` / ``alt``, and the URL the
image or text links to when that is another page.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import lxml.html

from .. import datasets

kMaxChars = 300  # longer texts are not captions (README.md)
kMinChars = 3
kCaptionToken = re.compile(
    r"caption|credit|legend|photo-?text|image-?text|bildunterschrift|bildtext|copyright",
    re.IGNORECASE)
kSkipTags = {"script", "style", "noscript", "nav", "header", "form", "button", "select",
             "option", "svg", "head", "title", "template", "iframe"}
kSets = ("scrapinghub", "wcxb-dev", "trafilatura-eval")
# A gallery or slide show around a candidate (``--galleries``): its class, id or role says so.
kGalleryToken = re.compile(
    r"galler|slideshow|slide-?show|carousel|\bslides?\b|swiper|lightbox|in-?pictures",
    re.IGNORECASE)


def fold(text: str) -> str:
    """White space folded to single spaces, ends stripped."""
    return " ".join(text.split())


def _text(el) -> str:
    parts = []
    for node in el.iter():
        if node is not el and (not isinstance(node.tag, str) or node.tag in kSkipTags):
            continue
        if isinstance(node.tag, str) and node.tag not in kSkipTags and node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return fold(" ".join(parts))


def _text_of(el) -> str:
    """Visible-ish text of an element: scripts, styles and forms left out."""
    try:
        return fold(" ".join(t for t in el.xpath(
            ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
            " or ancestor::button or ancestor::select or ancestor::svg)]")))
    except ValueError:
        return _text(el)


def _is_captionish(el) -> bool:
    if not isinstance(el.tag, str):
        return False
    attrs = " ".join(el.get(a, "") for a in ("class", "id", "itemprop", "data-testid"))
    return bool(kCaptionToken.search(attrs))


def _link(img, container, page_url: str) -> str:
    """The URL the image (or its container's first link) points to, when another page."""
    anchor = next((a for a in img.iterancestors("a")), None)
    if anchor is None and container is not None:
        anchor = container if container.tag == "a" else next(iter(container.iter("a")), None)
    if anchor is None or not anchor.get("href"):
        return ""
    href = anchor.get("href").strip()
    if href.startswith(("javascript:", "mailto:", "#")):
        return ""
    target = urldefrag(urljoin(page_url, href))[0]
    return "" if target.rstrip("/") == urldefrag(page_url)[0].rstrip("/") else target


def _small_container(img):
    """The image's nearest ancestor holding any text, and that text; (None, "") when the
    text is longer than kMaxChars or the ancestor is the body."""
    for anc in img.iterancestors():
        if anc.tag in ("body", "html"):
            return None, ""
        text = _text_of(anc)
        if len(text) >= kMinChars:
            return (anc, text) if len(text) <= kMaxChars else (None, "")
    return None, ""


def candidates_of(page: datasets.Page, set_name: str) -> list[dict]:
    """Every image's caption-like text on one page, in document order."""
    if not page.html.strip():
        return []
    try:
        root = lxml.html.fromstring(page.html)
    except (ValueError, lxml.etree.ParserError):
        return []
    tree = root.getroottree()
    found, seen = [], set()
    for img in root.iter("img"):
        if any(a.tag in kSkipTags for a in img.iterancestors()):
            continue
        src = img.get("src") or img.get("data-src") or img.get("data-lazy-src") or ""
        alt = fold(img.get("alt") or img.get("title") or "")
        el, kind, text = None, "", ""
        figure = next((a for a in img.iterancestors("figure")), None)
        cap = figure.find(".//figcaption") if figure is not None else None
        if cap is not None and _text_of(cap):
            el, kind, text = cap, "figcaption", _text_of(cap)
        container, ctext = _small_container(img)
        if el is None:
            scope = container if container is not None else img.getparent()
            for node in (scope.iter() if scope is not None else ()):
                if node is not img and _is_captionish(node):
                    t = _text_of(node)
                    if kMinChars <= len(t) <= kMaxChars:
                        el, kind, text = node, "class", t
                        break
        if el is None and container is not None:
            el, kind, text = container, "container", ctext
        if el is None and len(alt) >= kMinChars:
            el, kind, text = img, "alt", alt[:kMaxChars]
        if el is None or len(text) < kMinChars or len(text) > kMaxChars:
            continue
        key = text.lower()
        if key in seen:  # one gallery's text repeated, a lazy image's twin
            continue
        seen.add(key)
        found.append({
            "set": set_name, "page_id": page.id, "split": datasets.split_of(page),
            "url": page.url, "path": tree.getpath(el), "kind": kind, "text": text,
            "img": {"src": src[:300], "alt": alt[:300]},
            "link": _link(img, container if kind == "container" else None, page.url)})
    return found


def in_gallery(root, cand: dict) -> bool:
    """Whether the candidate's element or an ancestor is named as a gallery or slide show."""
    found = root.getroottree().xpath(cand["path"])
    return bool(found) and any(
        kGalleryToken.search(" ".join(a.get(k, "") for k in ("class", "id", "data-component")))
        for a in (found[0], *found[0].iterancestors()))


def gallery_candidates_of(page: datasets.Page, set_name: str) -> list[dict]:
    """The candidates of one page that sit in a gallery or slide show; none when fewer
    than two do (one picture is no gallery)."""
    cands = candidates_of(page, set_name)
    if len(cands) < 2 or not kGalleryToken.search(page.html):
        return []
    root = lxml.html.fromstring(page.html)
    found = [c for c in cands if in_gallery(root, c)]
    return found if len(found) >= 2 else []


def pick(cands: list[dict], n: int, seed: str) -> list[dict]:
    """At most ``n`` candidates of a page: a fixed, hashed choice that takes every kind
    found before a second of any kind, in document order."""
    key = lambda c: hashlib.sha1((seed + c["path"]).encode()).hexdigest()  # noqa: E731
    by_kind: dict[str, list[dict]] = {}
    for c in sorted(cands, key=key):
        by_kind.setdefault(c["kind"], []).append(c)
    chosen: list[dict] = []
    while len(chosen) < n and any(by_kind.values()):
        for kind in sorted(by_kind):
            if by_kind[kind] and len(chosen) < n:
                chosen.append(by_kind[kind].pop(0))
    order = {id(c): i for i, c in enumerate(cands)}
    return sorted(chosen, key=lambda c: order[id(c)])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.captions.extract",
                                description=__doc__.splitlines()[0])
    p.add_argument("--eval", type=Path, default=Path(__file__).resolve().parents[3]
                   / "shared" / "eval", help="the folder of the development sets")
    p.add_argument("--pages", type=int, default=60, help="pages a set (hashed sample)")
    p.add_argument("--per-page", type=int, default=4, help="candidates kept per page")
    p.add_argument("--galleries", action="store_true",
                   help="every page's candidates in galleries and slide shows, unsampled")
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    with open(args.out, "w", encoding="utf-8") as out:
        for name in kSets:
            pages = [pg for pg in datasets.load(args.eval / f"{name}.jsonl.gz")
                     if pg.page_type in ("", "article")]
            if args.galleries:
                for page in pages:
                    for c in gallery_candidates_of(page, name):
                        out.write(json.dumps(c, ensure_ascii=False) + "\n")
                continue
            for page in datasets.sample(pages, args.pages):
                for c in pick(candidates_of(page, name), args.per_page, page.id):
                    out.write(json.dumps(c, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
