"""A real camera through cv2.VideoCapture: open by index, negotiate size and rate, notice when it goes away."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2

from assessdesk.services.capture.source import CameraUnavailable, FrameRead, SourceLost

CaptureFactory = Callable[[int], Any]  # returns an object with cv2.VideoCapture's isOpened/set/get/read/release


def _quiet_opencv() -> None:
    # OpenCV prints a warning for every index that has no camera; the proctor gets our typed error instead
    try:
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    except AttributeError:
        pass


def default_capture(index: int) -> Any:
    _quiet_opencv()
    if sys.platform == "win32":
        return cv2.VideoCapture(index, cv2.CAP_DSHOW)  # MSMF opens slowly on many laptops
    return cv2.VideoCapture(index)


class CameraSource:
    """Camera number `index`. `lost_after_s` without a frame means the camera is gone (read() raises SourceLost)."""

    def __init__(self, index: int, *, size: tuple[int, int] = (1280, 720), fps: float = 30.0,
                 lost_after_s: float = 2.0, first_frame_timeout_s: float = 5.0,
                 capture_factory: CaptureFactory = default_capture) -> None:
        self.index = index
        self.name = f"camera {index}"
        self.requested_size = size
        self.requested_fps = fps
        self.lost_after_s = lost_after_s
        self.first_frame_timeout_s = first_frame_timeout_s
        self._factory = capture_factory
        self._cap: Any = None
        self._size = size
        self._fps = fps
        self._pending: FrameRead | None = None
        self._last_frame_at = 0.0

    @property
    def size(self) -> tuple[int, int]:
        return self._size

    @property
    def fps(self) -> float:
        return self._fps

    def open(self) -> None:
        self.close()
        cap = self._factory(self.index)
        if cap is None or not cap.isOpened():
            if cap is not None:
                cap.release()
            raise CameraUnavailable(f"No camera was found as camera {self.index}.", source=self.name)
        # Ask for what we want; the driver answers with the nearest it can do. MJPG lets USB 2 webcams deliver
        # 720p at 30 fps (raw YUYV usually cannot).
        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter_fourcc(*"MJPG"))
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.requested_size[0])
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.requested_size[1])
        cap.set(cv2.CAP_PROP_FPS, self.requested_fps)
        deadline = time.monotonic() + self.first_frame_timeout_s
        while True:
            ok, frame = cap.read()
            if ok and frame is not None:
                break
            if time.monotonic() >= deadline:
                cap.release()
                raise CameraUnavailable(
                    f"Camera {self.index} is connected but sends no picture; another program is probably "
                    "using it.", source=self.name,
                    hint="Close other programs that use the camera (video calls, other recorders), then try again.")
            time.sleep(0.05)
        got_fps = cap.get(cv2.CAP_PROP_FPS)
        self._fps = float(got_fps) if got_fps and 1.0 <= got_fps <= 240.0 else float(self.requested_fps)
        self._size = (int(frame.shape[1]), int(frame.shape[0]))  # the frame is the truth, not the driver's answer
        now = time.monotonic()
        self._pending = FrameRead(True, frame, now)
        self._last_frame_at = now
        self._cap = cap

    def read(self) -> FrameRead:
        if self._pending is not None:
            first, self._pending = self._pending, None
            return first
        if self._cap is None:
            raise SourceLost(f"Camera {self.index} is not open.", source=self.name)
        ok, frame = self._cap.read()
        now = time.monotonic()
        if ok and frame is not None:
            self._last_frame_at = now
            return FrameRead(True, frame, now)
        if now - self._last_frame_at >= self.lost_after_s:
            raise SourceLost(f"Camera {self.index} stopped sending pictures (unplugged, or taken by another "
                             "program).", source=self.name,
                             hint="Reconnect the camera; recording resumes by itself when pictures come back.")
        time.sleep(0.01)  # a hiccup: do not spin on a driver that returns at once
        return FrameRead(False, None, now)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
        self._pending = None


@dataclass(frozen=True)
class CameraInfo:
    index: int
    size: tuple[int, int]
    fps: float


def list_cameras(*, max_index: int = 6, first_frame_timeout_s: float = 2.0,
                 capture_factory: CaptureFactory = default_capture) -> list[CameraInfo]:
    """Cameras that open and deliver a frame, probing indexes 0..max_index-1 (on Linux only those with a device)."""
    found = []
    for index in range(max_index):
        # on Linux a camera is a /dev/videoN node: skip absent ones instead of asking the driver about each
        if capture_factory is default_capture and sys.platform.startswith("linux") \
                and not Path(f"/dev/video{index}").exists():
            continue
        source = CameraSource(index, first_frame_timeout_s=first_frame_timeout_s, capture_factory=capture_factory)
        try:
            source.open()
        except CameraUnavailable:
            continue
        found.append(CameraInfo(index, source.size, source.fps))
        source.close()
    return found
