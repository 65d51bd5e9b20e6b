"""The short task: short stories made from long ones, to see what is kept around them.

The development sets hold few stories under 150 words, and on pages they were never tuned
on, that is where newsclean keeps most that is not the story (the container it picks is
too high). This task makes short stories from the long ones: on each article page whose
truth has at least kShortWords words, the story's paragraphs are found in the HTML (the
outermost elements whose text is one truth line, or a run of consecutive lines, in truth
order), the first one or two of them (under kShortWords truth words) stay and every other
one is deleted from the tree; the truth becomes the kept paragraphs' lines. Everything
that is not story (navigation, related lists, comments, widgets) stays where it was.

A page is skipped, and counted by reason, when it is flagged, already short, when its
first paragraph alone has kShortWords words or more, when none of its story is found,
when nothing would be deleted, or when after the deletion a truth line of kMinCheckTokens
tokens or more that is not kept is still in the page's visible text (a paragraph that is
no element of its own, or one repeated elsewhere): such a page is not a clean short story.
The page's JSON-LD ``articleBody`` (which newsclean may read) becomes the kept text; a
page whose JSON-LD keeps a deleted line another way is skipped too.

newsclean and the peers (readability-lxml and trafilatura by default) then extract each
shortened page; the figures are the set's own metric per tune / check split.
"""

from __future__ import annotations

import dataclasses
import heapq
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from . import datasets, metrics, peers, tasks

kShortWords = tasks.kShortStoryWords  # a short story has fewer truth words than this
kMaxRun = 4  # one element may hold this many consecutive truth lines (lines split by <br>)
kMinCheckTokens = 5  # a truth line this long must not stay visible unless it is kept
kPeers = ("readability-lxml", "trafilatura")
kSkipTags = frozenset({"script", "style", "noscript", "template", "head", "title", "meta",
                       "link", "svg", "math", "iframe", "object"})
# Elements whose text does not run on into the text around them.
kBlockTags = frozenset({"address", "article", "aside", "blockquote", "br", "dd", "details",
                        "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1",
                        "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
                        "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr",
                        "ul"})

_token = re.compile(r"\w+")
_marker = re.compile(r"^\s*(?:[-*\u2022\u00b7]|\d{1,3}[.)])\s+")


def key(text: str) -> str:
    """What a paragraph is matched by: its tokens, without a leading list marker ("- ",
    "3. "), which a truth may write and a page may leave to its list's numbering."""
    return tokens(_marker.sub("", text, count=1))


def tokens(text: str) -> str:
    """The text's ``\\w+`` tokens, NFKC and case folded, joined by one space."""
    return " ".join(_token.findall(unicodedata.normalize("NFKC", text).casefold()))


@dataclasses.dataclass(frozen=True)
class Shortened:
    """A page made short, or why it could not be (``page`` is None then)."""
    page: datasets.Page | None
    reason: str  # "ok" or the reason for skipping


def _walk(body) -> tuple[list, list[str], dict[int, tuple[int, int, int]]]:
    """Every visible element under ``body`` in document order; the visible text of the
    body in pieces; for each element (by id) its first piece, the piece just past it and
    the element just past its subtree."""
    elements: list = []
    pieces: list[str] = []
    spans: dict[int, tuple[int, int, int]] = {}

    def walk(el):
        if el.text:
            pieces.append(el.text)
        for child in el:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag and tag not in kSkipTags:
                gap = " " if tag in kBlockTags else ""
                elements.append(child)
                pieces.append(gap)
                first = len(pieces)
                walk(child)
                spans[id(child)] = (first, len(pieces), len(elements))
                pieces.append(gap)
            if child.tail:
                pieces.append(child.tail)
    walk(body)
    return elements, pieces, spans


