"""The probe task: newsclean on made-up, labelled documents (docs.tsv).

Each document is an extractor's output as it would come from a news page: the story's
lines (label ``S``) with the page's furniture (``C``: menus, bylines, the headline,
teasers, captions, newsletter and donation boxes, comment headers, footers) where pages
leave it. The lines are joined with newlines and cleaned in text mode; a line counts as
kept when the cleaned text has it (each kept line matched once, whitespace stripped).

Figures, per language and in all: the share of furniture words removed and of story
words lost, with the line counts. The set is small (48 documents) and made up: it shows
what line rules do in context (runs, neighbours, lists inside a story), not how a real
site scores. Unlike the development sets it has no tune/check split: every session that
reads its lost lines has tuned on it.
"""

from __future__ import annotations

import collections
import os
import re
from pathlib import Path

kDocsFile = Path(__file__).parent / "docs.tsv"
_kWord = re.compile(r"\w+")


def load_docs(path: Path = kDocsFile) -> dict[str, list[tuple[str, str, str]]]:
    """{docid: [(label, lang, line), ...]} in file order; # lines are comments."""
    docs: dict[str, list[tuple[str, str, str]]] = collections.OrderedDict()
    for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip() or row.startswith("#"):
            continue
        parts = row.split("\t")
        if len(parts) != 4 or parts[1] not in ("S", "C"):
            raise ValueError(f"{path}:{n}: expected docid<TAB>S|C<TAB>lang<TAB>line")
        docid, label, lang, line = parts
        docs.setdefault(docid, []).append((label, lang, line))
    return docs


def score(lines: list[tuple[str, str, str]], cleaned: str) -> list[tuple[str, str, int, bool]]:
    """(label, lang, words, kept) for each line of a document, given its cleaned text."""
    kept = collections.Counter(l.strip() for l in cleaned.split("\n"))
    out = []
    for label, lang, line in lines:
        here = kept[line.strip()] > 0
        if here:
            kept[line.strip()] -= 1
        out.append((label, lang, len(_kWord.findall(line)), here))
    return out


def summarize(scored: list[tuple[str, str, int, bool]]) -> dict:
    """Furniture removed and story lost, in lines and words."""
    f = {"furniture_lines": 0, "furniture_removed_lines": 0, "furniture_words": 0,
         "furniture_removed_words": 0, "story_lines": 0, "story_lost_lines": 0,
         "story_words": 0, "story_lost_words": 0}
    for label, _, words, kept in scored:
        kind = "furniture" if label == "C" else "story"
        gone = "removed" if label == "C" else "lost"
        f[f"{kind}_lines"] += 1
        f[f"{kind}_words"] += words
        if not kept:
            f[f"{kind}_{gone}_lines"] += 1
            f[f"{kind}_{gone}_words"] += words
    f["furniture_removed"] = f["furniture_removed_words"] / max(f["furniture_words"], 1)
    f["story_lost"] = f["story_lost_words"] / max(f["story_words"], 1)
    return f


def task_probe(path: Path = kDocsFile, *, say=print) -> dict:
    """Cleans every document; returns {"groups": {lang or "all": figures}, "docs": n,
    "file": path}."""
    import newsclean

    docs = load_docs(path)
    cleaner = newsclean.Cleaner()
    by_lang: dict[str, list] = collections.defaultdict(list)
    for lines in docs.values():
        result = cleaner.clean("\n".join(line for _, _, line in lines), format="text")
        for row in score(lines, result.text):
            by_lang[row[1]].append(row)
            by_lang["all"].append(row)
    groups = {lang: summarize(rows) for lang, rows in sorted(by_lang.items())}
    a = groups["all"]
    say(f"probe: {len(docs)} documents, furniture removed {a['furniture_removed']:.1%}, "
        f"story lost {a['story_lost']:.2%} of words")
    return {"groups": groups, "docs": len(docs), "file": os.path.relpath(path)}


def markdown(rep: dict) -> list[str]:
    """The report section: one row per language and one for all."""
    rows = ["| language | furniture removed: lines | words | story lost: lines | words |",
            "|---|---:|---:|---:|---:|"]
    for lang, g in rep["groups"].items():
        rows.append(f"| {lang} | {g['furniture_removed_lines']} / {g['furniture_lines']} | "
                    f"{g['furniture_removed']:.1%} | {g['story_lost_lines']} / {g['story_lines']} | "
                    f"{g['story_lost']:.2%} |")
    return [f"### Probe: made-up labelled documents in context (`{rep['file']}`, "
            f"{rep['docs']} documents)", "",
            "Text mode on extractor-shaped documents whose every line is labelled story or "
            "furniture (bench/probe/measure.py). Made up, no tune/check split.", "", *rows, ""]
