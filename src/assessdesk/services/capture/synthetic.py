"""A deterministic moving test pattern with a frame counter, standing in for a camera in tests and benchmarks."""

from __future__ import annotations

import time

import cv2
import numpy as np

from assessdesk.services.capture.source import FrameRead, SourceLost

COUNTER_BITS = 20
_CELL = 16  # counter cells are 16x16 blocks: big enough to survive lossy compression intact


def _base_pattern(width: int, height: int) -> np.ndarray:
    """A smooth colour field with a grid, twice as wide as the frame so a window can slide across it."""
    w2 = width * 2
    x = np.linspace(0.0, 4.0 * np.pi, w2, dtype=np.float32)[None, :]
    y = np.linspace(0.0, 2.0 * np.pi, height, dtype=np.float32)[:, None]
    img = np.empty((height, w2, 3), np.uint8)
    img[..., 0] = (127 + 100 * np.sin(x + y)).astype(np.uint8)
    img[..., 1] = (127 + 100 * np.sin(0.5 * x - y)).astype(np.uint8)
    img[..., 2] = (127 + 100 * np.cos(0.7 * x + 0.3 * y)).astype(np.uint8)
    img[::40, :, :] //= 2
    img[:, ::40, :] //= 2
    return img


class SyntheticSource:
    """Frame n depends only on n: a sliding pattern, a moving disc, the counter as text and as binary cells.

    `paced` sleeps so frames arrive at `fps` like a camera; unpaced returns frames as fast as asked.
    `max_frames` (optional) makes the source end like a file: read() then raises SourceLost(ended=True).
    """

    def __init__(self, *, size: tuple[int, int] = (640, 480), fps: float = 30.0, paced: bool = True,
                 max_frames: int | None = None, name: str = "synthetic") -> None:
        if size[0] < COUNTER_BITS * _CELL or size[1] < 4 * _CELL:
            raise ValueError(f"synthetic frames must be at least {COUNTER_BITS * _CELL}x{4 * _CELL}")
        self.name = name
        self._size = (int(size[0]), int(size[1]))
        self._fps = float(fps)
        self._paced = paced
        self._max_frames = max_frames
        self._base: np.ndarray | None = None
        self._index = 0
        self._t0 = 0.0

    @property
    def size(self) -> tuple[int, int]:
        return self._size

    @property
    def fps(self) -> float:
        return self._fps

    @property
    def frames_made(self) -> int:
        return self._index

    def open(self) -> None:
        if self._base is None:
            self._base = _base_pattern(*self._size)
        self._index = 0
        self._t0 = time.monotonic()

    def frame(self, index: int) -> np.ndarray:
        """The exact frame `index` (what read() returned as its index-th frame)."""
        if self._base is None:
            self._base = _base_pattern(*self._size)
        w, h = self._size
        shift = (index * 4) % w
        img = np.ascontiguousarray(self._base[:, shift:shift + w])
        cx = int(w / 2 + (w / 3) * np.sin(index / 20.0))
        cy = int(h / 2 + (h / 4) * np.cos(index / 27.0))
        cv2.circle(img, (cx, cy), max(8, h // 10), (40, 40, 230), -1)
        cv2.putText(img, f"{index:06d}", (8, h - 16), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (255, 255, 255), 3)
        for bit in range(COUNTER_BITS):
            on = (index >> bit) & 1
            img[8:8 + _CELL, 8 + bit * _CELL:8 + (bit + 1) * _CELL] = 255 if on else 0
        return img

    def read(self) -> FrameRead:
        if self._max_frames is not None and self._index >= self._max_frames:
            raise SourceLost(f"The test pattern ended after {self._max_frames} frames.", source=self.name,
                             ended=True)
        if self._paced:
            due = self._t0 + self._index / self._fps
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        img = self.frame(self._index)
        self._index += 1
        return FrameRead(True, img, time.monotonic())

    def close(self) -> None:
        pass


def read_counter(frame: np.ndarray) -> int:
    """The frame number a SyntheticSource drew into `frame`, read back from its binary cells (after decoding)."""
    value = 0
    for bit in range(COUNTER_BITS):
        cell = frame[8 + 4:8 + _CELL - 4, 8 + bit * _CELL + 4:8 + (bit + 1) * _CELL - 4]
        if float(cell.mean()) > 127:
            value |= 1 << bit
    return value
