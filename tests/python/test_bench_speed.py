"""bench.peers' timed passes: enough of them for a median that holds."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/ is not installed

from bench import peers  # noqa: E402


def test_short_passes_are_timed_until_they_add_up_to_the_minimum():
    calls = []

    def run() -> int:
        calls.append(1)
        return 0

    times, errors = peers._timed(run, reps=3)
    assert len(times) == len(calls) == peers.kMaxReps  # each pass takes microseconds
    assert errors == 0


def test_long_passes_are_timed_reps_times():
    def run() -> int:
        time.sleep(peers.kMinTimedSeconds / 2)
        return 1

    times, errors = peers._timed(run, reps=3)
    assert len(times) == 3
    assert errors == 3  # the errors of every pass are summed
    assert min(times) >= peers.kMinTimedSeconds / 2


def test_passes_stop_once_they_add_up_to_the_minimum():
    def run() -> int:
        time.sleep(peers.kMinTimedSeconds / 4)
        return 0

    times, _ = peers._timed(run, reps=1)
    assert len(times) == 4  # 1/4 + 1/4 + 1/4 is short of the minimum; the fourth ends it
