"""The two published metrics, exactly as ../shared/eval/README.md defines them.

ScrapingHub (``shingle``): 4-gram shingles of ``\\w+`` tokens (case kept) as multisets;
per page tp/fp/fn divided by their sum; page precision and recall; the set's precision
and recall are means over the pages where each is defined; F1 is their harmonic mean.

WCXB (``word``): ``\\w+`` tokens of the lower-cased text as multisets; per page p, r and
F1; the set's figures are plain means of the page figures, overall and per page_type.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

_TOKEN = re.compile(r"\w+")  # str pattern: Unicode word characters
kShingle = 4


@dataclasses.dataclass(frozen=True)
class PageScore:
    """One page's figures. None where the metric leaves a value undefined
    (shingle precision with nothing predicted, shingle recall with no truth)."""
    precision: float | None
    recall: float | None
    f1: float | None


def _harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


# ---- ScrapingHub shingle F1 ---------------------------------------------------------

def shingles(text: str, n: int = kShingle) -> Counter:
    """Multiset of n-grams of tokens; a text of 1..n-1 tokens gives one shorter gram."""
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn), each divided by tp + fp + fn so long pages do not weigh more."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def perfect_line_filter(truth: str, pred: str) -> str:
    """The best a line-level cleaner can do: keep a line of ``pred`` when at least
    half of its 4-gram shingles occur in ``truth``; drop it otherwise, and drop lines
    without a token. A line of fewer than four tokens is kept when its tokens occur
    in that order, next to each other, in the truth. It removes no word from inside
    a line."""
    tokens = _TOKEN.findall(truth or "")
    known = set(shingles(truth))
    short: set[tuple[str, ...]] = set()  # the truth's 1-, 2- and 3-grams, when needed
    kept = []
    for line in (pred or "").split("\n"):
        words = _TOKEN.findall(line)
        if not words:
            continue
        if len(words) < kShingle:
            if not short:
                short = {tuple(tokens[i:i + n]) for n in range(1, kShingle)
                         for i in range(len(tokens) - n + 1)}
            if tuple(words) in short:
                kept.append(line)
            continue
        grams = shingles(line)
        if 2 * sum(c for g, c in grams.items() if g in known) >= sum(grams.values()):
            kept.append(line)
    return "\n".join(kept)


def c4_line_rules() -> Callable[[str], str] | None:
    """C4's line filter as datatrove implements it (``C4QualityFilter``), with only its
    line rules: a line stays when it ends in terminal punctuation (not "..."), has at
    least 3 words and mentions neither "javascript" nor a policy phrase; citation marks
    go. Its page-level rules (fewer than 5 sentences, "lorem ipsum", a curly bracket:
    drop the whole page) are off, as this compares line cleaners. None when datatrove
    is not installed."""
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters.c4_filters import C4QualityFilter
    except ImportError:
        return None
    c4 = C4QualityFilter(min_num_sentences=-1, filter_lorem_ipsum=False,
                         filter_curly_bracket=False)

    def clean(text: str) -> str:
        doc = Document(text=text or "", id="")
        kept = c4.filter(doc)
        return doc.text if kept is True else ""

    return clean


def gain_share(alone: float | None, cleaned: float | None, perfect: float | None) -> float | None:
    """The share of the perfect filter's gain over ``alone`` that ``cleaned`` takes
    (negative when cleaning lost F1); None when any figure is missing or the
    perfect filter gains nothing."""
    if alone is None or cleaned is None or perfect is None or perfect <= alone:
        return None
    return (cleaned - alone) / (perfect - alone)


def shingle_page(truth: str, pred: str) -> PageScore:
    tp, fp, fn = shingle_counts(truth, pred)
    # README: precision is 1 if fp = fn = 0 and 0 if tp = fp = 0; where tp + fp > 0
    # both reduce to tp / (tp + fp). Likewise for recall.
    precision = tp / (tp + fp) if tp + fp > 0 else None
    recall = tp / (tp + fn) if tp + fn > 0 else None
    if precision is None and recall is None:
        f1 = None
    elif precision is None or recall is None:
        f1 = 0.0  # one side empty: nothing of the other was matched
    else:
        f1 = _harmonic(precision, recall)
    return PageScore(precision, recall, f1)


def shingle_summary(scores: Sequence[PageScore]) -> dict:
    """Set figures: mean precision and mean recall over the pages where each is
    defined, F1 = harmonic mean of the two means (not the mean of page F1)."""
    precision = _mean(s.precision for s in scores if s.precision is not None)
    recall = _mean(s.recall for s in scores if s.recall is not None)
    f1 = None if precision is None or recall is None else _harmonic(precision, recall)
    return {"pages": len(scores), "f1": f1, "precision": precision, "recall": recall}


# ---- WCXB word F1 -------------------------------------------------------------------

def words(text: str) -> Counter:
    return Counter(_TOKEN.findall((text or "").lower()))


def word_page(truth: str, pred: str) -> PageScore:
    t, p = words(truth), words(pred)
    n_truth, n_pred = sum(t.values()), sum(p.values())
    if n_truth == 0:  # empty truth: 1 for an empty prediction, else 0
        v = 1.0 if n_pred == 0 else 0.0
        return PageScore(v, v, v)
    if n_pred == 0:
        return PageScore(0.0, 0.0, 0.0)
    overlap = sum((t & p).values())
    precision, recall = overlap / n_pred, overlap / n_truth
    return PageScore(precision, recall, _harmonic(precision, recall))


def word_summary(scores: Sequence[PageScore], page_types: Sequence[str] = ()) -> dict:
    """Means of page F1, p and r overall and, when page_types is given (one per
    score), per page type."""
    def means(group: Sequence[PageScore]) -> dict:
        return {"pages": len(group),
                "f1": _mean(s.f1 for s in group),
                "precision": _mean(s.precision for s in group),
                "recall": _mean(s.recall for s in group)}

    summary = means(scores)
    if page_types:
        by_type: dict[str, list[PageScore]] = {}
        for score, kind in zip(scores, page_types):
            by_type.setdefault(kind or "?", []).append(score)
        summary["by_type"] = {k: means(v) for k, v in sorted(by_type.items())}
    return summary


# ---- with / without snippets ---------------------------------------------------------

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    # Invisible formatting: a soft hyphen or a zero-width space is not text
    # (newsclean drops them; the snippets of some pages keep them).
    "\u00ad": None, "\u200b": None,
})


def fold(text: str) -> str:
    """Curly and angled quotes to straight ones, soft hyphens and zero-width spaces
    out, every run of white space to one space."""
    return " ".join((text or "").translate(_QUOTES).split())


def snippet_counts(pred: str, with_: Sequence[str], without: Sequence[str]) -> tuple[int, int]:
    """(snippets of ``with`` found, snippets of ``without`` not found) in pred."""
    text = fold(pred)
    found = sum(1 for s in with_ if fold(s) in text)
    absent = sum(1 for s in without if fold(s) not in text)
    return found, absent


def score_page(metric: str, truth: str, pred: str) -> PageScore:
    if metric == "snippets":  # no truth: only the snippet shares say anything
        return PageScore(None, None, None)
    if metric == "shingle":
        return shingle_page(truth, pred)
    if metric == "word":
        return word_page(truth, pred)
    raise ValueError(f"unknown metric {metric!r}")


def summarize(metric: str, scores: Sequence[PageScore], page_types: Sequence[str] = ()) -> dict:
    if metric == "snippets":
        return {"precision": None, "recall": None, "f1": None, "pages": len(scores)}
    if metric == "shingle":
        return shingle_summary(scores)
    if metric == "word":
        return word_summary(scores, page_types)
    raise ValueError(f"unknown metric {metric!r}")
