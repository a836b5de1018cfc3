"""Fixtures for recording tests: a helper that records N synthetic frames with exact timestamps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assessdesk.services.capture.synthetic import SyntheticSource
from assessdesk.services.recording import ClosedSegment, SegmentedRecorder


@pytest.fixture
def record_synthetic() -> Callable[..., tuple[list[ClosedSegment], SyntheticSource]]:
    """record_synthetic(directory, encoder, frames=N, size=(w, h), fps=30, segment_seconds=1.0, **recorder_kw)."""

    def run(directory: Path, encoder, *, frames: int, size: tuple[int, int] = (320, 240), fps: float = 30.0,
            segment_seconds: float = 1.0, start: float = 1000.0, **kw) -> tuple[list[ClosedSegment], SyntheticSource]:
        source = SyntheticSource(size=size, fps=fps, paced=False)
        source.open()
        recorder = SegmentedRecorder(directory=directory, encoder=encoder, fps=fps,
                                     segment_seconds=segment_seconds, **kw)
        for i in range(frames):
            ok, frame, _ = source.read()
            assert ok
            recorder.write(frame, start + i / fps)  # exact timestamps: segment boundaries are predictable
        return recorder.stop(), source

    return run
