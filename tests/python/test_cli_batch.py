"""Batch runs of the `newsclean` CLI that must never lose a record (issue 14):
hostile records, the errors file, kill -9 and --resume, gzip, --files-from,
and the CLI reading documents exactly as the library does.

The binary is $NEWSCLEAN_CLI, else `newsclean` on PATH (as in test_cli.py).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from test_cli import CLI, STORY_A, STORY_B, run, summary

pytestmark = pytest.mark.skipif(CLI is None, reason="newsclean CLI not found")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- hostile records ------------------------------------------------------------


def test_deep_nesting_in_another_field_is_kept_verbatim(tmp_path: Path):
    deep = "[" * 100_000 + "]" * 100_000
    deep_object = '{"a":' * 50_000 + "1" + "}" * 50_000
    src = tmp_path / "deep.jsonl"
    src.write_text(
        f'{{"id": 1, "meta": {deep}, "text": {json.dumps(STORY_A)}}}\n'
        f'{{"id": 2, "more": {deep_object}, "text": {json.dumps(STORY_B)}, "n": 1e3}}\n'
        f'{{"id": 3, "text": {deep}}}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    proc = run("clean", src, "-o", out)
    assert proc.returncode == 1, proc.stderr  # record 3 has no string to clean
    assert f'{src}:3: error: field "text" is an array, not a string' in proc.stderr
    assert summary(proc.stderr) == (3, 2, 1)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    # Untouched fields are the bytes they were; the text field is replaced.
    assert lines[0] == f'{{"id":1,"meta":{deep},"text":{json.dumps(STORY_A.rstrip(), ensure_ascii=False)}}}'
    assert lines[1].startswith(f'{{"id":2,"more":{deep_object},"text":')
    assert lines[1].endswith(',"n":1e3}')


def test_output_field_is_added_or_replaced_once(tmp_path: Path):
    src = tmp_path / "a.jsonl"
    src.write_text(
        '{ "text" : "The vote was close." , "k\\u00e9y": "v\\u00e9" }\n'
        '{"clean": 1, "text": "The vote was close.", "clean": 2}\n',
        encoding="utf-8",
    )
    proc = run("clean", src, "--output-field", "clean")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        '{"text":"The vote was close.","k\\u00e9y":"v\\u00e9","clean":"The vote was close."}',
        '{"clean":"The vote was close.","text":"The vote was close."}',
    ]


# --- the errors file ----------------------------------------------------------------


def test_errors_file_holds_every_failed_record(tmp_path: Path):
    src = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": 1, "text": STORY_A}),
        "not json at all",
        "",
        json.dumps({"id": 3, "body": "no text field"}),
        json.dumps({"id": 4, "text": STORY_B}),
        json.dumps({"id": 5, "text": None}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.jsonl"

    proc = run("clean", src, "-o", out, "--errors", errors)

    assert proc.returncode == 1
    assert summary(proc.stderr) == (5, 2, 3)
    assert f"3 failed (in {errors})" in proc.stderr
    assert [r["id"] for r in jsonl(out)] == [1, 4]
    errs = jsonl(errors)
    assert [(e["source"], e["line"]) for e in errs] == [(str(src), 2), (str(src), 4), (str(src), 6)]
    assert errs[0]["reason"].startswith("not valid JSON")
    assert errs[1]["reason"] == 'no field "text"'
    assert errs[2]["reason"] == 'field "text" is a null, not a string'
    # The original records, exactly: input = output + errors.
    assert [e["record"] for e in errs] == [lines[1], lines[3], lines[5]]
    assert len(jsonl(out)) + len(errs) == 5


def test_errors_file_is_empty_when_nothing_fails_and_names_unreadable_files(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text(STORY_A, encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    proc = run("clean", a, "--errors", errors)
    assert proc.returncode == 0, proc.stderr
    assert errors.read_bytes() == b""

    missing = tmp_path / "missing.txt"
    proc = run("clean", a, missing, "--errors", errors)
    assert proc.returncode == 1
    [err] = jsonl(errors)
    assert err["source"] == str(missing) and err["line"] is None and err["record"] is None
    assert err["reason"].startswith("cannot read")

    proc = run("clean", a, "-o", tmp_path / "out.txt", "--errors", a)
    assert proc.returncode == 2 and "refusing to overwrite an input" in proc.stderr
    assert a.read_text(encoding="utf-8") == STORY_A
    proc = run("clean", a, "-o", tmp_path / "out.txt", "--errors", tmp_path / "out.txt")
    assert proc.returncode == 2 and "is also an output file" in proc.stderr


# --- kill -9 and --resume ---------------------------------------------------------


def _big_input(path: Path, records: int) -> None:
    para = (STORY_A + STORY_B) * 6
    with path.open("w", encoding="utf-8") as f:
        for i in range(records):
            if i % 97 == 13:
                f.write('{"id": %d, "text": broken\n' % i)
            else:
                f.write(json.dumps({"id": i, "text": f"Item {i} of the batch.\n{para}"}) + "\n")


def test_killed_run_resumes_to_the_same_bytes(tmp_path: Path):
    src = tmp_path / "big.jsonl"
    _big_input(src, 12_000)
    ref_out, ref_err = tmp_path / "ref.jsonl", tmp_path / "ref-errors.jsonl"
    ref = run("clean", src, "-o", ref_out, "--errors", ref_err, "-j", "2", "--json")
    assert ref.returncode == 1  # the broken records

    out, err = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = [CLI, "clean", str(src), "-o", str(out), "--errors", str(err), "-j", "2", "--json"]
    checkpoint = tmp_path / ".out.jsonl.newsclean-resume"
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_when(proc, checkpoint, "line", 2000)
    assert not out.exists()
    temps = [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.tmp-")]
    assert len(temps) == 1  # the killed run's partial output

    resumed = run("clean", src, "-o", out, "--errors", err, "-j", "2", "--json", "--resume")
    assert resumed.returncode == 1, resumed.stderr
    assert sha256(out) == sha256(ref_out)
    assert sha256(err) == sha256(ref_err)
    assert summary(resumed.stderr) == summary(ref.stderr) == (12_000, 12_000 - 124, 124)
    # Nothing is left behind: no temporary file, no checkpoint.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_stale_temp_file_is_removed_by_a_fresh_run(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text(STORY_A, encoding="utf-8")
    stale = tmp_path / ".out.txt.tmp-999999999-0"  # no such process
    stale.write_text("half an output", encoding="utf-8")
    alive = tmp_path / f".out.txt.tmp-{os.getpid()}-0"  # a run still going
    alive.write_text("being written", encoding="utf-8")
    proc = run("clean", a, "-o", tmp_path / "out.txt")
    assert proc.returncode == 0, proc.stderr
    assert not stale.exists()
    assert alive.exists()
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == STORY_A


def test_resume_refuses_stdout_and_another_run(tmp_path: Path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"text": STORY_A}) + "\n", encoding="utf-8")
    proc = run("clean", src, "--resume")
    assert proc.returncode == 2 and "--resume needs -o" in proc.stderr

    out = tmp_path / "out.jsonl"
    (tmp_path / ".out.jsonl.newsclean-resume").write_text(json.dumps({
        "version": 1, "run": "some other run", "input": 0, "line": 0, "output_temp": "",
        "output_bytes": 0, "errors_temp": "", "errors_bytes": 0, "in": 0, "cleaned": 0,
        "failed": 0}), encoding="utf-8")
    proc = run("clean", src, "-o", out, "--resume")
    assert proc.returncode == 2 and "other inputs or options" in proc.stderr
    assert not out.exists()

    # Without a checkpoint, --resume starts from the beginning.
    (tmp_path / ".out.jsonl.newsclean-resume").unlink()
    proc = run("clean", src, "-o", out, "--resume")
    assert proc.returncode == 0 and "nothing to resume" in proc.stderr
    assert jsonl(out) == [{"text": STORY_A.rstrip()}]


def _kill_when(proc: subprocess.Popen, checkpoint: Path, key: str, at_least: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if json.loads(checkpoint.read_text())[key] >= at_least:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"


def test_killed_folder_run_resumes_to_the_same_tree(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(1500):  # about three chunks of text files
        (src / f"{i:04d}.txt").write_text(f"Text {i}.\n" + (STORY_A + STORY_B) * 8,
                                         encoding="utf-8")
    ref = run("clean", src, "-o", tmp_path / "ref", "-j", "1")
    assert ref.returncode == 0, ref.stderr

    out = tmp_path / "out"
    proc = subprocess.Popen([CLI, "clean", str(src), "-o", str(out), "-j", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_when(proc, out / ".newsclean-resume", "input", 512)
    done = sorted(p.name for p in out.glob("*.txt"))
    assert 512 <= len(done) < 1500

    resumed = run("clean", src, "-o", out, "-j", "1", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert summary(resumed.stderr) == (1500, 1500, 0)
    names = sorted(p.name for p in (tmp_path / "ref").iterdir())
    assert sorted(p.name for p in out.iterdir()) == names  # no temp, no checkpoint
    for name in names:
        assert (out / name).read_bytes() == (tmp_path / "ref" / name).read_bytes()


# --- one behaviour for CLI and library ---------------------------------------------


def test_format_is_honoured_whatever_the_file_name(tmp_path: Path):
    page = ("<html><body><nav>Home | News | Sport</nav><article><p>" + STORY_A.strip()
            + "</p></article></body></html>")
    txt = tmp_path / "page.txt"
    txt.write_text(page, encoding="utf-8")
    as_html = run("clean", "--format", "html", "--json", txt)
    assert as_html.returncode == 0, as_html.stderr
    assert json.loads(as_html.stdout)["format"] == "html"
    assert "<nav>" not in json.loads(as_html.stdout)["text"]

    html = tmp_path / "page.html"
    html.write_text(page, encoding="utf-8")
    as_text = run("clean", "--format", "text", "--json", html)
    assert json.loads(as_text.stdout)["format"] == "text"
    assert "<nav>" in json.loads(as_text.stdout)["text"]


def test_windows_1251_page_named_txt_is_read_as_html(tmp_path: Path):
    body = "Во вторник городской совет проголосовал за продление ночных автобусов."
    page = ('<html><head><meta charset="windows-1251"></head><body><p>' + body
            + "</p></body></html>").encode("cp1251")
    txt = tmp_path / "page.txt"
    txt.write_bytes(page)
    proc = run("clean", "--format", "html", txt)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == body + "\n"


def test_text_field_makes_stdin_jsonl():
    data = (json.dumps({"html": "<p>" + STORY_B.strip() + "</p>"}) + "\n").encode()
    proc = run("clean", "--text-field", "html", "--format", "html", stdin=data)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"html": STORY_B.strip()}
    # Without --text-field stdin is text, as before.
    assert run("clean", stdin=STORY_B.encode()).stdout == STORY_B


def test_same_repairs_and_warnings_as_the_library(tmp_path: Path):
    newsclean = pytest.importorskip("newsclean")
    cases = {
        "nul.txt": b"The vote\x00 was close.\nIt passed.\n",
        "bad.txt": b"The vote \xff\xfe was close.\n",
        "utf16.txt": (STORY_A + STORY_B).encode("utf-16"),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        proc = run("clean", "--json", path)
        assert proc.returncode == 0, proc.stderr
        cli = json.loads(proc.stdout)
        lib = newsclean.Cleaner().clean(data).to_dict()
        assert cli["text"] == lib["text"], name
        assert cli["warnings"] == lib["warnings"], name
        assert cli["format"] == lib["format"], name


# --- gzip and --files-from ------------------------------------------------------


def test_gzip_inputs_are_read_by_their_magic_bytes(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    records = "".join(json.dumps({"id": i, "text": STORY_A}) + "\n" for i in range(3))
    (src / "pages.jsonl.gz").write_bytes(gzip.compress(records.encode()))
    (src / "story.txt").write_bytes(gzip.compress(STORY_B.encode()))  # gzip, named .txt
    (src / "plain.txt.gz").write_text(STORY_A, encoding="utf-8")  # named .gz, not gzip
    out = tmp_path / "out"
    proc = run("clean", src, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert summary(proc.stderr) == (5, 5, 0)
    assert [r["id"] for r in jsonl(out / "pages.jsonl")] == [0, 1, 2]
    assert (out / "story.txt").read_text(encoding="utf-8") == STORY_B
    assert (out / "plain.txt").read_text(encoding="utf-8") == STORY_A

    stdin = run("clean", "--text-field", "text", stdin=gzip.compress(records.encode()))
    assert [json.loads(line)["id"] for line in stdin.stdout.splitlines()] == [0, 1, 2]


def test_truncated_gzip_is_an_error_not_a_short_output(tmp_path: Path):
    records = "".join(json.dumps({"id": i, "text": STORY_A}) + "\n" for i in range(200))
    whole = gzip.compress(records.encode())
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(whole[: len(whole) // 2])
    out = tmp_path / "out.jsonl"
    proc = run("clean", src, "-o", out)
    assert proc.returncode == 1
    assert "cannot read" in proc.stderr
    assert not out.exists()


def test_files_from_lists_the_inputs(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text(STORY_B, encoding="utf-8")
    (tmp_path / "list.txt").write_text("a/x.txt\n\nb/x.txt\n", encoding="utf-8")
    proc = run("clean", "--files-from", "list.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == STORY_A + "\n" + STORY_B
    # Into a folder, each keeps its listed path (same names do not collide).
    proc = run("clean", "--files-from", "-", "-o", "out", cwd=tmp_path,
               stdin=b"a/x.txt\nb/x.txt\n")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "a" / "x.txt").read_text(encoding="utf-8") == STORY_A
    assert (tmp_path / "out" / "b" / "x.txt").read_text(encoding="utf-8") == STORY_B

    proc = run("clean", "--files-from", "no-such-list", cwd=tmp_path)
    assert proc.returncode == 2 and "--files-from no-such-list: cannot read" in proc.stderr
