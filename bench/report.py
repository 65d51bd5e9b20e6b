"""Writes a run's results: report.md, results.json, pages.csv and chart.png."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from . import ablate, short, site_pack
from .captions import measure as captions
from .probe import measure as probe

kCsvColumns = ["set", "page_id", "page_type", "flagged", "task", "system",
               "precision", "recall", "f1", "error", "empty"]


REPO = Path(__file__).resolve().parents[1]


def shown_path(path) -> str:
    """A data path as the README prints it: relative to the repository (e.g.
    ../shared/eval/scrapinghub-outputs), never this machine's absolute path. A
    symlink (../shared beside a clone) is named as reached, not as resolved."""
    return Path(os.path.relpath(os.path.abspath(path), REPO)).as_posix()


def _f(value, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _rate(value) -> str:
    return "–" if value is None else f"{value:.1f}"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _by_f1(items):
    return sorted(items, key=lambda kv: -(kv[1].get("f1") or -1.0))


def _html_section(name: str, data: dict) -> list[str]:
    html = data["html"]
    systems = html["systems"]
    flagged = any("unflagged" in s for s in systems.values())
    types = sorted({t for s in systems.values() for t in s.get("by_type", {})})
    snippets = any("with_found" in s for s in systems.values())
    headers = ["system", "version", "F1", "P", "R"]
    headers += ["F1 w/o flagged"] if flagged else []
    headers += [f"F1 {t}" for t in types]
    headers += ["with found", "without absent"] if snippets else []
    short = any("short_precision" in s for s in systems.values())
    short_pages = max((s.get("short_pages", 0) for s in systems.values()), default=0)
    headers += ["P <150 words"] if short else []
    headers += ["errors", "empty", "pages/s*"]
    rows = []
    for sys_name, s in _by_f1(systems.items()):
        row = [sys_name, s.get("version") or "–", _f(s["f1"]), _f(s["precision"]), _f(s["recall"])]
        if flagged:
            row.append(_f(s.get("unflagged", {}).get("f1")))
        row += [_f(s.get("by_type", {}).get(t, {}).get("f1")) for t in types]
        if snippets:
            row += [_f(s.get("with_found")), _f(s.get("without_absent"))]
        if short:
            row.append(_f(s.get("short_precision")))
        row += [str(s["errors"]), str(s["empty"]), _rate(s.get("pages_per_s"))]
        rows.append(row)
    measure = ("`with` snippets found, `without` snippets absent" if data["metric"] == "snippets"
               else f"{data['metric']} F1")
    out = [f"### {name}: extraction from HTML ({measure}, {data['pages']} pages)", ""]
    if html.get("note"):
        out += [f"> {html['note']}", ""]
    out += [_table(headers, rows), "",
            "\\* pages/s here is the sum of per-page times while "
            f"{data.get('jobs', 1)} systems ran side by side; the speed table is the "
            "measured one."
            + (f" P <150 words: mean page precision on the {short_pages} articles whose truth "
               "has under 150 words (tasks.is_short_story)." if short else ""), ""]
    unavailable = [f"{n}: {s['note']}" for n, s in systems.items() if not s.get("available", True)]
    if unavailable:
        out += ["Failed to start (every page counted as failed): " + "; ".join(unavailable), ""]
    return out


def _share(value) -> str:
    return "–" if value is None else f"{value:.0%}"


def _plugin_section(name: str, data: dict, plugin: dict) -> list[str]:
    headers = ["peer", "version", "F1", "P", "R", "+ newsclean F1", "P", "R", "ΔF1",
               "+ C4 lines F1", "perfect lines F1", "gain taken", "errors"]
    rows, split_rows = [], []
    for peer, e in _by_f1([(k, v["alone"]) for k, v in plugin["systems"].items()]):
        entry = plugin["systems"][peer]
        c = entry["cleaned"] or {}
        delta = (c["f1"] - e["f1"]) if c.get("f1") is not None and e["f1"] is not None else None
        rows.append([peer, entry["version"] or "–", _f(e["f1"]), _f(e["precision"]),
                     _f(e["recall"]), _f(c.get("f1")), _f(c.get("precision")),
                     _f(c.get("recall")), "–" if delta is None else f"{delta:+.3f}",
                     _f((entry.get("c4") or {}).get("f1")),
                     _f((entry.get("perfect") or {}).get("f1")), _share(entry.get("share")),
                     str(c.get("errors", e["errors"]))])
        for split, f in (entry.get("splits") or {}).items():
            c = f.get("cleaned") or {}
            drop = (f["alone"]["recall"] - c["recall"]
                    if c.get("recall") is not None and f["alone"]["recall"] is not None else None)
            split_rows.append([peer, split, str(f["pages"]), _f(f["alone"]["f1"]),
                               _f(c.get("f1")), _f((f.get("c4") or {}).get("f1")),
                               _f(f["perfect"]["f1"]), _share(f.get("share")),
                               "–" if drop is None else f"{-drop:+.3f}"])
    out = [f"### {name}: newsclean after each peer ({data['metric']} F1, "
           f"outputs: {plugin['origin']})", ""]
    if plugin.get("note"):
        out += [f"> {plugin['note'].strip()}", ""]
    out += [_table(headers, rows), ""]
    if split_rows:
        out += ["By half of the tune/check split (\"gain taken\": the share of the perfect "
                "line filter's gain over the peer alone that newsclean takes; \"C4 lines\": "
                "C4's line rules, datatrove's C4QualityFilter without its page-level drops):",
                "", _table(["peer", "half", "pages", "alone F1", "+ newsclean F1",
                            "+ C4 lines F1", "perfect lines F1", "gain taken", "Δ recall"],
                           split_rows), ""]
    return out


def _snippet_delta(alone: dict, cleaned: dict, key: str) -> str:
    a, c = alone.get(key), (cleaned or {}).get(key)
    return "–" if a is None or c is None else f"{c - a:+.3f}"


def _plugin_snippets_section(name: str, plugin: dict) -> list[str]:
    """The plugin task on a set without truth: the `with` snippets found and the `without`
    snippets absent, for each peer alone and after newsclean, overall and by half."""
    headers = ["peer", "half", "pages", "with found", "+ newsclean", "Δ", "without absent",
               "+ newsclean", "Δ", "+ C4 lines with / without"]
    rows = []
    for peer, entry in plugin["systems"].items():
        halves = [("all", entry["alone"], entry.get("cleaned"), entry.get("c4"), None)]
        halves += [(split, f["alone"], f.get("cleaned"), f.get("c4"), f["pages"])
                   for split, f in (entry.get("splits") or {}).items()]
        for half, alone, cleaned, c4, pages in halves:
            c4_cell = ("–" if not c4 else
                       f"{_f(c4.get('with_found'))} / {_f(c4.get('without_absent'))}")
            rows.append([peer, half, "–" if pages is None else str(pages),
                         _f(alone.get("with_found")), _f((cleaned or {}).get("with_found")),
                         _snippet_delta(alone, cleaned, "with_found"),
                         _f(alone.get("without_absent")),
                         _f((cleaned or {}).get("without_absent")),
                         _snippet_delta(alone, cleaned, "without_absent"), c4_cell])
    out = [f"### {name}: newsclean after each peer (`with` snippets found, `without` snippets "
           f"absent; outputs: {plugin['origin']})", ""]
    if plugin.get("note"):
        out += [f"> {plugin['note'].strip()}", ""]
    return out + [_table(headers, rows), ""]


def _speed_section(name: str, data: dict) -> list[str]:
    speed = data["speed"]
    headers = ["system", "mode", "pages", "pages/s", "MB/s", "peak RSS MB",
               "× newsclean time", "errors", "note"]
    rows = []
    ordered = sorted(speed["systems"].items(), key=lambda kv: -(kv[1]["pages_per_s"] or 0))
    for sys_name, s in ordered:
        rows.append([sys_name, s["mode"], str(s["pages"]), _rate(s["pages_per_s"]),
                     _f(s["mb_per_s"], 2),
                     _rate(s["peak_rss_mb"]), _f(s["x_newsclean"], 2), str(s["errors"]),
                     s["note"] or ""])
    out = [f"### {name}: speed", ""]
    out += [f"> {n}" for n in speed["notes"]] + [""]
    return out + [_table(headers, rows), ""]


def _reproduce_section(rep: dict) -> list[str]:
    headers = ["extractor", "file", "F1", "P", "R", "published F1", "P", "R", "match"]
    rows = []
    for e in rep["rows"]:
        pub = e.get("published", {})
        match = e.get("match")
        mark = "–" if match is None else ("yes" if all(match.values()) else
                                          "NO: " + ", ".join(k for k, v in match.items() if not v))
        rows.append([e.get("label", e["name"]), e["name"], _f(e["f1"]), _f(e["precision"]),
                     _f(e["recall"]), _f(pub.get("f1")), _f(pub.get("precision")),
                     _f(pub.get("recall")), mark])
    return [f"### ScrapingHub published table, recomputed from `{shown_path(rep['outputs'])}` "
            f"({rep['pages']} pages)", "",
            f"{rep['matched']} of {rep['compared']} published figures reproduced to three "
            "decimals.", "", _table(headers, rows), ""]


def markdown(results: dict) -> str:
    run = results["run"]
    nc = run["newsclean"]
    out = ["## Benchmark", "",
           f"Run {run['date']} on {run['cpus']} CPU(s), Python {run['python']}, "
           f"{run['seconds']:.0f} s"
           + (" — quick mode (fixed sample, one repetition)" if run["quick"] else "") + ".",
           ""]
    if nc.get("available"):
        out += [f"newsclean {nc['version']}"
                + ("" if nc.get("html_mode") else " (text mode only: no HTML mode yet)") + ".", ""]
    else:
        out += [f"> newsclean is not importable ({nc.get('error')}): peers only.", ""]
    out += [f"> {n}" for n in results.get("notes", [])]
    if results.get("notes"):
        out.append("")
    for name, data in results["sets"].items():
        if "html" in data:
            out += _html_section(name, data)
        for plugin in data.get("plugin", []):
            out += (_plugin_snippets_section(name, plugin) if data["metric"] == "snippets"
                    else _plugin_section(name, data, plugin))
        if "speed" in data:
            out += _speed_section(name, data)
    if "reproduce" in results:
        out += _reproduce_section(results["reproduce"])
    if "ablate" in results:
        out += ablate.markdown(results["ablate"])
    if "pack" in results:
        out += site_pack.markdown(results["pack"])
    if "short" in results:
        out += short.markdown(results["short"])
    if "captions" in results:
        out += captions.markdown(results["captions"])
    if "probe" in results:
        out += probe.markdown(results["probe"])
    versions = ", ".join(f"{k} {v}" for k, v in sorted(results["versions"].items()) if v)
    out += [f"Versions: {versions}.", ""]
    return "\n".join(out)


def chart(results: dict, path: Path) -> str | None:
    """F1 against one-core pages/s (log scale), one panel per set; a hollow mark for
    peer + newsclean where the plugin task ran live. Returns a note when it could
    not be drawn."""
    panels = [(n, d) for n, d in results["sets"].items() if "html" in d]
    if not panels:
        return None
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FuncFormatter, NullFormatter
    except ImportError:
        return "matplotlib is not installed: no chart."
    fig, axes = plt.subplots(1, len(panels), figsize=(7 * len(panels), 5.5), squeeze=False)
    for ax, (name, data) in zip(axes[0], panels):
        speed = data.get("speed", {}).get("systems", {})
        live = next((p["systems"] for p in data.get("plugin", [])
                     if p["origin"] == "peers run live"), {})
        for sys_name, s in data["html"]["systems"].items():
            pps = speed.get(sys_name, {}).get("pages_per_s") if speed else s.get("pages_per_s")
            if pps is None or s["f1"] is None:
                continue
            color = "tab:red" if sys_name == "newsclean" else "tab:blue"
            ax.scatter(pps, s["f1"], color=color, zorder=3)
            ax.annotate(sys_name, (pps, s["f1"]), textcoords="offset points", xytext=(5, -3),
                        fontsize=8)
            cleaned = (live.get(sys_name, {}).get("cleaned") or {}).get("f1")
            if cleaned is not None:
                ax.plot([pps, pps], [s["f1"], cleaned], color="tab:red", lw=0.8, zorder=2)
                ax.scatter(pps, cleaned, facecolors="none", edgecolors="tab:red", zorder=3)
        floor = speed.get("lxml-parse", {}).get("pages_per_s")
        if floor:
            ax.axvline(floor, color="grey", ls="--", lw=0.8)
            ax.annotate("libxml2 parse", (floor, 0.02), xycoords=("data", "axes fraction"),
                        rotation=90, fontsize=7, color="grey", ha="right")
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.xaxis.set_minor_formatter(NullFormatter())
        source = "speed task" if speed else "html task timings, systems side by side"
        ax.set_xlabel(f"pages/s on one core ({source})")
        ax.set_ylabel(f"{data['metric']} F1" + (" (hollow: + newsclean)" if live else ""))
        ax.set_title(f"{name} ({data['pages']} pages)")
        ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return None


def write(results: dict, rows: list[dict], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "report.md", out / "results.json", out / "pages.csv", out / "chart.png"]
    paths[3].unlink(missing_ok=True)  # never leave a chart of an earlier run
    note = chart(results, paths[3])
    if note:
        results.setdefault("notes", []).append(note)
    if not paths[3].exists():
        paths.pop()
    paths[0].write_text(markdown(results), encoding="utf-8")
    paths[1].write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str),
                        encoding="utf-8")
    with open(paths[2], "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=kCsvColumns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if row[k] is None else row[k]) for k in kCsvColumns})
    return paths


README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


def into_readme(markdown_text: str, readme: Path) -> None:
    """Replaces what lies between the benchmark markers of ``readme``."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise SystemExit(f"{readme}: no {README_START} ... {README_END} markers")
    body = markdown_text.replace("## Benchmark\n", "", 1).strip()
    text = text[: start + len(README_START)] + "\n" + body + "\n" + text[end:]
    readme.write_text(text, encoding="utf-8")
