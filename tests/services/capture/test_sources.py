"""Frame sources: the synthetic pattern, video files, cameras (the device itself faked), and source specs."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from assessdesk.domain.errors import DomainError, InvalidInput
from assessdesk.services.capture import (
    CameraSource,
    CameraUnavailable,
    FrameSource,
    SourceLost,
    SyntheticSource,
    VideoFileSource,
    list_cameras,
    open_source,
    read_counter,
)


def test_synthetic_frames_are_deterministic_and_numbered() -> None:
    a, b = SyntheticSource(size=(320, 240), paced=False), SyntheticSource(size=(320, 240), paced=False)
    a.open()
    b.open()
    for i in range(5):
        ra, rb = a.read(), b.read()
        assert ra.ok and ra.frame is not None and rb.frame is not None
        assert ra.frame.shape == (240, 320, 3) and ra.frame.dtype == np.uint8
        assert np.array_equal(ra.frame, rb.frame) and read_counter(ra.frame) == i
    assert not np.array_equal(a.frame(1), a.frame(2))  # it moves
    assert isinstance(a, FrameSource)


def test_synthetic_source_can_end_like_a_file() -> None:
    source = SyntheticSource(size=(320, 240), paced=False, max_frames=2)
    source.open()
    source.read()
    source.read()
    with pytest.raises(SourceLost) as lost:
        source.read()
    assert lost.value.ended


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    """A 12-frame 15 fps file in a container that states its rate (the recorder's Motion JPEG does not)."""
    source, path = SyntheticSource(size=(320, 240), paced=False), tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15.0, (320, 240))
    for i in range(12):
        writer.write(source.frame(i))
    writer.release()
    return path


def test_video_file_ends_or_loops(clip: Path) -> None:
    once = VideoFileSource(clip, paced=False)
    once.open()
    assert once.size == (320, 240) and once.fps == pytest.approx(15)
    counters = [read_counter(once.read().frame) for _ in range(12)]
    assert counters == list(range(12))
    with pytest.raises(SourceLost) as lost:
        once.read()
    assert lost.value.ended and "has ended" in lost.value.message
    looping = VideoFileSource(clip, loop=True, paced=False)
    looping.open()
    assert [read_counter(looping.read().frame) for _ in range(14)][-3:] == [11, 0, 1]
    looping.close()


def test_paced_file_timestamps_follow_its_frame_rate(clip: Path) -> None:
    source = VideoFileSource(clip, paced=True)
    source.open()
    stamps = [source.read().timestamp for _ in range(6)]
    assert stamps[-1] - stamps[0] >= 5 / 15 - 0.01  # paced: not faster than the file's 15 fps


def test_missing_or_unreadable_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(CameraUnavailable, match="does not exist"):
        VideoFileSource(tmp_path / "nope.mp4").open()
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a video at all" * 10)
    with pytest.raises(CameraUnavailable, match="cannot be played"):
        VideoFileSource(junk).open()


def test_a_missing_camera_says_so_through_the_real_driver() -> None:
    with pytest.raises(CameraUnavailable) as err:
        CameraSource(97, first_frame_timeout_s=0.2).open()
    assert isinstance(err.value, DomainError)
    assert "No camera was found as camera 97" in err.value.message and "plugged in" in err.value.hint


class FakeCapture:
    """A webcam driver at the cv2.VideoCapture boundary: it delivers `native` frames, `frames` of them."""

    def __init__(self, *, opened: bool = True, native: tuple[int, int] = (640, 480), frames: int = 10**6) -> None:
        self.opened, self.native, self.frames, self.props = opened, native, frames, {}
        self.released = False

    def isOpened(self) -> bool:
        return self.opened

    def set(self, prop: int, value: float) -> bool:
        self.props[prop] = value
        return True

    def get(self, prop: int) -> float:
        import cv2

        return 30.0 if prop == cv2.CAP_PROP_FPS else 0.0

    def read(self):
        if self.frames <= 0:
            return False, None
        self.frames -= 1
        return True, np.zeros((self.native[1], self.native[0], 3), np.uint8)

    def release(self) -> None:
        self.released = True


def test_camera_negotiates_and_reports_what_it_really_got() -> None:
    import cv2

    fake = FakeCapture(native=(640, 480))
    camera = CameraSource(0, size=(1280, 720), fps=30, capture_factory=lambda _i: fake)
    camera.open()
    assert fake.props[cv2.CAP_PROP_FRAME_WIDTH] == 1280 and fake.props[cv2.CAP_PROP_FRAME_HEIGHT] == 720
    assert camera.size == (640, 480) and camera.fps == 30.0  # the driver's answer, not the request
    assert camera.read().frame.shape == (480, 640, 3)  # the probe frame is not wasted
    camera.close()
    assert fake.released


def test_a_busy_camera_is_a_typed_error_naming_other_programs() -> None:
    camera = CameraSource(2, first_frame_timeout_s=0.1, capture_factory=lambda _i: FakeCapture(frames=0))
    with pytest.raises(CameraUnavailable, match="another program"):
        camera.open()


def test_an_unplugged_camera_reads_as_lost_after_a_short_silence() -> None:
    camera = CameraSource(0, lost_after_s=0.1, capture_factory=lambda _i: FakeCapture(frames=3))
    camera.open()
    for _ in range(3):
        assert camera.read().ok
    misses = 0
    with pytest.raises(SourceLost) as lost:
        for _ in range(1000):  # bounded: at 10 ms a miss, 0.1 s of silence comes long before
            assert not camera.read().ok
            misses += 1
    assert misses >= 1 and not lost.value.ended and "stopped sending pictures" in lost.value.message


def test_list_cameras_keeps_those_that_deliver_a_frame() -> None:
    drivers = {0: FakeCapture(native=(320, 240)), 1: FakeCapture(opened=False), 2: FakeCapture(frames=0)}
    found = list_cameras(max_index=3, first_frame_timeout_s=0.1, capture_factory=lambda i: drivers[i])
    assert [(c.index, c.size) for c in found] == [(0, (320, 240))]


def test_open_source_parses_specs(clip: Path) -> None:
    camera = open_source("1")
    assert isinstance(camera, CameraSource) and camera.index == 1
    pattern = open_source("synthetic:640x360@15")
    assert isinstance(pattern, SyntheticSource) and pattern.size == (640, 360) and pattern.fps == 15
    assert open_source("synthetic").size == (640, 480)
    video = open_source(str(clip))
    assert isinstance(video, VideoFileSource) and video.loop
    for bad in ("", "synthetic:12x", "synthetic:10x10", "/no/such/file.mp4"):
        with pytest.raises(InvalidInput) as err:
            open_source(bad)
        assert err.value.where == "camera"
