"""Disk space: how much a recording will need (from measured bitrates) and whether the disk has it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from assessdesk.domain.errors import DomainError

FreeSpace = Callable[[Path], int]

# Measured bits per pixel per frame (docs/recording.md, benchmarks/recording.py), rounded up: x264 at its default
# preset and crf 23 in MPEG-TS on webcam-like content, and the fallback's Motion JPEG at quality 80 (0.73 on the
# synthetic 720p source, 0.77 on the photographic demo clip). Estimates err on the high side: running out is worse,
# so an encoder not listed here is assumed to need as much as the hungriest one.
BITS_PER_PIXEL_FRAME = {"ffmpeg-libx264": 0.08, "opencv-mjpeg": 0.8}
_FALLBACK_BPP = max(BITS_PER_PIXEL_FRAME.values())
DEFAULT_MIN_FREE_BYTES = 256 * 1024 * 1024


def disk_free(path: Path) -> int:
    """Free bytes on the disk holding `path` (the default, injectable free-space function)."""
    return shutil.disk_usage(path).free


def estimate_bytes(duration_s: float, size: tuple[int, int], fps: float, encoder: str) -> int:
    """Bytes a recording of `duration_s` is expected to take with the named encoder (see BITS_PER_PIXEL_FRAME)."""
    bpp = BITS_PER_PIXEL_FRAME.get(encoder, _FALLBACK_BPP)
    return int(duration_s * fps * size[0] * size[1] * bpp / 8) + 1


class DiskSpaceLow(DomainError):
    """Not enough free disk space to (keep) recording."""

    def __init__(self, *, directory: Path, free: int, needed: int, stopped: bool) -> None:
        mb_free, mb_needed = free // 1_000_000, needed // 1_000_000
        if stopped:
            message = (f"Recording stopped: the disk is almost full ({mb_free} MB free). "
                       "The video recorded so far is saved and sealed.")
        else:
            message = f"The disk may be too full for this recording: {mb_free} MB free, about {mb_needed} MB needed."
        super().__init__(message, hint="Free disk space (or move old, already-synced evidence off this station), "
                                       "then start a new recording.")
        self.directory = directory
        self.free = free
        self.needed = needed
        self.stopped = stopped


def check_space(directory: Path, needed: int, *, free_space: FreeSpace = disk_free,
                floor: int = DEFAULT_MIN_FREE_BYTES) -> DiskSpaceLow | None:
    """A warning (not raised) when `directory` has less than `needed` plus the floor kept free; None when fine."""
    free = free_space(directory)
    if free >= needed + floor:
        return None
    return DiskSpaceLow(directory=directory, free=free, needed=needed + floor, stopped=False)
