"""A live camera preview for check-in: which camera to use, a capture thread, and snapshots as JPEG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from assessdesk.services.capture import CaptureCallbacks, CaptureThread, LatestFrame, SourceLost, open_source
from assessdesk.services.station import StationContext


def demo_clip() -> Path:
    from assessdesk.trust.resources import resource_path

    return resource_path("demo", "sample_clip.mp4")


def camera_spec(ctx: StationContext, override: str | None = None) -> str:
    """--camera wins; then the station setting; a demo profile uses the sample clip; else the first camera."""
    if override:
        return override
    configured = ctx.settings().get("camera")
    if configured:
        return str(configured)
    return str(demo_clip()) if ctx.is_demo else "0"


class Preview:
    """Runs a capture thread over the source `spec`; the GUI polls `latest()` on a timer (stale frames dropped)."""

    def __init__(self, spec: str, *, on_lost: Callable[[SourceLost], None] | None = None,
                 on_back: Callable[[], None] | None = None) -> None:
        self.spec = spec
        self._callbacks = CaptureCallbacks(on_camera_lost=on_lost, on_camera_back=on_back)
        self._thread: CaptureThread | None = None

    def start(self) -> None:
        """Open the source (raises CameraUnavailable with a proctor-readable message) and start reading."""
        source = open_source(self.spec)
        source.open()
        self._thread = CaptureThread(source=source, callbacks=self._callbacks, retry_seconds=1.0)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def latest(self, newer_than: int = 0) -> LatestFrame | None:
        return None if self._thread is None else self._thread.latest.get(newer_than=newer_than)

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.stop(timeout=5.0)
            self._thread = None


def jpeg(frame: np.ndarray, quality: int = 92) -> bytes:
    import cv2

    ok, buf = cv2.imencode(".jpg", frame, [int(cv2.IMWRITE_JPEG_QUALITY), quality])
    if not ok:
        raise ValueError("could not encode the photo")
    return buf.tobytes()


def decode(image_bytes: bytes) -> np.ndarray:
    import cv2

    return cv2.imdecode(np.frombuffer(image_bytes, np.uint8), cv2.IMREAD_COLOR)
