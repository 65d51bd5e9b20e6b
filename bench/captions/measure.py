"""The captions task: newsclean on the labelled caption set (captions.jsonl).

Per set and split (datasets.split_of): detection recall for the captions of the story
(label ``related``), for the others (``unrelated``) and for credit lines; relatedness
accuracy on the detected ones; the word-overlap baseline on the same captions; and the
figures when each labelled caption is put into the page's cleaned text and judged there:
after the first paragraph (``inserted``, as issue 19 measured it), and where the page had
it (``placed``: a teaser grid after the story lands after the story's last line).

Matching (``matches``): both texts are normalised (NFKC, case folded, only the ``\\w+``
tokens kept, one space between them). A labelled caption is found in a reported one when
its tokens are the same, or a run of the reported tokens (a credit inside a longer
caption), or when the reported text is a run of the labelled one covering at least
``kMinCover`` of its tokens (newsclean split a caption from its credit).
"""

from __future__ import annotations

import collections
import html as html_lib
import json
import re
import unicodedata
from pathlib import Path

from .. import datasets

kLabels = ("related", "unrelated", "credit-only", "not-a-caption")
kMinCover = 0.5  # share of a labelled caption's tokens a reported part must cover
kBaselineShared = 2  # the baseline: related from this many shared content words
kFirstParagraphWords = 8  # the first paragraph is the first line with this many words
kInsertCredit = " (AP Photo)"  # makes an inserted caption a credited one, as in issue 19
kCaptionsFile = Path(__file__).parent / "captions.jsonl"

_kWord = re.compile(r"\w+")
# Function words of the sets' main languages; content words are the other tokens of three
# or more letters.
kStopwords = frozenset("""
the and for are but not you all any can had her was one our out has him his how its may
new now see two who did get let put say she too use with that this from they will have
been were what when where which while would there their them then than into over after
about also more most some such only other these those very just your said says
der die das und ist ein eine einer eines dem den des mit von für auf aus bei nach sich
nicht auch als wie wir sie ihr sind war wird werden noch nur oder aber über vor zum zur
les des une est dans pour par sur pas qui que avec son ses aux del los las por con para
una uno che per non gli della delle dei
""".split())


def normalise(text: str) -> str:
    """NFKC, case folded, the ``\\w+`` tokens joined by single spaces."""
    return " ".join(_kWord.findall(unicodedata.normalize("NFKC", text).casefold()))


def matches(label_text: str, reported: str) -> bool:
    """Whether a labelled caption is found in one reported text (module docstring)."""
    a, b = normalise(label_text), normalise(reported)
    if not a or not b:
        return False
    if f" {a} " in f" {b} ":
        return True
    return f" {b} " in f" {a} " and len(b.split()) >= kMinCover * len(a.split())


def content_words(text: str) -> set[str]:
    """Tokens of three or more characters that are not function words."""
    return {w for w in normalise(text).split() if len(w) >= 3 and w not in kStopwords}


def baseline_related(caption: str, title: str, first_paragraph: str) -> bool:
    """Related when the caption shares ``kBaselineShared`` content words with the title
    and first paragraph together."""
    shared = content_words(caption) & content_words(f"{title} {first_paragraph}")
    return len(shared) >= kBaselineShared


def first_paragraph(text: str) -> str:
    """The first line of at least ``kFirstParagraphWords`` words, else the first line."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return next((ln for ln in lines if len(ln.split()) >= kFirstParagraphWords),
                lines[0] if lines else "")


def html_title(page_html: str) -> str:
    """og:title, else <title>: the page's own title, independent of newsclean."""
    m = (re.search(r'<meta[^>]+property=["\']og:title["\'][^>]+content=["\']([^"\']*)',
                   page_html, re.I)
         or re.search(r"<title[^>]*>(.*?)</title>", page_html, re.I | re.S))
    return " ".join(html_lib.unescape(m.group(1)).split()) if m else ""


