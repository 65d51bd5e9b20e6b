"""HTML through the Python API and the CLI: the same engine as text."""

import os
import subprocess
from pathlib import Path

import pytest

import newsclean

PARAS = [
    "The harbour authority said on Monday that the new ferry terminal would open in June, "
    "two years later than planned.",
    "Construction was delayed by a shortage of steel and by a dispute with the builder, "
    "which has since been settled.",
    "The terminal will handle up to four ferries an hour and has parking for 600 cars.",
]
PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='{charset}'>"
    "<title>Ferry terminal to open in June - Harbour Post</title>"
    "<meta property='og:site_name' content='Harbour Post'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article><h1>Ferry "
    "terminal to open in June</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) +
    "<figure><figcaption>The new ferry terminal under construction in the harbour."
    "</figcaption></figure>"
    "<div class='share-tools'>Share on Facebook</div></article></main>"
    "<footer>© 2024 Harbour Post</footer></body></html>"
)


def test_clean_html_and_auto_give_the_story():
    c = newsclean.Cleaner()
    html = PAGE.format(charset="utf-8")
    for r in (c.clean_html(html), c.clean(html), c.clean(html.encode(), format="html")):
        assert r.format == "html"
        assert r.text == "\n".join(PARAS)
        assert r.title == "Ferry terminal to open in June"
        assert r.site_name == "Harbour Post" and r.language == "en"
        assert [x.related for x in r.captions] == [True]
    assert c.clean(html, format="text").format == "text"
    with pytest.raises(ValueError, match="format"):
        c.clean(html, format="pdf")


def test_the_page_kind_comes_from_the_page():
    c = newsclean.Cleaner()
    html = PAGE.format(charset="utf-8")
    assert c.clean_html(html).kind == ""  # the page does not say
    said = html.replace("<head>", '<head><meta property="og:type" content="article">', 1)
    assert said != html
    r = c.clean_html(said)
    assert r.kind == "article" and r.to_dict()["kind"] == "article"
    assert c.clean("One line of text.").kind == ""


def test_bytes_in_another_charset():
    html = PAGE.format(charset="iso-8859-1").replace("600 cars", "600 cars \u00e0 la fois")
    r = newsclean.Cleaner().clean(html.encode("latin-1"))
    assert "600 cars à la fois" in r.text


def test_clean_many_html():
    html = PAGE.format(charset="utf-8")
    out = newsclean.Cleaner().clean_many([html, "A plain line of text."], workers=2)
    assert [r.format for r in out] == ["html", "text"]


def _cli():
    path = os.environ.get("NEWSCLEAN_CLI")
    if not path:
        pytest.skip("set NEWSCLEAN_CLI to the built binary")
    return path


def test_cli_cleans_html_files_in_any_charset(tmp_path: Path):
    cli = _cli()
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_bytes(PAGE.format(charset="windows-1252").replace(
        "600 cars", "600 caf\u00e9s").encode("cp1252"))
    (src / "b.txt").write_text("News / Local\n\nThe pier reopened on Saturday after repairs.\n")
    proc = subprocess.run([cli, "clean", str(src), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    a = (tmp_path / "out/a.txt").read_text()  # cleaned text is .txt
    assert a.splitlines()[:2] == PARAS[:2] and "600 cafés" in a
    assert (tmp_path / "out/b.txt").read_text() == "The pier reopened on Saturday after repairs.\n"


def test_cli_jsonl_field_with_html(tmp_path: Path):
    import json
    cli = _cli()
    f = tmp_path / "pages.jsonl"
    f.write_text(json.dumps({"html": PAGE.format(charset="utf-8"), "url": "https://h.example/1"}) + "\n")
    proc = subprocess.run([cli, "clean", str(f), "--text-field", "html", "--output-field", "text",
                           "--json"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["text"]["text"] == "\n".join(PARAS)
    assert rec["text"]["format"] == "html" and rec["text"]["site_name"] == "Harbour Post"



# A story wrapped in an element that never holds one (<aside>), between long
# lists of links: the HTML rules strip it, and the page's visible text, cleaned as
# whole-page text, gives it back (issue 12: never empty while the page has text).
def _links(word: str) -> str:
    return "<ul>" + "".join(f"<li><a href='/{word}{i}'>{word} section {i}</a></li>"
                            for i in range(20)) + "</ul>"


WRAPPED = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Ferry terminal</title></head>"
    "<body><header>" + _links("Topics") + "</header><main><aside>"
    + "".join(f"<p>{p}</p>" for p in PARAS) + "</aside></main><div>" + _links("Services")
    + "</div></body></html>"
)


def test_an_emptied_page_gives_its_visible_text_in_python_and_the_cli(tmp_path: Path):
    import json
    r = newsclean.Cleaner().clean_html(WRAPPED)
    assert all(p in r.text for p in PARAS) and "section" not in r.text
    assert r.input_kind == "page" and any("visible text" in w for w in r.warnings)
    cli = _cli()
    f = tmp_path / "page.html"
    f.write_text(WRAPPED)
    proc = subprocess.run([cli, "clean", str(f), "--json"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out.pop("source") == str(f)  # the CLI names the file it read
    assert out == r.to_dict()

# --- captions of images (issue 19) --------------------------------------------------------

TEASERS = (
    "<div class='more'>"
    "<div><a href='/news/2024/bake-off'><img src='1.jpg'><h3>Village bakers win the county "
    "prize</h3></a></div>"
    "<div><a href='/news/2024/ferry-fares'><img src='2.jpg'><h3>Ferry fares to rise in "
    "spring</h3></a></div></div>"
)
LEAD = "<img src='lead.jpg' alt='Cranes over the half-built ferry terminal in the harbour'>"


def captioned_page() -> str:
    page = PAGE.format(charset="utf-8")
    page = page.replace("<h1>Ferry terminal to open in June</h1>",
                        "<h1>Ferry terminal to open in June</h1>" + LEAD)
    return page.replace("<footer>", TEASERS + "<footer>")


def test_image_captions_carry_their_reason_and_pickle():
    import pickle

    r = newsclean.Cleaner().clean_html(captioned_page(),
                                       url="https://harbour.example/news/2024/ferry-terminal")
    by_text = {c.text: c for c in r.captions}
    lead = by_text["Cranes over the half-built ferry terminal in the harbour"]
    assert lead.rule == "image-alt" and lead.related and "ferry" in lead.shared
    for headline in ("Village bakers win the county prize", "Ferry fares to rise in spring"):
        teaser = by_text[headline]
        assert not teaser.related and teaser.links_elsewhere
        assert teaser.position in ("outside", "stripped")
        assert "links to another page" in teaser.reason
        assert headline not in r.text
    assert "Cranes over" not in r.text
    again = pickle.loads(pickle.dumps(r))
    assert again.captions[0].to_dict() == r.captions[0].to_dict()
    assert set(r.captions[0].to_dict()) >= {"position", "links_elsewhere", "shared", "credit_of",
                                            "reason"}


def test_keep_related_captions_keeps_exactly_the_related_ones_in_place():
    url = "https://harbour.example/news/2024/ferry-terminal"
    r = newsclean.Cleaner(keep_related_captions=True).clean_html(captioned_page(), url=url)
    lines = r.text.split("\n")
    assert lines[0] == "Cranes over the half-built ferry terminal in the harbour"
    assert lines[1] == PARAS[0]
    related = [c.text for c in r.captions if c.related]
    unrelated = [c.text for c in r.captions if not c.related]
    assert related and unrelated
    assert all(t in lines for t in related)
    assert not any(t in r.text for t in unrelated)
