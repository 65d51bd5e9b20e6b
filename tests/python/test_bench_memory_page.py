"""bench.memory_page --json: the harness's memory figure for a large page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("NEWSCLEAN_CLI") or shutil.which("newsclean")


@pytest.mark.skipif(CLI is None, reason="newsclean CLI not found: set NEWSCLEAN_CLI")
def test_json_line_gives_the_page_size_and_the_cli_peak():
    out = subprocess.run([sys.executable, "-m", "bench.memory_page", "--json",
                          "--elements", "20000", "--cli", CLI],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    row = json.loads(out.strip().splitlines()[-1])
    # 20,000 "<b>x</b>" (8 bytes each) and a few hundred bytes around them.
    assert 0.160 < row["page_mb"] < 0.161
    assert row["elements"] == 20000
    assert row["peak_rss_mb"] > 1  # the CLI's own peak, not zero
    assert row["ratio"] == pytest.approx(row["peak_rss_mb"] / row["page_mb"])
