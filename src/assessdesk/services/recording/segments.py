"""Segment files on disk: names, the per-segment manifest (open, then closed with hashes), the frame-time sidecar."""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assessdesk.services.recording.sinks import fsync_directory

MANIFEST_VERSION = 1  # 1: first layout (state open/closed, hashes, frame count, timestamps, encoder, marks)
_SEGMENT_NAME = re.compile(r"^seg-(\d{6})\.json$")


def segment_stem(index: int) -> str:
    return f"seg-{index:06d}"


def manifest_path(directory: Path, index: int) -> Path:
    return directory / f"{segment_stem(index)}.json"


def frames_path(directory: Path, index: int) -> Path:
    """The sidecar: one line per frame, `local_index<TAB>monotonic<TAB>wall_epoch`."""
    return directory / f"{segment_stem(index)}.frames.tsv"


def wall_iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class ClosedSegment:
    """A finished segment: what the evidence manifest and the event log record about it."""

    index: int
    path: Path
    sha256: str            # of the file as stored (after any encryption): what is uploaded and verified
    size: int              # bytes of that file
    media_sha256: str      # of the plain media stream the encoder produced (equal to sha256 without encryption)
    first_timestamp: float  # time.monotonic() of the first and last frame
    last_timestamp: float
    first_wall: str        # ISO 8601 UTC of the first and last frame
    last_wall: str
    frame_count: int
    encoder: str
    encoder_version: str
    reason: str            # why it closed: rolled, stopped, camera_lost, disk_low, size_changed, error, recovered
    recovered: bool = False
    error: str = ""
    close_to_hash_s: float = 0.0  # from the moment it was handed off to its hash being known
    marks: tuple[str, ...] = field(default=())
    # the sound track muxed into it, when there is one: codec, sample_rate, channels and (for a segment that
    # closed normally) seconds, silence_inserted_s, dropped_s; None for video only
    audio: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = self.path.name
        data["marks"] = list(self.marks)
        return data


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write to a temporary name, fsync, rename over: a reader sees the old or the new file, never half of one."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_directory(path.parent)


def read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def segment_indexes(directory: Path) -> list[int]:
    """Indexes of the segments with a manifest in `directory`, ascending."""
    if not directory.is_dir():
        return []
    found = (_SEGMENT_NAME.match(p.name) for p in directory.iterdir())
    return sorted(int(m.group(1)) for m in found if m)


def closed_from_manifest(directory: Path, data: dict[str, Any]) -> ClosedSegment:
    return ClosedSegment(
        index=int(data["index"]), path=directory / str(data["path"]), sha256=str(data["sha256"]),
        size=int(data["size"]), media_sha256=str(data.get("media_sha256", "")),
        first_timestamp=float(data["first_timestamp"]), last_timestamp=float(data["last_timestamp"]),
        first_wall=str(data["first_wall"]), last_wall=str(data["last_wall"]),
        frame_count=int(data["frame_count"]), encoder=str(data["encoder"]),
        encoder_version=str(data["encoder_version"]), reason=str(data["reason"]),
        recovered=bool(data.get("recovered", False)), error=str(data.get("error", "")),
        close_to_hash_s=float(data.get("close_to_hash_s", 0.0)), marks=tuple(data.get("marks", ())),
        audio=audio_track(data.get("audio")))


def audio_track(described: Any) -> dict[str, Any] | None:
    """The sound-track description of a segment manifest, or None when it has none (video only, or the fallback
    encoder's `{"missing": ...}`)."""
    if not isinstance(described, dict) or not described.get("codec"):
        return None
    return dict(described)


def closed_segments(directory: Path) -> list[ClosedSegment]:
    """Every closed (hashed) segment in `directory`, in recording order."""
    out = []
    for index in segment_indexes(directory):
        data = read_manifest(manifest_path(directory, index))
        if data and data.get("state") == "closed":
            out.append(closed_from_manifest(directory, data))
    return out


def read_frame_times(path: Path) -> list[tuple[float, float]]:
    """(monotonic, wall_epoch) per frame from a sidecar; a torn last line (the process was killed) is skipped."""
    times: list[tuple[float, float]] = []
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return times
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or line.startswith("#"):
            continue
        try:
            times.append((float(parts[1]), float(parts[2])))
        except ValueError:
            continue
    return times
