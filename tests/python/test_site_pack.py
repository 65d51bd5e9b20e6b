"""Site packs from Python and the CLI: Cleaner(site_pack="ftr"), --site-pack,
import-ftr. The C++ tests (tests/cpp/site_pack_test.cc) check the importer and the
pack's rules; these check the front doors."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import newsclean
from newsclean import _core

REPO = Path(__file__).resolve().parents[2]
CLI = os.environ.get("NEWSCLEAN_CLI") or shutil.which("newsclean")

PARAGRAPHS = [
    "The council voted on Tuesday to close the Elm Street bridge for repairs, after "
    "engineers found deep cracks in two of its supports.",
    "The bridge, which carries about 20,000 vehicles a day, will stay closed until the end "
    "of March, the council said in a statement on its website.",
    "Drivers will be diverted along the river road, which the council said would add about "
    "ten minutes to most journeys at peak times.",
    "Local businesses on the east bank said they feared losing customers during the "
    "closure, and asked the council for help with parking.",
]
BOX = "Weather for the valley stays mild through the weekend, with light winds."


def _page(token: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>Bridge</title></head><body><div class=\"main\">{body}"
            f"<div class=\"{token}-zz\"><p>{BOX}</p></div></div></body></html>")


def _site_with_class_strip() -> tuple[str, str]:
    """A site of the pack (not a wildcard) with a strip_id_or_class rule whose name
    the built-in rules leave alone, and that name."""
    yaml = _core.site_pack_yaml("ftr")
    pattern = re.compile(
        r"^  # site: ([a-z0-9][a-z0-9.-]*)\n(?:  #.*\n)*(?:  - .*\n(?:    .*\n)*)*?    xpath: "
        r"'\.//\*\[contains\(@class,''([a-z]{6,})''\)", re.M)
    plain = newsclean.Cleaner()
    for m in pattern.finditer(yaml):
        site, token = m.group(1), m.group(2)
        if BOX in plain.clean_html(_page(token), url=f"https://{site}/a").text:
            return site, token
    raise AssertionError("the ftr pack has class/id strip rules")


def test_cleaner_with_the_ftr_pack_strips_on_a_known_host_only():
    site, token = _site_with_class_strip()
    html = _page(token)
    plain, packed = newsclean.Cleaner(), newsclean.Cleaner(site_pack="ftr")
    url = f"https://{site}/2024/03/bridge"
    assert BOX in plain.clean_html(html, url=url).text
    result = packed.clean_html(html, url=url)
    cleaned = result.text
    assert BOX not in cleaned
    assert PARAGRAPHS[0] in cleaned
    # The pack's removal is explained like any other: its rule id and category.
    [box] = [r for r in result.removed if BOX in r.text]
    site_rule_ids = re.findall(r"^  - id: (\S+)", _core.site_pack_yaml("ftr"), re.M)
    assert box.rule in site_rule_ids and box.category and box.stage == "html"
    other = "https://unknown-host.example/2024/03/bridge"
    assert packed.clean_html(html, url=other).text == plain.clean_html(html, url=other).text
    # The module function takes the pack too; a Cleaner with a pack pickles with it.
    assert BOX not in newsclean.clean(html, url, site_pack="ftr")
    again = pickle.loads(pickle.dumps(packed))
    assert again.clean_html(html, url=url).text == cleaned


def test_unknown_pack_name_is_a_value_error():
    with pytest.raises(ValueError, match=r"unknown site pack 'nope' \(known: ftr\)"):
        newsclean.Cleaner(site_pack="nope")


def test_pack_yaml_is_the_shipped_file():
    assert _core.site_pack_yaml("ftr") == (REPO / "packs" / "ftr.yaml").read_text(encoding="utf-8")
    assert _core.site_pack_yaml("nope") == ""


@pytest.mark.skipif(CLI is None, reason="newsclean CLI not found (NEWSCLEAN_CLI)")
def test_cli_site_pack_and_import_ftr(tmp_path: Path):
    site, token = _site_with_class_strip()
    page = tmp_path / "page.html"
    page.write_text(_page(token), encoding="utf-8")
    url = f"https://{site}/2024/03/bridge"
    run = lambda *a: subprocess.run([CLI, *map(str, a)], capture_output=True, text=True)  # noqa: E731
    with_pack = run("clean", page, "--url", url, "--site-pack", "ftr", "-q")
    assert with_pack.returncode == 0, with_pack.stderr
    assert BOX not in with_pack.stdout and PARAGRAPHS[0] in with_pack.stdout
    assert BOX in run("clean", page, "--url", url, "-q").stdout
    bad = run("clean", page, "--site-pack", "nope")
    assert bad.returncode == 2 and "unknown site pack 'nope'" in bad.stderr
    out = tmp_path / "ftr.yaml"
    imported = run("import-ftr", REPO / "tests" / "data" / "ftr", "-o", out)
    assert imported.returncode == 0, imported.stderr
    assert "3 site files, 2 with rules, 9 rules" in imported.stderr
    assert "strip: not translated: XPath does not compile (libxml2): 1" in imported.stderr
    text = out.read_text(encoding="utf-8")
    assert "#   tidy: not translated: directive not supported: 2\n" in text
    # The file it writes is a rules file like any other.
    rules = run("rules", "--rules", out, "--json")
    assert rules.returncode == 0 and "ftr.valley.example.body.1" in rules.stdout
    assert run("import-ftr", tmp_path / "missing").returncode == 2
