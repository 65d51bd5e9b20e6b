"""Common Crawl WET files through the `newsclean` CLI (issue 18, part 3): one
JSON line per page, the same objects as newsclean.wet.wet_records().

The WET files are made here from made-up pages, one gzip member per record as
Common Crawl writes them. The binary is $NEWSCLEAN_CLI, else `newsclean` on PATH.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest

from test_cli import CLI, run, summary
from test_cli_batch import _kill_when, sha256

pytestmark = pytest.mark.skipif(CLI is None, reason="newsclean CLI not found")

STORY = ("The council said on Tuesday that the new footbridge would open to cyclists and "
         "walkers in the spring, two years later than planned.\n"
         "The project, paid for by the region and the city, ran over budget after the "
         "contractor found old mine shafts under the eastern bank.\n"
         "Riders will be able to cross the river without using the ring road, which the "
         "council says will cut the journey to the station by ten minutes.\n")
STORY_DE = ("Der Gemeinderat von Zürich hat am Dienstag beschlossen, die Brücke über die "
            "Limmat im Frühling für Radfahrer zu öffnen.\n"
            "Die Kosten für das Projekt sind nach Angaben der Stadt um ein Drittel höher "
            "ausgefallen als geplant.\n")
MENU = "Home\nNews\nSport\nWeather\nBusiness\nCulture\n"
FOOTER = "About us\nCareers\nAdvertise\nPrivacy\nTerms\nContact\n"


def record(kind: str, url: str, body: str | bytes, length: int | None = None,
           number: int = 0) -> bytes:
    """One WARC record, not compressed; `length` overrides Content-Length."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    target = f"WARC-Target-URI: {url}\r\n" if url else ""
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\n{target}"
            f"WARC-Date: 2026-01-01T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"Content-Type: text/plain\r\n"
            f"Content-Length: {len(data) if length is None else length}\r\n\r\n").encode()
    return head + data + b"\r\n\r\n"


def members(*records: bytes) -> bytes:
    """Each record as a gzip member of its own, as in Common Crawl's files."""
    return b"".join(gzip.compress(r) for r in records)


PAGES = [  # the three pages of the test file, in order: (record number, url, text)
    (2, "https://news.example.com/bridge", MENU + STORY + FOOTER),
    (3, "https://news.example.ch/bruecke", MENU + STORY_DE),
    (4, "https://news.example.org/empty", ""),
]


