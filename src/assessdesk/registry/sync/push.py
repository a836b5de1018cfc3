"""Storing a pushed batch: one transaction, one SELECT for known ids, per-record results, never an overwrite."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, NamedTuple

import sqlalchemy as sa

from assessdesk.domain.clock import parse_iso
from assessdesk.domain.events import AUTHOR_KINDS
from assessdesk.protocol.events import WireEvent
from assessdesk.protocol.sync import ConflictReason, RecordResult, RecordStatus, RejectReason
from assessdesk.registry import db
from assessdesk.registry.context import Registry
from assessdesk.registry.errors import ApiError
from assessdesk.registry.stations.service import Station
from assessdesk.registry.sync.hashing import event_hash
from assessdesk.registry.sync.routing import attempt_of, record_side_effects, route_stored
from assessdesk.registry.tables import conflicts, events, push_batches

_EVENT_COLUMNS = [c for c in events.c if c.name not in ("received_at", "attempt_id")]
MAX_CHAIN = 10_000


class Acknowledged(NamedTuple):
    """A record stored now. Kept this light on purpose: a batch answers hundreds of them, and as RecordResult
    models (three objects each for the garbage collector to walk) they cost a seventh of the whole push."""

    event_id: str
    server_seq: int


Result = RecordResult | Acknowledged


def rejected(event_id: str, reason: RejectReason, detail: str) -> RecordResult:
    return RecordResult(event_id=event_id, status=RecordStatus.REJECTED, reject_reason=reason, detail=detail)


def precheck(station: Station, event: WireEvent) -> RecordResult | str:
    """Checks that need no database: authorship, station kind, content hash, timestamp. The payload's JSON text
    (to store) when it passes, else the rejection."""
    if event.author_station != station.station_id:
        return rejected(event.event_id, RejectReason.WRONG_AUTHOR,
                        f"author_station is {event.author_station!r} but this station is {station.station_id!r}")
    family = event.family
    kind = AUTHOR_KINDS.get(family)
    if kind is None:
        return rejected(event.event_id, RejectReason.UNKNOWN_FAMILY, f"no one may author '{family}' events")
    if kind not in station.kinds:
        return rejected(event.event_id, RejectReason.KIND_NOT_ALLOWED,
                        f"'{family}' events are authored by a {kind}; this station is "
                        f"{', '.join(sorted(station.kinds))}")
    try:
        computed, payload_text = event_hash(event)
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. an integer RFC 8785 cannot represent
        return rejected(event.event_id, RejectReason.MALFORMED, f"the event cannot be canonicalised: {exc}")
    if computed != event.content_hash:
        return rejected(event.event_id, RejectReason.HASH_MISMATCH,
                        "content_hash is not the sha256 of the event's RFC 8785 JSON")
    if event.supersedes == event.event_id:
        return rejected(event.event_id, RejectReason.BAD_BASE, "an event cannot supersede itself")
    try:
        parse_iso(event.occurred_at)
    except ValueError:
        return rejected(event.event_id, RejectReason.MALFORMED, "occurred_at is not an ISO 8601 timestamp")
    return payload_text


def to_wire(row: Any) -> WireEvent:
    return WireEvent(event_id=row.event_id, entity_type=row.entity_type, entity_id=row.entity_id,
                     event_type=row.event_type, payload=json.loads(row.payload), author_station=row.author_station,
                     author_user=row.author_user, occurred_at=row.occurred_at, base_version=row.base_version,
                     supersedes=row.supersedes, content_hash=row.content_hash, server_seq=row.server_seq)


def top_seq(conn: sa.Connection) -> int:
    """The highest server sequence number given out. Callers hold the push lock, so numbers are given out in commit
    order and a plain bulk insert (no RETURNING, which SQLite would run row by row) can store them."""
    return conn.execute(sa.select(sa.func.coalesce(sa.func.max(events.c.server_seq), 0))).scalar_one()


def allocate_seqs(conn: sa.Connection, count: int) -> list[int]:
    """The next `count` server sequence numbers (see `top_seq`)."""
    top = top_seq(conn)
    return list(range(top + 1, top + 1 + count))


def event_row(event: WireEvent, *, seq: int, attempt_id: str | None, now: str,
              payload_text: str | None = None) -> dict[str, Any]:
    return {"server_seq": seq, "event_id": event.event_id, "entity_type": event.entity_type,
            "entity_id": event.entity_id, "event_type": event.event_type,
            "payload": payload_text if payload_text is not None else json.dumps(event.payload, separators=(",", ":")),
            "author_station": event.author_station, "author_user": event.author_user,
            "occurred_at": event.occurred_at, "base_version": event.base_version, "supersedes": event.supersedes,
            "content_hash": event.content_hash, "attempt_id": attempt_id, "received_at": now}


@dataclass
class _Conflict:
    index: int
    event: WireEvent
    reason: ConflictReason
    server_event_id: str


def _check_batch_key(conn: sa.Connection, *, station_id: str, key: str, request_hash: str, records: int,
                     now: str) -> None:
    prior = conn.execute(sa.select(push_batches.c.request_hash).where(
        push_batches.c.station_id == station_id, push_batches.c.idempotency_key == key)).scalar()
    if prior is None:
        conn.execute(push_batches.insert().values(station_id=station_id, idempotency_key=key,
                                                  request_hash=request_hash, records=records, received_at=now))
    elif prior != request_hash:
        raise ApiError(422, "idempotency_key_reused",
                       "This batch key was already used for a different batch; the station must make a new key.")


def _chain_head(conn: sa.Connection, event_id: str) -> str:
    """The newest event in the edit chain starting at `event_id` (bounded walk)."""
    head = event_id
    for _ in range(MAX_CHAIN):
        nxt = conn.execute(sa.select(events.c.event_id).where(events.c.supersedes == head)).scalar()
        if nxt is None:
            return head
        head = nxt
    return head


def store_batch(registry: Registry, *, station: Station, idempotency_key: str, request_hash: str,
                records: list[WireEvent | RecordResult]) -> list[Result]:
    """Per-record results, in order, for a batch whose records are parsed events or early rejections."""
    results: list[Result | None] = [None] * len(records)
    checked: list[tuple[int, WireEvent, str]] = []
    for index, item in enumerate(records):
        if isinstance(item, RecordResult):
            results[index] = item
            continue
        outcome = precheck(station, item)
        if isinstance(outcome, str):
            checked.append((index, item, outcome))
        else:
            results[index] = outcome
    now = registry.now()
    with db.write_transaction(registry.engine) as conn:
        db.lock_for_push(conn)
        _check_batch_key(conn, station_id=station.station_id, key=idempotency_key, request_hash=request_hash,
                         records=len(records), now=now)
        ids = list({e.event_id for _, e, _ in checked})
        known = {r.event_id: r._mapping for r in conn.execute(
            sa.select(events.c.event_id, events.c.content_hash, events.c.server_seq)
            .where(db.in_list(events.c.event_id, ids)))} if ids else {}
        targets = list({e.supersedes for _, e, _ in checked if e.supersedes})
        target_rows: dict[str, tuple[str, str]] = {}
        successor: dict[str, str] = {}
        if targets:
            for r in conn.execute(sa.select(events.c.event_id, events.c.entity_type, events.c.entity_id)
                                  .where(events.c.event_id.in_(targets))):
                target_rows[r.event_id] = (r.entity_type, r.entity_id)
            for r in conn.execute(sa.select(events.c.event_id, events.c.supersedes)
                                  .where(events.c.supersedes.in_(targets))):
                successor[r.supersedes] = r.event_id

        edits = bool(targets)  # track entities for later edits in this batch only when it holds edits
        top = top_seq(conn)
        rows: list[dict[str, Any]] = []
        stored: list[tuple[int, WireEvent, str | None]] = []
        in_batch: dict[str, dict[str, Any]] = {}  # event id -> its row
        found_conflicts: list[_Conflict] = []
        for index, event, payload_text in checked:
            event_id = event.event_id
            prior = known.get(event_id) or in_batch.get(event_id)
            if prior is not None:
                if prior["content_hash"] == event.content_hash:
                    results[index] = RecordResult(event_id=event_id, status=RecordStatus.REPLAY,
                                                  server_seq=prior["server_seq"])
                else:
                    found_conflicts.append(_Conflict(index, event, ConflictReason.DIFFERENT_CONTENT, event_id))
                continue
            if event.supersedes:
                target = target_rows.get(event.supersedes)
                if target is None:
                    results[index] = rejected(event_id, RejectReason.UNKNOWN_BASE,
                                              f"supersedes {event.supersedes}, which the registry has not received")
                    continue
                if target != (event.entity_type, event.entity_id):
                    results[index] = rejected(event_id, RejectReason.BAD_BASE,
                                              "supersedes an event of a different entity")
                    continue
                if event.supersedes in successor:
                    found_conflicts.append(_Conflict(index, event, ConflictReason.STALE_BASE,
                                                     successor[event.supersedes]))
                    continue
                successor[event.supersedes] = event_id
            if edits:
                target_rows[event_id] = (event.entity_type, event.entity_id)
            seq = top + len(rows) + 1
            attempt_id = attempt_of(event.entity_type, event.entity_id, event.payload)
            row = event_row(event, seq=seq, attempt_id=attempt_id, now=now, payload_text=payload_text)
            rows.append(row)
            in_batch[event_id] = row
            stored.append((seq, event, attempt_id))
            results[index] = Acknowledged(event_id, seq)
        db.bulk_insert(conn, events, rows)
        route_stored(conn, stored=stored, now=now)
        record_side_effects(conn, stored=stored, now=now)
        for conflict in found_conflicts:
            results[conflict.index] = _keep_conflict(conn, station=station, conflict=conflict, now=now)
    assert all(r is not None for r in results)
    return results  # type: ignore[return-value]


def _keep_conflict(conn: sa.Connection, *, station: Station, conflict: _Conflict, now: str) -> RecordResult:
    """Store the conflict once (a re-sent conflicting record is not stored twice) and answer with our version."""
    server_id = conflict.server_event_id
    if conflict.reason is ConflictReason.STALE_BASE:
        server_id = _chain_head(conn, server_id)
    server_row = conn.execute(sa.select(*_EVENT_COLUMNS).where(events.c.event_id == server_id)).one()
    seen = conn.execute(sa.select(conflicts.c.conflict_id).where(
        conflicts.c.station_id == station.station_id, conflicts.c.event_id == conflict.event.event_id,
        conflicts.c.incoming_hash == conflict.event.content_hash)).first()
    if seen is None:
        conn.execute(conflicts.insert().values(
            station_id=station.station_id, event_id=conflict.event.event_id, reason=conflict.reason.value,
            incoming_hash=conflict.event.content_hash, incoming=conflict.event.model_dump_json(),
            server_event_id=server_id, detected_at=now))
    detail = ("another event with this id and different content is already stored"
              if conflict.reason is ConflictReason.DIFFERENT_CONTENT
              else "the event this edit replaces was already replaced by another edit")
    return RecordResult(event_id=conflict.event.event_id, status=RecordStatus.CONFLICT,
                        conflict_reason=conflict.reason, server_event=to_wire(server_row), detail=detail)
