"""Where an attempt's recording lives on the station, and which of its segments the event log does not know yet."""

from __future__ import annotations

import re
from pathlib import Path

from assessdesk.services.evidence import records
from assessdesk.services.station import StationContext

# .mjpeg: the OpenCV fallback; .avi and .staging.avi: the fallback of earlier versions (cv2.VideoWriter)
_SEGMENT_FILE = re.compile(r"^seg-(\d{6})(?:\.json|\.ts|\.mjpeg|\.avi|\.staging\.avi)$")


def recording_dir(ctx: StationContext, attempt_id: str) -> Path:
    return ctx.evidence_dir / "recordings" / attempt_id


def indexes_on_disk(directory: Path) -> list[int]:
    """Every segment index with a sidecar or a media file in `directory` (a crash may leave either alone)."""
    if not directory.is_dir():
        return []
    found = {int(m.group(1)) for p in directory.iterdir() if (m := _SEGMENT_FILE.match(p.name))}
    return sorted(found)


def unrecorded_indexes(ctx: StationContext, attempt_id: str) -> list[int]:
    """Segments on disk with no `evidence.segment_closed` or `evidence.segment_lost` event: left by a crash."""
    on_disk = indexes_on_disk(recording_dir(ctx, attempt_id))
    if not on_disk:
        return []
    known = records.load(ctx, attempt_id).known_indexes
    return [i for i in on_disk if i not in known]