def wet_file(path: Path, truncated: bool = True) -> Path:
    """warcinfo, the three pages, and (`truncated`) a fifth record cut short."""
    parts = [record("warcinfo", "", "software: made up for the test\r\n", number=1)]
    parts += [record("conversion", url, text, number=n) for n, url, text in PAGES]
    data = members(*parts)
    if truncated:
        last = gzip.compress(record("conversion", "https://news.example.net/cut",
                                    MENU + STORY, number=5))
        data += last[: len(last) // 2]
    path.write_bytes(data)
    return path


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_wet_file_gives_one_json_line_per_page(tmp_path: Path):
    src = wet_file(tmp_path / "crawl.warc.wet.gz")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    proc = run("clean", src, "-o", out, "--errors", errors)
    assert proc.returncode == 1, proc.stderr  # the truncated record
    assert summary(proc.stderr) == (4, 3, 1)
    assert f"{src}: record 5: error: truncated" in proc.stderr

    got = lines(out)
    assert [(g["record"], g["url"], g["source"]) for g in got] == \
        [(n, url, str(src)) for n, url, _ in PAGES]
    bridge, bruecke, empty = got
    assert list(bridge)[:4] == ["url", "source", "record", "text"]
    # Whole-page text: the menu and footer lines go, the story stays.
    assert all(g["input_kind"] == "page" for g in got)
    assert bridge["text"] == STORY.strip()
    assert bridge["removed"] and bruecke["removed"]
    assert bruecke["text"] == STORY_DE.strip()  # UTF-8 as it was
    assert empty["text"] == "" and empty["removed"] == []
    # The Result's fields, every key, as --json writes them.
    assert {"title", "section", "captions", "stats", "warnings", "format"} <= set(bridge)

    [err] = lines(errors)
    assert err["source"] == str(src) and err["warc_record"] == 5 and err["line"] is None
    assert err["reason"].startswith("truncated")


def test_plain_wet_and_wet_by_content_and_on_stdin(tmp_path: Path):
    gz = wet_file(tmp_path / "crawl.warc.wet.gz", truncated=False)
    plain = tmp_path / "crawl.warc.wet"
    plain.write_bytes(gzip.decompress(gz.read_bytes()))  # all members, one stream
    unnamed = tmp_path / "segment-00042"  # no telling name: WARC by its first bytes
    unnamed.write_bytes(gz.read_bytes())
    texts = []
    for src in (gz, plain, unnamed):
        proc = run("clean", src, "-q")
        assert proc.returncode == 0, proc.stderr
        got = [json.loads(line) for line in proc.stdout.splitlines()]
        assert [g["url"] for g in got] == [url for _, url, _ in PAGES]
        assert all(g["source"] == str(src) for g in got)
        texts.append([g["text"] for g in got])
    assert texts[0] == texts[1] == texts[2]

    proc = run("clean", "--input-format", "wet", "-", "-q", stdin=gz.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["text"] for line in proc.stdout.splitlines()] == texts[0]

    # Under an output folder, crawl.warc.wet.gz goes to crawl.warc.wet.jsonl.
    proc = run("clean", gz, unnamed, "-o", tmp_path / "out", "-q")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == \
        ["crawl.warc.wet.jsonl", "segment-00042.jsonl"]
    # -o FILE must be named for JSON lines.
    proc = run("clean", gz, "-o", tmp_path / "out.txt")
    assert proc.returncode == 2 and "the output is JSON lines (WET input); name it .jsonl" in proc.stderr


def test_bad_records_are_reported_by_number_and_skipped(tmp_path: Path):
    src = tmp_path / "bad.warc.wet.gz"
    src.write_bytes(members(
        record("conversion", "https://a.example/1", STORY, number=1),
        b"\x00\xffnot a record at all\r\n",
        record("conversion", "https://a.example/3", STORY_DE, number=3),
        record("conversion", "https://a.example/4", STORY, length=-1, number=4),
        b"WARC/1.0\r\nWARC-Type: conversion\r\n\r\nno length\r\n\r\n",
        record("conversion", "https://a.example/6", STORY, number=6),
        # A Content-Length past the end: the reader skips that many bytes, so last.
        record("conversion", "https://a.example/7", STORY, length=10**12, number=7)))
    out = tmp_path / "out.jsonl"
    proc = run("clean", src, "-o", out)
    assert proc.returncode == 1
    assert f"{src}: record 2: error: not a WARC record" in proc.stderr
    assert f"{src}: record 4: error: Content-Length is not a number" in proc.stderr
    assert f"{src}: record 5: error: no Content-Length" in proc.stderr
    assert f"{src}: record 7: error: Content-Length 1000000000000 is over the limit" \
        in proc.stderr
    assert [(g["record"], g["url"]) for g in lines(out)] == \
        [(1, "https://a.example/1"), (3, "https://a.example/3"), (6, "https://a.example/6")]
    assert summary(proc.stderr) == (7, 3, 4)


def test_cli_and_python_give_the_same_objects(tmp_path: Path):
    wet = pytest.importorskip("newsclean.wet")
    pytest.importorskip("fastwarc")
    src = wet_file(tmp_path / "crawl.warc.wet.gz", truncated=False)
    proc = run("clean", src, "-q")
    assert proc.returncode == 0, proc.stderr
    cli = [json.loads(line) for line in proc.stdout.splitlines()]
    assert cli == list(wet.wet_records(str(src)))


def test_killed_wet_run_resumes_to_the_same_bytes(tmp_path: Path):
    src = tmp_path / "big.warc.wet.gz"
    parts = [record("warcinfo", "", "software: made up\r\n", number=1)]
    for i in range(2, 6000):
        body = b"\xff broken" if i % 101 == 7 else f"Page {i}.\n{MENU}{STORY}{FOOTER}"
        parts.append(record("conversion", f"https://n.example/{i}", body, number=i))
    src.write_bytes(members(*parts))
    ref_out = tmp_path / "ref.jsonl"
    ref = run("clean", src, "-o", ref_out, "-j", "2")
    assert ref.returncode == 0, ref.stderr

    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([CLI, "clean", str(src), "-o", str(out), "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_when(proc, tmp_path / ".out.jsonl.newsclean-resume", "line", 1000)
    assert not out.exists()
    resumed = run("clean", src, "-o", out, "-j", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert sha256(out) == sha256(ref_out)
    assert summary(resumed.stderr) == summary(ref.stderr) == (5998, 5998, 0)


def test_a_pipe_is_not_looked_into_for_warc(tmp_path: Path):
    # Looking at a pipe's first bytes would take them from the reading.
    text = tmp_path / "story.txt"
    text.write_text(STORY, encoding="utf-8")
    from_file = run("clean", text, "-q")
    r, w = os.pipe()
    proc = subprocess.Popen([CLI, "clean", f"/dev/fd/{r}", "-q"], pass_fds=[r],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(r)
    os.write(w, STORY.encode("utf-8"))
    os.close(w)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert out.decode("utf-8") == from_file.stdout != ""
