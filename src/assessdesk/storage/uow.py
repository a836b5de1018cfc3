"""One unit of work per user action: the change, its outbox record and its audit entry commit together or not at all."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from assessdesk.domain.clock import Clock, iso
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.ids import new_id
from assessdesk.storage import audit
from assessdesk.storage.database import Database
from assessdesk.storage.tables import EventRow, OutboxRow
from assessdesk.trust.event_hash import event_hash


@dataclass
class UnitOfWork:
    session: Session
    station_id: str
    actor: str | None
    clock: Clock

    def now(self) -> str:
        return iso(self.clock.now())

    def audit(self, *, action: str, subject_type: str, subject_id: str, outcome: str = "ok",
              detail: dict[str, Any] | None = None) -> None:
        audit.append(self.session, at=self.now(), actor=self.actor, action=action, subject_type=subject_type,
                     subject_id=subject_id, outcome=outcome, detail=detail)

    def record(self, *, entity_type: str, entity_id: str, event_type: str, payload: dict[str, Any],
               base_version: int = 0, supersedes: str | None = None) -> AuthoredEvent:
        """Append an authored event, queue it for sync and audit it, all in this transaction."""
        event = AuthoredEvent(event_id=new_id(), entity_type=entity_type, entity_id=entity_id,
                              event_type=event_type, payload=payload, author_station=self.station_id,
                              author_user=self.actor, occurred_at=self.now(), base_version=base_version,
                              supersedes=supersedes)
        event = AuthoredEvent(**{**event.__dict__, "content_hash": event_hash(event)})
        self.session.add(EventRow(event_id=event.event_id, entity_type=entity_type, entity_id=entity_id,
                                  event_type=event_type, payload_json=json.dumps(payload, sort_keys=True),
                                  author_station=event.author_station, author_user=event.author_user,
                                  occurred_at=event.occurred_at, base_version=base_version, supersedes=supersedes,
                                  content_hash=event.content_hash))
        self.session.flush()
        self.session.add(OutboxRow(event_id=event.event_id, status="queued", updated_at=event.occurred_at))
        self.audit(action=event_type, subject_type=entity_type, subject_id=entity_id,
                   detail={"event_id": event.event_id, "content_hash": event.content_hash})
        return event


@contextmanager
def unit_of_work(db: Database, *, station_id: str, actor: str | None, clock: Clock) -> Iterator[UnitOfWork]:
    session = db.write_session()
    try:
        with session.begin():
            yield UnitOfWork(session, station_id, actor, clock)
    finally:
        session.close()
