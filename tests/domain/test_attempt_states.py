"""The attempt state machine: every transition, every illegal one, and properties over random sequences."""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessdesk.domain.attempt import (TERMINAL, TRANSITIONS, AttemptState, allowed_events, derive_state,
                                       next_state)
from assessdesk.domain.errors import InvalidTransition

S = AttemptState
LEGAL = [(e, a, b) for e, table in TRANSITIONS.items() for a, b in table.items()]
ILLEGAL = [(e, s) for e in TRANSITIONS for s in AttemptState if s not in TRANSITIONS[e]]


@pytest.mark.parametrize(("event", "source", "target"), LEGAL)
def test_every_legal_transition(event: str, source: AttemptState, target: AttemptState) -> None:
    assert next_state(source, event) is target


@pytest.mark.parametrize(("event", "source"), ILLEGAL)
def test_every_illegal_transition_names_both(event: str, source: AttemptState) -> None:
    with pytest.raises(InvalidTransition) as info:
        next_state(source, event)
    assert info.value.current == source.value and info.value.attempted == event
    assert source.value in str(info.value) and event in str(info.value)


def test_product_flow_end_to_end() -> None:
    flow = ["attempt.checked_in", "identity.verified", "attempt.started", "attempt.paused", "attempt.resumed",
            "attempt.ended", "evidence.sealed", "scoring.second_marking_required", "scoring.moderation_opened",
            "outcome.passed", "issuance.requested", "issuance.approved"]
    assert derive_state(flow) is S.ISSUED


def test_issued_can_only_be_revoked_not_voided() -> None:
    assert allowed_events(S.ISSUED) == []
    with pytest.raises(InvalidTransition):
        next_state(S.ISSUED, "attempt.voided")


def test_rejection_ends_or_returns_to_moderation() -> None:
    assert next_state(S.PENDING_APPROVAL, "issuance.rejected") is S.REJECTED
    assert next_state(S.PENDING_APPROVAL, "issuance.returned_to_moderation") is S.IN_MODERATION


def test_every_state_reachable_and_every_live_state_can_finish() -> None:
    edges: dict[AttemptState, set[AttemptState]] = {s: set() for s in AttemptState}
    for _e, a, b in LEGAL:
        edges[a].add(b)
    seen, todo = {S.SCHEDULED}, deque([S.SCHEDULED])
    while todo:
        for nxt in edges[todo.popleft()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    assert seen == set(AttemptState)
    for state in set(AttemptState) - TERMINAL:
        assert edges[state] & TERMINAL or edges[state], state
    for state in TERMINAL:
        assert not edges[state], f"terminal {state} must have no way out"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(sorted(TRANSITIONS) + ["incident.logged", "presence.flagged"]), max_size=25))
def test_random_sequences_fold_or_fail_cleanly(events: list[str]) -> None:
    state = S.SCHEDULED
    for i, event in enumerate(events):
        try:
            state = next_state(state, event)
        except InvalidTransition as exc:
            assert exc.current == state.value
            with pytest.raises(InvalidTransition):
                derive_state(events[: i + 1])
            return
    assert derive_state(events) is state
    if state in TERMINAL:
        assert all(next_state(state, e) is state for e in ("incident.logged",))
