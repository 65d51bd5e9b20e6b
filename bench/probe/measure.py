"""The probe task: newsclean on made-up, labelled documents (docs.tsv, docs_b.tsv to docs_m.tsv).

Each document is an extractor's output as it would come from a news page: the story's
lines (label ``S``) with the page's furniture (``C``: menus, bylines, the headline,
teasers, captions, newsletter and donation boxes, comment headers, footers) where pages
leave it. The lines are joined with newlines and cleaned in text mode; a line counts as
kept when the cleaned text has it (each kept line matched once, whitespace stripped).

Figures, per language and in all: the share of furniture words removed and of story
words lost, with the line counts. The set is small (48 documents) and made up: it shows
what line rules do in context (runs, neighbours, lists inside a story), not how a real
site scores. docs.tsv has no tune/check split: every session that reads its lost lines
has tuned on it. A file may say which of its documents were read while tuning (a comment
``# tuned: odd`` or ``# tuned: even``, by the number in the document's id); the others
are its check half, reported apart: a session that reads them spends it.
"""

from __future__ import annotations

import collections
import os
import re
from pathlib import Path

kDocsFile = Path(__file__).parent / "docs.tsv"
kDocsFiles = tuple(kDocsFile.with_name(name)
                   for name in ("docs.tsv", "docs_b.tsv", "docs_c.tsv", "docs_d.tsv", "docs_e.tsv",
                                "docs_f.tsv", "docs_g.tsv", "docs_h.tsv", "docs_i.tsv", "docs_j.tsv",
                                "docs_k.tsv", "docs_l.tsv", "docs_m.tsv"))
_kTuned = re.compile(r"^#\s*tuned:\s*(odd|even)\s*$")
_kDocNumber = re.compile(r"(\d+)$")
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


def tuned_parity(path: Path) -> str | None:
    """"odd" or "even" when the file says which documents were read while tuning."""
    for row in path.read_text(encoding="utf-8").splitlines():
        m = _kTuned.match(row)
        if m:
            return m.group(1)
    return None


def half_of(docid: str, parity: str | None) -> str | None:
    """"tuned" or "check" for a document of a split file (by its id's number), else None."""
    m = _kDocNumber.search(docid)
    if parity is None or not m:
        return None
    odd = int(m.group(1)) % 2 == 1
    return "tuned" if odd == (parity == "odd") else "check"


def probe_file(path: Path, cleaner, *, say=print) -> dict:
    """Cleans every document of one file; returns {"groups": {lang, "all", and "tuned" /
    "check" for a split file: figures}, "docs": n, "file": path}."""
    docs = load_docs(path)
    parity = tuned_parity(path)
    by_group: dict[str, list] = collections.defaultdict(list)
    for docid, lines in docs.items():
        result = cleaner.clean("\n".join(line for _, _, line in lines), format="text")
        half = half_of(docid, parity)
        for row in score(lines, result.text):
            by_group[row[1]].append(row)
            by_group["all"].append(row)
            if half:
                by_group[half].append(row)
    special = ("all", "tuned", "check")  # after the languages, in this order
    keys = sorted(k for k in by_group if k not in special) + [k for k in special if k in by_group]
    groups = {k: summarize(by_group[k]) for k in keys}
    a = groups["all"]
    check = (f"; check half: {groups['check']['furniture_removed']:.1%}, "
             f"{groups['check']['story_lost']:.2%}") if "check" in groups else ""
    say(f"probe {path.name}: {len(docs)} documents, furniture removed "
        f"{a['furniture_removed']:.1%}, story lost {a['story_lost']:.2%} of words{check}")
    return {"groups": groups, "docs": len(docs), "file": os.path.relpath(path),
            "split": parity is not None}


def task_probe(paths: tuple[Path, ...] = kDocsFiles, *, say=print) -> dict:
    """Every file's figures: {"files": [probe_file(...), ...]}."""
    import newsclean

    cleaner = newsclean.Cleaner()
    return {"files": [probe_file(p, cleaner, say=say) for p in paths if p.exists()]}


def markdown(rep: dict) -> list[str]:
    """The report section: per file, one row per language, one for all and, for a split
    file, one per half."""
    out = []
    for f in rep["files"]:
        rows = ["| documents | furniture removed: lines | words | story lost: lines | words |",
                "|---|---:|---:|---:|---:|"]
        for name, g in f["groups"].items():
            rows.append(f"| {name} | {g['furniture_removed_lines']} / {g['furniture_lines']} | "
                        f"{g['furniture_removed']:.1%} | {g['story_lost_lines']} / "
                        f"{g['story_lines']} | {g['story_lost']:.2%} |")
        split = ("the `check` half (documents not read while tuning) apart"
                 if f["split"] else "no tune/check split")
        out += [f"### Probe: made-up labelled documents in context (`{f['file']}`, "
                f"{f['docs']} documents)", "",
                "Text mode on extractor-shaped documents whose every line is labelled story "
                f"or furniture (bench/probe/measure.py). Made up, {split}.", "", *rows, ""]
    return out
