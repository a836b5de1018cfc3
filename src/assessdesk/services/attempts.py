"""Scheduling attempts and moving them through the state machine, each move an authored event."""

from __future__ import annotations

from typing import Any

from assessdesk.domain.attempt import NEEDS_REASON, AttemptState, next_state
from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.ids import new_id
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage.uow import UnitOfWork


@requires("attempts.schedule")
def schedule_attempt(ctx: StationContext, *, actor: User, sitting_id: str, candidate_id: str, credential_id: str,
                     rubric_ref: str) -> str:
    attempt_id = new_id()
    with ctx.uow(actor.id) as uow:
        candidate = schedule.get_candidate(uow.session, candidate_id)
        schedule.add_attempt(uow.session, attempt_id=attempt_id, sitting_id=sitting_id, candidate_id=candidate_id,
                             credential_id=credential_id, rubric_ref=rubric_ref)
        payload: dict[str, Any] = {"sitting_id": sitting_id, "candidate_id": candidate_id,
                                   "credential_id": credential_id, "rubric_ref": rubric_ref}
        if candidate.walk_in:  # not on any roster: the registry lists it for review, other stations learn the name
            payload["walk_in"] = {"candidate_id": candidate_id, "email": candidate.email,
                                  "name": f"{candidate.given_name} {candidate.family_name}"}
        uow.record(entity_type="attempt", entity_id=attempt_id, event_type="attempt.scheduled", payload=payload)
    return attempt_id


def record_transition(uow: UnitOfWork, *, attempt_id: str, event_type: str,
                      payload: dict[str, Any] | None = None) -> AttemptState:
    """The one place an attempt moves: check the rule, record the event, refold, inside the caller's unit of work
    (so a score sheet or a sign-off and the attempt's move commit together)."""
    payload = dict(payload or {})
    if event_type in NEEDS_REASON and not str(payload.get("reason", "")).strip():
        raise InvalidInput("a reason is required", where=event_type)
    current = schedule.refold_attempt(uow.session, attempt_id)
    target = next_state(current, event_type)  # raises InvalidTransition naming both states
    uow.record(entity_type="attempt", entity_id=attempt_id, event_type=event_type, payload=payload,
               base_version=len(schedule.attempt_event_types(uow.session, attempt_id)))
    state = schedule.refold_attempt(uow.session, attempt_id)
    if state is not target:
        raise AssertionError("attempt state diverged from the transition table")
    return state


def transition(ctx: StationContext, *, actor: User, attempt_id: str, event_type: str,
               payload: dict[str, Any] | None = None) -> AttemptState:
    """Apply one state-changing event in a unit of work of its own.

    Callers are use-cases that have already checked the actor's permission for what the event means.
    """
    with ctx.uow(actor.id) as uow:
        return record_transition(uow, attempt_id=attempt_id, event_type=event_type, payload=payload)
