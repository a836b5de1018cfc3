"""SIGKILL a real recording process: at most the segment being written is lost, and even it mostly recovers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assessdesk.services.capture import read_counter
from assessdesk.services.recording import SegmentReader, closed_segments, scan_unfinished, seal_recovered
from assessdesk.services.recording.recovery import lost_segments

SCRIPT = Path(__file__).with_name("crash_recorder.py")


def _record_then_kill(directory: Path, kind: str, *, closed_before_kill: int) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, str(SCRIPT), str(directory), kind], stdout=subprocess.PIPE,
                            text=True, env=env)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 30
        assert proc.stdout is not None
        while len(lines) < closed_before_kill and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line.strip())
        time.sleep(0.5)  # well into the next segment
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert len(lines) == closed_before_kill, lines
    return lines


@pytest.mark.parametrize("kind", ["h264", "fallback"])
def test_sigkill_loses_at_most_the_open_segment_which_is_recovered(tmp_path: Path, kind: str) -> None:
    _record_then_kill(tmp_path, kind, closed_before_kill=2)
    time.sleep(0.2)  # the orphaned encoder sees its input close and exits

    closed = closed_segments(tmp_path)
    assert len(closed) >= 2
    unfinished = scan_unfinished(tmp_path)
    if kind == "h264":  # MPEG-TS reaches the disk packet by packet: the open segment decodes up to the kill
        assert unfinished, "the segment being written should be found"
        partial = unfinished[-1]
        assert partial.recovered and partial.marks == ("recovered",)
        assert partial.frame_count > 0 and len(partial.sha256) == 64
    else:  # VideoWriter buffers inside the process: the open segment (only) is lost, and reported as such
        assert unfinished == []

    sealed = seal_recovered(tmp_path, unfinished)
    assert scan_unfinished(tmp_path) == []
    assert len(lost_segments(tmp_path)) == (0 if kind == "h264" else 1)
    reader = SegmentReader.from_directory(tmp_path)
    assert reader.frame_count == sum(s.frame_count for s in closed) + sum(s.frame_count for s in sealed)
    counters = [read_counter(frame) for frame in reader]
    assert counters == list(range(len(counters)))  # every frame up to the kill, in order, none twice
    assert not list(tmp_path.glob("*.staging.avi"))
