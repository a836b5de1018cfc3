"""The sound-track probe on real files from the bundled ffmpeg: MPEG-TS (the recorder), AVI (older fallback
recordings) and MP4 (imported clips), with and without sound, and the fallback's Motion-JPEG stream (pictures only);
anything else is 'cannot tell', never a guess."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from assessdesk.services.recording.encoders import default_ffmpeg_path
from assessdesk.services.scoring.media_probe import has_sound_track

CODECS = {"ts": ["-c:v", "libx264", "-preset", "ultrafast", "-f", "mpegts"],
          "avi": ["-c:v", "mjpeg", "-f", "avi"],
          "mp4": ["-c:v", "libx264", "-preset", "ultrafast", "-f", "mp4"]}
SOUND = {"ts": ["-c:a", "aac"], "avi": ["-c:a", "pcm_s16le"], "mp4": ["-c:a", "aac"]}


def clip(tmp_path: Path, container: str, *, sound: bool) -> Path:
    out = tmp_path / f"clip-{sound}.{container}"
    argv = [str(default_ffmpeg_path()), "-hide_banner", "-loglevel", "error", "-f", "lavfi",
            "-i", "testsrc=size=64x48:rate=5"]
    if sound:
        argv += ["-f", "lavfi", "-i", "sine=sample_rate=8000", *SOUND[container]]
    subprocess.run([*argv, "-t", "0.6", *CODECS[container], str(out)], check=True, timeout=60, capture_output=True)
    return out


@pytest.mark.parametrize("container", sorted(CODECS))
def test_sound_track_is_read_from_the_container(tmp_path: Path, container: str) -> None:
    with open(clip(tmp_path, container, sound=True), "rb") as f:
        assert has_sound_track(f) is True
    with open(clip(tmp_path, container, sound=False), "rb") as f:
        assert has_sound_track(f) is False


def test_unknown_or_cut_files_are_not_guessed(tmp_path: Path) -> None:
    assert has_sound_track(io.BytesIO(b"")) is None
    assert has_sound_track(io.BytesIO(b"not a video at all" * 100)) is None
    head = clip(tmp_path, "ts", sound=True).read_bytes()[:100]  # not even one whole packet: no stream table
    assert has_sound_track(io.BytesIO(head)) is None


def test_the_fallback_motion_jpeg_stream_has_no_sound_track(tmp_path: Path) -> None:
    import numpy as np

    from assessdesk.services.recording import FileSink, OpenCvEncoder

    path = tmp_path / "seg-000001.mjpeg"
    sink = FileSink(path)
    session = OpenCvEncoder().start(size=(64, 48), fps=5, sink=sink, segment_path=path)
    session.write(np.full((48, 64, 3), 128, np.uint8))
    session.finish()
    sink.close()
    with open(path, "rb") as f:
        assert has_sound_track(f) is False