def _align(elements: list, past: dict[int, int], keys: dict,
           lines: list[str]) -> list[tuple[object, range]]:
    """Units of the story: (element, truth lines it holds), in truth and document order.
    A candidate is an element whose key is a truth line or a run of up to kMaxRun lines;
    the units are the chain of candidates, increasing in truth line and in document order,
    none inside another, that holds the most truth tokens (the first such chain: the
    outermost of nested elements with the same text, the earliest of repeated ones)."""
    order = {id(el): i for i, el in enumerate(elements)}
    cands = []  # (document position, past its subtree, lines, element, tokens)
    for i in range(len(lines)):
        run = ""
        for j in range(i, min(len(lines), i + kMaxRun)):
            run = f"{run} {lines[j]}".strip()
            for el in keys.get(run, ()):
                cands.append((order[id(el)], past[id(el)], range(i, j + 1), el,
                              run.count(" ") + 1))
    cands.sort(key=lambda c: (c[0], c[2].start))
    # best[n]: the most tokens of a chain ending in candidate n. Candidates are taken in
    # document order; one becomes a possible predecessor once the walk is past its subtree,
    # and a Fenwick tree over truth lines gives the best chain ending before a line.
    size = len(lines) + 1
    tree = [(0, -1)] * (size + 1)  # (tokens, candidate), prefix maxima by line stop

    def add(stop: int, value: tuple[int, int]) -> None:
        while stop <= size:
            tree[stop] = max(tree[stop], value, key=lambda v: (v[0], -v[1]))
            stop += stop & -stop

    def query(stop: int) -> tuple[int, int]:
        top = (0, -1)
        while stop > 0:
            top = max(top, tree[stop], key=lambda v: (v[0], -v[1]))
            stop -= stop & -stop
        return top

    best: list[int] = []
    prev: list[int] = []
    pending: list[tuple[int, int]] = []  # (past its subtree, candidate)
    for n, (at, end, span, _, weight) in enumerate(cands):
        while pending and pending[0][0] <= at:
            _, m = heapq.heappop(pending)
            add(cands[m][2].stop, (best[m], m))
        top = query(span.start)
        best.append(top[0] + weight)
        prev.append(top[1])
        heapq.heappush(pending, (end, n))
    if not cands:
        return []
    n = max(range(len(cands)), key=lambda m: (best[m], -m))
    chain = []
    while n >= 0:
        chain.append((cands[n][3], cands[n][2]))
        n = prev[n]
    return chain[::-1]


def _replace_bodies(data, body: str):
    """``data`` (parsed JSON) with every ``articleBody`` value replaced by ``body``."""
    if isinstance(data, dict):
        return {k: body if k == "articleBody" else _replace_bodies(v, body)
                for k, v in data.items()}
    if isinstance(data, list):
        return [_replace_bodies(v, body) for v in data]
    return data


def _strings(data) -> list[str]:
    """Every string value in ``data`` (parsed JSON)."""
    if isinstance(data, dict):
        return [t for v in data.values() for t in _strings(v)]
    if isinstance(data, list):
        return [t for v in data for t in _strings(v)]
    return [data] if isinstance(data, str) else []


def _shorten_json_ld(root, truth: str, left: list[str]) -> bool:
    """The page's JSON-LD says the short story too: every ``articleBody`` becomes the kept
    text. False if a deleted line stays in a JSON-LD script."""
    def holds(texts: list[str]) -> bool:
        joined = f" {' '.join(key(t) for t in texts)} "
        return any(f" {line} " in joined for line in left)

    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            if holds([script.text]):
                return False
            continue
        if not holds(_strings(data)):
            continue
        data = _replace_bodies(data, truth.replace("\n", "\n\n"))
        if holds(_strings(data)):
            return False
        script.text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return True


def shorten(page: datasets.Page) -> Shortened:
    """``page`` made a short story, or the reason it cannot be (see the module doc)."""
    import lxml.html

    if page.flagged:
        return Shortened(None, "flagged")
    if len(page.truth.split()) < kShortWords:
        return Shortened(None, "already short")
    raw = [line for line in page.truth.splitlines() if key(line)]
    lines = [key(line) for line in raw]
    try:
        root = lxml.html.document_fromstring(page.html)
    except Exception:  # noqa: BLE001 - an unparsable page is one skip among others
        return Shortened(None, "unparsable")
    body = root.find("body")
    if body is None:
        return Shortened(None, "unparsable")
    elements, pieces, spans = _walk(body)
    at = [0]  # characters before each piece: a container far longer than a line is no key
    for piece in pieces:
        at.append(at[-1] + len(piece))
    longest = 2 * max(len(raw[k]) for k in range(len(raw))) * kMaxRun + 100
    keys: dict[str, list] = {}
    for el in elements:
        first, stop, _ = spans[id(el)]
        if at[stop] - at[first] <= longest:
            text = key("".join(pieces[first:stop]))
            if text:
                keys.setdefault(text, []).append(el)
    past = {k: v[2] for k, v in spans.items()}
    units = _align(elements, past, keys, lines)
    if not units:
        return Shortened(None, "story not found")
    kept = 0
    words = 0
    for _, span in units[:2]:
        more = sum(len(raw[k].split()) for k in span)
        if words + more >= kShortWords:
            break
        kept, words = kept + 1, words + more
    if kept == 0:
        return Shortened(None, "first paragraph too long")
    if kept == len(units):
        return Shortened(None, "nothing to delete")
    # The deleted paragraphs go, and so does every other element with the text of one
    # (a table of contents, a repeated heading); drop_tree keeps an element's tail.
    gone = {" ".join(lines[k] for k in span) for _, span in units[kept:]}
    inside_kept = {id(d) for el, _ in units[:kept] for d in el.iter()}
    doomed = [el for text in gone for el in keys[text] if id(el) not in inside_kept]
    doomed_ids = {id(el) for el in doomed}
    for el in doomed:
        if all(id(a) not in doomed_ids for a in el.iterancestors()):
            el.drop_tree()
    kept_lines = {k for _, span in units[:kept] for k in span}
    truth = "\n".join(raw[k] for _, span in units[:kept] for k in span)
    left = [line for k, line in enumerate(lines)
            if k not in kept_lines and line.count(" ") + 1 >= kMinCheckTokens]
    visible = f" {key(''.join(_walk(body)[1]))} "
    if any(f" {line} " in visible for line in left):
        return Shortened(None, "story text left in the page")
    if not _shorten_json_ld(root, truth, left):
        return Shortened(None, "story text left in the page's JSON-LD")
    html = lxml.html.tostring(root, encoding="unicode", method="html",
                              doctype=root.getroottree().docinfo.doctype or None)
    return Shortened(dataclasses.replace(page, html=html, truth=truth), "ok")