def insert_caption(text: str, title: str, caption: str) -> str:
    """The page's cleaned text, its title first, with ``caption`` (credited) put after
    the first paragraph: the caption as newsclean's text mode would meet it."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return "\n".join([title, *lines[:1], caption + kInsertCredit, *lines[1:]])


def _document_words(page_html: str, path: str) -> tuple[str, int] | None:
    """The page's text in document order, normalised (scripts and styles left out), and
    where in it the element at ``path`` (an lxml XPath, as ``extract.py`` wrote it)
    begins; None when the path is not found."""
    import lxml.html

    root = lxml.html.fromstring(page_html)
    found = root.getroottree().xpath(path)
    if not found:
        return None
    target, parts, at = found[0], [], None
    stack = [(root, False)]  # (element, its tail is due); iterative: pages nest deeply
    while stack:
        el, tail = stack.pop()
        if tail:
            parts.append(normalise(el.tail or ""))
            continue
        if el is target:
            at = len(" ".join(p for p in parts if p))
        stack.append((el, True))
        if isinstance(el.tag, str) and el.tag.lower() not in ("script", "style", "noscript"):
            parts.append(normalise(el.text or ""))
            stack.extend((child, False) for child in reversed(el))
    if at is None:
        return None
    return " ".join(p for p in parts if p), at


def insert_in_place(text: str, title: str, caption: str, page_html: str,
                    path: str) -> str | None:
    """The page's cleaned text, its title first, with ``caption`` (credited) put where the
    page had it: after the last line of the text that the page shows before the caption's
    element (before every line when none is, after the last when the caption follows the
    story). None when the element is not found."""
    where = _document_words(page_html, path)
    if where is None:
        return None
    words, at = where
    lines = [ln for ln in text.splitlines() if ln.strip()]
    cut = 0
    for i, ln in enumerate(lines):
        n = normalise(ln)
        pos = f" {words} ".find(f" {n} ") if n else -1
        if 0 <= pos < at:
            cut = i + 1
    return "\n".join([title, *lines[:cut], caption + kInsertCredit, *lines[cut:]])


def fate(label_text: str, result) -> dict:
    """What newsclean did with one labelled caption: ``detected`` (as a caption),
    ``verdict`` (the matched Caption's ``related``, or None), ``where`` (``caption``,
    ``text``: left in the text, ``removed:<category>``, or ``gone``)."""
    found = [c for c in result.captions if matches(label_text, c.text)]
    if found:
        return {"detected": True, "verdict": bool(found[0].related), "where": "caption"}
    removed = [r for r in result.removed if matches(label_text, r.text)]
    if any(r.category == "caption" for r in removed):
        return {"detected": True, "verdict": None, "where": "removed:caption"}
    if f" {normalise(label_text)} " in f" {normalise(result.text)} ":
        return {"detected": False, "verdict": None, "where": "text"}
    if removed:
        return {"detected": False, "verdict": None, "where": "removed:" + removed[0].category}
    return {"detected": False, "verdict": None, "where": "gone"}


def _share(hits: int, n: int) -> float | None:
    return hits / n if n else None


def summarise(rows: list[dict]) -> dict:
    """Figures of one group of scored captions. Each row: ``label``, ``detected``,
    ``verdict``, ``where``, ``baseline``, and for related/unrelated ``inserted``
    ({detected, verdict})."""
    out: dict = {"captions": len(rows)}
    for label in ("related", "unrelated", "credit-only"):
        group = [r for r in rows if r["label"] == label]
        hits = sum(r["detected"] for r in group)
        out[label] = {"n": len(group), "detected": hits, "recall": _share(hits, len(group)),
                      "where": dict(collections.Counter(r["where"] for r in group))}
    judged = [r for r in rows if r["label"] in ("related", "unrelated")]
    with_verdict = [r for r in judged if r["verdict"] is not None]
    right = sum(r["verdict"] == (r["label"] == "related") for r in with_verdict)
    out["accuracy"] = {"n": len(with_verdict), "right": right,
                       "value": _share(right, len(with_verdict))}
    base_all = sum(r["baseline"] == (r["label"] == "related") for r in judged)
    base_det = sum(r["baseline"] == (r["label"] == "related") for r in with_verdict)
    out["baseline"] = {"n": len(judged), "value": _share(base_all, len(judged)),
                       "on_detected": _share(base_det, len(with_verdict))}
    for key in ("inserted", "placed"):
        inserted = [r for r in judged if r.get(key)]
        ins_v = [r for r in inserted if r[key]["verdict"] is not None]
        ins_right = sum(r[key]["verdict"] == (r["label"] == "related") for r in ins_v)
        out[key] = {"n": len(inserted), "detected": sum(r[key]["detected"] for r in inserted),
                    "judged": len(ins_v), "accuracy": _share(ins_right, len(ins_v))}
    return out


def load_labels(path: Path = kCaptionsFile) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def task_captions(set_paths: list[Path], *, labels_path: Path = kCaptionsFile,
                  split: str | None = None, say=print) -> dict:
    """Cleans every labelled page with newsclean (HTML mode, its URL), scores each
    labelled caption, and summarises per set and split. Returns {"groups": {(set,
    split): figures}, "matching": ..., "labels": path}."""
    import newsclean

    labels = [r for r in load_labels(labels_path) if not split or r["split"] == split]
    wanted = {(r["set"], r["page_id"]) for r in labels}
    cleaner = newsclean.Cleaner()
    scored: list[dict] = []
    for path in set_paths:
        name = datasets.set_name(path)
        pages = {p.id: p for p in datasets.load(path) if (name, p.id) in wanted}
        mine = [r for r in labels if r["set"] == name and r["page_id"] in pages]
        if not mine:
            continue
        say(f"[{name}] captions: {len(mine)} labelled captions on {len(pages)} pages")
        results = {pid: cleaner.clean(p.html, url=p.url, format="html")
                   for pid, p in pages.items()}
        for r in mine:
            page, result = pages[r["page_id"]], results[r["page_id"]]
            title = html_title(page.html) or result.title
            first = first_paragraph(page.truth or result.text)
            row = {"set": name, "split": r["split"], "label": r["label"],
                   **fate(r["text"], result),
                   "baseline": baseline_related(r["text"], title, first)}
            if r["label"] in ("related", "unrelated"):
                placed = insert_in_place(result.text, title, r["text"], page.html, r["path"])
                for key, text in (("inserted", insert_caption(result.text, title, r["text"])),
                                  ("placed", placed)):
                    if text is None:
                        continue
                    judged = cleaner.clean(text, url=page.url, format="text")
                    hit = next((c for c in judged.captions if matches(r["text"], c.text)),
                               None)
                    row[key] = {"detected": hit is not None,
                                "verdict": bool(hit.related) if hit else None}
            scored.append(row)
    groups: dict[str, dict] = {}
    for key in sorted({(r["set"], r["split"]) for r in scored}):
        groups[f"{key[0]} [{key[1]}]"] = summarise(
            [r for r in scored if (r["set"], r["split"]) == key])
    for set_name in sorted({r["set"] for r in scored}):
        groups[f"{set_name} [all]"] = summarise([r for r in scored if r["set"] == set_name])
    groups["all"] = summarise(scored)
    return {"labels": str(labels_path), "groups": groups}


def _pct(value) -> str:
    return "–" if value is None else f"{value:.2f}"


def markdown(rep: dict) -> list[str]:
    """The report section: one row per set and split."""
    headers = ["set [split]", "related: found / n", "recall", "unrelated: found / n", "recall",
               "credit: found / n", "accuracy (n)", "baseline", "baseline on found",
               "inserted: accuracy (n)", "in place: accuracy (n)"]
    rows = []
    for name, g in rep["groups"].items():
        rel, unr, cred = g["related"], g["unrelated"], g["credit-only"]
        acc, base, ins, put = g["accuracy"], g["baseline"], g["inserted"], g["placed"]
        rows.append([name, f"{rel['detected']} / {rel['n']}", _pct(rel["recall"]),
                     f"{unr['detected']} / {unr['n']}", _pct(unr["recall"]),
                     f"{cred['detected']} / {cred['n']}",
                     f"{_pct(acc['value'])} ({acc['n']})", _pct(base["value"]),
                     _pct(base["on_detected"]), f"{_pct(ins['accuracy'])} ({ins['judged']})",
                     f"{_pct(put['accuracy'])} ({put['judged']})"])
    lines = ["| " + " | ".join(headers) + " |", "|---" + "|---:" * (len(headers) - 1) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    where = collections.Counter()
    for label in ("related", "unrelated"):
        for k, v in rep["groups"]["all"][label]["where"].items():
            where[f"{label} {k}"] += v
    return [f"### Captions: detection and judgement on the labelled set (`{rep['labels']}`)", "",
            "found: reported in `Result.captions` or removed as a caption (normalised "
            "text, bench/captions/measure.py). accuracy: `Caption.related` against the "
            "label, on the found related and unrelated captions. baseline: related when "
            "the caption shares 2 content words with the page's title and first paragraph, "
            "on all related and unrelated captions (and on the found ones). inserted: each "
            "related / unrelated caption put, credited, after the first paragraph of the "
            "cleaned text and judged in text mode. in place: the same, each put where its "
            "page had it (after the last line of the text the page shows before it).", "",
            *lines, "",
            "Where the related and unrelated captions went (all sets): "
            + ", ".join(f"{k} {v}" for k, v in sorted(where.items())) + ".", ""]
