"""Playback without Qt: a recording's segments as one stream (decrypted as read, never written out in plain), and
the timeline marks (incidents, pauses, presence flags, camera gaps, score-sheet moments) in video time."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from assessdesk.domain.errors import NotFound
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.evidence.manifest import segment_path
from assessdesk.services.evidence.package_files import open_package
from assessdesk.services.evidence.reading import open_capture, open_plain
from assessdesk.services.recording.frame_index import EvidenceUnreadable, SegmentedFrames
from assessdesk.services.station import StationContext


@dataclass(frozen=True)
class PlaybackSegment:
    seq: int
    name: str
    frames: int
    start_s: float
    end_s: float
    open: Callable[[], BinaryIO]  # a plaintext stream of the segment


@dataclass(frozen=True)
class TimelineMark:
    kind: str  # incident | pause | presence | score | camera
    start_s: float
    end_s: float | None
    label: str


@dataclass
class Playback:
    title: str
    player: EvidencePlayer
    marks: list[TimelineMark]
    manifest: dict[str, Any]


class EvidencePlayer(SegmentedFrames):
    """Frame-accurate access across segments: frame index <-> video time, sequential reads cheap, seeks exact.

    Not thread-safe: one worker thread owns it (the playback page's decoder), never the GUI thread.
    """

    def __init__(self, segments: list[PlaybackSegment]) -> None:
        self.segments = sorted(segments, key=lambda s: s.seq)
        self._stream: BinaryIO | None = None
        # frames are spread evenly over each segment's first..last frame time (recorded wall times)
        self._index([[seg.start_s + i * ((seg.end_s - seg.start_s) / (seg.frames - 1) if seg.frames > 1 else 0.0)
                      for i in range(seg.frames)] for seg in self.segments])

    def spans(self) -> list[tuple[float, float]]:
        """(start, end) of each segment: gaps between them are time without video (camera lost, crash)."""
        return [(s.start_s, s.end_s) for s in self.segments]

    def locate(self, index: int) -> tuple[int, int]:
        return self._locate(index)

    def _segment_name(self, pos: int) -> str:
        return str(self.segments[pos].seq)

    def _open_decoder(self, pos: int) -> Any:
        cap, self._stream = open_capture(self.segments[pos].open())
        if not cap.isOpened():
            raise EvidenceUnreadable(f"The video segment {self.segments[pos].name} cannot be opened.")
        return cap

    def close(self) -> None:
        super().close()
        if self._stream is not None:
            self._stream.close()
        self._stream = None


def _main_recording(manifest: dict[str, Any]) -> dict[str, Any] | None:
    recordings = [r for r in manifest.get("recordings", []) if r.get("segments")]
    own = [r for r in recordings if r.get("own")]
    return (own or recordings or [None])[0]


def _score_moments(events: list[dict[str, Any]]) -> list[TimelineMark]:
    """Any score-sheet event payload item carrying `video_time_s` (a criterion note pointing at the video)."""
    marks: list[TimelineMark] = []

    def walk(value: Any, label: str) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("video_time_s"), int | float):
                text = str(value.get("criterion") or value.get("criterion_id") or value.get("note") or label)
                marks.append(TimelineMark("score", float(value["video_time_s"]), None, text[:80]))
            for v in value.values():
                walk(v, label)
        elif isinstance(value, list):
            for v in value:
                walk(v, label)

    for e in events:
        if str(e.get("event_type", "")).split(".")[0] in ("scoring", "score_sheet", "score"):
            walk(e.get("payload", {}), str(e["event_type"]))
    return marks


def timeline_marks(manifest: dict[str, Any], events: list[dict[str, Any]] = ()) -> list[TimelineMark]:  # type: ignore[assignment]
    marks: list[TimelineMark] = []
    for i in manifest.get("incidents", []):
        t = i.get("video_time_s")
        if t is None:
            t = i.get("elapsed_s")
        if t is not None:
            text = i.get("label") or i.get("code") or "Incident"
            marks.append(TimelineMark("incident", float(t), None, f"{text}: {i['note']}" if i.get("note") else text))
    for p in manifest.get("pauses", []):
        if p.get("video_time_s") is not None:
            marks.append(TimelineMark("pause", float(p["video_time_s"]), p.get("resumed_video_time_s"),
                                      p.get("reason") or "Clock paused"))
    for f in manifest.get("presence_flags", []):
        text = "No face visible" if f["kind"] == "face_absent" else f"{f.get('faces', 2)} faces visible"
        marks.append(TimelineMark("presence", float(f["started_s"]), f.get("ended_s"), text))
    for m in manifest.get("markers", []):
        if m.get("kind") in ("camera_lost", "camera_back", "continued") and m.get("video_time_s") is not None:
            text = {"camera_lost": "Camera lost", "camera_back": "Camera back",
                    "continued": "Recording continued after a restart"}[m["kind"]]
            marks.append(TimelineMark("camera", float(m["video_time_s"]), None, text))
    marks.extend(_score_moments(list(events)))
    return sorted(marks, key=lambda m: (m.start_s, m.kind))


def player_from_store(ctx: StationContext, manifest: dict[str, Any]) -> EvidencePlayer:
    rec = _main_recording(manifest)
    store, kek = ctx.evidence_store(), ctx.evidence_kek()

    def opener(sha: str) -> Callable[[], BinaryIO]:
        return lambda: open_plain(store.path_of(sha), kek)

    segments = [PlaybackSegment(s["seq"], s["name"], s["frames"], s["start_s"], s["end_s"], opener(s["sha256"]))
                for s in (rec or {}).get("segments", [])]
    return EvidencePlayer(segments)


def _visible_to(viewer: User | None, event: Any) -> bool:
    """Blind marking: an assessor sees only the moments of their own score sheets; approvers, lead assessors and
    admins, who review the judgement, see every sheet's moments."""
    if viewer is None or str(event.event_type).split(".")[0] not in ("scoring", "score_sheet", "score"):
        return True
    reviewers = {"approver", "lead_assessor", "admin"}
    return bool(reviewers & {str(r) for r in viewer.roles}) or event.author_user == viewer.id


def attempt_playback(ctx: StationContext, attempt_id: str, *, viewer: User | None = None) -> Playback:
    """The sealed manifest when there is one, else what has been recorded so far (unsigned). With a `viewer`, score
    moments of other markers' sheets are left out unless the viewer reviews judgements (blind second marking)."""
    from sqlalchemy import select

    from assessdesk.services.evidence.sealing import build_manifest, sealed_manifest
    from assessdesk.storage import schedule
    from assessdesk.storage.events import attempt_events, to_event
    from assessdesk.storage.tables import EventRow

    found = sealed_manifest(ctx, attempt_id)
    manifest = found[0] if found else build_manifest(ctx, attempt_id=attempt_id, kind="interim")
    with ctx.db.session() as s:
        attempt = schedule.get_attempt(s, attempt_id)
        events = attempt_events(s, attempt_id) + [to_event(r) for r in s.scalars(
            select(EventRow).where(EventRow.entity_id != attempt_id, EventRow.payload_json.contains(attempt_id)))]
    title = f"{attempt.candidate.full_name} · {attempt.credential_id} · {attempt.state.value}"
    return Playback(title, player_from_store(ctx, manifest),
                    timeline_marks(manifest, [e.__dict__ for e in events if _visible_to(viewer, e)]), manifest)


@requires("evidence.view")
def open_attempt_playback(ctx: StationContext, *, actor: User, attempt_id: str) -> Playback:
    """An assessor's or approver's view of an attempt's recording (audited: who watched which evidence)."""
    playback = attempt_playback(ctx, attempt_id, viewer=actor)
    with ctx.uow(actor.id) as uow:
        uow.audit(action="evidence.viewed", subject_type="attempt", subject_id=attempt_id)
    return playback


def package_playback(path: Path) -> Playback:
    """Play an exported package (folder or zip) without any station: what an approver elsewhere receives."""
    files = open_package(path)
    raw = files.read("manifest.json")
    if raw is None:
        raise NotFound(f"{path} has no manifest.json.")
    manifest = json.loads(raw)
    events = json.loads(files.read("events.json") or b'{"events": []}').get("events", [])
    rec = _main_recording(manifest)

    def opener(name: str) -> Callable[[], BinaryIO]:
        return lambda: files.open_member(name)

    segments = [PlaybackSegment(s["seq"], s["name"], s["frames"], s["start_s"], s["end_s"],
                                opener(segment_path(rec["attempt"], s["name"])))
                for s in (rec or {}).get("segments", [])]
    return Playback(f"Package {Path(path).name}", EvidencePlayer(segments), timeline_marks(manifest, events),
                    manifest)