def task_short(sets: Sequence[tuple[str, str, list[datasets.Page]]], opts: tasks.Options,
               newsclean: dict) -> dict:
    """Per set: the skip counts, and each system's F1 / P / R on the shortened pages,
    overall and per split. ``sets`` are (name, metric, pages); only article pages (or
    pages of a set without types) are shortened."""
    names = [n for n in kPeers if opts.systems is None or n in opts.systems]
    if newsclean.get("html_mode"):
        names.insert(0, peers.NEWSCLEAN_HTML.name)
    out = {}
    for name, metric, pages in sets:
        if metric == "snippets":
            continue
        made = [shorten(p) for p in pages if p.page_type in ("", "article")]
        reasons = Counter(m.reason for m in made)
        short = [m.page for m in made if m.page is not None]
        entry = {"metric": metric, "articles": len(made), "reasons": dict(reasons),
                 "pages": len(short), "systems": {}}
        tasks.say(f"[{name}] short: {len(short)} of {len(made)} articles shortened")
        if short:
            runs = tasks.run_html(short, f"{name}-short", opts, names)
            for sys_name, run in runs.items():
                fig = {}
                for split in (None, *datasets.kSplits):
                    idx = [i for i, p in enumerate(short)
                           if split is None or datasets.split_of(p) == split]
                    s = metrics.summarize(metric, [metrics.score_page(
                        metric, short[i].truth, run.texts[i]) for i in idx]) if idx else \
                        {"f1": None, "precision": None, "recall": None}
                    fig[split or "all"] = {"pages": len(idx), "f1": s["f1"],
                                           "precision": s["precision"], "recall": s["recall"]}
                fig["errors"] = sum(e is not None for e in run.errors)
                fig["version"] = run.version
                entry["systems"][sys_name] = fig
        out[name] = entry
    return out


def _cell(fig: dict) -> str:
    if fig["f1"] is None:
        return "–"
    return f"{fig['f1']:.3f} / {fig['precision']:.3f} / {fig['recall']:.3f}"


def markdown(res: dict) -> list[str]:
    out = ["### Short stories made from long ones", "",
           f"> Article pages of {kShortWords}+ truth words cut to their first one or two "
           f"paragraphs (under {kShortWords} words); the page around the story stays. "
           "F1 / P / R in the set's own metric; pages left out, by reason, below the table.",
           "", "| set | system | pages | all | tune | check |", "|---|---|---:|---|---|---|"]
    for name, entry in res.items():
        for sys_name, fig in entry["systems"].items():
            out.append(f"| {name} | {sys_name} | {entry['pages']} | {_cell(fig['all'])} | "
                       f"{_cell(fig['tune'])} ({fig['tune']['pages']}) | "
                       f"{_cell(fig['check'])} ({fig['check']['pages']}) |")
    out.append("")
    for name, entry in res.items():
        skipped = ", ".join(f"{r} {n}" for r, n in sorted(entry["reasons"].items()) if r != "ok")
        out.append(f"> {name}: {entry['pages']} of {entry['articles']} article pages "
                   f"shortened; left out: {skipped or 'none'}.")
    out.append("")
    return out
