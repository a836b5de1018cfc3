"""The attempt state machine: every state and transition of the product, and the state derived from events."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from assessdesk.domain.errors import InvalidTransition


class AttemptState(StrEnum):
    SCHEDULED = "scheduled"
    CHECKED_IN = "checked_in"
    IDENTITY_VERIFIED = "identity_verified"
    IDENTITY_FAILED = "identity_failed"
    IN_PROGRESS = "in_progress"
    PAUSED = "paused"
    ENDED = "ended"
    AWAITING_SCORES = "awaiting_scores"
    AWAITING_SECOND_MARKING = "awaiting_second_marking"
    IN_MODERATION = "in_moderation"
    PASSED = "passed"
    FAILED = "failed"
    PENDING_APPROVAL = "pending_approval"
    ISSUED = "issued"
    REJECTED = "rejected"
    VOIDED = "voided"


S = AttemptState
_SCORING = (S.AWAITING_SCORES, S.AWAITING_SECOND_MARKING, S.IN_MODERATION)

# event type -> {from state: to state}. Event types not listed here annotate an attempt without moving it.
TRANSITIONS: dict[str, dict[AttemptState, AttemptState]] = {
    "attempt.checked_in": {S.SCHEDULED: S.CHECKED_IN},
    "identity.verified": {S.CHECKED_IN: S.IDENTITY_VERIFIED},
    "identity.failed": {S.CHECKED_IN: S.IDENTITY_FAILED},
    "attempt.started": {S.IDENTITY_VERIFIED: S.IN_PROGRESS},
    "attempt.paused": {S.IN_PROGRESS: S.PAUSED},
    "attempt.resumed": {S.PAUSED: S.IN_PROGRESS},
    "attempt.ended": {S.IN_PROGRESS: S.ENDED, S.PAUSED: S.ENDED},
    "evidence.sealed": {S.ENDED: S.AWAITING_SCORES},
    "scoring.second_marking_required": {S.AWAITING_SCORES: S.AWAITING_SECOND_MARKING},
    "scoring.moderation_opened": {S.AWAITING_SCORES: S.IN_MODERATION, S.AWAITING_SECOND_MARKING: S.IN_MODERATION},
    "outcome.passed": {s: S.PASSED for s in _SCORING},
    "outcome.failed": {s: S.FAILED for s in _SCORING},
    "issuance.requested": {S.PASSED: S.PENDING_APPROVAL},
    "issuance.approved": {S.PENDING_APPROVAL: S.ISSUED},
    "issuance.rejected": {S.PENDING_APPROVAL: S.REJECTED},
    "issuance.returned_to_moderation": {S.PENDING_APPROVAL: S.IN_MODERATION},
    # Voiding is possible until issuance; an issued credential can only be revoked.
    "attempt.voided": {
        s: S.VOIDED for s in AttemptState
        if s not in (S.ISSUED, S.REJECTED, S.VOIDED, S.IDENTITY_FAILED, S.FAILED)
    },
}

TERMINAL = frozenset({S.IDENTITY_FAILED, S.FAILED, S.ISSUED, S.REJECTED, S.VOIDED})
INITIAL = S.SCHEDULED
# Transitions that need a reason recorded with them.
NEEDS_REASON = frozenset({"attempt.voided", "issuance.rejected", "issuance.returned_to_moderation", "attempt.paused"})


def next_state(current: AttemptState, event_type: str) -> AttemptState:
    """The state after `event_type`; raises InvalidTransition naming both states when it is not allowed."""
    table = TRANSITIONS.get(event_type)
    if table is None:
        return current
    try:
        return table[current]
    except KeyError:
        raise InvalidTransition(current.value, event_type) from None


def derive_state(event_types: Iterable[str]) -> AttemptState:
    """Fold an attempt's events (in their agreed order) into its current state."""
    state = INITIAL
    for event_type in event_types:
        state = next_state(state, event_type)
    return state


def allowed_events(current: AttemptState) -> list[str]:
    """The state-changing events an attempt in `current` may take, for menus and tests."""
    return sorted(e for e, table in TRANSITIONS.items() if current in table)


def is_state_changing(event_type: str) -> bool:
    return event_type in TRANSITIONS
