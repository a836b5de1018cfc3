"""Closing one segment, off the capture path: finish the encoder, make the file durable, hash it, seal its manifest."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessdesk.services.recording.encoders import AudioFormat, Encoder, EncoderFailed, EncoderSession
from assessdesk.services.recording.segments import (
    MANIFEST_VERSION,
    ClosedSegment,
    audio_track,
    manifest_path,
    wall_iso,
    write_json_atomic,
)
from assessdesk.services.recording.sinks import CountingWriter, sha256_file


@dataclass
class OpenSegment:
    """The segment the writer thread is filling."""

    index: int
    path: Path
    size: tuple[int, int]
    session: EncoderSession
    sink: CountingWriter
    frames: Any  # the sidecar text file
    first_ts: float
    first_wall: float
    last_ts: float = 0.0
    last_wall: float = 0.0
    count: int = 0
    marks: list[str] = field(default_factory=list)
    audio_samples: int = 0   # of sound handed to this segment's encoder


def seal_segment(seg: OpenSegment, *, reason: str, handed_at: float, encoder: Encoder, fps: float,
                 audio: AudioFormat | None, audio_json: dict[str, Any] | None) -> ClosedSegment:
    """Finish `seg` and write its closed manifest; an encoder failure still seals what reached the disk."""
    error = next((m[7:] for m in seg.marks if m.startswith("error: ")), "")
    try:
        seg.session.finish()
    except EncoderFailed as exc:
        error = error or str(exc)
        reason = "error"
    finally:
        seg.sink.close()  # flush + fsync (the sink's contract)
        seg.frames.flush()
        os.fsync(seg.frames.fileno())
        seg.frames.close()
    digest = sha256_file(seg.path)  # of the durable file: what is stored is what is hashed
    if audio_json is not None and audio is not None:
        rate = audio.sample_rate
        silence = int(getattr(seg.session, "silence_injected", 0))
        refused = int(getattr(seg.session, "audio_refused", 0))
        audio_json = {**audio_json, "seconds": round((seg.audio_samples + silence - refused) / rate, 3),
                      "silence_inserted_s": round(silence / rate, 3), "dropped_s": round(refused / rate, 3)}
    closed = ClosedSegment(
        index=seg.index, path=seg.path, sha256=digest, size=seg.path.stat().st_size,
        media_sha256=seg.sink.media_sha256, first_timestamp=seg.first_ts, last_timestamp=seg.last_ts,
        first_wall=wall_iso(seg.first_wall), last_wall=wall_iso(seg.last_wall), frame_count=seg.count,
        encoder=encoder.name, encoder_version=encoder.version, reason=reason, error=error,
        close_to_hash_s=time.monotonic() - handed_at,
        marks=tuple(m for m in seg.marks if not m.startswith("error: ")), audio=audio_track(audio_json))
    data = closed.to_json()
    data.update({"manifest_version": MANIFEST_VERSION, "state": "closed", "width": seg.size[0],
                 "height": seg.size[1], "fps": fps, "audio": audio_json})
    write_json_atomic(manifest_path(seg.path.parent, seg.index), data)
    return closed
