"""A frame-source wrapper for a recording: video time for every frame, a presence sample every k-th, and (for
sources read faster than real time, like the demo clip) frame times taken from the frame count."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np

from assessdesk.services.capture.source import FrameRead, FrameSource


class TappedSource:
    """Meets FrameSource; `on_frame(frame, video_time_s)` is called on the capture thread for every frame.

    With `simulated=True` the timestamps are `first + n / fps` rather than the moment of reading, and
    `wall_clock()` moves with them, so an unpaced file makes a recording as long as the file, not as the read.
    """

    def __init__(self, source: FrameSource, *, offset_s: float = 0.0, simulated: bool = False,
                 on_frame: Callable[[np.ndarray, float], None] | None = None) -> None:
        self.inner = source
        self.name = source.name
        self._offset = offset_s
        self._simulated = simulated
        self._on_frame = on_frame
        self._lock = threading.Lock()
        self._first_ts: float | None = None
        self._last_ts: float | None = None
        self._count = 0
        self._mono0 = time.monotonic()
        self._wall0 = time.time()

    @property
    def size(self) -> tuple[int, int]:
        return self.inner.size

    @property
    def fps(self) -> float:
        return self.inner.fps

    def open(self) -> None:
        self.inner.open()

    def close(self) -> None:
        self.inner.close()

    def read(self) -> FrameRead:
        got = self.inner.read()
        if not got.ok or got.frame is None:
            return got
        with self._lock:
            ts = (self._mono0 + self._count / max(1.0, self.inner.fps)) if self._simulated else got.timestamp
            self._count += 1
            if self._first_ts is None:
                self._first_ts = ts
            self._last_ts = ts
            video_time = self._offset + ts - self._first_ts
        if self._on_frame is not None:
            self._on_frame(got.frame, video_time)
        return FrameRead(True, got.frame, ts)

    def wall_clock(self) -> float:
        """Epoch seconds of the newest frame (simulated), or now."""
        if not self._simulated:
            return time.time()
        with self._lock:
            last = self._last_ts if self._last_ts is not None else self._mono0
        return self._wall0 + (last - self._mono0)

    def video_time(self) -> float:
        """Seconds of the attempt's recording so far (the offset of this run plus what it has read)."""
        with self._lock:
            if self._first_ts is None:
                return self._offset
            now = self._last_ts if self._simulated else time.monotonic()
            return self._offset + max(0.0, (now or self._first_ts) - self._first_ts)

    @property
    def frames(self) -> int:
        return self._count
