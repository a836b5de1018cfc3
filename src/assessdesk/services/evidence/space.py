"""Disk space before a recording: what the time limit needs (from measured bitrates) against what the disk has."""

from __future__ import annotations

from dataclasses import dataclass

from assessdesk.services.recording.space import (
    DEFAULT_MIN_FREE_BYTES,
    DiskSpaceLow,
    FreeSpace,
    check_space,
    disk_free,
    estimate_bytes,
)
from assessdesk.services.station import StationContext


@dataclass(frozen=True)
class SpaceCheck:
    needed_bytes: int  # the recording itself, at the measured bitrate, plus the floor kept free
    free_bytes: int
    warning: DiskSpaceLow | None  # None when the disk has room; else the words to show the proctor

    @property
    def ok(self) -> bool:
        return self.warning is None


def check_recording_space(ctx: StationContext, *, minutes: float, size: tuple[int, int], fps: float,
                          encoder: str, free_space: FreeSpace = disk_free,
                          floor: int = DEFAULT_MIN_FREE_BYTES) -> SpaceCheck:
    """Estimate for `minutes` (the rubric's time limit plus any extra time) at `size` and `fps`."""
    ctx.evidence_dir.mkdir(parents=True, exist_ok=True)
    needed = estimate_bytes(minutes * 60.0, size, fps, encoder)
    warning = check_space(ctx.evidence_dir, needed, free_space=free_space, floor=floor)
    return SpaceCheck(needed + floor, free_space(ctx.evidence_dir), warning)
