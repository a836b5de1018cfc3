"""The sync repository: outbox rows by status, pulled events with their server sequence, and sync_state facts.

Conflicts and quarantines keep their details (reason, the registry's version) as JSON in `outbox.last_error`, so the
station needs no extra table for them; `resolved` is the terminal status of a conflict someone has decided.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from assessdesk.domain.events import AuthoredEvent
from assessdesk.storage.events import to_event
from assessdesk.storage.tables import EventRow, OutboxRow, SyncStateRow

QUEUED, SENT, ACKNOWLEDGED, CONFLICT, QUARANTINED, RESOLVED = (
    "queued", "sent", "acknowledged", "conflict", "quarantined", "resolved")
STATUSES = (QUEUED, SENT, ACKNOWLEDGED, CONFLICT, QUARANTINED)  # what the sync page counts
PENDING = (QUEUED, SENT)  # pushed on the next run (a `sent` row lost its answer: the replay is harmless)


@dataclass(frozen=True)
class OutboxItem:
    outbox_id: int
    event_id: str
    event_type: str
    entity_type: str
    entity_id: str
    status: str
    tries: int
    updated_at: str
    detail: dict[str, Any]
    server_seq: int | None

    @property
    def message(self) -> str:
        return str(self.detail.get("detail") or self.detail.get("message") or "")


def _detail(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"message": text}
    return value if isinstance(value, dict) else {"message": text}


# --- sync_state ----------------------------------------------------------------------------------------------
def get_state(session: Session) -> dict[str, str]:
    return {r.key: r.value for r in session.scalars(select(SyncStateRow))}


def set_state(session: Session, values: dict[str, str | None]) -> None:
    """Write facts; a None value deletes the key."""
    for key, value in values.items():
        row = session.get(SyncStateRow, key)
        if value is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(SyncStateRow(key=key, value=value))
        else:
            row.value = value
    session.flush()


def get_json(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(SyncStateRow, key)
    return json.loads(row.value) if row is not None else default


def keys_with_prefix(session: Session, prefix: str) -> dict[str, str]:
    rows = session.scalars(select(SyncStateRow).where(SyncStateRow.key.startswith(prefix, autoescape=True)))
    return {r.key: r.value for r in rows}


# --- outbox --------------------------------------------------------------------------------------------------
def pending_batch(session: Session, *, limit: int) -> list[tuple[int, AuthoredEvent]]:
    """The oldest queued or sent records, in the order they were authored (an edit after what it supersedes)."""
    rows = session.execute(select(OutboxRow.id, EventRow).join(EventRow, EventRow.event_id == OutboxRow.event_id)
                           .where(OutboxRow.status.in_(PENDING)).order_by(OutboxRow.id).limit(limit)).all()
    return [(outbox_id, to_event(row)) for outbox_id, row in rows]


def mark_sent(session: Session, outbox_ids: Sequence[int], *, now: str) -> None:
    if outbox_ids:
        session.execute(update(OutboxRow).where(OutboxRow.id.in_(list(outbox_ids)))
                        .values(status=SENT, tries=OutboxRow.tries + 1, updated_at=now))


def mark_unsent(session: Session, outbox_ids: Sequence[int], *, now: str, error: str) -> None:
    """The push got no answer: back to queued, the error kept for the sync page."""
    if outbox_ids:
        session.execute(update(OutboxRow).where(OutboxRow.id.in_(list(outbox_ids)), OutboxRow.status == SENT)
                        .values(status=QUEUED, updated_at=now, last_error=json.dumps({"message": error})))


def acknowledge(session: Session, *, event_id: str, server_seq: int | None, now: str) -> None:
    session.execute(update(OutboxRow).where(OutboxRow.event_id == event_id)
                    .values(status=ACKNOWLEDGED, updated_at=now, last_error=None))
    if server_seq is not None:
        session.execute(update(EventRow).where(EventRow.event_id == event_id).values(server_seq=server_seq))


def set_status(session: Session, *, event_id: str, status: str, now: str, detail: dict[str, Any] | None) -> None:
    session.execute(update(OutboxRow).where(OutboxRow.event_id == event_id)
                    .values(status=status, updated_at=now,
                            last_error=json.dumps(detail, sort_keys=True) if detail is not None else None))


def counts(session: Session) -> dict[str, int]:
    found = dict(session.execute(select(OutboxRow.status, func.count()).group_by(OutboxRow.status)).all())
    return {status: int(found.get(status, 0)) for status in (*STATUSES, RESOLVED)}


def _item(outbox: OutboxRow, event: EventRow) -> OutboxItem:
    return OutboxItem(outbox.id, event.event_id, event.event_type, event.entity_type, event.entity_id,
                      outbox.status, outbox.tries, outbox.updated_at, _detail(outbox.last_error), event.server_seq)


def items(session: Session, *, statuses: Iterable[str], limit: int = 200) -> list[OutboxItem]:
    rows = session.execute(select(OutboxRow, EventRow).join(EventRow, EventRow.event_id == OutboxRow.event_id)
                           .where(OutboxRow.status.in_(list(statuses))).order_by(OutboxRow.id).limit(limit)).all()
    return [_item(o, e) for o, e in rows]


def item(session: Session, event_id: str) -> OutboxItem | None:
    row = session.execute(select(OutboxRow, EventRow).join(EventRow, EventRow.event_id == OutboxRow.event_id)
                          .where(OutboxRow.event_id == event_id)).first()
    return _item(*row) if row else None


# --- events --------------------------------------------------------------------------------------------------
def event_by_id(session: Session, event_id: str) -> AuthoredEvent | None:
    row = session.scalar(select(EventRow).where(EventRow.event_id == event_id))
    return to_event(row) if row else None


def store_pulled(session: Session, event: AuthoredEvent) -> None:
    """Keep an event another author wrote, with the registry's sequence, and no outbox row (it is not ours to send)."""
    session.add(EventRow(event_id=event.event_id, entity_type=event.entity_type, entity_id=event.entity_id,
                         event_type=event.event_type, payload_json=json.dumps(event.payload, sort_keys=True),
                         author_station=event.author_station, author_user=event.author_user,
                         occurred_at=event.occurred_at, base_version=event.base_version,
                         supersedes=event.supersedes, content_hash=event.content_hash, server_seq=event.server_seq))
    session.flush()


def own_evidence_events(session: Session, *, station_id: str, after_local_seq: int = 0) -> list[AuthoredEvent]:
    """This station's acknowledged evidence events (the registry expects their blobs)."""
    rows = session.scalars(select(EventRow).join(OutboxRow, OutboxRow.event_id == EventRow.event_id)
                           .where(EventRow.author_station == station_id, EventRow.event_type.startswith("evidence."),
                                  OutboxRow.status == ACKNOWLEDGED, EventRow.local_seq > after_local_seq)
                           .order_by(EventRow.local_seq))
    return [to_event(r) for r in rows]


def evidence_events(session: Session) -> list[AuthoredEvent]:
    """Every evidence event the station holds, own or pulled (retention reads them)."""
    rows = session.scalars(select(EventRow).where(EventRow.event_type.startswith("evidence."))
                           .order_by(EventRow.local_seq))
    return [to_event(r) for r in rows]


def max_server_seq(session: Session) -> int:
    return int(session.scalar(select(func.max(EventRow.server_seq))) or 0)
