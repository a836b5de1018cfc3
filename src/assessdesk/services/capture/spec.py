"""Turns a camera spec typed by a person or a setting ("0", a file path, "synthetic:1280x720@30") into a source."""

from __future__ import annotations

import re
from pathlib import Path

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.capture.camera import CameraSource
from assessdesk.services.capture.filesource import VideoFileSource
from assessdesk.services.capture.source import FrameSource
from assessdesk.services.capture.synthetic import SyntheticSource

_SYNTHETIC = re.compile(r"^synthetic(?::(\d+)x(\d+)(?:@(\d+(?:\.\d+)?))?)?$")
_HINT = "Use a camera number (0), a video file path, or synthetic[:WIDTHxHEIGHT@FPS]."


def open_source(spec: str, *, loop_files: bool = True, paced: bool = True,
                camera_size: tuple[int, int] = (1280, 720), camera_fps: float = 30.0) -> FrameSource:
    """Build (not open) the source `spec` names. Files loop by default: the demo clip stands in for a camera."""
    text = spec.strip()
    if not text:
        raise InvalidInput("no camera given", where="camera", hint=_HINT)
    if text.isdigit():
        return CameraSource(int(text), size=camera_size, fps=camera_fps)
    match = _SYNTHETIC.match(text)
    if match:
        width, height, fps = match.groups()
        size = (int(width), int(height)) if width else (640, 480)
        try:
            return SyntheticSource(size=size, fps=float(fps) if fps else 30.0, paced=paced)
        except ValueError as exc:
            raise InvalidInput(str(exc), where="camera", hint=_HINT) from exc
    if text.startswith("synthetic"):
        raise InvalidInput(f"'{text}' is not a synthetic source spec", where="camera", hint=_HINT)
    path = Path(text).expanduser()
    if not path.is_file():
        raise InvalidInput(f"'{text}' is neither a camera number nor an existing video file", where="camera",
                           hint=_HINT)
    return VideoFileSource(path, loop=loop_files, paced=paced)
