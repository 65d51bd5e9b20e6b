"""The README's Python examples run, and every value a comment shows is what they give.

Each statement of the README's ```python blocks runs in turn, from the repository
root (the block opens the seed article itself). A statement whose comment is a
value is checked against it:

- a Python literal (``# ['News', 'Politics']``, ``# ''``): equal;
- a repr (``# [Caption(related=False, score=0.081822, ...), ...]``): the repr of
  the value matches, ``...`` standing for anything;
- ``# -> str``: the value's type.

Other comments are prose. The few names the block uses without defining them
(a page's bytes, a list of texts) are given here.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = (b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A story</title>'
        b'</head><body><nav><a href="/">Home</a></nav><article><h1>A story</h1>'
        b"<p>The council met on Tuesday and agreed the budget for the coming year.</p>"
        b"</article></body></html>")


def _python_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```$", text, re.S | re.M)


def _comments(source: str) -> dict[int, str]:
    """Line number -> the comment that ends that line."""
    out = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            out[tok.start[0]] = tok.string[1:].strip()
    return out


def _claim(comment: str):
    """What a comment says the value is: ("literal", v), ("repr", regex),
    ("type", name), or None for prose."""
    if comment.startswith("-> "):
        return ("type", comment[3:].split(",")[0].strip())
    try:
        return ("literal", ast.literal_eval(comment))
    except (ValueError, SyntaxError):
        pass
    if re.match(r"^\[?[A-Z]\w*\(", comment):
        parts = [re.escape(p) for p in comment.split("...")]
        return ("repr", re.compile(".*".join(parts), re.S))
    return None


def _checked_statements(source: str):
    """(statement, claim) for each top-level statement, claim None when none."""
    tree = ast.parse(source)
    comments = _comments(source)
    for stmt in tree.body:
        comment = comments.get(stmt.end_lineno, "")
        yield stmt, (_claim(comment) if isinstance(stmt, ast.Expr) else None), comment


def test_the_readme_has_a_python_example_with_checked_values():
    claims = [c for block in _python_blocks() for _, c, _ in _checked_statements(block) if c]
    assert len(claims) >= 6, claims


@pytest.mark.parametrize("index", range(len(_python_blocks())))
def test_readme_python_block_gives_what_its_comments_say(index, monkeypatch):
    monkeypatch.chdir(ROOT)
    source = _python_blocks()[index]
    namespace = {
        "__name__": "readme",
        "html_bytes": PAGE,
        "page_bytes": PAGE,
        "url": "https://www.example.com/a-story",
        "texts": [(ROOT / "seeds/001_53a9f95486086e6a.txt").read_text(encoding="utf-8")] * 3,
    }
    for stmt, claim, comment in _checked_statements(source):
        line = f"README python block {index + 1}, line {stmt.lineno}"
        if claim is None:
            exec(compile(ast.Module([stmt], []), line, "exec"), namespace)
            continue
        value = eval(compile(ast.Expression(stmt.value), line, "eval"), namespace)
        kind, want = claim
        if kind == "literal":
            assert value == want, f"{line}: {ast.unparse(stmt)} gives {value!r}, # {comment}"
        elif kind == "repr":
            assert want.fullmatch(repr(value)), (
                f"{line}: {ast.unparse(stmt)} gives {value!r}, # {comment}")
        else:
            assert type(value).__name__ == want, f"{line}: {type(value).__name__}, # {comment}"


def test_readme_result_is_the_seed_story(monkeypatch):
    """r.text's comment is prose ("the story"): it is the seed's expected output."""
    monkeypatch.chdir(ROOT)
    block = next(b for b in _python_blocks() if "r.text" in b)
    namespace = {"__name__": "readme", "html_bytes": PAGE, "page_bytes": PAGE, "url": "",
                 "texts": []}
    head = block[: block.index("r.text")]
    exec(compile(head, "README", "exec"), namespace)
    expected = (ROOT / "seeds/001_53a9f95486086e6a.expected.txt").read_text(encoding="utf-8")
    assert namespace["r"].text + "\n" == expected
