"""The pack task: what a site pack (``Cleaner(site_pack="ftr")``) does, on each set.

Every page is cleaned from its HTML with its URL twice, in this process, on all cores:
by ``Cleaner()`` and by ``Cleaner(site_pack=NAME)``. The pages whose host the pack
covers (the pack's own lookup: the host, the host without ``www.``, and ``.parent``
entries for every parent domain) are scored on their own and the whole set too, with
and without the pack; snippets-only sets are scored by their snippet shares. Beside
the figures: the time to build a Cleaner with and without the pack, and the time per
page on pages of hosts the pack does not know (one core), with and without it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from urllib.parse import urlsplit

from . import datasets, metrics, tasks

kSiteLine = re.compile(r"^  # site: (\S+)$", re.M)
kTimingReps = 5


def pack_sites(yaml: str) -> tuple[set[str], set[str]]:
    """The pack's exact sites and its wildcard sites (without their dot)."""
    sites = kSiteLine.findall(yaml)
    return ({s for s in sites if not s.startswith(".")},
            {s[1:] for s in sites if s.startswith(".")})


def covers(sites: tuple[set[str], set[str]], url: str) -> bool:
    """True if a page of ``url`` gets rules of the pack."""
    exact, wild = sites
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return False
    if host in exact or (host.startswith("www.") and host[4:] in exact):
        return True
    labels = host.split(".")
    return any(".".join(labels[i:]) in wild for i in range(len(labels)))


def _figures(metric: str, pages: Sequence[datasets.Page], texts: Sequence[str]) -> dict:
    out = {"pages": len(pages)}
    if not pages:
        return out
    if metric != "snippets":
        s = metrics.summarize(metric, [metrics.score_page(metric, p.truth, t)
                                       for p, t in zip(pages, texts)])
        out.update(f1=s["f1"], precision=s["precision"], recall=s["recall"])
    out.update(tasks.snippet_shares(list(pages), list(texts)))
    return out


def _timings(newsclean, pack: str, pages: Sequence[datasets.Page]) -> dict:
    """Cleaner build times and seconds per page on ``pages`` (hosts the pack does not
    know), one core: the best of kTimingReps, with and without the pack in turn (the
    machine's other load hits both alike). The first build with the pack in the process
    includes indexing the pack."""
    def build(**kw) -> float:
        start = time.perf_counter()
        newsclean.Cleaner(**kw)
        return time.perf_counter() - start
    out = {"build_first_with": build(site_pack=pack)}
    htmls, urls = [p.html for p in pages], [p.url for p in pages]
    cleaners = {"without": newsclean.Cleaner(), "with": newsclean.Cleaner(site_pack=pack)}
    builds: dict[str, list[float]] = {"without": [], "with": []}
    times: dict[str, list[float]] = {"without": [], "with": []}
    for cleaner in cleaners.values():
        cleaner.clean_many(htmls[:10], urls=urls[:10], workers=1, format="html")  # warm
    for _ in range(kTimingReps):
        for label, cleaner in cleaners.items():
            builds[label].append(build(**({"site_pack": pack} if label == "with" else {})))
            start = time.perf_counter()
            cleaner.clean_many(htmls, urls=urls, workers=1, format="html")
            times[label].append((time.perf_counter() - start) / max(1, len(pages)))
    for label in cleaners:
        out[f"build_{label}"] = min(builds[label])
        out[f"page_{label}"] = min(times[label])
    out["unknown_pages"] = len(pages)
    return out


def task_site_pack(sets: list[tuple[str, str, list[datasets.Page]]], pack: str, *,
                   workers: int = 0, say=print) -> dict:
    """``sets``: (name, metric, pages). Returns {"pack", "sites", "sets": {name: {...}},
    "timing": {...}}."""
    import newsclean
    from newsclean import _core

    sites = pack_sites(_core.site_pack_yaml(pack))
    plain, packed = newsclean.Cleaner(), newsclean.Cleaner(site_pack=pack)
    out = {"pack": pack, "sites": len(sites[0]) + len(sites[1]), "sets": {}}
    unknown: list[datasets.Page] = []
    for name, metric, pages in sets:
        htmls, urls = [p.html for p in pages], [p.url for p in pages]
        without = [r.text for r in plain.clean_many(htmls, urls=urls, workers=workers, format="html")]
        with_ = [r.text for r in packed.clean_many(htmls, urls=urls, workers=workers, format="html")]
        idx = [i for i, p in enumerate(pages) if covers(sites, p.url)]
        unknown += [p for p in pages if not covers(sites, p.url)]
        pick = lambda seq: [seq[i] for i in idx]  # noqa: E731
        out["sets"][name] = {
            "metric": metric,
            "covered": {"without": _figures(metric, pick(pages), pick(without)),
                        "with": _figures(metric, pick(pages), pick(with_)),
                        "changed": sum(without[i] != with_[i] for i in idx)},
            "all": {"without": _figures(metric, pages, without),
                    "with": _figures(metric, pages, with_)}}
        say(f"pack: [{name}] {len(idx)} of {len(pages)} pages covered")
    out["timing"] = _timings(newsclean, pack, unknown[:200])
    return out


def _cells(metric: str, fig: dict) -> list[str]:
    def f(key: str) -> str:
        v = fig.get(key)
        return "–" if v is None else f"{v:.3f}"
    if metric == "snippets":
        return [f("with_found"), f("without_absent")]
    return [f("f1"), f("precision"), f("recall")]


def markdown(res: dict) -> list[str]:
    pack = res["pack"]
    out = [f"### Site pack '{pack}': pages with and without it", "",
           f"> {res['sites']} sites in the pack. Covered: pages whose host the pack has rules "
           "for. Snippets-only sets show the share of `with` snippets found and of `without` "
           "snippets absent instead of F1, P, R.", "",
           "| set | pages | covered | changed | covered F1 / P / R without | with | "
           "set F1 / P / R without | with |",
           "|---|---:|---:|---:|---|---|---|---|"]
    for name, s in res["sets"].items():
        m, c, a = s["metric"], s["covered"], s["all"]
        out.append("| " + " | ".join([
            name, str(a["without"]["pages"]), str(c["without"]["pages"]), str(c["changed"]),
            " / ".join(_cells(m, c["without"])), " / ".join(_cells(m, c["with"])),
            " / ".join(_cells(m, a["without"])), " / ".join(_cells(m, a["with"]))]) + " |")
    t = res["timing"]
    out += ["", f"> Best of {kTimingReps}, with and without in turn. Building a Cleaner: "
            f"{t['build_without'] * 1e3:.1f} ms without the pack, "
            f"{t['build_with'] * 1e3:.1f} ms with it ({t['build_first_with'] * 1e3:.1f} ms the "
            f"first time in the process). Per page on {t['unknown_pages']} pages of hosts the "
            f"pack does not know, one core: {t['page_without'] * 1e3:.3f} ms without, "
            f"{t['page_with'] * 1e3:.3f} ms with.", ""]
    return out
