"""The native HTML parse against libxml2's, page by page, over the dev sets.

    python -m bench.parse_diff [--build build/cmake] [--sets scrapinghub,wcxb-dev,...]

Writes each set's pages (UTF-8) for the parse_diff tool (tests/cpp/parse_diff_main.cc),
runs it and prints, per set, how many trees differ and by which kind of first
difference. --show N prints N differing pages of each kind (id, where, both sides).
--write DIR only writes DIR/<set>.pages (with --sample N: the speed task's N pages), for
`parse_diff PAGES --only native|libxml2` under callgrind.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import datasets


def write_pages(pages: list[datasets.Page], path: Path) -> None:
    with open(path, "wb") as out:
        for page in pages:
            data = page.html.encode("utf-8", errors="replace")
            out.write(b"%d\n" % len(data))
            out.write(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build/cmake")
    parser.add_argument("--sets", default="scrapinghub,wcxb-dev,trafilatura-eval")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--sample", type=int, default=None)
    parser.add_argument("--write", default=None)
    args = parser.parse_args(argv)
    tool = Path(args.build) / "tests" / "parse_diff"
    shared = datasets.find_shared(Path(__file__).resolve().parent.parent)
    for name in args.sets.split(","):
        pages = datasets.load(shared / "eval" / f"{name}.jsonl.gz", limit=args.limit)
        if args.sample:
            pages = datasets.sample(pages, args.sample)
        if args.write:
            write_pages(pages, Path(args.write) / f"{name}.pages")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "pages"
            write_pages(pages, path)
            out = subprocess.run([str(tool), str(path)], capture_output=True, text=True,
                                 errors="replace")
        if out.returncode != 0:
            print(f"{name}: parse_diff failed ({out.returncode}): {out.stderr[-500:]}")
            continue
        kinds: collections.Counter[str] = collections.Counter()
        examples: dict[str, list[str]] = collections.defaultdict(list)
        lines = out.stdout.splitlines()
        for line in lines:
            fields = line.split("\t")
            if fields[1] == "same":
                continue
            kinds[fields[1]] += 1
            page = pages[int(fields[0])]
            examples[fields[1]].append(f"  {page.id}\t" + "\t".join(fields[2:]))
        differ = sum(kinds.values())
        print(f"{name}: {differ} of {len(lines)} trees differ"
              + (f" ({', '.join(f'{k} {v}' for k, v in kinds.most_common())})" if differ else ""))
        for kind, rows in examples.items():
            for row in rows[: args.show]:
                print(f" {kind}:{row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
