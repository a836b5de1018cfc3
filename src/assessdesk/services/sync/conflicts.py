"""Conflicts the registry answered: list them with both versions, and resolve one (keep mine / keep theirs / keep
both), audited. Nothing is overwritten silently: the losing version stays in the outbox record and the audit log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update

from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.users import User
from assessdesk.protocol.events import WireEvent
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage import sync as repo
from assessdesk.storage.tables import AttemptRow, EventRow

CHOICES = ("mine", "theirs", "both")


@dataclass(frozen=True)
class ConflictView:
    event_id: str
    event_type: str
    entity_type: str
    entity_id: str
    reason: str
    detail: str
    mine: dict[str, Any]
    theirs: dict[str, Any] | None
    theirs_event_id: str | None
    theirs_author: str | None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _view(session: Any, item: repo.OutboxItem) -> ConflictView:
    mine = repo.event_by_id(session, item.event_id)
    server = item.detail.get("server_event") or None
    return ConflictView(item.event_id, item.event_type, item.entity_type, item.entity_id,
                        str(item.detail.get("reason", "")), item.message, mine.payload if mine else {},
                        server.get("payload") if server else None, server.get("event_id") if server else None,
                        server.get("author_station") if server else None)


@requires("sync.view")
def list_conflicts(ctx: StationContext, *, actor: User) -> list[ConflictView]:
    with ctx.db.session() as s:
        return [_view(s, i) for i in repo.items(s, statuses=[repo.CONFLICT])]


def _hold(session: Any, theirs: AuthoredEvent) -> None:
    """Keep the registry's version here: beside ours when the ids differ, in place of ours when they are equal."""
    held = repo.event_by_id(session, theirs.event_id)
    if held is None:
        repo.store_pulled(session, theirs)
    elif held.content_hash != theirs.content_hash:
        session.execute(update(EventRow).where(EventRow.event_id == theirs.event_id).values(
            payload_json=json.dumps(theirs.payload, sort_keys=True), event_type=theirs.event_type,
            author_station=theirs.author_station, author_user=theirs.author_user, occurred_at=theirs.occurred_at,
            base_version=theirs.base_version, supersedes=theirs.supersedes, content_hash=theirs.content_hash,
            server_seq=theirs.server_seq))


@requires("sync.resolve_conflict")
def resolve(ctx: StationContext, *, actor: User, event_id: str, choice: str) -> str | None:
    """Resolve one conflict. `mine` re-authors our content on top of the registry's version; `theirs` adopts the
    registry's version; `both` keeps the registry's and re-authors ours beside it. Returns the new event id, if any."""
    if choice not in CHOICES:
        raise InvalidInput(f"choose one of {', '.join(CHOICES)}", where="conflict resolution")
    with ctx.uow(actor.id) as uow:
        item = repo.item(uow.session, event_id)
        if item is None or item.status != repo.CONFLICT:
            raise NotFound(f"No open conflict for record {event_id}.", hint="It may have been resolved already.")
        mine = repo.event_by_id(uow.session, event_id)
        assert mine is not None  # an outbox row always has its event (foreign key)
        server = item.detail.get("server_event")
        theirs = WireEvent.model_validate(server).to_domain() if server else None
        if theirs is None and choice != "mine":
            raise InvalidInput("the registry sent no version of its own; only 'mine' is possible",
                               where="conflict resolution")
        new_id: str | None = None
        if choice in ("theirs", "both") and theirs is not None:
            _hold(uow.session, theirs)
        if choice in ("mine", "both"):
            on_top = choice == "mine" and theirs is not None
            event = uow.record(entity_type=mine.entity_type, entity_id=mine.entity_id, event_type=mine.event_type,
                               payload=mine.payload,
                               base_version=(theirs.base_version + 1) if on_top and theirs else 0,
                               supersedes=theirs.event_id if on_top and theirs else None)
            new_id = event.event_id
        repo.set_status(uow.session, event_id=event_id, status=repo.RESOLVED, now=uow.now(),
                        detail={**item.detail, "resolution": choice, "resolved_by": actor.id, "new_event": new_id,
                                "mine": {"content_hash": mine.content_hash, "payload": mine.payload}})
        uow.audit(action="sync.conflict_resolved", subject_type="event", subject_id=event_id,
                  detail={"choice": choice, "new_event": new_id, "mine_hash": mine.content_hash,
                          "theirs_hash": theirs.content_hash if theirs else None})
        if mine.entity_type == "attempt" and uow.session.get(AttemptRow, mine.entity_id) is not None:
            schedule.refold_attempt(uow.session, mine.entity_id)
    return new_id
