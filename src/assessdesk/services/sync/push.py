"""Pushing the outbox: batches with content-derived idempotency keys, and the registry's per-record answers kept —
acknowledged with their server sequence, conflicts on both sides, rejected records quarantined."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from assessdesk.domain.events import AuthoredEvent
from assessdesk.protocol.events import WireEvent, event_content_hash
from assessdesk.protocol.sync import PushResponse, RecordStatus
from assessdesk.services.station import StationContext
from assessdesk.storage import sync as repo

BATCH_SIZE = 500


@dataclass(frozen=True)
class Batch:
    key: str
    outbox_ids: tuple[int, ...]
    events: tuple[WireEvent, ...]


@dataclass
class PushTally:
    acknowledged: int = 0
    conflicts: int = 0
    quarantined: int = 0
    batches: int = 0
    problems: list[str] = field(default_factory=list)


def wire_of(event: AuthoredEvent, *, local_station: str, registry_station: str) -> WireEvent:
    """The event as the registry must see it. The registry names a station by the id it gave at enrolment; when that
    differs from the id this station authored under, our events travel under the registry's id (hash recomputed)
    — a no-op once the registry accepts the station's own id."""
    fields = asdict(event)
    fields.pop("server_seq", None)
    if event.author_station == local_station and registry_station != local_station:
        fields["author_station"] = registry_station
        fields["content_hash"] = event_content_hash({k: v for k, v in fields.items() if k != "content_hash"})
    return WireEvent(**fields)


def batch_key(events: tuple[WireEvent, ...]) -> str:
    """Same records, same key: a batch re-sent after a lost answer is a replay the registry recognises."""
    digest = hashlib.sha256("\n".join(f"{e.event_id}:{e.content_hash}" for e in events).encode()).hexdigest()
    return f"batch-{digest[:48]}"


def take_batch(ctx: StationContext, *, registry_station: str, limit: int = BATCH_SIZE) -> Batch | None:
    """The next batch, marked `sent` (and its try counted) before any byte leaves (db lane, short transaction)."""
    with ctx.uow(None) as uow:
        rows = repo.pending_batch(uow.session, limit=limit)
        if not rows:
            return None
        repo.mark_sent(uow.session, [i for i, _ in rows], now=uow.now())
    events = tuple(wire_of(e, local_station=ctx.station_id, registry_station=registry_station) for _, e in rows)
    return Batch(batch_key(events), tuple(i for i, _ in rows), events)


def unsent(ctx: StationContext, batch: Batch, error: str) -> None:
    with ctx.uow(None) as uow:
        repo.mark_unsent(uow.session, batch.outbox_ids, now=uow.now(), error=error)


def keep_results(ctx: StationContext, batch: Batch, answer: PushResponse, tally: PushTally) -> None:
    """Apply the per-record answers in one short transaction; audit each conflict and quarantine."""
    by_id = {e.event_id: e for e in batch.events}
    tally.batches += 1
    with ctx.uow(None) as uow:
        now = uow.now()
        for result in answer.results:
            if result.event_id not in by_id:
                tally.problems.append(f"the registry answered for an event not in the batch ({result.event_id})")
                continue
            if result.status in (RecordStatus.ACKNOWLEDGED, RecordStatus.REPLAY):
                repo.acknowledge(uow.session, event_id=result.event_id, server_seq=result.server_seq, now=now)
                tally.acknowledged += 1
            elif result.status is RecordStatus.CONFLICT:
                detail: dict[str, Any] = {
                    "kind": "conflict", "reason": result.conflict_reason.value if result.conflict_reason else "",
                    "detail": result.detail,
                    "server_event": result.server_event.model_dump() if result.server_event else None}
                repo.set_status(uow.session, event_id=result.event_id, status=repo.CONFLICT, now=now, detail=detail)
                uow.audit(action="sync.conflict", subject_type="event", subject_id=result.event_id, outcome="conflict",
                          detail={"reason": detail["reason"],
                                  "server_event": result.server_event.event_id if result.server_event else None})
                tally.conflicts += 1
            else:
                reason = result.reject_reason.value if result.reject_reason else "rejected"
                repo.set_status(uow.session, event_id=result.event_id, status=repo.QUARANTINED, now=now,
                                detail={"kind": "quarantine", "reason": reason, "detail": result.detail})
                uow.audit(action="sync.quarantined", subject_type="event", subject_id=result.event_id,
                          outcome="rejected", detail={"reason": reason})
                tally.quarantined += 1
        answered = {r.event_id for r in answer.results}
        missing = [i for i, e in zip(batch.outbox_ids, batch.events, strict=True) if e.event_id not in answered]
        if missing:  # never silently drop: unanswered records go back to the queue
            repo.mark_unsent(uow.session, missing, now=now, error="the registry did not answer for this record")
            tally.problems.append(f"{len(missing)} records got no answer and stay queued")
