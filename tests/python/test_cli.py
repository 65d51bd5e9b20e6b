"""End-to-end tests of the `newsclean` command line (cleaner/cli/).

The binary is $NEWSCLEAN_CLI, else `newsclean` on PATH; without either the
tests are skipped. What the library removes is the library's business: where a
test needs a removal it brings its own rule (pattern ^ZZZ-BOILERPLATE), so
these tests check the CLI's flags and I/O, not the built-in rules.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "001_53a9f95486086e6a.txt"
SEED_EXPECTED = REPO / "seeds" / "001_53a9f95486086e6a.expected.txt"


def _find_cli() -> str | None:
    path = os.environ.get("NEWSCLEAN_CLI")
    if path:  # absolute: some tests run the CLI from another directory
        return os.path.abspath(path) if os.sep in path else shutil.which(path)
    return shutil.which("newsclean")


CLI = _find_cli()

pytestmark = pytest.mark.skipif(
    CLI is None,
    reason="newsclean CLI not found: set NEWSCLEAN_CLI to the built binary "
    "(e.g. build/cleaner/newsclean) or put `newsclean` on PATH",
)

STORY_A = (
    "The city council voted on Tuesday to extend the night bus service to the "
    "northern suburbs.\n"
    "Councillors said the change would cost about two million a year and start "
    "in the spring.\n"
)
STORY_B = (
    "Farmers in the valley reported the earliest harvest in a decade after a "
    "warm and dry summer.\n"
)
MARKER = "ZZZ-BOILERPLATE subscribe to nothing"

RULES = """\
rules:
  - id: test-marker
    category: testjunk
    where: anywhere
    unit: line
    pattern: "^ZZZ-BOILERPLATE"
    action: drop
