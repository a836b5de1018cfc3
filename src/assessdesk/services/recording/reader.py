"""Plays a recording's segments in order as one stream: frame index to segment, seek to a video time, step."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import cv2
import numpy as np

from assessdesk.domain.errors import DomainError
from assessdesk.services.recording.encoders import default_ffmpeg_path
from assessdesk.services.recording.frame_index import EvidenceUnreadable, SegmentedFrames
from assessdesk.services.recording.mjpeg import EXTENSION as MJPEG_EXTENSION
from assessdesk.services.recording.mjpeg import MjpegCapture
from assessdesk.services.recording.segments import (
    ClosedSegment,
    closed_segments,
    frames_path,
    manifest_path,
    read_frame_times,
    read_manifest,
)

MediaOpener = Callable[[Path], BinaryIO]


class _PipeDecoder:
    """cv2.VideoCapture's grab/read/release over bytes that never touch the disk in plain form: an opened
    (e.g. decrypting) stream is fed to ffmpeg, which hands back raw BGR frames."""

    def __init__(self, stream: BinaryIO, *, size: tuple[int, int], container: str) -> None:
        self._stream = stream
        self._frame_bytes = size[0] * size[1] * 3
        self._shape = (size[1], size[0], 3)
        ffmpeg = default_ffmpeg_path()
        if not ffmpeg:
            raise EvidenceUnreadable("ffmpeg is needed to play encrypted evidence and was not found.")
        self._proc = subprocess.Popen(
            [ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-f", container, "-i", "pipe:0",
             "-map", "0:v:0", "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._feeder = threading.Thread(target=self._feed, name="decode-feed", daemon=True)
        self._feeder.start()

    def _feed(self) -> None:
        assert self._proc.stdin is not None
        try:
            while chunk := self._stream.read(1 << 20):
                self._proc.stdin.write(chunk)
        except (OSError, ValueError):
            pass  # the decoder was released early, or the stream failed: read() reports the shortfall
        except DomainError:
            pass  # a tampered envelope chunk: decoding stops there and read() reports it
        finally:
            try:
                self._proc.stdin.close()
            except OSError:
                pass

    def read(self) -> tuple[bool, np.ndarray | None]:
        assert self._proc.stdout is not None
        data = self._proc.stdout.read(self._frame_bytes)
        if len(data) < self._frame_bytes:
            return False, None
        return True, np.frombuffer(data, np.uint8).reshape(self._shape).copy()

    def grab(self) -> bool:
        return self.read()[0]

    def release(self) -> None:
        self._proc.kill()
        self._proc.wait(timeout=10)
        self._feeder.join(timeout=5)
        self._stream.close()


class SegmentReader(SegmentedFrames):
    """Random and sequential access over closed segments. Video time is seconds since the first frame of the
    first segment, from the recorded frame timestamps (the clock markers use), so gaps (a lost camera) show.

    `open_media(path)` (optional) opens a stored segment for reading, e.g. decrypting it: its bytes are then
    decoded in memory (MPEG-TS and AVI through ffmpeg, the fallback's Motion JPEG by OpenCV) rather than by
    OpenCV from the file.
    """

    def __init__(self, segments: Sequence[ClosedSegment], *, open_media: MediaOpener | None = None) -> None:
        self._open_media = open_media
        self.segments = sorted(segments, key=lambda s: s.index)
        origin = self.segments[0].first_timestamp if self.segments else 0.0
        self._index([self._segment_times(seg, origin) for seg in self.segments])
        self.position = 0  # the next frame step() returns

    @classmethod
    def from_directory(cls, directory: Path, *, open_media: MediaOpener | None = None) -> SegmentReader:
        return cls(closed_segments(Path(directory)), open_media=open_media)

    @staticmethod
    def _segment_times(seg: ClosedSegment, origin: float) -> list[float]:
        times = [mono - origin for mono, _wall in read_frame_times(frames_path(seg.path.parent, seg.index))]
        if len(times) < seg.frame_count:  # sidecar short (torn at a crash): space the rest evenly
            span = seg.last_timestamp - seg.first_timestamp
            step = span / max(1, seg.frame_count - 1) if span > 0 else 1 / 30
            start = times[-1] + step if times else seg.first_timestamp - origin
            times.extend(start + i * step for i in range(seg.frame_count - len(times)))
        return times[:seg.frame_count]

    def locate(self, index: int) -> tuple[ClosedSegment, int]:
        """The segment holding global frame `index`, and the frame's index within it."""
        pos, local = self._locate(index)
        return self.segments[pos], local

    def read(self, index: int) -> np.ndarray:
        frame = super().read(index)
        self.position = index + 1
        return frame

    def seek(self, seconds: float) -> int:
        """Move to the frame shown at `seconds`; returns its index (step() returns it next)."""
        self.position = self.index_at(seconds)
        return self.position

    def step(self, count: int = 1) -> np.ndarray | None:
        """The frame at the current position, then move by `count` (negative steps back); None past either end."""
        if not 0 <= self.position < self.frame_count:
            return None
        here = self.position
        frame = self.read(here)
        self.position = here + count
        return frame

    def _segment_name(self, pos: int) -> str:
        return str(self.segments[pos].index)

    def _open_decoder(self, pos: int) -> Any:
        path = self.segments[pos].path
        if path.suffix == MJPEG_EXTENSION:  # the fallback's Motion JPEG: decoded here, no ffmpeg needed
            cap = MjpegCapture(self._open_media(path) if self._open_media else path.open("rb"))
        elif self._open_media is not None:
            manifest = read_manifest(manifest_path(path.parent, self.segments[pos].index)) or {}
            size = (int(manifest.get("width", 0)), int(manifest.get("height", 0)))
            if not all(size):
                raise EvidenceUnreadable(f"The manifest of {path.name} does not give the frame size.")
            container = "mpegts" if path.suffix == ".ts" else "avi"
            return _PipeDecoder(self._open_media(path), size=size, container=container)
        else:
            cap = cv2.VideoCapture(str(path))
        if not cap.isOpened():
            cap.release()
            raise EvidenceUnreadable(f"The video segment {path.name} cannot be opened.")
        return cap
