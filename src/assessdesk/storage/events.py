"""Reading authored events back as frozen domain objects."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessdesk.domain.events import AuthoredEvent
from assessdesk.storage.tables import EventRow


def to_event(row: EventRow) -> AuthoredEvent:
    return AuthoredEvent(event_id=row.event_id, entity_type=row.entity_type, entity_id=row.entity_id,
                         event_type=row.event_type, payload=json.loads(row.payload_json),
                         author_station=row.author_station, author_user=row.author_user,
                         occurred_at=row.occurred_at, base_version=row.base_version, supersedes=row.supersedes,
                         content_hash=row.content_hash, server_seq=row.server_seq)


def attempt_events(session: Session, attempt_id: str) -> list[AuthoredEvent]:
    rows = session.scalars(select(EventRow).where(EventRow.entity_type == "attempt", EventRow.entity_id == attempt_id)
                           .order_by(EventRow.local_seq))
    return [to_event(r) for r in rows]
