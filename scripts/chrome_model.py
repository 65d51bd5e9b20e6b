#!/usr/bin/env python3
"""Trains the chrome-words model: which short lines read like page chrome.

    python3 scripts/chrome_model.py [--out models/chrome_words.tsv]

A logistic regression over hashed character n-grams of a line's words. Chrome
lines: tests/data/chrome_lines.tsv (made up, of the kinds issue #17 lists, in
several languages). Story lines: those of tests/data/survivors.tsv the model is
asked of (in_scope: 12 words at most, not a sentence), the short lines of
the development sets' truths and trafilatura-eval's `with` snippets, `tune` half
only (bench/datasets.py split_of), so the `check` half stays unseen. Needs
../shared/eval and scikit-learn (`pip install scikit-learn`; not a dependency of
the package or the harness). The same data give the same file (a fixed seed).
After training, rebuild: the file is embedded in the library.

The features must be computed exactly as cleaner/src/engine/chrome_words.cc does:
fold_case() and features() below are its mirror.
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

kRoot = Path(__file__).resolve().parent.parent
kBuckets = 1 << 20
kMinGram, kMaxGram = 2, 5
kMaxTokens = 40
kStoryMaxWords = 25  # truth lines longer than this are prose, not in doubt
kScopeMaxWords = 12  # \w+ words; the chrome-words rule asks of 16 tokens, separators counted


def fold_case(c: str) -> str:
    """Upper to lower case for ASCII, Latin-1 and basic Cyrillic; others as they are."""
    o = ord(c)
    if 0x41 <= o <= 0x5A or (0xC0 <= o <= 0xDE and o != 0xD7) or 0x410 <= o <= 0x42F:
        return chr(o + 0x20)
    if 0x400 <= o <= 0x40F:
        return chr(o + 0x50)
    return c


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def features(text: str) -> Counter:
    """Bucket -> count: the 2- to 5-grams of code points of each word (split at
    ASCII white space), the word padded with a space on each side (at most
    kMaxTokens words)."""
    grams: Counter = Counter()
    for word in [w for w in re.split("[ \t\n\r\f\v]+", text) if w][:kMaxTokens]:
        w = " " + "".join(fold_case(c) for c in word) + " "
        for n in range(kMinGram, kMaxGram + 1):
            for i in range(len(w) - n + 1):
                grams[fnv1a(w[i:i + n].encode("utf-8")) & (kBuckets - 1)] += 1
    return grams


def vector(text: str) -> dict[int, float]:
    """features() scaled to unit length."""
    f = features(text)
    norm = math.sqrt(sum(v * v for v in f.values())) or 1.0
    return {k: v / norm for k, v in f.items()}


def in_scope(line: str) -> bool:
    """A line the chrome-words rule asks the model of: at most 12 words, not a
    sentence (rules.yaml chrome-words: max_words and its `unless`)."""
    return (len(re.findall(r"\w+", line)) <= kScopeMaxWords
            and not re.search(r"[.!?:][\"'”’)]?$", line.strip()))


def tsv_lines(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t")[-1])
    return out


def story_lines() -> list[str]:
    sys.path.insert(0, str(kRoot))
    from bench import datasets  # noqa: E402
    out = []
    shared = datasets.find_shared(kRoot)
    if shared is None:
        raise SystemExit("chrome_model.py: needs ../shared/eval beside the repository")
    for name in ("scrapinghub", "wcxb-dev", "trafilatura-eval"):
        for page in datasets.load(shared / "eval" / f"{name}.jsonl.gz", split="tune"):
            # trafilatura-eval has no truth: its `with` snippets are story.
            lines = (page.truth or "").split("\n") + list(page.with_)
            for line in lines:
                line = line.strip()
                if line and len(re.findall(r"\w+", line)) <= kStoryMaxWords:
                    out.append(line)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(kRoot / "models" / "chrome_words.tsv"))
    ap.add_argument("--c", type=float, default=8.0, help="inverse L1 strength")
    args = ap.parse_args()
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    chrome = tsv_lines(kRoot / "tests" / "data" / "chrome_lines.tsv")
    # Only the survivors the model is asked of: a sentence that talks of
    # newsletters or cookies must not teach it that a menu's "Newsletter" is
    # story (the rules and the survivors test see to the sentences).
    survivors = [t for t in tsv_lines(kRoot / "tests" / "data" / "survivors.tsv") if in_scope(t)]
    story = story_lines()
    texts = chrome + survivors + story
    labels = [1] * len(chrome) + [0] * (len(survivors) + len(story))
    # The chrome lines weigh a quarter of the story lines in all; a survivor
    # (a story line that looks like chrome) five story lines.
    weights = ([len(story) / len(chrome) / 4] * len(chrome) + [5.0] * len(survivors)
               + [1.0] * len(story))
    rows, cols, vals = [], [], []
    for r, t in enumerate(texts):
        for k, v in vector(t).items():
            rows.append(r), cols.append(k), vals.append(v)
    x = csr_matrix((vals, (rows, cols)), shape=(len(texts), kBuckets))
    model = LogisticRegression(l1_ratio=1.0, C=args.c, solver="liblinear", max_iter=5000,
                               random_state=0)
    model.fit(x, np.array(labels), sample_weight=np.array(weights))
    coef = model.coef_[0]
    nz = np.flatnonzero(coef)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(f"# chrome-words model: written by scripts/chrome_model.py from {len(chrome)}"
                f" chrome lines, {len(survivors)} survivors, {len(story)} story lines.\n")
        f.write(f"# bucket<TAB>weight; 'bias' first. {kBuckets} buckets, {kMinGram}-{kMaxGram}"
                f" grams.\n")
        f.write(f"bias\t{model.intercept_[0]:.5f}\n")
        for k in nz:
            f.write(f"{k}\t{coef[k]:.5f}\n")
    print(f"{len(nz)} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
