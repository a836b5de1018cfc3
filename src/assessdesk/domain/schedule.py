"""Sittings, candidates and attempt summaries as the screens and services see them."""

from __future__ import annotations

from dataclasses import dataclass

from assessdesk.domain.attempt import AttemptState


@dataclass(frozen=True)
class Sitting:
    id: str
    title: str
    site: str
    date: str
    starts_at: str


@dataclass(frozen=True)
class Candidate:
    id: str
    given_name: str
    family_name: str
    external_id: str | None = None
    email: str | None = None
    walk_in: bool = False
    needs_review: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class AttemptSummary:
    id: str
    sitting_id: str
    candidate: Candidate
    credential_id: str
    rubric_ref: str
    state: AttemptState
    version: int
