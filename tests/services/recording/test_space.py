"""Disk space: estimates, the pre-flight warning, and a graceful stop when the disk fills while recording."""

from __future__ import annotations

from pathlib import Path

from assessdesk.services.recording import (
    DiskSpaceLow,
    FfmpegH264Encoder,
    SegmentReader,
    check_space,
    closed_segments,
    estimate_bytes,
)


def test_estimate_scales_with_time_pixels_and_encoder() -> None:
    one = estimate_bytes(60, (1280, 720), 30, "ffmpeg-libx264")
    assert estimate_bytes(120, (1280, 720), 30, "ffmpeg-libx264") >= 2 * one - 1
    assert estimate_bytes(60, (640, 360), 30, "ffmpeg-libx264") < one / 3
    assert estimate_bytes(60, (1280, 720), 30, "opencv-mjpeg") > 5 * one  # the fallback: Motion JPEG
    assert estimate_bytes(60, (1280, 720), 30, "not-measured") >= estimate_bytes(60, (1280, 720), 30, "opencv-mjpeg")
    assert 5_000_000 < one < 100_000_000  # a minute of 720p30 H.264: megabytes, not kilobytes or gigabytes


def test_check_space_warns_in_proctor_words(tmp_path: Path) -> None:
    assert check_space(tmp_path, 10_000, free_space=lambda _p: 10**12) is None
    warning = check_space(tmp_path, 500_000_000, free_space=lambda _p: 300_000_000, floor=100_000_000)
    assert isinstance(warning, DiskSpaceLow) and not warning.stopped
    assert "300 MB free" in warning.message and "600 MB needed" in warning.message
    assert "Free disk space" in warning.hint


def test_recording_stops_and_seals_when_free_space_falls_below_the_floor(tmp_path: Path, record_synthetic) -> None:
    calls = {"n": 0}

    def shrinking_disk(_path: Path) -> int:
        calls["n"] += 1
        return 10**10 if calls["n"] <= 2 else 10**6  # the third check (t = 2 s) finds the disk nearly full

    stops = []
    segments, _ = record_synthetic(tmp_path, FfmpegH264Encoder(), frames=120, segment_seconds=1.5,
                                   free_space=shrinking_disk, min_free_bytes=10**8, space_check_seconds=1.0,
                                   on_stopped=stops.append)
    assert len(stops) == 1 and stops[0].reason == "disk_low"
    error = stops[0].error
    assert isinstance(error, DiskSpaceLow) and error.stopped
    assert "Recording stopped: the disk is almost full" in error.message
    # frames 0..59 were written (checks at 0 s, 1 s pass; the one at 2 s stops), every one closed and hashed
    assert [(s.frame_count, s.reason) for s in segments] == [(45, "rolled"), (15, "disk_low")]
    assert closed_segments(tmp_path) == segments
    assert SegmentReader(segments).frame_count == 60
