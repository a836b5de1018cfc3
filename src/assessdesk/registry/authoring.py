"""Registry-authored events: built, hashed and stored like any station's, and broadcast to every station."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from assessdesk.domain.ids import new_id
from assessdesk.protocol.events import WireEvent, event_content_hash
from assessdesk.registry.db import bulk_insert, lock_for_push
from assessdesk.registry.sync.push import allocate_seqs, event_row
from assessdesk.registry.sync.routing import broadcast
from assessdesk.registry.tables import events

REGISTRY_AUTHOR = "registry"


@dataclass(frozen=True)
class Draft:
    entity_type: str
    entity_id: str
    event_type: str
    payload: dict[str, Any]
    base_version: int = 0
    supersedes: str | None = None


def append(conn: sa.Connection, drafts: list[Draft], *, now: str, author_user: str | None = None) -> list[WireEvent]:
    """Store registry events in one go (inside the caller's transaction) and route them to all stations."""
    built: list[WireEvent] = []
    for d in drafts:
        fields = {"event_id": new_id(), "entity_type": d.entity_type, "entity_id": d.entity_id,
                  "event_type": d.event_type, "payload": d.payload, "author_station": REGISTRY_AUTHOR,
                  "author_user": author_user, "occurred_at": now, "base_version": d.base_version,
                  "supersedes": d.supersedes}
        built.append(WireEvent(**fields, content_hash=event_content_hash(fields)))
    if not built:
        return []
    lock_for_push(conn)
    seqs = allocate_seqs(conn, len(built))
    bulk_insert(conn, events, [event_row(e, seq=s, attempt_id=None, now=now)
                               for e, s in zip(built, seqs, strict=True)])
    broadcast(conn, seqs)
    return [e.model_copy(update={"server_seq": s}) for e, s in zip(built, seqs, strict=True)]
