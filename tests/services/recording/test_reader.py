"""SegmentReader: one stream over many segments; index to segment, seek by video time, step both ways."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assessdesk.services.capture import SyntheticSource, read_counter
from assessdesk.services.recording import FfmpegH264Encoder, SegmentedRecorder, SegmentReader


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 frames at 30 fps, then a 5 s gap (camera lost), then 30 more: segments of 1 s."""
    directory = tmp_path_factory.mktemp("rec")
    source = SyntheticSource(size=(320, 240), paced=False)
    recorder = SegmentedRecorder(directory=directory, encoder=FfmpegH264Encoder(), fps=30, segment_seconds=1.0)
    for i in range(60):
        recorder.write(source.frame(i), 100.0 + i / 30)
    recorder.close_segment("camera_lost")
    for i in range(60, 90):
        recorder.write(source.frame(i), 105.0 + 60 / 30 + (i - 60) / 30)
    recorder.stop()
    return directory


def test_frame_index_maps_to_segments(recording: Path) -> None:
    reader = SegmentReader.from_directory(recording)
    assert reader.frame_count == 90
    assert [s.reason for s in reader.segments] == ["rolled", "camera_lost", "stopped"]
    assert reader.locate(0)[1] == 0 and reader.locate(29)[1] == 29
    assert reader.locate(30)[0].index == 2 and reader.locate(30)[1] == 0
    assert reader.locate(89)[0].index == 3 and reader.locate(89)[1] == 29
    with pytest.raises(IndexError):
        reader.locate(90)


def test_video_time_includes_the_gap_and_seek_finds_the_frame_on_screen(recording: Path) -> None:
    reader = SegmentReader.from_directory(recording)
    assert reader.time_of(0) == pytest.approx(0.0)
    assert reader.time_of(59) == pytest.approx(59 / 30)
    assert reader.time_of(60) == pytest.approx(7.0)  # 5 s with no camera, then frame 60
    assert reader.duration == pytest.approx(7.0 + 29 / 30)
    assert reader.seek(1.0) == 30
    assert reader.seek(4.0) == 59  # inside the gap: the last frame before it stays on screen
    assert reader.seek(7.5) == 75
    assert read_counter(reader.step()) == 75
    assert reader.position == 76


def test_stepping_backwards_and_random_access_decode_the_right_frames(recording: Path) -> None:
    reader = SegmentReader.from_directory(recording)
    reader.seek(2.0)  # frame 59 is the last at or before 2.0 s
    seen = [read_counter(reader.step(-1)) for _ in range(3)]
    assert seen == [59, 58, 57]
    for index in (88, 3, 45, 45, 46, 0):
        frame = reader.read(index)
        assert isinstance(frame, np.ndarray) and read_counter(frame) == index
    reader.seek(0.0)
    assert reader.step(-1) is not None and reader.step() is None  # before the start: nothing
    reader.close()
