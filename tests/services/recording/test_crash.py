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
    # MPEG-TS reaches the disk packet by packet, Motion JPEG frame by frame: the open segment decodes up to the kill
    unfinished = scan_unfinished(tmp_path)
    assert unfinished, "the segment being written should be found"
    partial = unfinished[-1]
    assert partial.recovered and partial.marks == ("recovered",)
    assert partial.frame_count > 0 and len(partial.sha256) == 64

    sealed = seal_recovered(tmp_path, unfinished)
    assert scan_unfinished(tmp_path) == []
    assert lost_segments(tmp_path) == []
    reader = SegmentReader.from_directory(tmp_path)
    assert reader.frame_count == sum(s.frame_count for s in closed) + sum(s.frame_count for s in sealed)
    counters = [read_counter(frame) for frame in reader]
    assert counters == list(range(len(counters)))  # every frame up to the kill, in order, none twice


def test_a_staging_file_left_by_an_earlier_fallback_is_recovered_into_its_sink(tmp_path: Path) -> None:
    """Earlier versions' fallback (cv2.VideoWriter) staged each segment as a plain AVI until it closed."""
    import json

    import cv2

    from assessdesk.services.capture import SyntheticSource
    from assessdesk.services.recording.segments import MANIFEST_VERSION, frames_path, manifest_path

    source = SyntheticSource(size=(320, 240), paced=False)
    writer = cv2.VideoWriter(str(tmp_path / "seg-000001.staging.avi"), cv2.VideoWriter_fourcc(*"mp4v"), 30.0,
                             (320, 240))
    for i in range(10):
        writer.write(source.frame(i))
    writer.release()
    manifest_path(tmp_path, 1).write_text(json.dumps({
        "manifest_version": MANIFEST_VERSION, "state": "open", "index": 1, "path": "seg-000001.avi",
        "encoder": "opencv-videowriter", "encoder_version": "opencv 4.10.0; fourcc=mp4v", "width": 320,
        "height": 240, "fps": 30.0}))
    frames_path(tmp_path, 1).write_text("".join(f"{i}\t{100 + i / 30:.6f}\t{1.7e9 + i / 30:.6f}\n"
                                                for i in range(10)))

    (found,) = scan_unfinished(tmp_path)
    assert found.path.name == "seg-000001.staging.avi" and found.frame_count == 10
    (sealed,) = seal_recovered(tmp_path, [found])
    assert sealed.path.name == "seg-000001.avi" and not found.path.exists()
    assert closed_segments(tmp_path) == [sealed]
    assert [read_counter(f) for f in SegmentReader.from_directory(tmp_path)] == list(range(10))
