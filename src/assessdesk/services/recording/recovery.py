"""After a crash: find segments that were never closed and hashed, and recover what of them can be played."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import cv2

from assessdesk.services.recording.mjpeg import EXTENSION as MJPEG_EXTENSION
from assessdesk.services.recording.mjpeg import MjpegCapture
from assessdesk.services.recording.segments import (
    MANIFEST_VERSION,
    ClosedSegment,
    audio_track,
    frames_path,
    manifest_path,
    read_frame_times,
    read_manifest,
    segment_indexes,
    wall_iso,
    write_json_atomic,
)
from assessdesk.services.recording.sinks import SinkFactory, open_file_sink, sha256_file

_MEDIA = re.compile(r"^seg-(\d{6})\.(ts|avi|mjpeg)$")
LEGACY_STAGING = ".staging.avi"


def _legacy_staging_path(segment_path: Path) -> Path:
    """Where the OpenCV fallback of earlier versions (cv2.VideoWriter, AVI) staged a segment in plain form until
    it closed. Today's fallback stages nothing; a crash under an earlier version may still have left one."""
    return segment_path.with_name(segment_path.stem + LEGACY_STAGING)


def count_decodable_frames(path: Path, *, limit: int = 1_000_000) -> int | None:
    """Frames that decode from the start of `path` (None when it does not open at all, e.g. encrypted)."""
    cap = MjpegCapture(path.open("rb")) if path.suffix == MJPEG_EXTENSION else cv2.VideoCapture(str(path))
    if not cap.isOpened():
        cap.release()
        return None
    count = 0
    try:
        while count < limit and cap.grab():
            count += 1
    finally:
        cap.release()
    return count


def _unfinished(directory: Path) -> list[tuple[int, dict]]:
    found: dict[int, dict] = {}
    for index in segment_indexes(directory):
        data = read_manifest(manifest_path(directory, index))
        if data is None or data.get("state") not in ("closed", "lost"):
            found[index] = data or {}
    for item in directory.iterdir():  # media whose manifest never made it to disk
        match = _MEDIA.match(item.name)
        if match and not manifest_path(directory, int(match.group(1))).exists():
            found.setdefault(int(match.group(1)), {"path": item.name})
    return sorted(found.items())


def _format_only(described: object) -> dict | None:
    track = audio_track(described)
    return None if track is None else {k: track[k] for k in ("codec", "sample_rate", "channels") if k in track}


def lost_segments(attempt_dir: Path) -> list[int]:
    """Indexes of segments that seal_recovered found nothing in (for the incident log)."""
    directory = Path(attempt_dir)
    return [i for i in segment_indexes(directory)
            if (read_manifest(manifest_path(directory, i)) or {}).get("state") == "lost"]


def scan_unfinished(attempt_dir: Path) -> list[ClosedSegment]:
    """Segments in `attempt_dir` left open by a crash, hashed as they lie, marked `recovered`. Writes nothing.

    frame_count is what decodes (a killed encoder's last partial frame is dropped), or when the file cannot be
    decoded here (encrypted), what the timestamp sidecar says was written. Empty segments are left out.
    """
    directory = Path(attempt_dir)
    out = []
    for index, data in _unfinished(directory):
        media = directory / str(data.get("path", f"seg-{index:06d}.ts"))
        staged = _legacy_staging_path(media)
        if staged.exists() and (not media.exists() or media.stat().st_size == 0):
            media = staged  # an earlier version's fallback died before copying its staging file into the sink
        if not media.exists() or media.stat().st_size == 0:
            continue
        times = read_frame_times(frames_path(directory, index))
        decodable = count_decodable_frames(media)
        count = decodable if decodable is not None else len(times)
        if count == 0:
            continue
        kept = times[:count]
        first, last = (kept[0], kept[-1]) if kept else ((0.0, 0.0), (0.0, 0.0))
        out.append(ClosedSegment(
            index=index, path=media, sha256=sha256_file(media), size=media.stat().st_size, media_sha256="",
            first_timestamp=first[0], last_timestamp=last[0], first_wall=wall_iso(first[1]) if kept else "",
            last_wall=wall_iso(last[1]) if kept else "", frame_count=count,
            encoder=str(data.get("encoder", "unknown")), encoder_version=str(data.get("encoder_version", "")),
            reason="recovered", recovered=True, marks=("recovered",),
            # the format it was opened with; how many seconds of sound survived the cut is not measured here
            audio=_format_only(data.get("audio"))))
    return out


def seal_recovered(attempt_dir: Path, segments: list[ClosedSegment], *,
                   open_sink: SinkFactory = open_file_sink) -> list[ClosedSegment]:
    """Write closed manifests for recovered segments so they join the recording (SegmentReader, evidence), and
    mark every other unfinished segment `lost` (nothing in it decodes) so it is reported once, not rescanned.

    A plain file staged by an earlier version's fallback is first moved into its sink (re-hashed), as a normal
    close would have done.
    """
    directory = Path(attempt_dir)
    recovered = {seg.index for seg in segments}
    for index, data in _unfinished(directory):
        if index not in recovered:
            media = directory / str(data.get("path", f"seg-{index:06d}.ts"))
            _legacy_staging_path(media).unlink(missing_ok=True)  # undecodable plain fragments serve nobody
            if media.exists() and media.stat().st_size == 0:
                media.unlink()
            write_json_atomic(manifest_path(directory, index), {
                **data, "manifest_version": MANIFEST_VERSION, "index": index, "state": "lost",
                "reason": "the station stopped before any of this segment could be decoded"})
    sealed = []
    for seg in segments:
        if seg.path.name.endswith(LEGACY_STAGING):
            final = seg.path.with_name(seg.path.name.replace(LEGACY_STAGING, ".avi"))
            final.unlink(missing_ok=True)
            sink = open_sink(final)
            try:
                with open(seg.path, "rb") as src:
                    shutil.copyfileobj(src, sink, 1 << 20)  # type: ignore[misc]
            finally:
                sink.close()
            seg.path.unlink()
            seg = ClosedSegment(**{**seg.__dict__, "path": final, "sha256": sha256_file(final),
                                   "size": final.stat().st_size})
        data = seg.to_json()
        data.update({"manifest_version": MANIFEST_VERSION, "state": "closed"})
        write_json_atomic(manifest_path(directory, seg.index), data)
        sealed.append(seg)
    return sealed
