"""The capture thread: every frame to the recorder, the newest to the preview box, lost cameras come back."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np

from assessdesk.services.capture import (
    CameraUnavailable,
    CaptureCallbacks,
    CaptureThread,
    FrameRead,
    LatestFrameBox,
    SourceLost,
    SyntheticSource,
    VideoFileSource,
    read_counter,
)
from assessdesk.services.recording import FfmpegH264Encoder, OpenCvEncoder, SegmentedRecorder, SegmentReader


def _wait(predicate, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_latest_frame_box_keeps_only_the_newest() -> None:
    box = LatestFrameBox()
    assert box.get() is None
    for i in range(3):
        box.put(np.full((2, 2, 3), i, np.uint8), float(i))
    item = box.get()
    assert item is not None and item.sequence == 3 and item.frame[0, 0, 0] == 2
    assert box.get(newer_than=3) is None  # the preview already showed it


def test_every_frame_reaches_the_recorder_and_the_preview_sees_the_newest(tmp_path: Path) -> None:
    source = SyntheticSource(size=(320, 240), fps=30, paced=True)
    source.open()
    recorder = SegmentedRecorder(directory=tmp_path, encoder=FfmpegH264Encoder(), fps=30, segment_seconds=0.5)
    closed = []
    thread = CaptureThread(source=source, recorder=recorder,
                           callbacks=CaptureCallbacks(on_segment_closed=closed.append))
    thread.start()
    assert _wait(lambda: thread.frames_read >= 40)
    assert thread.stop(timeout=5)
    segments = recorder.stop()
    assert closed == segments
    assert recorder.frames_written == thread.frames_read == sum(s.frame_count for s in segments)
    latest = thread.latest.get()
    assert latest is not None and read_counter(latest.frame) == thread.frames_read - 1
    counters = [read_counter(f) for f in SegmentReader(segments)]
    assert counters == list(range(thread.frames_read))


class VanishingCamera:
    """A camera that is unplugged after `frames_before` frames and answers again after `failed_opens` tries."""

    def __init__(self, *, frames_before: int, failed_opens: int) -> None:
        self.name = "camera 0"
        self._inner = SyntheticSource(size=(320, 240), fps=60, paced=True)
        self._frames_before = frames_before
        self._failed_opens = failed_opens
        self._served = 0
        self._gone = False
        self.opens = 0

    size = property(lambda self: self._inner.size)
    fps = property(lambda self: self._inner.fps)

    def open(self) -> None:
        self.opens += 1
        if self._gone and self._failed_opens > 0:
            self._failed_opens -= 1
            raise CameraUnavailable("No camera was found as camera 0.", source=self.name)
        self._inner.open()

    def read(self) -> FrameRead:
        if self._served == self._frames_before and not self._gone:
            self._gone = True
            raise SourceLost("Camera 0 stopped sending pictures.", source=self.name)
        self._served += 1
        return self._inner.read()

    def close(self) -> None:
        self._inner.close()


def test_a_camera_that_vanishes_closes_the_segment_and_recording_resumes_when_it_returns(tmp_path: Path) -> None:
    camera = VanishingCamera(frames_before=20, failed_opens=2)
    camera.open()
    events: list[str] = []
    back = threading.Event()
    recorder = SegmentedRecorder(directory=tmp_path, encoder=FfmpegH264Encoder(), fps=60, segment_seconds=30)
    thread = CaptureThread(source=camera, recorder=recorder, retry_seconds=0.05, callbacks=CaptureCallbacks(
        on_camera_lost=lambda lost: events.append(f"lost: {lost.message}"),
        on_camera_back=lambda: (events.append("back"), back.set())))
    thread.start()
    assert back.wait(10)
    assert _wait(lambda: thread.frames_read >= 30)
    thread.stop()
    segments = recorder.stop()
    assert events == ["lost: Camera 0 stopped sending pictures.", "back"]
    assert camera.opens == 4  # the first open, two refusals, the one that worked
    assert [s.reason for s in segments] == ["camera_lost", "stopped"]
    assert segments[0].frame_count == 20 and segments[1].frame_count == thread.frames_read - 20
    kinds = [line.split('"kind": "')[1].split('"')[0]
             for line in (tmp_path / "markers.jsonl").read_text().splitlines()]
    assert kinds == ["camera_lost", "camera_back"]
    assert SegmentReader(segments).frame_count == thread.frames_read


def test_a_file_that_ends_stops_the_thread_and_says_so(tmp_path: Path) -> None:
    source = SyntheticSource(size=(320, 240), paced=False)
    rec = SegmentedRecorder(directory=tmp_path / "clip", encoder=OpenCvEncoder(), fps=30)
    for i in range(5):
        rec.write(source.frame(i), i / 30)
    clip = rec.stop()[0].path
    video = VideoFileSource(clip, paced=False)
    video.open()
    lost: list[SourceLost] = []
    thread = CaptureThread(source=video, callbacks=CaptureCallbacks(on_camera_lost=lost.append))
    thread.start()
    assert thread.ended.wait(10)
    thread.join(5)
    assert not thread.is_alive() and thread.frames_read == 5
    assert len(lost) == 1 and lost[0].ended


def test_stop_is_prompt_even_while_waiting_for_a_lost_camera(tmp_path: Path) -> None:
    camera = VanishingCamera(frames_before=1, failed_opens=10**6)
    camera.open()
    thread = CaptureThread(source=camera, retry_seconds=0.05)
    thread.start()
    assert _wait(lambda: camera.opens >= 3)
    assert thread.stop(timeout=5)  # the retry wait is an Event wait: stop() cuts it short
