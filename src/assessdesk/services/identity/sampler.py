"""Runs face detection on every k-th camera frame on its own thread and feeds a PresenceMonitor."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.identity.detection import STREAM_SETTINGS, FaceDetector, detector_for
from assessdesk.services.identity.presence import PresenceEvent, PresenceFlag, PresenceMonitor

EventSink = Callable[[PresenceEvent], None]


@dataclass(frozen=True, slots=True)
class SamplerStats:
    frames_offered: int        # every frame the capture thread handed over
    frames_sampled: int        # every k-th of those, put in the one-slot box
    frames_detected: int       # samples the worker actually ran detection on
    frames_replaced: int       # samples overwritten in the box before the worker got to them (detector too slow)
    detect_seconds_total: float
    errors: int

    @property
    def mean_detect_ms(self) -> float:
        return 1000.0 * self.detect_seconds_total / self.frames_detected if self.frames_detected else 0.0


class PresenceSampler:
    """Capture calls `offer(frame, t)` for every frame (cheap, never blocks); a worker detects on the newest sample.

    Events are delivered to `on_event` on the worker thread: a GUI bridge must re-emit them as queued signals.
    """

    def __init__(self, *, monitor: PresenceMonitor, every_nth: int = 5, detector: FaceDetector | None = None,
                 on_event: EventSink | None = None) -> None:
        if every_nth < 1:
            raise InvalidInput("must be 1 or more.", where="presence sampling interval (every k-th frame)")
        self.monitor = monitor
        self.every_nth = every_nth
        self._detector = detector or detector_for(STREAM_SETTINGS)
        self._on_event = on_event
        self._cond = threading.Condition()
        self._slot: tuple[np.ndarray, float] | None = None
        self._stop = threading.Event()
        self._monitor_lock = threading.Lock()  # observe() on the worker vs finish() from stop()
        self._thread: threading.Thread | None = None
        self._offered = self._sampled = self._detected = self._replaced = self._errors = 0
        self._detect_seconds = 0.0
        self.last_error: Exception | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="presence-detector", daemon=True)
        self._thread.start()

    def offer(self, frame: np.ndarray, t: float) -> bool:
        """Hand over a frame taken at video time t (seconds). Returns True when it was kept for detection.

        The frame must not be written to afterwards (cv2.VideoCapture.read returns a fresh array each time).
        """
        self._offered += 1
        if (self._offered - 1) % self.every_nth:
            return False
        with self._cond:
            if self._slot is not None:
                self._replaced += 1  # keep only the newest: a stale sample would delay the flag
            self._slot = (frame, t)
            self._sampled += 1
            self._cond.notify()
        return True

    def stop(self, *, finish_at_s: float | None = None, timeout: float = 2.0) -> list[PresenceFlag]:
        """Stop the worker (join with a timeout, never kill); optionally close open flags at `finish_at_s`."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        with self._monitor_lock:
            events = self.monitor.finish(finish_at_s) if finish_at_s is not None else []
            flags = self.monitor.flags
        for event in events:
            self._emit(event)
        return flags

    @property
    def stats(self) -> SamplerStats:
        return SamplerStats(self._offered, self._sampled, self._detected, self._replaced,
                            self._detect_seconds, self._errors)

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._cond:
                # The timeout bounds the wait so a missed notify can never hang shutdown.
                self._cond.wait_for(lambda: self._slot is not None or self._stop.is_set(), timeout=0.5)
                item, self._slot = self._slot, None
            if item is None:
                continue
            frame, t = item
            started = time.perf_counter()
            try:
                faces = len(self._detector.detect(frame))
            except Exception as exc:  # noqa: BLE001 - one bad frame must not stop monitoring
                self._errors += 1
                self.last_error = exc
                continue
            self._detect_seconds += time.perf_counter() - started
            self._detected += 1
            with self._monitor_lock:
                if self._stop.is_set():
                    return
                events = self.monitor.observe(t, faces)
            for event in events:
                self._emit(event)

    def _emit(self, event: PresenceEvent) -> None:
        if self._on_event is not None:
            self._on_event(event)
