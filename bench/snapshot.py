"""python -m bench.snapshot: every Result newsclean gives on the development data, for
comparing two versions of the code (a refactoring must not change a byte of them).

    python -m bench.snapshot save before.jsonl.gz      # with the installed newsclean
    ... change the code, reinstall ...
    python -m bench.snapshot save after.jsonl.gz
    python -m bench.snapshot diff before.jsonl.gz after.jsonl.gz

Documents, in a fixed order:
  html  every page of every set, as HTML with its URL;
  text  every page's visible text (the standard library's HTMLParser: whole-page text
        with menus and footers, independent of newsclean), with its URL;
  truth every page's truth text (clean story text: what must survive);
  out   every published extractor output of ScrapingHub (scrapinghub-outputs/*.json).

Each line is one document's key and `Result.to_dict()`. `diff` lists the documents whose
results differ, by field, and exits 1 when any do.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

kEval = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
kSets = ("scrapinghub.jsonl.gz", "wcxb-dev.jsonl.gz", "trafilatura-eval.jsonl.gz")
kBlockTags = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "header", "footer", "nav", "aside", "ul", "ol", "table", "blockquote",
              "pre", "figure", "figcaption", "dt", "dd", "main", "form", "title"}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self.skip += 1
        elif tag in kBlockTags:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template"):
            self.skip = max(0, self.skip - 1)
        elif tag in kBlockTags:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    p = _VisibleText()
    try:
        p.feed(html)
        p.close()
    except Exception:  # noqa: BLE001 - a page the stdlib parser cannot read gives what it had
        pass
    lines = (" ".join(line.split()) for line in "".join(p.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def documents(eval_dir: Path):
    """(key, input, url, format) for every document, in a fixed order."""
    pages = []
    for name in kSets:
        with gzip.open(eval_dir / name, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                pages.append((name.split(".")[0] + "/" + str(d["id"]), d))
    for key, d in pages:
        yield "html/" + key, d["html"], d.get("url") or "", "html"
    for key, d in pages:
        yield "text/" + key, visible_text(d["html"]), d.get("url") or "", "text"
    for key, d in pages:
        if d.get("truth"):
            yield "truth/" + key, d["truth"], d.get("url") or "", "text"
    urls = {}
    with gzip.open(eval_dir / "scrapinghub.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            urls[str(d["id"])] = d.get("url") or ""
    for path in sorted((eval_dir / "scrapinghub-outputs").glob("*.json")):
        outputs = json.loads(path.read_text(encoding="utf-8"))
        outputs = outputs.get("output", outputs)  # older files are the mapping itself
        for page_id in sorted(outputs):
            body = outputs[page_id].get("articleBody") or ""
            yield f"out/{path.stem}/{page_id}", body, urls.get(page_id, ""), "text"


def save(path: Path, eval_dir: Path, workers: int) -> int:
    import newsclean

    cleaner = newsclean.Cleaner()
    docs = list(documents(eval_dir))
    n = 0
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for fmt in ("html", "text"):
            batch = [d for d in docs if d[3] == fmt]
            results = cleaner.clean_many([d[1] for d in batch], urls=[d[2] for d in batch],
                                         workers=workers, format=fmt)
            for (key, _, _, _), r in zip(batch, results):
                out.write(json.dumps({"key": key, "result": r.to_dict()}, ensure_ascii=False,
                                     sort_keys=True) + "\n")
                n += 1
    print(f"{n} results written to {path}", file=sys.stderr)
    return 0


def _load(path: Path) -> dict[str, dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {d["key"]: d["result"] for d in map(json.loads, f)}


def diff(a_path: Path, b_path: Path, ignore: set[str]) -> int:
    a, b = _load(a_path), _load(b_path)
    changed = 0
    for key in sorted(set(a) | set(b)):
        ra, rb = a.get(key), b.get(key)
        if ra is None or rb is None:
            print(f"{key}: only in {'the second' if ra is None else 'the first'}")
            changed += 1
            continue
        fields = sorted(k for k in set(ra) | set(rb) if k not in ignore and ra.get(k) != rb.get(k))
        if fields:
            changed += 1
            print(f"{key}: {', '.join(fields)}")
    print(f"{changed} of {len(set(a) | set(b))} documents differ", file=sys.stderr)
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.snapshot", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save", help="write every Result on the development data")
    s.add_argument("path", type=Path)
    s.add_argument("--eval", type=Path, default=kEval, help="../shared/eval by default")
    s.add_argument("--workers", type=int, default=0, help="clean_many threads (0: all cores)")
    d = sub.add_parser("diff", help="the documents whose Results differ")
    d.add_argument("a", type=Path)
    d.add_argument("b", type=Path)
    d.add_argument("--ignore", default="", help="fields to leave out, comma-separated")
    args = p.parse_args(argv)
    if args.command == "save":
        return save(args.path, args.eval, args.workers)
    return diff(args.a, args.b, {f for f in args.ignore.split(",") if f})


if __name__ == "__main__":
    sys.exit(main())