"""

SUMMARY = re.compile(r"newsclean: (\d+) documents in, (\d+) cleaned, (\d+) failed")


@pytest.fixture(scope="module", autouse=True)
def _cli_runs():
    """One clear failure when the binary found cannot even say its version
    (e.g. a `newsclean` on PATH from a package built without the tool)."""
    try:
        proc = subprocess.run([CLI, "--version"], capture_output=True, timeout=60)
    except OSError as e:
        pytest.fail(f"cannot run {CLI}: {e}", pytrace=False)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", errors="replace").strip()
        pytest.fail(f"{CLI} --version exited {proc.returncode}: {err}", pytrace=False)


def run(*args: object, stdin: bytes | None = None, cwd: Path | None = None):
    """Runs the CLI; returns CompletedProcess with text stdout / stderr."""
    proc = subprocess.run(
        [CLI, *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8", errors="replace")
    return proc


def summary(stderr: str) -> tuple[int, int, int]:
    m = SUMMARY.search(stderr)
    assert m, f"no summary line in stderr:\n{stderr}"
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


@pytest.fixture
def rules_file(tmp_path: Path) -> Path:
    path = tmp_path / "test-rules.yaml"
    path.write_text(RULES, encoding="utf-8")
    return path


# --- flags and exit codes ---------------------------------------------------


def test_version():
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("newsclean ")


def test_help_exits_zero():
    assert run("--help").returncode == 0
    proc = run("clean", "--help")
    assert proc.returncode == 0
    assert "--output-field" in proc.stdout


@pytest.mark.parametrize(
    "args",
    [
        [],  # no subcommand
        ["frobnicate"],
        ["clean", "--no-such-flag"],
        ["clean", "-j", "many"],
        ["clean", "--input-format", "xml"],
    ],
)
def test_usage_errors_exit_two(args):
    proc = run(*args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip()


# --- folders, text files, failures ------------------------------------------


def test_folder_with_one_odd_file(tmp_path: Path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(STORY_A, encoding="utf-8")
    (src / "sub" / "b.md").write_text(STORY_B, encoding="utf-8")
    # Invalid UTF-8 is repaired, as the library repairs it, with its warning.
    (src / "sub" / "odd.txt").write_bytes(
        b"A fine first line.\nAnother fine line.\nHere \xff is not UTF-8.\n"
    )
    (src / ".hidden.txt").write_text(STORY_B, encoding="utf-8")
    (src / ".git").mkdir()
    (src / ".git" / "config").write_text(STORY_B, encoding="utf-8")
    out = tmp_path / "out"

    proc = run("clean", src, "-o", out)

    odd = str(src / "sub" / "odd.txt")
    assert f"{odd}: warning: invalid UTF-8" in proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert summary(proc.stderr) == (3, 3, 0)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["a.txt", "sub/b.txt", "sub/odd.txt"]  # cleaned text is .txt
    assert (out / "a.txt").read_text(encoding="utf-8") == STORY_A
    assert (out / "sub" / "b.txt").read_text(encoding="utf-8") == STORY_B
    assert "Here \ufffd is not UTF-8." in (out / "sub" / "odd.txt").read_text(encoding="utf-8")


def test_nul_byte_is_repaired_and_missing_file_fails_and_run_goes_on(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(STORY_A, encoding="utf-8")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"line one\nline\x00two\n")
    missing = tmp_path / "missing.txt"

    proc = run("clean", nul, missing, good)

    assert proc.returncode == 1
    assert f"{nul}: warning: control characters: 1 dropped" in proc.stderr
    assert f"{missing}: error: cannot read" in proc.stderr
    assert proc.stdout == "line one\nlinetwo\n\n" + STORY_A  # an empty line between
    assert summary(proc.stderr) == (3, 2, 1)


def test_text_inputs_to_stdout_are_separated_by_an_empty_line(tmp_path: Path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(STORY_A, encoding="utf-8")
    b.write_text(STORY_B + "\n\n", encoding="utf-8")
    proc = run("clean", b, a)
    assert proc.returncode == 0, proc.stderr
    # Each paragraph ends in "\n" and a cleaned text has no empty line, so an
    # empty line parts the documents (awk's paragraph mode reads one a record).
    assert proc.stdout == STORY_B + "\n" + STORY_A
    assert summary(proc.stderr) == (2, 2, 0)
    records = subprocess.run(["awk", "BEGIN { RS = \"\" } END { print NR }"],
                             input=proc.stdout, capture_output=True, text=True, check=True)
    assert records.stdout.strip() == "2"


def test_quiet_has_no_summary(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text(STORY_A, encoding="utf-8")
    proc = run("clean", "-q", a)
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert proc.stdout == STORY_A


def test_single_file_to_output_file(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text(STORY_A, encoding="utf-8")
    out = tmp_path / "deep" / "er" / "clean.txt"
    proc = run("clean", a, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8") == STORY_A
    # Written atomically: no temporary file is left beside it.
    assert [p.name for p in out.parent.iterdir()] == ["clean.txt"]


# --- stdin -------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["-"]])
def test_stdin_text(args):
    proc = run("clean", *args, stdin=STORY_A.encode())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == STORY_A


def test_stdin_jsonl():
    records = [{"text": STORY_A}, {"text": STORY_B, "url": "https://example.com/x"}]
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    proc = run("clean", "--input-format", "jsonl", "-", stdin=data)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["text"] for r in out] == [STORY_A.rstrip("\n"), STORY_B.rstrip("\n")]
    assert out[1]["url"] == "https://example.com/x"


def test_stdin_is_repaired_like_a_file():
    proc = run("clean", stdin=b"The vote was \xc3\x28 close.\n")
    assert proc.returncode == 0
    assert "<stdin>: warning: invalid UTF-8" in proc.stderr
    assert proc.stdout == "The vote was \ufffd( close.\n"


# --- JSONL -------------------------------------------------------------------


def test_jsonl_fields_and_bad_records(tmp_path: Path, rules_file: Path):
    src = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": 1, "body": MARKER + "\n" + STORY_A, "link": "https://a.example/1", "n": 2.5}),
        "",  # blank lines are skipped, not counted
        "[1, 2, 3]",
        json.dumps({"id": 3, "text": "the wrong field"}),
        json.dumps({"id": 4, "body": 42}),
        '{"id": 5, "body": "unterminated',
        json.dumps({"id": 6, "body": STORY_B, "zeta": {"nested": [1, None, True]}}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "clean.jsonl"

    proc = run("clean", src, "-o", out, "--rules", rules_file,
               "--text-field", "body", "--url-field", "link", "--output-field", "clean")

    assert proc.returncode == 1
    assert f"{src}:3: error: not a JSON object" in proc.stderr
    assert f'{src}:4: error: no field "body"' in proc.stderr
    assert f'{src}:5: error: field "body" is a number' in proc.stderr
    assert f"{src}:6: error: not valid JSON" in proc.stderr
    assert summary(proc.stderr) == (6, 2, 4)

    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [1, 6]
    first, second = records
    # The text field is left alone, the result goes to --output-field, the
    # other fields are kept, in their order.
    assert list(first) == ["id", "body", "link", "n", "clean"]
    assert first["body"].startswith(MARKER)
    assert first["clean"] == STORY_A.rstrip("\n")
    assert first["n"] == 2.5
    assert second["zeta"] == {"nested": [1, None, True]}
    assert second["clean"] == STORY_B.rstrip("\n")


def test_jsonl_default_replaces_text_in_place(tmp_path: Path, rules_file: Path):
    src = tmp_path / "docs.ndjson"
    src.write_text(json.dumps({"text": MARKER + "\n" + STORY_B, "k": "v"}) + "\n", encoding="utf-8")
    proc = run("clean", "--rules", rules_file, src)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"text": STORY_B.rstrip("\n"), "k": "v"}


def test_jsonl_in_folder_is_written_as_jsonl(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text(json.dumps({"text": STORY_A}) + "\n", encoding="utf-8")
    (src / "b.txt").write_text(STORY_B, encoding="utf-8")
    out = tmp_path / "out"
    proc = run("clean", src, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((out / "a.jsonl").read_text(encoding="utf-8")) == {"text": STORY_A.rstrip("\n")}
    assert (out / "b.txt").read_text(encoding="utf-8") == STORY_B


# --- --json and --explain ----------------------------------------------------

RESULT_KEYS = {"source", "text", "title", "section", "captions", "removed", "stats", "warnings"}


def check_result_shape(obj: dict) -> None:
    assert RESULT_KEYS <= set(obj), obj.keys()
    assert isinstance(obj["text"], str)
    assert isinstance(obj["title"], str)
    assert all(isinstance(s, str) for s in obj["section"])
    for c in obj["captions"]:
        assert set(c) == {"text", "score", "related", "index", "rule", "position",
                          "links_elsewhere", "shared", "credit_of", "reason"}
        assert 0 <= c["score"] <= 1 and isinstance(c["related"], bool)
        assert c["position"] in ("story", "outside", "stripped") and c["reason"]
        assert all(isinstance(w, str) for w in c["shared"]) and c["credit_of"] >= -1
    for r in obj["removed"]:
        assert set(r) == {"index", "text", "rule", "category", "stage", "path", "words"}
    assert set(obj["stats"]) == {"blocks", "kept", "removed", "bytes_in", "bytes_out",
                                 "removed_by_category"}
    assert all(isinstance(w, str) for w in obj["warnings"])


def test_json_output_for_text(tmp_path: Path, rules_file: Path):
    a = tmp_path / "a.txt"
    a.write_text(MARKER + "\n" + STORY_A, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(STORY_B, encoding="utf-8")
    proc = run("clean", "--json", "--rules", rules_file, a, b)
    assert proc.returncode == 0, proc.stderr
    objs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(objs) == 2
    for obj in objs:
        check_result_shape(obj)
        assert "line" not in obj
    assert [o["source"] for o in objs] == [str(a), str(b)]
    first = objs[0]
    assert first["text"] == STORY_A.rstrip("\n")
    assert {"index": 0, "text": MARKER, "rule": "test-marker", "category": "testjunk",
            "stage": "text", "path": "", "words": 4} in first["removed"]
    assert first["stats"]["blocks"] == 3 and first["stats"]["removed"] >= 1


@pytest.mark.skipif(not SEED.exists(), reason="seed article missing")
def test_json_output_for_seed_has_captions():
    proc = run("clean", "--json", SEED)
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    check_result_shape(obj)
    assert obj["captions"], "the seed article has two captions"


def test_json_output_is_to_dict(tmp_path: Path):
    # One serialiser: the CLI's object is Result.to_dict() after "source", every
    # key present, for text and for HTML (whose metadata the page may not give).
    newsclean = pytest.importorskip("newsclean")
    html = tmp_path / "page.html"
    html.write_text("<html><head><title>Bridge closed</title></head><body><article><p>"
                    + STORY_A.replace("\n", "</p><p>") + "</p></article></body></html>",
                    encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text(STORY_B, encoding="utf-8")
    for path, fmt in ((html, "html"), (text, "text")):
        proc = run("clean", "--json", path)
        assert proc.returncode == 0, proc.stderr
        obj = json.loads(proc.stdout)
        assert obj.pop("source") == str(path)
        expected = newsclean.Cleaner().clean(path.read_text(encoding="utf-8"), format=fmt).to_dict()
        assert obj == expected
        assert list(obj) == list(expected)
        assert obj["author"] == "" and obj["canonical_url"] == ""


@pytest.mark.skipif(not SEED.exists(), reason="seed article missing")
def test_seed_article_and_keep_related_captions():
    proc = run("clean", SEED)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split("\n")
    assert lines[-1] == ""  # every paragraph ends in a newline
    assert len(lines) - 1 == 16
    assert lines[0].startswith("The British government")
    assert lines[-2].endswith("its own hacking operations.")
    if SEED_EXPECTED.exists():  # byte for byte
        assert proc.stdout == SEED_EXPECTED.read_text(encoding="utf-8")
    related = json.loads(run("clean", "--json", SEED).stdout)["captions"]
    related = [c["text"] for c in related if c["related"]]
    assert related
    kept = run("clean", "--keep-related-captions", SEED).stdout.splitlines()
    assert all(c in kept for c in related)
    assert not any(c in lines for c in related)


def test_json_output_for_jsonl_goes_in_the_output_field(tmp_path: Path):
    src = tmp_path / "d.jsonl"
    src.write_text("\n" + json.dumps({"id": 7, "text": STORY_A}) + "\n", encoding="utf-8")
    proc = run("clean", "--json", "--output-field", "result", src)
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["id"] == 7 and rec["text"] == STORY_A  # input text untouched
    check_result_shape(rec["result"])
    assert rec["result"]["source"] == str(src)
    assert rec["result"]["line"] == 2


def test_explain(tmp_path: Path, rules_file: Path):
    a = tmp_path / "a.txt"
    a.write_text(STORY_B + MARKER + "\n", encoding="utf-8")
    j = tmp_path / "b.jsonl"
    j.write_text(json.dumps({"text": MARKER + "\n" + STORY_A}) + "\n", encoding="utf-8")
    proc = run("clean", "--explain", "--rules", rules_file, a, j)
    assert proc.returncode == 0, proc.stderr
    assert f"{a}: removed block 1 [test-marker/testjunk]: {MARKER}\n" in proc.stderr
    assert f"{j}:1: removed block 0 [test-marker/testjunk]: {MARKER}\n" in proc.stderr
    assert MARKER not in proc.stdout


# --- rules -------------------------------------------------------------------


def test_rules_file_with_typo_key(tmp_path: Path):
    bad = tmp_path / "typo.yaml"
    bad.write_text(
        "rules:\n"
        "  - id: my-footer\n"
        "    category: footer\n"
        "    where: tail\n"
        "    unit: line\n"
        '    patern: "^Read more at"\n'
        "    action: drop\n",
        encoding="utf-8",
    )
    a = tmp_path / "a.txt"
    a.write_text(STORY_A, encoding="utf-8")
    out = tmp_path / "out.txt"
    proc = run("clean", "--rules", bad, a, "-o", out)
    assert proc.returncode == 2
    assert re.search(re.escape(str(bad)) + r":6:\d+:", proc.stderr), proc.stderr
    assert "my-footer" in proc.stderr and "patern" in proc.stderr
    assert not out.exists()


def test_rules_file_with_invalid_regex(tmp_path: Path):
    bad = tmp_path / "regex.yaml"
    bad.write_text(
        "rules:\n"
        "  - id: my-caption\n"
        "    category: caption\n"
        "    where: anywhere\n"
        "    unit: line\n"
        '    pattern: "^Photo: (unclosed"\n'
        "    action: drop\n",
        encoding="utf-8",
    )
    for cmd in (["clean", "-"], ["rules"]):
        proc = run(*cmd, "--rules", bad, stdin=STORY_A.encode())
        assert proc.returncode == 2
        assert re.search(re.escape(str(bad)) + r":6:\d+:", proc.stderr), proc.stderr
        assert "my-caption" in proc.stderr
        assert proc.stdout == ""


def test_unreadable_rules_file_and_unknown_disable(tmp_path: Path):
    proc = run("clean", "--rules", tmp_path / "nope.yaml", stdin=STORY_A.encode())
    assert proc.returncode == 2 and "nope.yaml" in proc.stderr
    proc = run("clean", "--disable", "no-such-rule-id", stdin=STORY_A.encode())
    assert proc.returncode == 2 and "no-such-rule-id" in proc.stderr


def test_rules_listing(tmp_path: Path, rules_file: Path):
    proc = run("rules", "--rules", rules_file)
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in proc.stdout.splitlines()]
    assert rows and all(len(r) == 6 for r in rows)
    assert [str(rules_file) + ":2"] == [r[4] for r in rows if r[0] == "test-marker"]
    # The last column is the description (one line), empty when the file gives none.
    assert [""] == [r[5] for r in rows if r[0] == "test-marker"]
    described = {r[0]: r[5] for r in rows}
    assert described["breadcrumb-trail"].startswith("A short line of 2-6 short segments")
    assert ["test-marker", "testjunk", "drop", "anywhere"] in [r[:4] for r in rows]
    # --disable and --no-default-rules change the listing.
    builtin = rows[0][0]
    proc = run("rules", "--disable", builtin)
    assert builtin not in [line.split("\t")[0] for line in proc.stdout.splitlines()]
    proc = run("rules", "--no-default-rules", "--rules", rules_file)
    assert [line.split("\t")[0] for line in proc.stdout.splitlines()] == ["test-marker"]


def test_rules_json(rules_file: Path):
    proc = run("rules", "--json", "--rules", rules_file)
    assert proc.returncode == 0, proc.stderr
    rules = json.loads(proc.stdout)
    assert isinstance(rules, list) and len(rules) > 10
    assert all(list(r) == ["id", "category", "action", "where", "description", "origin"]
               for r in rules)
    mine = [r for r in rules if r["id"] == "test-marker"]
    assert mine == [{"id": "test-marker", "category": "testjunk", "action": "drop",
                     "where": "anywhere", "description": "",
                     "origin": str(rules_file) + ":2"}]
    tail = [r for r in rules if r["id"] == "footer-alternate-addresses"][0]
    assert (tail["action"], tail["where"]) == ("drop_rest", "tail")
    assert "alternate" in tail["description"]
    # The same rules, in the same order, as the table.
    table = run("rules", "--rules", rules_file).stdout.splitlines()
    assert [r["id"] for r in rules] == [line.split("\t")[0] for line in table]


RULES_WITH_EXAMPLES = """\
rules:
  - id: follow-line
    category: share
    description: Follow prompts.
    pattern: '^Follow us on'
    max_words: 6
    examples:
      hit: ['Follow us on Mastodon', 'Follow us on the radio and on the web every day']
      miss: ['We follow the river.']
  - id: promo-box
    category: advert
    strip_id_or_class: [promo]
    examples:
      miss: ['<div><p>The council met on Tuesday to discuss a footbridge over the river, and most members spoke for it.</p><div class="promo">Buy now</div></div>']
  - id: untested
    category: share
    pattern: 'zzz'
