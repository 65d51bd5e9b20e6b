"""python -m bench: newsclean beside its peers, on the same pages, in one run.

    python -m bench                                   # every task, both dev sets
    python -m bench --quick                           # ~40 pages a set, < 2 minutes
    python -m bench --task plugin --from-outputs ../shared/eval/scrapinghub-outputs
    python -m bench --task reproduce                  # the published ScrapingHub table
    python -m bench --split tune                      # only the tune half of each set's sites
    python -m bench --task ablate                     # each rule switched off, per set and split
    python -m bench --task captions                   # detection and judgement of photo captions
    python -m bench --task probe                      # made-up labelled documents, in context
    python -m bench --task short                      # short stories made from long ones

See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import ablate, datasets, peers, report, short, site_pack, tasks
from .captions import measure as captions
from .probe import measure as probe

kTasks = ("html", "plugin", "speed", "reproduce")  # "all"
kExtraTasks = ("ablate", "captions", "pack", "probe", "short")  # only when asked
kQuickSpeedPages = 10  # --quick times this many of its pages, to stay under two minutes


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--task", action="append", choices=[*kTasks, *kExtraTasks, "all"],
                   help="html, plugin, speed, reproduce, all (default: all of these four) "
                        "or ablate, captions, pack (a site pack's effect, see --site-pack), "
                        "probe (made-up labelled documents, in context), "
                        "short (short stories made from long ones); "
                        "repeatable")
    p.add_argument("--dataset", action="append", type=Path, metavar="PATH",
                   help="a .jsonl.gz set (default: the dev sets in ../shared/eval); repeatable")
    p.add_argument("--site-pack", default="ftr", metavar="NAME",
                   help="the pack task's site pack (default: ftr)")
    p.add_argument("--limit", type=int, help="first N pages of each set (after filters)")
    p.add_argument("--page-type", help="only these page types (comma-separated)")
    p.add_argument("--skip-flagged", action="store_true", help="leave flagged pages out")
    p.add_argument("--split", choices=datasets.kSplits,
                   help="only the pages of this half of each set's sites (by a hash of the "
                        "domain): tune to develop on, check to confirm")
    p.add_argument("--metric", choices=["shingle", "word", "snippets"],
                   help="default: shingle for scrapinghub*, snippets for a set without truth, "
                        "word for any other set")
    p.add_argument("--quick", action="store_true",
                   help=f"fixed sample of {datasets.kQuickPages} pages a set, one repetition")
    p.add_argument("--out", type=Path, default=Path(__file__).parent / "results",
                   help="output folder (default: bench/results)")
    p.add_argument("--from-outputs", type=Path, metavar="DIR",
                   help="plugin task on published outputs (DIR/*.json) instead of live peers")
    p.add_argument("--save-outputs", type=Path, metavar="DIR",
                   help="write each peer's live outputs to DIR/<set>/<peer>.json, in the "
                        "published format, for later --from-outputs runs")
    p.add_argument("--systems", help="peers to run, comma-separated (default: all)")
    p.add_argument("--python", action="append", default=[], metavar="NAME=PATH",
                   help="run peer NAME under another interpreter, e.g. "
                        "rs-trafilatura=/usr/bin/python3.12")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per page (default 30)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="peers run side by side in the html task (default: all cores)")
    p.add_argument("--reps", type=int, help="timed repetitions in speed (default 3; quick 1)")
    p.add_argument("--readme", type=Path, metavar="PATH",
                   help="also write the report between the <!-- bench:start --> and "
                        "<!-- bench:end --> markers of this Markdown file")
    p.add_argument("--speed-pages", type=int,
                   help=f"pages timed in speed (default 50; quick {kQuickSpeedPages})")
    args = p.parse_args(argv)
    asked = set(args.task or ["all"])
    args.task = (asked - {"all"}) | (set(kTasks) if "all" in asked else set())
    known = [s.name for s in peers.PEERS]
    unknown = [n for n in (args.systems or "").split(",") if n and n not in known]
    if unknown:
        p.error(f"--systems: unknown {', '.join(unknown)}; peers are {', '.join(known)}")
    if any("=" not in item for item in args.python):
        p.error("--python takes NAME=PATH, e.g. rs-trafilatura=/usr/bin/python3.12")
    missing = [str(d) for d in args.dataset or [] if not d.is_file()]
    if missing:
        p.error(f"--dataset: no such file: {', '.join(missing)}")
    return args


def probe_newsclean() -> dict:
    """Imports newsclean in a child process (a crash there must not end the run)."""
    code = ("import json, newsclean as n; print(json.dumps({'version': getattr(n, "
            "'__version__', '?'), 'html_mode': hasattr(n.Cleaner, 'clean_html')}))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=peers.REPO_ROOT, timeout=120)
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"]
        return {"available": False, "html_mode": False, "error": lines[-1]}
    return {"available": True, **json.loads(proc.stdout.strip().splitlines()[-1])}


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    started = time.monotonic()
    shared = datasets.find_shared(peers.REPO_ROOT)
    eval_dir = shared / "eval" if shared else None
    paths = args.dataset or ([eval_dir / name for name in ("scrapinghub.jsonl.gz",
                                                           "wcxb-dev.jsonl.gz",
                                                           "trafilatura-eval.jsonl.gz")
                              if (eval_dir / name).exists()] if eval_dir else [])
    if not paths and args.task != {"reproduce"}:
        print("no --dataset given and no ../shared/eval found", file=sys.stderr)
        return 2
    opts = tasks.Options(
        out=args.out, timeout=args.timeout, jobs=args.jobs, quick=args.quick,
        reps=args.reps or (1 if args.quick else 3),
        speed_pages=args.speed_pages or (kQuickSpeedPages if args.quick else 50),
        systems=args.systems.split(",") if args.systems else None,
        pythons=dict(item.split("=", 1) for item in args.python))
    shutil.rmtree(args.out / "logs", ignore_errors=True)  # logs of this run only
    newsclean = probe_newsclean()
    tasks.say("newsclean: " + (f"{newsclean['version']}, HTML mode: {newsclean['html_mode']}"
                               if newsclean["available"] else
                               f"not importable ({newsclean['error']}): peers only"))
    results: dict = {
        "run": {"date": datetime.datetime.now().isoformat(timespec="seconds"),
                "argv": sys.argv[1:] if argv is None else argv, "quick": args.quick,
                "cpus": os.cpu_count(), "python": platform.python_version(),
                "platform": platform.platform(), "newsclean": newsclean,
                "tasks": sorted(args.task), "split": args.split},
        "versions": {"newsclean": newsclean.get("version", "")},
        "sets": {}, "notes": []}
    if not newsclean["available"]:
        results["notes"].append("newsclean is not importable: peers only; the plugin task "
                                "shows peers alone and the speed task has no newsclean rows.")
    rows: list[dict] = []
    ablate_sets: list[tuple[str, str, list]] = []
    html_names = tasks.html_systems(opts, newsclean)
    outputs_dir = args.from_outputs or (eval_dir / "scrapinghub-outputs" if eval_dir else None)

    for path in paths:
        name = datasets.set_name(path)
        pages = datasets.load(path, limit=args.limit, page_type=args.page_type,
                              skip_flagged=args.skip_flagged, quick=args.quick, split=args.split)
        if args.split:
            name = f"{name} [{args.split}]"
        if not pages:
            results["notes"].append(f"{name}: no page left after the filters; skipped.")
            continue
        metric = args.metric or datasets.default_metric(path, pages)
        ablate_sets.append((name, metric, pages))
        tasks.say(f"[{name}] {len(pages)} pages, metric {metric}")
        data = {"path": str(path), "metric": metric, "pages": len(pages), "jobs": opts.jobs,
                "flagged": sum(p.flagged for p in pages),
                "html_mb": sum(p.html_bytes for p in pages) / 1e6}
        if not args.task & {"html", "plugin", "speed"}:
            continue
        live = "html" in args.task or ("plugin" in args.task and not args.from_outputs)
        runs = tasks.run_html(pages, name, opts, html_names) if live else {}
        for sys_name, run in runs.items():
            results["versions"][sys_name] = run.version
        if args.save_outputs and runs:
            saved = tasks.save_outputs(pages, runs, args.save_outputs / name)
            tasks.say(f"[{name}] outputs of {len(saved)} systems saved in {args.save_outputs / name}")
        if "html" in args.task:
            data["html"] = tasks.task_html(pages, name, metric, runs, rows, newsclean)
        if "plugin" in args.task:  # (a set without truth: its snippets only)
            data["plugin"] = []
            if not args.from_outputs:
                data["plugin"].append(tasks.task_plugin(
                    pages, name, metric, tasks.sources_from_runs(runs), "peers run live",
                    opts, rows, newsclean))
            # Published outputs: when asked, and always for ScrapingHub when they are here.
            if args.from_outputs or ("scrapinghub" in name and outputs_dir
                                     and outputs_dir.is_dir()):
                data["plugin"].append(tasks.task_plugin(
                    pages, name, metric, tasks.sources_from_outputs(pages, outputs_dir),
                    f"published, {report.shown_path(outputs_dir)}", opts, rows, newsclean))
        if "speed" in args.task:
            data["speed"] = tasks.task_speed(pages, name, opts, newsclean, html_names,
                                             runs.get("html-text"))
            for sys_name, s in data["speed"]["systems"].items():
                if s["version"] and not sys_name.startswith("newsclean"):
                    results["versions"].setdefault(
                        "lxml" if sys_name == peers.LXML_PARSE.name else sys_name, s["version"])
        results["sets"][name] = data

    if "ablate" in args.task:
        if newsclean["available"]:
            results["ablate"] = ablate.task_ablate(ablate_sets, outputs_dir, say=tasks.say)
        else:
            results["notes"].append("ablate: newsclean is not importable.")

    if "pack" in args.task:
        if newsclean["available"]:
            results["pack"] = site_pack.task_site_pack(ablate_sets, args.site_pack, say=tasks.say)
        else:
            results["notes"].append("pack: newsclean is not importable.")

    if "short" in args.task:
        results["short"] = short.task_short(ablate_sets, opts, newsclean)

    if "captions" in args.task:
        if newsclean["available"]:
            results["captions"] = captions.task_captions(paths, split=args.split, say=tasks.say)
        else:
            results["notes"].append("captions: newsclean is not importable.")

    if "probe" in args.task:
        if newsclean["available"]:
            results["probe"] = probe.task_probe(say=tasks.say)
        else:
            results["notes"].append("probe: newsclean is not importable.")

    if "reproduce" in args.task:
        truth = next((p for p in paths if "scrapinghub" in p.name),
                     eval_dir / "scrapinghub.jsonl.gz" if eval_dir else None)
        if truth and truth.exists() and outputs_dir and outputs_dir.is_dir():
            rep = tasks.task_reproduce(datasets.load(truth), outputs_dir, rows)
            results["reproduce"] = rep
            tasks.say(f"reproduce: {rep['matched']} of {rep['compared']} published figures "
                      "match to three decimals")
        else:
            results["notes"].append("reproduce: no scrapinghub.jsonl.gz and outputs found.")

    results["run"]["seconds"] = round(time.monotonic() - started, 1)
    written = report.write(results, rows, args.out)
    print((args.out / "report.md").read_text(encoding="utf-8"))
    if args.readme:
        report.into_readme((args.out / "report.md").read_text(encoding="utf-8"), args.readme)
    tasks.say(f"done in {results['run']['seconds']:.0f}s: " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
