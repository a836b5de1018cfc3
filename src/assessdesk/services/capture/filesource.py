"""A video file played as if it were a camera: paced to the file's frame rate (or as fast as read), optionally looping."""

from __future__ import annotations

import time
from pathlib import Path

import cv2

from assessdesk.services.capture.source import CameraUnavailable, FrameRead, SourceLost


class VideoFileSource:
    """Frames of a video file. At the end: starts over when `loop`, else read() raises SourceLost(ended=True)."""

    def __init__(self, path: Path | str, *, loop: bool = False, paced: bool = True) -> None:
        self.path = Path(path)
        self.name = f"file:{self.path.name}"
        self.loop = loop
        self.paced = paced
        self._cap: cv2.VideoCapture | None = None
        self._size = (0, 0)
        self._fps = 30.0
        self._t0 = 0.0
        self._played = 0  # frames returned since open (across loops), for pacing

    @property
    def size(self) -> tuple[int, int]:
        return self._size

    @property
    def fps(self) -> float:
        return self._fps

    def _open_capture(self) -> cv2.VideoCapture:
        if not self.path.is_file():
            raise CameraUnavailable(f"The video file {self.path} does not exist.", source=self.name,
                                    hint="Check the path, or choose a camera instead.")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            raise CameraUnavailable(f"The video file {self.path.name} cannot be played.", source=self.name,
                                    hint="It may be damaged or in a format this station cannot read.")
        return cap

    def open(self) -> None:
        self.close()
        cap = self._open_capture()
        fps = cap.get(cv2.CAP_PROP_FPS)
        self._fps = float(fps) if fps and 1.0 <= fps <= 240.0 else 30.0
        self._size = (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self._cap = cap
        self._t0 = time.monotonic()
        self._played = 0

    def read(self) -> FrameRead:
        if self._cap is None:
            raise SourceLost("The video file is not open.", source=self.name, ended=True)
        ok, frame = self._cap.read()
        if not ok and self.loop:
            # reopening is the one way to rewind that works for every container (seeking MPEG-TS is unreliable)
            self._cap.release()
            self._cap = self._open_capture()
            ok, frame = self._cap.read()
        if not ok:
            raise SourceLost(f"The video file {self.path.name} has ended.", source=self.name, ended=True)
        if self.paced:
            due = self._t0 + self._played / self._fps
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            elif delay < -1.0:  # fell far behind (a stall): pace from now rather than rush to catch up
                self._t0 = time.monotonic() - self._played / self._fps
        self._played += 1
        if frame.shape[1] != self._size[0] or frame.shape[0] != self._size[1]:
            self._size = (int(frame.shape[1]), int(frame.shape[0]))
        return FrameRead(True, frame, time.monotonic())

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
