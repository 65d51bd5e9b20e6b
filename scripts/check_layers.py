#!/usr/bin/env python3
"""Checks the layout of cleaner/src: files as rooms, includes as arrows.

    python3 scripts/check_layers.py          # check; exit 1 on a violation
    python3 scripts/check_layers.py --draw   # also print the rooms and the arrows

Layers, lowest first: core <- rules <- html, engine <- the facade (the files directly in
cleaner/src). A file includes only its own layer and those its layer may use; only the
facade includes the public newsclean/cleaner.h (the layers may include the public type
headers newsclean/status.h, options.h and result.h, never core). No include cycle; no file
over kMaxLines lines unless its first lines say why ("longer than").
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

kRoot = Path(__file__).resolve().parent.parent
kSrc = kRoot / "cleaner" / "src"
kMaxLines = 420  # "about 400"
kMayUse = {
    "core": {"core"},
    "rules": {"core", "rules"},
    "html": {"core", "rules", "html"},
    "engine": {"core", "rules", "engine"},
    "facade": {"core", "rules", "html", "engine", "facade"},
}
kPublicTypes = {"newsclean/status.h", "newsclean/options.h", "newsclean/result.h"}
kInclude = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(rel: str) -> str:
    return rel.split("/")[0] if "/" in rel else "facade"


def main(argv: list[str]) -> int:
    files = sorted(p for p in kSrc.rglob("*") if p.suffix in (".h", ".cc"))
    graph: dict[str, list[str]] = {}
    problems: list[str] = []
    for path in files:
        rel = path.relative_to(kSrc).as_posix()
        text = path.read_text(encoding="utf-8")
        layer = layer_of(rel)
        graph[rel] = []
        for inc in kInclude.findall(text):
            if inc.startswith("newsclean/"):
                if inc == "newsclean/cleaner.h" and layer != "facade":
                    problems.append(f"{rel}: includes the facade's header {inc}")
                elif inc in kPublicTypes and layer == "core":
                    problems.append(f"{rel}: core includes the public {inc}")
                continue
            if not (kSrc / inc).exists():
                problems.append(f"{rel}: includes {inc}, which is not under cleaner/src")
                continue
            graph[rel].append(inc)
            if layer_of(inc) not in kMayUse[layer]:
                problems.append(f"{rel} ({layer}) includes {inc} ({layer_of(inc)})")
        lines = text.count("\n")
        if lines > kMaxLines and "longer than" not in "\n".join(text.splitlines()[:12]).lower():
            problems.append(f"{rel}: {lines} lines and no reason at its top")

    # Cycles, by depth-first search over the include graph.
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                problems.append("include cycle: " + " -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)

    if "--draw" in argv:
        rooms: dict[str, list[str]] = defaultdict(list)
        arrows: dict[tuple[str, str], int] = defaultdict(int)
        for rel, incs in graph.items():
            n = (kSrc / rel).read_text(encoding="utf-8").count("\n")
            rooms[layer_of(rel)].append(f"{Path(rel).name} ({n})")
            for inc in incs:
                if layer_of(inc) != layer_of(rel):
                    arrows[(layer_of(rel), layer_of(inc))] += 1
        for layer in kMayUse:
            print(f"{layer}: {', '.join(rooms[layer])}")
        for (a, b), n in sorted(arrows.items()):
            print(f"{a} -> {b}: {n} includes")

    for p in problems:
        print(p, file=sys.stderr)
    print(f"check_layers: {len(graph)} files, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
