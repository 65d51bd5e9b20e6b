"""The benchmark tasks: html, plugin, speed and reproduce.

Each task fills a JSON-ready dict and appends per-page rows; report.py renders them.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import datasets, metrics, peers

# ScrapingHub's published table (../shared/eval/README.md), by output file stem:
# (label, F1, precision, recall).
PUBLISHED = {
    "rs_trafilatura": ("rs_trafilatura", 0.970, 0.951, 0.990),
    "AutoExtract": ("AutoExtract (commercial, 2019)", 0.970, 0.984, 0.956),
    "go_trafilatura": ("go_trafilatura", 0.960, 0.940, 0.980),
    "trafilatura": ("trafilatura 2.0.0", 0.958, 0.938, 0.978),
    "newspaper": ("newspaper4k", 0.949, 0.964, 0.934),
    "news_please": ("news_please", 0.948, 0.964, 0.933),
    "readability_js": ("readability_js", 0.947, 0.914, 0.982),
    "readability": ("readability-lxml", 0.922, 0.913, 0.931),
    "goose3": ("goose3", 0.896, 0.940, 0.856),
    "dom_smoothie": ("dom_smoothie", 0.865, 0.785, 0.963),
    "justext": ("justext", 0.804, 0.858, 0.756),
    "html-text": ("html-text (no cleaning)", 0.665, 0.500, 0.994),
}


@dataclasses.dataclass
class Options:
    """What every task needs to know, from the command line."""
    out: Path
    timeout: float = 30.0
    jobs: int = 2
    reps: int = 3
    speed_pages: int = 50
    quick: bool = False
    systems: list[str] | None = None  # peers to run; None: all
    pythons: dict[str, str] = dataclasses.field(default_factory=dict)

    def log(self, set_name: str, system: str) -> Path:
        path = self.out / "logs" / f"{set_name}.{system}.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path


# The CLI's scaling is timed on the set's texts repeated to at least this many MB
# (a tenth of it with --quick), about the size of a 10,000-record crawl file. The
# first thousand or so documents a process cleans build the DFA states of the rule
# sets, and RE2 builds a DFA's states under one lock: that phase runs about one
# thread at a time and made ~45% of -j 1's time on WCXB-dev's texts taken once
# (20 MB). A stream this long times what a crawl meets after it, as a crawl does.
kCliStreamMb = 100.0

_started = time.monotonic()


def say(msg: str) -> None:
    """Progress on stderr, with the seconds since the run began."""
    print(f"{time.monotonic() - _started:6.1f}s {msg}", file=sys.stderr, flush=True)


def _is_empty(text: str) -> bool:
    return not text.strip()


# A story this short (truth words) is where a too-high container shows: its precision is
# reported apart.
kShortStoryWords = 150


def is_short_story(page: datasets.Page) -> bool:
    """An article (or a page of a set without types) whose truth is under kShortStoryWords."""
    return page.page_type in ("", "article") and len(page.truth.split()) < kShortStoryWords


def snippet_shares(pages: list[datasets.Page], texts: list[str]) -> dict:
    """``with_found`` and ``without_absent`` over all the pages' snippets (each None
    when the pages have no such snippet); {} when they have none at all."""
    found = absent = n_with = n_without = 0
    for page, text in zip(pages, texts):
        f, a = metrics.snippet_counts(text, page.with_, page.without)
        found, absent = found + f, absent + a
        n_with, n_without = n_with + len(page.with_), n_without + len(page.without)
    if not (n_with or n_without):
        return {}
    return {"with_found": found / n_with if n_with else None,
            "without_absent": absent / n_without if n_without else None}


def score(pages: list[datasets.Page], texts: list[str], errors: list[str | None],
          metric: str, *, set_name: str, task: str, system: str, rows: list[dict]) -> dict:
    """Scores one system's outputs on ``pages``, appends a CSV row per page and
    returns the figures: overall, without flagged pages, per type, snippets."""
    scores = [metrics.score_page(metric, p.truth, t) for p, t in zip(pages, texts)]
    types = [p.page_type for p in pages] if any(p.page_type for p in pages) else []
    result = metrics.summarize(metric, scores, types)
    if any(p.flagged for p in pages):
        kept = [s for s, p in zip(scores, pages) if not p.flagged]
        result["unflagged"] = metrics.summarize(metric, kept)
    result.update(snippet_shares(pages, texts))
    short = [s.precision for p, s in zip(pages, scores)
             if s.precision is not None and p.truth and is_short_story(p)]
    if short:
        result["short_precision"] = sum(short) / len(short)
        result["short_pages"] = len(short)
    result["errors"] = sum(e is not None for e in errors)
    result["empty"] = sum(_is_empty(t) for t in texts)
    for page, s, text, error in zip(pages, scores, texts, errors):
        rows.append({"set": set_name, "page_id": page.id, "page_type": page.page_type,
                     "flagged": int(page.flagged), "task": task, "system": system,
                     "precision": s.precision, "recall": s.recall, "f1": s.f1,
                     "error": error or "", "empty": int(_is_empty(text))})
    return result


def _items(pages: list[datasets.Page]) -> list[tuple[str, str, str]]:
    return [(p.html, p.url, p.lang) for p in pages]


def html_systems(opts: Options, newsclean: dict) -> list[str]:
    names = [s.name for s in peers.PEERS if opts.systems is None or s.name in opts.systems]
    if newsclean.get("html_mode"):
        names.insert(0, peers.NEWSCLEAN_HTML.name)
    return names


def run_html(pages: list[datasets.Page], set_name: str, opts: Options,
             names: list[str]) -> dict[str, peers.Run]:
    """Every system on every page, ``opts.jobs`` systems at a time."""
    items = _items(pages)

    def one(name: str) -> peers.Run:
        say(f"[{set_name}] html: {name} on {len(items)} pages")
        run = peers.run_pages(name, items, timeout=opts.timeout,
                              python=opts.pythons.get(name), log=opts.log(set_name, name))
        failed = sum(e is not None for e in run.errors)
        say(f"[{set_name}] html: {name} done, {failed} failed"
            + (f" ({run.note})" if run.note else ""))
        return run

    with ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        return dict(zip(names, pool.map(one, names)))


def task_html(pages, set_name, metric, runs: dict[str, peers.Run], rows: list[dict],
              newsclean: dict) -> dict:
    systems = {}
    html_mb = sum(p.html_bytes for p in pages) / 1e6
    for name, run in runs.items():
        fig = score(pages, run.texts, run.errors, metric, set_name=set_name, task="html",
                    system=name, rows=rows)
        busy = sum(run.seconds)
        fig.update(version=run.version, python=run.python, available=run.available,
                   note=run.note, seconds=busy,
                   pages_per_s=len(pages) / busy if busy > 0 and run.available else None,
                   mb_per_s=html_mb / busy if busy > 0 and run.available else None)
        systems[name] = fig
    note = ("" if newsclean.get("html_mode") else
            "newsclean has no HTML mode yet: this task ran the peers only.")
    return {"systems": systems, "note": note}


def task_plugin(pages, set_name, metric, sources: dict[str, tuple[str, list[str], list]],
                origin: str, opts: Options, rows: list[dict], newsclean: dict) -> dict:
    """newsclean's text mode cleans each peer's output. ``sources`` maps a peer to
    (version, outputs, errors), one output per page. On a set scored by its snippets
    (no truth) the figures are the snippets found and absent, with no perfect filter."""
    result = {"origin": origin, "systems": {}, "note": ""}
    cleaned = None
    c4 = metrics.c4_line_rules()
    if c4 is None:
        result["note"] = "datatrove is not installed: no C4 line rules beside newsclean. "
    if not newsclean.get("available"):
        result["note"] += (f"newsclean is not importable ({newsclean.get('error')}): "
                           "peers alone only.")
    elif sources:
        # One worker cleans every peer's outputs, in peer order.
        items = [(t, p.url, p.lang) for _, texts, _ in sources.values()
                 for t, p in zip(texts, pages)]
        say(f"[{set_name}] plugin: newsclean after {len(sources)} peers ({origin})")
        cleaned = peers.run_pages(peers.NEWSCLEAN_TEXT.name, items, timeout=opts.timeout,
                                  log=opts.log(set_name, "newsclean-text"))
        if not cleaned.available:
            result["note"] += f"newsclean failed to start ({cleaned.note}): every page failed."
    for i, (name, (version, texts, errors)) in enumerate(sources.items()):
        entry = {"version": version, "cleaned": None, "share": None, "perfect": None,
                 "alone": score(pages, texts, errors, metric, set_name=set_name,
                                task="plugin", system=name, rows=rows)}
        outputs = {"alone": texts}
        if metric != "snippets":  # the perfect line filter needs a truth to keep lines of
            # What a line-level cleaner could reach on this output.
            perfect = [metrics.perfect_line_filter(p.truth, t) for p, t in zip(pages, texts)]
            entry["perfect"] = score(pages, perfect, errors, metric, set_name=set_name,
                                     task="plugin", system=f"{name}+perfect-lines", rows=rows)
            outputs["perfect"] = perfect
        entry["c4"] = None
        if c4 is not None:
            outputs["c4"] = [c4(t) for t in texts]
            entry["c4"] = score(pages, outputs["c4"], errors, metric, set_name=set_name,
                                task="plugin", system=f"{name}+c4-lines", rows=rows)
        if cleaned is not None:
            part = slice(i * len(pages), (i + 1) * len(pages))
            # A page the peer failed stays failed; newsclean's own failures add to it.
            errs = [e or c for e, c in zip(errors, cleaned.errors[part])]
            entry["cleaned"] = score(pages, cleaned.texts[part], errs, metric,
                                     set_name=set_name, task="plugin",
                                     system=f"{name}+newsclean", rows=rows)
            if entry["perfect"] is not None:
                entry["share"] = metrics.gain_share(entry["alone"]["f1"],
                                                    entry["cleaned"]["f1"],
                                                    entry["perfect"]["f1"])
            outputs["cleaned"] = cleaned.texts[part]
        entry["splits"] = _plugin_splits(pages, metric, outputs)
        result["systems"][name] = entry
    return result


def _plugin_splits(pages, metric: str, outputs: dict[str, list[str]]) -> dict:
    """Per half of the tune/check split: F1 and recall of each output (alone, cleaned,
    C4's line rules, perfect), the shares of snippets found and absent where the pages have
    snippets, and the share of the perfect filter's gain that cleaning takes (not on a set
    without truth: there is no perfect filter)."""
    out = {}
    for split in datasets.kSplits:
        idx = [i for i, p in enumerate(pages) if datasets.split_of(p) == split]
        if not idx:
            continue
        figs = {}
        for kind, texts in outputs.items():
            scores = [metrics.score_page(metric, pages[i].truth, texts[i]) for i in idx]
            summary = metrics.summarize(metric, scores)
            figs[kind] = {"f1": summary["f1"], "recall": summary["recall"],
                          **snippet_shares([pages[i] for i in idx], [texts[i] for i in idx])}
        figs["pages"] = len(idx)
        if "cleaned" in figs and "perfect" in figs:
            figs["share"] = metrics.gain_share(figs["alone"]["f1"], figs["cleaned"]["f1"],
                                               figs["perfect"]["f1"])
        out[split] = figs
    return out


def sources_from_runs(runs: dict[str, peers.Run]) -> dict:
    return {n: (r.version, r.texts, r.errors) for n, r in runs.items()
            if n != peers.NEWSCLEAN_HTML.name}


def sources_from_outputs(pages, directory: Path) -> dict:
    found = {}
    for out in datasets.load_outputs(directory):
        texts = [out.texts.get(p.id, "") for p in pages]
        errors = [None if p.id in out.texts else "missing from published outputs"
                  for p in pages]
        found[out.name] = (out.version, texts, errors)
    return found


def save_outputs(pages, runs: dict[str, peers.Run], directory: Path) -> list[Path]:
    """Writes each live run as ``directory/<system>.json`` in the published format
    (``{"version": v, "output": {id: {"articleBody": text}}}``) that
    ``--from-outputs`` reads back. A page the system failed on is left out."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, run in runs.items():
        output = {p.id: {"articleBody": t} for p, t, e in zip(pages, run.texts, run.errors)
                  if e is None}
        path = directory / f"{name}.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps({"version": run.version, "output": output},
                                  ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
        written.append(path)
    return written


