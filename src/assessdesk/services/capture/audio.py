"""Audio sources for role-play recordings (video with a sound track): the interface, a test tone, a reader thread."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from typing import NamedTuple, Protocol, runtime_checkable

import numpy as np

log = logging.getLogger(__name__)


class AudioRead(NamedTuple):
    """`samples` is int16 of shape (n, channels); `timestamp` is time.monotonic() at the first sample."""

    ok: bool
    samples: np.ndarray | None
    timestamp: float


@runtime_checkable
class AudioSource(Protocol):
    name: str
    sample_rate: int
    channels: int

    def open(self) -> None: ...

    def read(self) -> AudioRead: ...

    def close(self) -> None: ...


class ToneSource:
    """A steady sine tone in chunks of `chunk_seconds`, paced like a microphone (or as fast as read)."""

    def __init__(self, *, frequency: float = 440.0, sample_rate: int = 48_000, channels: int = 1,
                 chunk_seconds: float = 0.1, amplitude: float = 0.3, paced: bool = True) -> None:
        self.name = f"tone {frequency:g} Hz"
        self.frequency = frequency
        self.sample_rate = sample_rate
        self.channels = channels
        self.chunk = max(1, round(chunk_seconds * sample_rate))
        self.amplitude = amplitude
        self.paced = paced
        self._sent = 0
        self._t0 = 0.0

    def open(self) -> None:
        self._sent = 0
        self._t0 = time.monotonic()

    def read(self) -> AudioRead:
        start = self._sent
        if self.paced:  # a microphone hands over a chunk once its last sample has been heard
            delay = self._t0 + (start + self.chunk) / self.sample_rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        n = np.arange(start, start + self.chunk, dtype=np.float64)
        wave = self.amplitude * 32767 * np.sin(2 * math.pi * self.frequency * n / self.sample_rate)
        samples = np.repeat(wave.astype(np.int16)[:, None], self.channels, axis=1)
        self._sent += self.chunk
        return AudioRead(True, samples, self._t0 + start / self.sample_rate)

    def close(self) -> None:
        pass


class AudioThread(threading.Thread):
    """Reads an opened AudioSource and hands every chunk to `deliver` (e.g. SegmentedRecorder.write_audio).

    When the source fails (a microphone unplugged), the thread ends and `on_failed(error)` is called on it; the
    recorder then fills the track with silence.
    """

    def __init__(self, *, source: AudioSource, deliver: Callable[[np.ndarray, float], object],
                 on_failed: Callable[[BaseException], None] | None = None) -> None:
        super().__init__(name=f"audio-{source.name}", daemon=True)
        self.source = source
        self._deliver = deliver
        self._on_failed = on_failed
        self.failure: BaseException | None = None
        self._stop_event = threading.Event()
        self.chunks = 0

    def stop(self, timeout: float = 5.0) -> bool:
        self._stop_event.set()
        if self.is_alive():
            self.join(timeout)
        return not self.is_alive()

    def run(self) -> None:
        try:
            while not self._stop_event.is_set():
                got = self.source.read()
                if got.ok and got.samples is not None:
                    self._deliver(got.samples, got.timestamp)
                    self.chunks += 1
        except Exception as exc:  # noqa: BLE001 - a failing microphone must not take the video with it
            log.warning("audio source %s failed: %s", self.source.name, exc)
            self.failure = exc
            if self._on_failed is not None and not self._stop_event.is_set():
                try:
                    self._on_failed(exc)
                except Exception:
                    log.exception("on_failed listener failed")
        finally:
            self.source.close()
