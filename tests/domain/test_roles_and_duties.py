"""Roles, the action registry, and separation of duties."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessdesk.domain.duties import AttemptParticipants, check_can_approve, check_can_second_mark, check_role_grant
from assessdesk.domain.errors import InvalidInput, PermissionDenied, SeparationOfDuties
from assessdesk.domain.roles import ACTIONS, Role, can, require
from assessdesk.domain.users import parse_roles, validate_password, validate_username


@pytest.mark.parametrize(("role", "action"), list(itertools.product(Role, sorted(ACTIONS))))
def test_permission_matrix(role: Role, action: str) -> None:
    expected = role in ACTIONS[action]
    assert can([role], action) is expected
    if expected:
        require([role], action)
    else:
        with pytest.raises(PermissionDenied) as info:
            require([role], action)
        assert action in str(info.value)


def test_unknown_action_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        can([Role.ADMIN], "nonexistent.action")


@pytest.mark.parametrize("part", ["proctors", "assessors", "moderators"])
def test_approver_who_took_part_cannot_approve(part: str) -> None:
    people = AttemptParticipants(**{part: frozenset({"u1"})})
    with pytest.raises(SeparationOfDuties):
        check_can_approve("u1", people)
    check_can_approve("u2", people)


@given(st.sets(st.sampled_from("abcdef")), st.sets(st.sampled_from("abcdef")), st.sets(st.sampled_from("abcdef")),
       st.sampled_from("abcdefg"))
def test_approval_allowed_exactly_for_outsiders(p: set, a: set, m: set, approver: str) -> None:
    people = AttemptParticipants(frozenset(p), frozenset(a), frozenset(m))
    if approver in p | a | m:
        with pytest.raises(SeparationOfDuties):
            check_can_approve(approver, people)
    else:
        check_can_approve(approver, people)


def test_second_marker_differs_and_admin_cannot_grant_self() -> None:
    with pytest.raises(SeparationOfDuties):
        check_can_second_mark("u1", ["u1"])
    check_can_second_mark("u2", ["u1"])
    with pytest.raises(SeparationOfDuties):
        check_role_grant("admin1", "admin1")
    check_role_grant("admin1", "u2")


def test_user_input_rules_say_what_and_where() -> None:
    with pytest.raises(InvalidInput, match="username 'Bad Name'"):
        validate_username("Bad Name")
    with pytest.raises(InvalidInput, match="password"):
        validate_password("short")
    with pytest.raises(InvalidInput, match="role 'wizard'"):
        parse_roles(["wizard"])
