"""Input decoding from Python: a str is text, bytes are decoded (issue 14, part 1);
and what the parser keeps (part 2).

The stories are tests/data/charsets/*.txt (made up; see the README there); the
pages are built and encoded here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean

DATA = Path(__file__).resolve().parents[1] / "data" / "charsets"
URL = "https://news.example.com/2024/budget"

# (charset as pages declare it, Python codec, Latin script)
CHARSETS = [
    ("windows-1251", "cp1251", False),
    ("gbk", "gbk", False),
    ("shift_jis", "shift_jis", False),
    ("euc-kr", "euc_kr", False),
    ("iso-8859-2", "iso8859_2", True),
    ("windows-1256", "cp1256", False),
]
IDS = [c[0] for c in CHARSETS]


def story(charset: str) -> tuple[str, list[str]]:
    title, *paragraphs = (DATA / f"{charset}.txt").read_text(encoding="utf-8").splitlines()
    return title, paragraphs


def page(charset: str, meta: str) -> str:
    title, paragraphs = story(charset)
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title></head>\n"
            f'<body><div class="article"><h1>{title}</h1>\n{body}\n</div></body></html>\n')


@pytest.fixture(scope="module")
def cleaner() -> newsclean.Cleaner:
    return newsclean.Cleaner()


def charset_warnings(result: newsclean.Result) -> list[str]:
    return [w for w in result.warnings if w.startswith(("charset:", "invalid UTF-8"))]


def assert_story(result: newsclean.Result, charset: str) -> None:
    for paragraph in story(charset)[1]:
        assert paragraph in result.text, (charset, result.text)


@pytest.mark.parametrize("charset,codec,latin", CHARSETS, ids=IDS)
def test_a_str_is_never_decoded_again_from_its_meta(cleaner, charset, codec, latin):
    # Scrapy's response.text of a page whose <meta> names its charset.
    text = page(charset, f'<meta charset="{charset}">')
    result = cleaner.clean(text, url=URL, format="html")
    assert_story(result, charset)
    assert charset_warnings(result) == []
    assert cleaner.clean(text, url=URL).text == result.text  # format="auto" too


@pytest.mark.parametrize("charset,codec,latin", CHARSETS, ids=IDS)
def test_declared_bytes_are_read_in_their_charset(cleaner, charset, codec, latin):
    data = page(charset, f'<meta charset="{charset}">').encode(codec)
    result = cleaner.clean(data, url=URL, format="html")
    assert_story(result, charset)
    assert charset_warnings(result) == []


@pytest.mark.parametrize("charset,codec,latin", CHARSETS, ids=IDS)
def test_undeclared_bytes_are_detected_and_the_guess_named(cleaner, charset, codec, latin):
    result = cleaner.clean(page(charset, "").encode(codec), url=URL, format="html")
    assert_story(result, charset)
    [warning] = charset_warnings(result)
    assert warning.startswith("charset: not declared; detected "), warning


@pytest.mark.parametrize("charset,codec,latin", CHARSETS, ids=IDS)
def test_wrongly_declared_bytes_are_detected_and_the_override_named(
    cleaner, charset, codec, latin
):
    result = cleaner.clean(page(charset, '<meta charset="utf-8">').encode(codec), url=URL)
    assert_story(result, charset)
    [warning] = charset_warnings(result)
    assert warning.startswith("charset: declared utf-8 does not fit the bytes; detected ")
    if latin:
        return  # a Latin-1 declaration over Latin-2 bytes: no detector can tell
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    result = cleaner.clean(page(charset, meta).encode(codec), url=URL)
    assert_story(result, charset)
    [warning] = charset_warnings(result)
    assert warning.startswith("charset: declared iso-8859-1") and "detected" in warning


def test_encoding_names_the_charset_of_bytes(cleaner):
    data = page("windows-1251", "").encode("cp1251")
    result = cleaner.clean(data, url=URL, encoding="windows-1251")
    assert_story(result, "windows-1251")
    assert charset_warnings(result) == []
    # Bytes that do not fit the given charset are detected, and that is said.
    wrong = cleaner.clean(page("gbk", "").encode("gbk"), url=URL, encoding="shift_jis")
    assert_story(wrong, "gbk")
    [warning] = charset_warnings(wrong)
    assert warning.startswith("charset: given shift_jis does not fit the bytes; detected ")
    # A str is text: its encoding is not asked.
    text = page("gbk", '<meta charset="gbk">')
    assert cleaner.clean_html(text, URL, encoding="koi8-r").text == cleaner.clean_html(text).text


def test_clean_many_takes_str_and_bytes_together(cleaner):
    text = page("euc-kr", '<meta charset="euc-kr">')
    results = cleaner.clean_many([text, text.encode("euc_kr")], workers=2, format="html")
    for r in results:
        assert_story(r, "euc-kr")
        assert charset_warnings(r) == []


def test_parser_keeps_deep_and_huge_pages_and_drops_doctype_subsets(cleaner):
    deep = ("<html><body><p>The council met on Tuesday to agree the budget for next year.</p>"
            + "<font size=2>" * 3000
            + "<p>The mayor said the new budget would buy forty buses this year.</p></body></html>")
    assert "forty buses" in cleaner.clean(deep, format="html").text
    subset = ('<!DOCTYPE html [<!ENTITY x "y"><!ENTITY z SYSTEM "file:///etc/passwd">]>'
              "<html><body><p>The council met on Tuesday to agree the budget.</p></body></html>")
    result = cleaner.clean(subset, format="html")
    assert "ENTITY" not in result.text and "council met" in result.text


def test_cli_jsonl_html_field_is_decoded_text(tmp_path):
    """A JSON string is text: the CLI does not decode it again from its <meta> either."""
    import json
    import os
    import subprocess

    cli = os.environ.get("NEWSCLEAN_CLI")
    if not cli:
        pytest.skip("set NEWSCLEAN_CLI to the built binary")
    src = tmp_path / "pages.jsonl"
    src.write_text(json.dumps({"html": page("gbk", '<meta charset="gbk">')}) + "\n",
                   encoding="utf-8")
    proc = subprocess.run([cli, "clean", str(src), "--text-field", "html", "--format", "html",
                           "-o", str(tmp_path / "out.jsonl")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    [record] = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    for paragraph in story("gbk")[1]:
        assert paragraph in record["html"]  # the cleaned text replaces the field
