"""The capture thread: read a frame, give it to the recorder, put it in the one-slot box the preview polls."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assessdesk.services.capture.source import CameraUnavailable, FrameSource, SourceLost
from assessdesk.services.recording.recorder import SegmentedRecorder
from assessdesk.services.recording.segments import ClosedSegment

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LatestFrame:
    frame: np.ndarray
    timestamp: float
    sequence: int  # counts frames put in the box; the preview skips a frame it has already shown


class LatestFrameBox:
    """Holds only the newest frame: a slow reader misses frames (fine for a preview), the writer never waits."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._item: LatestFrame | None = None
        self._sequence = 0

    def put(self, frame: np.ndarray, timestamp: float) -> None:
        with self._lock:
            self._sequence += 1
            self._item = LatestFrame(frame, timestamp, self._sequence)

    def get(self, *, newer_than: int = 0) -> LatestFrame | None:
        """The newest frame, or None when there is none newer than sequence `newer_than`."""
        with self._lock:
            item = self._item
        return item if item is not None and item.sequence > newer_than else None


@dataclass
class CaptureCallbacks:
    """Plain callables, called on the capture thread (segment closes: on the recorder's closer thread). The GUI
    bridge re-emits them as queued Qt signals; a callback must not block."""

    on_camera_lost: Callable[[SourceLost], None] | None = None
    on_camera_back: Callable[[], None] | None = None
    on_segment_closed: Callable[[ClosedSegment], None] | None = None


def _call(callback: Callable[..., None] | None, *args: object) -> None:
    if callback is None:
        return
    try:
        callback(*args)
    except Exception:  # a listener's bug must not stop the camera
        log.exception("capture callback failed")


class CaptureThread(threading.Thread):
    """Runs one opened source until stop(). A lost source closes the recorder's segment, fires on_camera_lost,
    and is reopened every `retry_seconds` until it answers (then on_camera_back) or the thread is stopped."""

    def __init__(self, *, source: FrameSource, callbacks: CaptureCallbacks | None = None,
                 recorder: SegmentedRecorder | None = None, retry_seconds: float = 1.0,
                 reopen_on_end: bool = False) -> None:
        super().__init__(name=f"capture-{source.name}", daemon=True)
        self.source = source
        self.callbacks = callbacks or CaptureCallbacks()
        self.latest = LatestFrameBox()
        self.retry_seconds = retry_seconds
        self.reopen_on_end = reopen_on_end
        self.frames_read = 0
        self.ended = threading.Event()  # set when the source ended for good (a file without loop)
        self._stop_event = threading.Event()
        self._recorder_lock = threading.Lock()
        self._recorder: SegmentedRecorder | None = None
        if recorder is not None:
            self.attach_recorder(recorder)

    def attach_recorder(self, recorder: SegmentedRecorder) -> None:
        """From the next frame on, every frame also goes to `recorder` (recording starts while preview runs)."""
        if self.callbacks.on_segment_closed is not None:
            recorder.subscribe(on_segment_closed=self.callbacks.on_segment_closed)
        with self._recorder_lock:
            self._recorder = recorder

    def detach_recorder(self) -> SegmentedRecorder | None:
        """Stop handing frames to the recorder (the caller then stops it); the preview goes on."""
        with self._recorder_lock:
            recorder, self._recorder = self._recorder, None
        return recorder

    def stop(self, timeout: float = 5.0) -> bool:
        """Ask the thread to finish and wait up to `timeout`; True if it did. The source is closed by the thread."""
        self._stop_event.set()
        if self.is_alive():
            self.join(timeout)
        return not self.is_alive()

    def run(self) -> None:
        try:
            while not self._stop_event.is_set():
                try:
                    got = self.source.read()
                except SourceLost as lost:
                    if not self._handle_lost(lost):
                        return
                    continue
                except Exception as exc:  # a driver error is a lost camera as far as the proctor is concerned
                    log.exception("reading %s failed", self.source.name)
                    if not self._handle_lost(SourceLost(f"{self.source.name} failed: {exc}",
                                                        source=self.source.name)):
                        return
                    continue
                if not got.ok or got.frame is None:
                    continue
                self.frames_read += 1
                with self._recorder_lock:
                    recorder = self._recorder
                if recorder is not None:
                    recorder.write(got.frame, got.timestamp)
                self.latest.put(got.frame, got.timestamp)
        finally:
            self.source.close()

    def _handle_lost(self, lost: SourceLost) -> bool:
        """Close the segment, tell listeners, and reopen. False when the thread should end."""
        with self._recorder_lock:
            recorder = self._recorder
        if recorder is not None:
            recorder.close_segment("camera_lost")
            recorder.mark("camera_lost", {"message": lost.message, "ended": lost.ended})
        _call(self.callbacks.on_camera_lost, lost)
        if lost.ended and not self.reopen_on_end:
            self.ended.set()
            return False
        self.source.close()
        while not self._stop_event.wait(self.retry_seconds):
            try:
                self.source.open()
            except CameraUnavailable:
                continue
            with self._recorder_lock:
                recorder = self._recorder
            if recorder is not None:
                recorder.mark("camera_back", {})
            _call(self.callbacks.on_camera_back)
            return True
        return False
