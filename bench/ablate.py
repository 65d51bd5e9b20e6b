"""The ablate task: what each rule does to the scores, on each set and each split.

For every rule of the built-in set, newsclean cleans every page again with that rule
switched off (``Cleaner(disable=[id])``), in this process, on all cores; the page scores
are summarised per split (``tune`` / ``check``: halves of the sites, see
datasets.split_of) and compared with the full rule set. A rule whose removal raises a
figure is a candidate for narrowing; one whose removal changes nothing on any set has no
evidence for it here. On ScrapingHub the published outputs of the other extractors (not
html-text's, which is no extractor) are cleaned in text mode as well (the plugin figure:
the mean F1 over those extractors).
"""

from __future__ import annotations

from collections.abc import Sequence

from . import datasets, metrics, tasks


def _summary(metric: str, pages: Sequence[datasets.Page], texts: Sequence[str],
             scores: Sequence[metrics.PageScore]) -> dict:
    """The set's headline figure(s): F1 (P, R), or for snippets-only sets the shares."""
    out = {}
    if metric != "snippets":
        s = metrics.summarize(metric, scores)
        out.update(f1=s["f1"], precision=s["precision"], recall=s["recall"])
    out.update(tasks.snippet_shares(list(pages), list(texts)))
    return out


def _headline(summary: dict) -> float | None:
    """One number to rank rules by: F1, or the mean of the two snippet shares."""
    if summary.get("f1") is not None:
        return summary["f1"]
    shares = [v for k, v in summary.items() if k in ("with_found", "without_absent") and v is not None]
    return sum(shares) / len(shares) if shares else None


class _Set:
    """One set's pages, split, and the scores of the full rule set."""

    def __init__(self, name: str, metric: str, pages: list[datasets.Page], fmt: str,
                 inputs: list[str], urls: list[str], groups: dict[str, list[int]]):
        self.name, self.metric, self.pages, self.fmt = name, metric, pages, fmt
        self.inputs, self.urls, self.groups = inputs, urls, groups
        self.base_texts: list[str] = []
        self.base_scores: list[metrics.PageScore] = []

    def run(self, cleaner, workers: int) -> list[str]:
        results = cleaner.clean_many(self.inputs, urls=self.urls, workers=workers, format=self.fmt)
        return [r.text for r in results]

    def score(self, texts: list[str]) -> dict[str, float | None]:
        scores = [b if t == bt else metrics.score_page(self.metric, p.truth, t)
                  for p, t, bt, b in zip(self.pages, texts, self.base_texts, self.base_scores)]
        return {group: _headline(_summary(self.metric, [self.pages[i] for i in idx],
                                          [texts[i] for i in idx], [scores[i] for i in idx]))
                for group, idx in self.groups.items()}


def task_ablate(sets: list[tuple[str, str, list[datasets.Page]]], outputs_dir, *,
                workers: int = 0, say=print) -> dict:
    """``sets``: (name, metric, pages). Returns {"baseline": {set: {group: figure}},
    "rules": [{id, category, deltas: {set: {group: delta}}}], "sets": [...]}."""
    import newsclean

    prepared: list[_Set] = []
    for name, metric, pages in sets:
        groups = {sp: [i for i, p in enumerate(pages) if datasets.split_of(p) == sp]
                  for sp in datasets.kSplits}
        groups = {g: idx for g, idx in groups.items() if idx}
        prepared.append(_Set(name, metric, pages, "html", [p.html for p in pages],
                             [p.url for p in pages], groups))
        if "scrapinghub" in name and outputs_dir and outputs_dir.is_dir():
            # The plugin figure: each published output cleaned in text mode, as one set
            # whose groups are (extractor, split); its headline is the mean over extractors.
            outs = [o for o in datasets.load_outputs(outputs_dir) if o.name != "html-text"]
            plug_pages, inputs, urls, plug_groups = [], [], [], {}
            for o in outs:
                for sp, idx in groups.items():
                    plug_groups[f"{o.name}/{sp}"] = list(range(len(inputs), len(inputs) + len(idx)))
                    for i in idx:
                        plug_pages.append(pages[i])
                        inputs.append(o.texts.get(pages[i].id, ""))
                        urls.append(pages[i].url)
            prepared.append(_Set(name + " +plugin", metric, plug_pages, "text", inputs, urls,
                                 plug_groups))

    def collapse(s: _Set, figures: dict) -> dict:
        if not s.name.endswith("+plugin"):
            return figures
        out = {}
        for sp in datasets.kSplits:
            vals = [v for g, v in figures.items() if g.endswith("/" + sp) and v is not None]
            if vals:
                out[sp] = sum(vals) / len(vals)
        return out

    base = newsclean.Cleaner()
    baseline = {}
    for s in prepared:
        s.base_texts = s.run(base, workers)
        s.base_scores = [metrics.score_page(s.metric, p.truth, t)
                         for p, t in zip(s.pages, s.base_texts)]
        baseline[s.name] = collapse(s, s.score(s.base_texts))
    rules = base.rules()
    say(f"ablate: {len(rules)} rules over {', '.join(s.name for s in prepared)}")
    rows = []
    for k, rule in enumerate(rules):
        cleaner = newsclean.Cleaner(disable=[rule["id"]])
        deltas = {}
        for s in prepared:
            figures = collapse(s, s.score(s.run(cleaner, workers)))
            deltas[s.name] = {g: (v - baseline[s.name][g]) if v is not None and
                              baseline[s.name].get(g) is not None else None
                              for g, v in figures.items()}
        rows.append({"id": rule["id"], "category": rule["category"], "deltas": deltas})
        if (k + 1) % 20 == 0:
            say(f"ablate: {k + 1} of {len(rules)} rules")
    return {"baseline": baseline, "rules": rows, "sets": [s.name for s in prepared]}


def markdown(ablate: dict, limit: int = 40) -> list[str]:
    """The rules whose removal moves any figure, most helpful removal first."""
    sets = ablate["sets"]
    groups = [(s, g) for s in sets for g in datasets.kSplits if g in ablate["baseline"][s]]
    headers = ["rule", "category"] + [f"{s} {g}" for s, g in groups]
    base = ["baseline", ""] + ["–" if ablate["baseline"][s][g] is None
                               else f"{ablate['baseline'][s][g]:.4f}" for s, g in groups]
    moved = [r for r in ablate["rules"]
             if any(abs(v or 0) >= 5e-5 for d in r["deltas"].values() for v in d.values())]
    moved.sort(key=lambda r: -sum(v or 0 for d in r["deltas"].values() for v in d.values()))
    rows = [[r["id"], r["category"]] + [
        f"{(r['deltas'][s].get(g) or 0) * 1000:+.2f}" for s, g in groups] for r in moved[:limit]]
    out = ["### Ablation: each rule switched off", "",
           f"> Change of each set's figure (F1; for snippets-only sets the mean of the two "
           f"snippet shares), in thousandths, when the rule is switched off; positive: the set "
           f"is better without it. {len(moved)} of {len(ablate['rules'])} rules move a figure "
           f"by 0.05‰ or more; the {min(limit, len(moved))} whose removal helps most are listed "
           f"(results.json has all).", ""]
    table = [headers, ["---"] * len(headers), base] + rows
    out += ["| " + " | ".join(r) + " |" for r in table] + [""]
    return out
