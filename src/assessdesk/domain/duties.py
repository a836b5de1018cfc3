"""Separation-of-duties rules: who may not act on what, whatever their roles allow."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assessdesk.domain.errors import SeparationOfDuties


@dataclass(frozen=True)
class AttemptParticipants:
    """The people who took part in an attempt, by user id."""

    proctors: frozenset[str] = frozenset()
    assessors: frozenset[str] = frozenset()
    moderators: frozenset[str] = frozenset()


def check_can_approve(approver_id: str, participants: AttemptParticipants) -> None:
    """An approver never approves an attempt they proctored, assessed or moderated."""
    for role, ids in (("proctored", participants.proctors), ("assessed", participants.assessors),
                      ("moderated", participants.moderators)):
        if approver_id in ids:
            raise SeparationOfDuties(
                f"You {role} this attempt, so you cannot sign off its credential.",
                hint="Another approver must review it.",
            )


def check_can_second_mark(marker_id: str, first_markers: Iterable[str]) -> None:
    """A second marker is a different person from every earlier marker."""
    if marker_id in set(first_markers):
        raise SeparationOfDuties("You already marked this attempt; the second marking needs another assessor.")


def check_role_grant(actor_id: str, target_user_id: str) -> None:
    """An admin cannot grant or change their own roles."""
    if actor_id == target_user_id:
        raise SeparationOfDuties("You cannot change your own roles.", hint="Another admin must do it.")