# ---- speed ----------------------------------------------------------------------------

def _speed_row(speed: peers.Speed, mode: str, pages: int, mb: float) -> dict:
    t = statistics.median(speed.times) if speed.times else None
    return {"mode": mode, "pages": pages, "version": speed.version,
            "ok": speed.ok and t is not None,
            "note": speed.note, "reps": len(speed.times), "seconds": t,
            "pages_per_s": pages / t if t else None, "mb_per_s": mb / t if t else None,
            "input_mb": mb, "peak_rss_mb": speed.maxrss_kb / 1024 if speed.maxrss_kb else None,
            "cpu_seconds": statistics.median(speed.cpu_times) if speed.cpu_times else None,
            "errors": speed.errors}


def _newsclean_cli() -> list[str]:
    exe = Path(sys.executable).with_name("newsclean")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("newsclean")
    return [found] if found else [sys.executable, "-m", "newsclean"]


def task_speed(pages, set_name, opts: Options, newsclean: dict, html_names: list[str],
               html_text: peers.Run | None = None) -> dict:
    """Pages/s and MB/s on one core, median of ``reps`` passes after a warm-up, each
    system in a fresh process; newsclean also in text mode on all cores. ``html_text``
    is html-text's run of the html task on ``pages``, when there is one."""
    sample = datasets.sample(pages, opts.speed_pages)
    items = _items(sample)
    html_mb = sum(p.html_bytes for p in sample) / 1e6
    cpu = max(os.sched_getaffinity(0))
    cores = len(os.sched_getaffinity(0))
    common = dict(reps=opts.reps, timeout=opts.timeout)
    rows: dict[str, dict] = {}

    for name in [*html_names, peers.LXML_PARSE.name]:
        say(f"[{set_name}] speed: {name} on {len(items)} pages x {opts.reps}")
        speed = peers.measure_speed(name, items, cpu=cpu, python=opts.pythons.get(name),
                                    log=opts.log(set_name, name), **common)
        mode = "libxml2 parse only (lxml)" if name == peers.LXML_PARSE.name else "HTML, 1 core"
        rows[name] = _speed_row(speed, mode, len(items), html_mb)

    text_note = ""
    cli_scaling = None
    if newsclean.get("available"):
        # Text mode reads what a no-cleaning extractor gives: html-text's output. It is
        # fast enough to time on every page when the html task already has that output.
        if html_text is not None and html_text.available:
            text_pages, texts, source = pages, html_text.texts, "html-text's output"
        else:
            run = peers.run_pages("html-text", items, timeout=opts.timeout,
                                  log=opts.log(set_name, "html-text"))
            text_pages, texts, source = sample, run.texts, "html-text's output"
            if not run.available:
                texts, source = [p.truth for p in sample], "the truth (html-text unavailable)"
        text_note = f"newsclean text modes: {len(text_pages)} pages, {source} of each."
        text_items = [(t, p.url, p.lang) for t, p in zip(texts, text_pages)]
        text_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        n = len(text_items)
        say(f"[{set_name}] speed: newsclean text mode on {n} pages")
        name = peers.NEWSCLEAN_TEXT.name
        rows["newsclean text"] = _speed_row(
            peers.measure_speed(name, text_items, cpu=cpu, log=opts.log(set_name, name),
                                **common), "text, 1 core", n, text_mb)
        rows["newsclean clean_many"] = _speed_row(
            peers.measure_speed(name, text_items, cpu=None, batch=True,
                                log=opts.log(set_name, name), **common),
            f"text, clean_many, {cores} cores", n, text_mb)
        records = [json.dumps({"text": t, "url": p.url}, ensure_ascii=False) + "\n"
                   for t, p in zip(texts, text_pages)]
        stream = _cli_stream(records, kCliStreamMb / 10 if opts.quick else kCliStreamMb)
        # Scaling: a stream of the texts repeated, on all cores, then with one thread on
        # one core. Process start and rule compilation are in both but are a small part
        # of a stream this long: the ratio is how the CLI's reading, cleaning and writing
        # overlap. Then the CLI's start to its first output, on one record.
        runs = (("newsclean CLI", stream, cores, None),
                ("newsclean CLI -j 1", stream, 1, {cpu}),
                ("newsclean CLI start", records[:1], 1, {cpu}))
        files: dict[str, str] = {}
        try:
            for label, lines, jobs, cpus in runs:
                files[label] = _jsonl_file(lines)
                argv = [*_newsclean_cli(), "clean", files[label], "--text-field", "text",
                        "-j", str(jobs), "-q"]
                say(f"[{set_name}] speed: {label} on {len(lines)} records")
                cli = peers.measure_command(argv, reps=opts.reps, warmup=not opts.quick,
                                            timeout=opts.timeout * n, cpus=cpus)
                cli.version = newsclean.get("version", "")
                where = f"{cores} cores" if cpus is None else f"CPU {cpu}"
                what = ("one record, process start to output" if len(lines) == 1 else
                        f"the texts {len(lines) // len(records)} times, process start "
                        "included")
                mb = sum(len(line.encode("utf-8")) for line in lines) / 1e6
                rows[label] = _speed_row(cli, f"text, CLI -j {jobs} on {where}, {what}",
                                         len(lines), mb)
            cli_scaling, scaling = _cli_scaling(rows["newsclean CLI"],
                                                rows["newsclean CLI -j 1"], cores)
            if scaling:
                text_note += " " + scaling
            one, many = rows["newsclean text"], rows["newsclean clean_many"]
            if one["ok"] and many["ok"] and one["seconds"] and many["seconds"]:
                many_scaling = one["seconds"] / many["seconds"]
                text_note += (f" clean_many on {cores} cores vs clean on one: "
                              f"{many_scaling:.2f}x the speed (wall).")
        finally:
            for path in files.values():
                os.unlink(path)

    start = _cleaner_start() if newsclean.get("available") else None
    big = _memory_page() if newsclean.get("available") else None
    ref_name = "newsclean" if "newsclean" in rows else "newsclean text"
    ref = rows.get(ref_name, {}).get("pages_per_s")
    for label, row in rows.items():  # time per page relative to newsclean's
        per_page = ref and row["pages_per_s"] and label != "newsclean CLI start"
        row["x_newsclean"] = ref / row["pages_per_s"] if per_page else None
    notes = [f"{len(items)} pages ({html_mb:.1f} MB of HTML), median of {opts.reps} or "
             "more timed passes (up to 25 while they add up to under 1 s) after an untimed "
             "warm-up pass; "
             f"one-core runs pinned to CPU {cpu}. MB/s counts the input: HTML for HTML "
             "systems, text for newsclean's text modes."]
    if text_note:
        notes.append(text_note)
    if ref:
        notes.append(f"× newsclean: time per page relative to '{ref_name}' in this run "
                     "(above 1: slower than newsclean).")
    else:
        notes.append("newsclean is not importable: no newsclean rows, no ratio.")
    if start:
        notes.append(f"A Cleaner with the built-in rules, in a fresh process: the first "
                     f"{start['first_ms']:.0f} ms (rules compiled), a second "
                     f"{start['second_ms']:.2f} ms, an unpickled one {start['unpickle_ms']:.2f} ms. "
                     f"Python's overhead per clean() call over a clean_many() loop of the same "
                     f"short document: {start['call_overhead_us']:.2f} µs (of {start['call_us']:.1f} µs "
                     "a call).")
    first = rows.get("newsclean CLI start", {})
    if first.get("ok"):
        notes.append(f"The CLI from process start to the output of one record: "
                     f"{1e3 * first['seconds']:.0f} ms.")
    if big:
        notes.append(f"Memory: the peak RSS column is each worker's (VmHWM) on the sample; a "
                     f"{big['page_mb']:.0f} MB page of {big['elements'] / 1e6:.0f}M elements "
                     f"cleaned from HTML by the CLI in a fresh process peaks at "
                     f"{big['peak_rss_mb']:.0f} MB ({big['ratio']:.1f}x the page; "
                     "bench/memory_page.py).")
    return {"pages": len(items), "html_mb": html_mb, "reference": ref_name if ref else None,
            "systems": rows, "notes": notes, "cleaner_start": start, "cli_scaling": cli_scaling,
            "memory_page": big}


