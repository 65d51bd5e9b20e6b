"""Peak memory of one clean on a page of very many tiny elements (issue 14, part 6).

    python -m bench.memory_page                       # 4M elements, 32 MB, the built CLI
    python -m bench.memory_page --elements 400000 --cli build/cmake/cleaner/newsclean

Writes the page (a paragraph of story, then "<b>x</b>" repeated, then another
paragraph) to a temporary file, cleans it once with the CLI in a child process
and prints the page's size, the child's peak RSS and their ratio. The target is
a peak of at most 8x the page's size; pages over tuning::kMaxElements elements
are read as text to stay under it. Not a CI test: it needs ~32 MB of disk and
a few seconds of one core.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = "<p>The council met on Tuesday and agreed the budget for the coming year.</p>"


def write_page(path: Path, elements: int) -> int:
    """Writes the page; returns its size in bytes."""
    chunk = "<b>x</b>" * 10000
    with open(path, "w", encoding="ascii") as f:
        f.write("<!DOCTYPE html><html><head><title>Budget</title></head><body>" + STORY + "<div>")
        for _ in range(elements // 10000):
            f.write(chunk)
        f.write("<b>x</b>" * (elements % 10000))
        f.write("</div>" + STORY.replace("agreed", "debated") + "</body></html>")
    return path.stat().st_size


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--elements", type=int, default=4_000_000)
    ap.add_argument("--cli", default=str(ROOT / "build/cmake/cleaner/newsclean"))
    ap.add_argument("--json", action="store_true",
                    help="print one JSON line (page_mb, peak_rss_mb, ratio) instead")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "many-elements.html"
        size = write_page(page, args.elements)
        proc = subprocess.run([args.cli, "clean", "--format", "html", "--json", str(page)],
                              capture_output=True, text=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KB on Linux
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 1
    warnings = [w for w in json.loads(proc.stdout)["warnings"]]
    if args.json:
        print(json.dumps({"page_mb": size / 1e6, "elements": args.elements,
                          "peak_rss_mb": peak / 1e6, "ratio": peak / size}))
        return 0
    print(f"page: {size / 1e6:.1f} MB, {args.elements} elements")
    print(f"peak RSS: {peak / 1e6:.0f} MB = {peak / size:.1f}x the page (target <= 8x)")
    print(f"warnings: {warnings}")
    return 0 if peak <= 8 * size else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
