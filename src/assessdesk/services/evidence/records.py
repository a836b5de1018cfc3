"""Evidence events on an attempt: appending chained segment records, and reading an attempt's evidence back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assessdesk.domain.events import AuthoredEvent
from assessdesk.services.evidence.manifest import entry_of, next_link, segment_entry
from assessdesk.services.station import StationContext
from assessdesk.storage.events import attempt_events

SEGMENT_CLOSED = "evidence.segment_closed"
SEGMENT_LOST = "evidence.segment_lost"
MARKER = "evidence.marker"
ARTIFACT_ADDED = "evidence.artifact_added"
RECORDING_SHARED = "evidence.recording_shared"
INTERIM_SEALED = "evidence.interim_sealed"
SEALED = "evidence.sealed"
PHOTO_ADDED = "evidence.photo_added"  # written by services.checkin


@dataclass(frozen=True)
class SegmentRecord:
    """One closed segment as recorded: the chained entry plus where and how it is stored on this station."""

    entry: dict[str, Any]
    chain: str
    stored_sha256: str
    stored_size: int
    encrypted: bool

    @property
    def seq(self) -> int:
        return int(self.entry["seq"])

    @property
    def index(self) -> int:
        return int(self.entry["index"])

    def manifest_item(self) -> dict[str, Any]:
        return {**self.entry, "chain": self.chain}


@dataclass
class AttemptEvidence:
    """Everything the evidence events of one attempt say, in order."""

    attempt_id: str
    events: list[AuthoredEvent]
    segments: list[SegmentRecord] = field(default_factory=list)
    lost: list[int] = field(default_factory=list)
    markers: list[dict[str, Any]] = field(default_factory=list)
    artifacts: list[dict[str, Any]] = field(default_factory=list)
    shared_from: list[str] = field(default_factory=list)
    sealed: dict[str, Any] | None = None
    interim: list[dict[str, Any]] = field(default_factory=list)

    @property
    def chain_head(self) -> str | None:
        return self.segments[-1].chain if self.segments else None

    @property
    def known_indexes(self) -> set[int]:
        return {s.index for s in self.segments} | set(self.lost)


def _segment(payload: dict[str, Any]) -> SegmentRecord:
    return SegmentRecord(entry=entry_of(payload), chain=str(payload["chain"]),
                         stored_sha256=str(payload.get("stored_sha256", payload["sha256"])),
                         stored_size=int(payload.get("stored_size", payload["size"])),
                         encrypted=bool(payload.get("encrypted", False)))


def fold(attempt_id: str, events: list[AuthoredEvent]) -> AttemptEvidence:
    ev = AttemptEvidence(attempt_id, events)
    for e in events:
        p = e.payload
        if e.event_type == SEGMENT_CLOSED:
            ev.segments.append(_segment(p))
        elif e.event_type == SEGMENT_LOST:
            ev.lost.append(int(p["index"]))
        elif e.event_type == MARKER:
            ev.markers.append(dict(p))
        elif e.event_type == ARTIFACT_ADDED:
            ev.artifacts.append(dict(p))
        elif e.event_type == RECORDING_SHARED and p.get("recording_of") not in ev.shared_from:
            ev.shared_from.append(str(p["recording_of"]))
        elif e.event_type == INTERIM_SEALED:
            ev.interim.append(dict(p))
        elif e.event_type == SEALED and "sha256" in p:  # a seal without a manifest (older demo data) names none
            ev.sealed = dict(p)
    return ev


def load(ctx: StationContext, attempt_id: str) -> AttemptEvidence:
    with ctx.db.session() as s:
        return fold(attempt_id, attempt_events(s, attempt_id))


def append_segment(ctx: StationContext, *, actor_id: str | None, attempt_id: str, fields: dict[str, Any],
                   stored_sha256: str, stored_size: int, encrypted: bool) -> SegmentRecord:
    """Record one closed segment, numbering it and linking it to the attempt's chain in the same transaction.

    `fields` are segment_entry()'s arguments minus `recording` and `seq`, which are decided here.
    """
    with ctx.uow(actor_id) as uow:
        # BEGIN IMMEDIATE (storage.database) holds the write lock, so reading the head and appending cannot race.
        segments = [_segment(e.payload) for e in attempt_events(uow.session, attempt_id)
                    if e.event_type == SEGMENT_CLOSED]
        prev = segments[-1].chain if segments else None
        entry = segment_entry(recording=attempt_id, seq=len(segments) + 1, **fields)
        link = next_link(prev, entry)
        uow.record(entity_type="attempt", entity_id=attempt_id, event_type=SEGMENT_CLOSED,
                   payload={**entry, "chain": link, "chain_prev": prev, "stored_sha256": stored_sha256,
                            "stored_size": stored_size, "encrypted": encrypted})
    return SegmentRecord(entry, link, stored_sha256, stored_size, encrypted)


def append_event(ctx: StationContext, *, actor_id: str | None, attempt_id: str, event_type: str,
                 payload: dict[str, Any]) -> AuthoredEvent:
    with ctx.uow(actor_id) as uow:
        return uow.record(entity_type="attempt", entity_id=attempt_id, event_type=event_type, payload=payload)