def _cli_stream(records: list[str], min_mb: float) -> list[str]:
    """``records`` repeated, whole, until they hold at least ``min_mb`` MB."""
    size = sum(len(r.encode("utf-8")) for r in records)
    if not records or not size:
        return list(records)
    return records * max(1, math.ceil(min_mb * 1e6 / size))


def _jsonl_file(records: list[str]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        f.writelines(records)
    return f.name


def _cli_scaling(many: dict, one: dict, cores: int) -> tuple[float | None, str]:
    """The CLI on all cores against one thread on one core: the wall-time ratio and a
    note with it and the CPU times."""
    if not (many["ok"] and one["ok"] and many["seconds"] and one["seconds"]):
        return None, ""
    ratio = one["seconds"] / many["seconds"]
    note = f"CLI -j {cores} on {cores} cores vs -j 1 on one: {ratio:.2f}x the speed (wall)"
    if many["cpu_seconds"] and one["cpu_seconds"]:
        note += (f"; user+sys CPU {many['cpu_seconds']:.2f} s vs {one['cpu_seconds']:.2f} s "
                 "(a busy machine lowers the wall ratio, not the CPU time)")
    return ratio, note + "."


_CLEANER_START = """
import json, pickle, time
import newsclean
t0 = time.perf_counter(); a = newsclean.Cleaner(); a.clean("x")
t1 = time.perf_counter(); b = newsclean.Cleaner(); b.clean("x")
t2 = time.perf_counter(); c = pickle.loads(pickle.dumps(b)); c.clean("x")
t3 = time.perf_counter()
# Per-call overhead: N short documents cleaned one call each, against one
# clean_many call (one worker) that runs the same C++ calls in a loop.
# The best of 5 rounds of each.
doc, n = "A short story. It has two sentences.", 10000
docs, urls = [doc] * n, [""] * n
one, many = [], []
for _ in range(5):
    t4 = time.perf_counter()
    for d in docs:
        a.clean(d)
    t5 = time.perf_counter()
    a.clean_many(docs, urls, 1)
    t6 = time.perf_counter()
    one.append(t5 - t4)
    many.append(t6 - t5)
print(json.dumps({"first_ms": 1e3 * (t1 - t0), "second_ms": 1e3 * (t2 - t1),
                  "unpickle_ms": 1e3 * (t3 - t2), "call_us": 1e6 * min(one) / n,
                  "call_overhead_us": 1e6 * (min(one) - min(many)) / n}))
"""


def _cleaner_start() -> dict | None:
    """How long a Cleaner takes to build, in a fresh process: the first (the rules
    compiled) and a second and an unpickled one (the compiled rules shared)."""
    try:
        out = subprocess.run([sys.executable, "-c", _CLEANER_START], capture_output=True,
                             text=True, timeout=120, check=True).stdout
        return json.loads(out.strip().splitlines()[-1])
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None


def _memory_page() -> dict | None:
    """Peak RSS of the CLI cleaning a ~32 MB page (bench/memory_page.py), run from a
    fresh interpreter: a child of this harness would inherit its size in ru_maxrss."""
    cli = _newsclean_cli()
    if len(cli) != 1:  # no CLI executable (python -m newsclean has no HTML path here)
        return None
    try:
        out = subprocess.run([sys.executable, "-m", "bench.memory_page", "--json", "--cli", cli[0]],
                             capture_output=True, text=True, timeout=300, check=True,
                             cwd=Path(__file__).resolve().parent.parent).stdout
        return json.loads(out.strip().splitlines()[-1])
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None


# ---- reproduce --------------------------------------------------------------------------

def task_reproduce(pages, outputs_dir: Path, rows: list[dict]) -> dict:
    """Scores the published outputs with the shingle metric and compares with the
    published table, to three decimals."""
    table = []
    order = list(PUBLISHED)  # the published table's order, then the others
    outputs = sorted(datasets.load_outputs(outputs_dir),
                     key=lambda o: (order.index(o.name) if o.name in order else len(order), o.name))
    for out in outputs:
        texts = [out.texts.get(p.id, "") for p in pages]
        errors = [None if p.id in out.texts else "missing" for p in pages]
        fig = score(pages, texts, errors, "shingle", set_name="scrapinghub",
                    task="reproduce", system=out.name, rows=rows)
        entry = {"name": out.name, "version": out.version, "f1": fig["f1"],
                 "precision": fig["precision"], "recall": fig["recall"]}
        if out.name in PUBLISHED:
            label, *published = PUBLISHED[out.name]
            entry["label"] = label
            entry["published"] = dict(zip(("f1", "precision", "recall"), published))
            entry["match"] = {k: entry[k] is not None and f"{entry[k]:.3f}" == f"{v:.3f}"
                              for k, v in entry["published"].items()}
        table.append(entry)
    compared = [e for e in table if "match" in e]
    matched = sum(sum(e["match"].values()) for e in compared)
    return {"outputs": str(outputs_dir), "pages": len(pages), "rows": table,
            "matched": matched, "compared": 3 * len(compared)}