"""


def test_rules_test_reports_each_broken_example(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(RULES_WITH_EXAMPLES, encoding="utf-8")
    proc = run("rules", "--test", path)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[:2] == [
        f'{path}:8:38: follow-line: hit example 2: '
        '"Follow us on the radio and on the web every day" is not matched by the rule',
        f'{path}:14:14: promo-box: miss example 1: "<div><p>The council met on Tuesday to '
        'discuss a footbridge over the river, and most members spoke for it.</p>'
        '<div class=\\"promo\\">Buy now</div></div>" is matched by the rule',
    ]
    assert lines[2:] == [f"{path}: 2 of 4 examples pass (3 rules, 1 without examples)"]
    # Mended, the file passes: exit 0 and the summary alone.
    path.write_text(RULES_WITH_EXAMPLES.replace(", 'Follow us on the radio and on the web every day'", "")
                    .replace("      miss: ['<div>", "      hit: ['<div>"), encoding="utf-8")
    proc = run("rules", "--test", path)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.splitlines() == [f"{path}: 3 of 3 examples pass (3 rules, 1 without examples)"]


def test_rules_test_on_a_file_that_does_not_load(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("rules:\n  - id: r\n    category: x\n    pattern: '(open'\n", encoding="utf-8")
    proc = run("rules", "--test", path)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"{path}:4:14: rule 'r': invalid pattern")
    proc = run("rules", "--test", tmp_path / "missing.yaml")
    assert proc.returncode == 2 and "cannot read rules file" in proc.stderr
    proc = run("rules", "--test", path, "--json")
    assert proc.returncode == 2  # --test takes no listing flags


def test_rules_test_passes_on_the_built_in_rules():
    proc = run("rules", "--test", REPO / "rules.yaml")
    assert proc.returncode == 0, proc.stdout
    m = re.fullmatch(r".*rules\.yaml: (\d+) of (\d+) examples pass \((\d+) rules, 0 without examples\)\n",
                     proc.stdout)
    assert m and m.group(1) == m.group(2) and int(m.group(2)) >= 2 * int(m.group(3))


# --- never over an input -----------------------------------------------------


def test_output_equal_to_input_is_refused(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text(STORY_A + "Follow us on Twitter\n", encoding="utf-8")
    before = a.read_bytes()

    proc = run("clean", a, "-o", a)
    assert proc.returncode == 2 and "refusing" in proc.stderr

    os.symlink(a, tmp_path / "link.txt")
    proc = run("clean", a, "-o", tmp_path / "link.txt")
    assert proc.returncode == 2

    with a.open("rb") as stdin:  # `newsclean clean - -o a.txt < a.txt`
        proc = subprocess.run([CLI, "clean", "-", "-o", str(a)], stdin=stdin,
                              capture_output=True, timeout=60)
    assert proc.returncode == 2

    proc = run("clean", tmp_path, "-o", tmp_path)  # folder onto itself
    assert proc.returncode == 2
    assert a.read_bytes() == before


def test_several_inputs_need_an_output_folder(tmp_path: Path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(STORY_A, encoding="utf-8")
    b.write_text(STORY_B, encoding="utf-8")
    existing = tmp_path / "existing.txt"
    existing.write_text("keep me\n", encoding="utf-8")
    proc = run("clean", a, b, "-o", existing)
    assert proc.returncode == 2
    assert existing.read_text(encoding="utf-8") == "keep me\n"
    # A new path becomes a folder.
    proc = run("clean", a, b, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == STORY_A
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == STORY_B


def test_output_folder_inside_input_folder_is_not_read_back(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STORY_A, encoding="utf-8")
    out = src / "clean"
    for _ in range(2):
        proc = run("clean", src, "-o", out)
        assert proc.returncode == 0, proc.stderr
        assert summary(proc.stderr) == (1, 1, 0)
    assert sorted(p.name for p in out.iterdir()) == ["a.txt"]


# --- progress ----------------------------------------------------------------


def test_progress_line_only_on_a_terminal(tmp_path: Path):
    pty = pytest.importorskip("pty")
    a = tmp_path / "a.txt"
    a.write_text(STORY_A, encoding="utf-8")
    assert "\r" not in run("clean", a).stderr  # stderr is a pipe here

    master, slave = pty.openpty()
    try:
        proc = subprocess.run([CLI, "clean", str(a)], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=slave, timeout=60)
    finally:
        os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO once the terminal is drained
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.returncode == 0
    assert proc.stdout.decode() == STORY_A
    # Redrawn in place: count of the known total, then the rate.
    assert re.search(rb"\r\x1b\[Knewsclean: 1 of 1 documents, [0-9.]+/s", seen), seen
    assert b"newsclean: 1 documents in, 1 cleaned, 0 failed" in seen


# --- threads -----------------------------------------------------------------


def test_jobs_do_not_change_the_output(tmp_path: Path, rules_file: Path):
    paragraphs = [STORY_A.strip(), STORY_B.strip(), MARKER, "News / World",
                  "Follow us on Twitter", "Short."]
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(1300):  # more than two chunks
            body = "\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(1 + i % 5))
            f.write(json.dumps({"id": i, "text": f"Document {i} says hello.\n{body}"}) + "\n")
    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:03d}.txt").write_text(f"Text {i} here.\n" + STORY_A * (i % 3), encoding="utf-8")

    outputs = {}
    for jobs in ("1", "2", "4"):
        proc = run("clean", "-j", jobs, "--rules", rules_file, "--json", src, folder)
        assert proc.returncode == 0, proc.stderr
        outputs[jobs] = proc.stdout
    assert outputs["1"] == outputs["2"] == outputs["4"]
    lines = outputs["1"].splitlines()
    assert len(lines) == 1300 + 40
    assert [json.loads(line)["id"] for line in lines[:1300]] == list(range(1300))
    assert [json.loads(line)["source"] for line in lines[1300:]] == [
        str(folder / f"{i:03d}.txt") for i in range(40)
    ]


# --- habits ------------------------------------------------------------------


@pytest.mark.parametrize("typed, hint", [("clen", "did you mean 'clean'?"),
                                         ("rule", "did you mean 'rules'?"),
                                         ("xyzzy", "")])
def test_mistyped_subcommand_gets_a_suggestion(typed: str, hint: str):
    proc = run(typed, "a.txt")
    assert proc.returncode == 2
    assert f"'{typed}' is not a command" in proc.stderr
    assert ("did you mean" in proc.stderr) == bool(hint)
    if hint:
        assert hint in proc.stderr


def test_summary_gives_elapsed_time_and_removals_by_category(tmp_path: Path,
                                                             rules_file: Path):
    a = tmp_path / "a.txt"
    a.write_text(STORY_B + MARKER + "\n" + MARKER + " again\n", encoding="utf-8")
    proc = run("clean", "--rules", rules_file, a)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"0 failed in [0-9.]+ s \([0-9.]+ documents/s\)", proc.stderr), proc.stderr
    assert "newsclean: removed by category: testjunk 2" in proc.stderr
    assert run("clean", "-q", "--rules", rules_file, a).stderr == ""


def test_outputs_under_a_folder_are_named_for_what_they_hold(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.html").write_text(
        "<html><body><article><p>" + STORY_A.replace("\n", " ") + "</p></article></body></html>",
        encoding="utf-8")
    (src / "notes").write_text(STORY_B, encoding="utf-8")
    proc = run("clean", src, "-o", tmp_path / "text")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "text").iterdir()) == ["notes.txt", "page.txt"]
    proc = run("clean", "--json", src, "-o", tmp_path / "json")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "json").iterdir()) == ["notes.json", "page.json"]
    assert json.loads((tmp_path / "json" / "notes.json").read_text())["text"] == STORY_B.rstrip("\n")


@pytest.mark.parametrize("flags, name, said", [
    ((), "out.html", "the output is cleaned text, not HTML"),
    ((), "out.jsonl", "the output is cleaned text, not JSON"),
    (("--json",), "out.txt", "the output is JSON (--json); name it .json"),
])
def test_output_file_named_for_other_content_is_refused(tmp_path: Path, flags, name, said):
    a = tmp_path / "a.txt"
    a.write_text(STORY_A, encoding="utf-8")
    proc = run("clean", *flags, a, "-o", tmp_path / name)
    assert proc.returncode == 2
    assert said in proc.stderr
    assert not (tmp_path / name).exists()


def test_jsonl_input_into_a_text_file_is_refused(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": STORY_A}) + "\n", encoding="utf-8")
    proc = run("clean", src, "-o", tmp_path / "out.txt")
    assert proc.returncode == 2
    assert "the output is JSON lines (JSONL input); name it .jsonl" in proc.stderr


def test_caption_threshold_decides_which_captions_are_related():
    def related(*flags: str) -> list[bool]:
        proc = run("clean", "--json", *flags, SEED)
        assert proc.returncode == 0, proc.stderr
        return [c["related"] for c in json.loads(proc.stdout)["captions"]]
    default = related()
    assert default, "the seed article has captions"
    assert related("--caption-threshold", "0") == [True] * len(default)
    assert related("--caption-threshold", "1") == [c["score"] >= 1 for c in json.loads(
        run("clean", "--json", SEED).stdout)["captions"]]
    proc = run("clean", "--caption-threshold", "1.5", SEED)
    assert proc.returncode == 2 and "--caption-threshold" in proc.stderr


def test_broken_pipe_ends_quietly(tmp_path: Path):
    big = tmp_path / "big.jsonl"
    line = json.dumps({"text": STORY_A}) + "\n"
    big.write_text(line * 20000, encoding="utf-8")
    proc = subprocess.run(f"'{CLI}' clean '{big}' | head -n 1", shell=True,
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout.count("\n") == 1
    assert proc.stderr == ""


ARTICLE_HTML = (
    "<html><head><title>Bridge</title></head><body><article><p>" + STORY_A.replace("\n", " ")
    + "</p><h2>What it cost</h2><p>" + STORY_B.replace("\n", " ") + "</p><ul><li>First span "
    "lifted in May</li><li>Second span lifted in June</li></ul></article></body></html>"
)


def test_output_format_markdown(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    proc = run("clean", "--output-format", "markdown", page)
    assert proc.returncode == 0, proc.stderr
    assert "\n\n## What it cost\n\n" in proc.stdout
    assert "- First span lifted in May\n- Second span lifted in June" in proc.stdout
    # Markdown has empty lines of its own: several documents go to a folder.
    proc = run("clean", "--output-format", "markdown", page, page)
    assert proc.returncode == 2 and "use -o FOLDER" in proc.stderr
    proc = run("clean", "--output-format", "markdown", tmp_path, "-o", tmp_path / "md")
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in (tmp_path / "md").iterdir()] == ["page.md"]
    assert run("clean", "--output-format", "json", page).stdout.startswith('{"source":')
    proc = run("clean", "--json", "--output-format", "markdown", page)
    assert proc.returncode == 2 and "choose one" in proc.stderr
