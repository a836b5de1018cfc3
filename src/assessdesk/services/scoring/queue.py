"""The scoring queue (what an assessor may mark now) and the moderation queue and case view for lead assessors."""

from __future__ import annotations

from dataclasses import dataclass

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.scoring import Evaluation, ScoreSheet, SheetRole
from assessdesk.domain.second_marking import Comparison, compare
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.scoring.sheets import ROLE_FOR_STATE, SheetView, open_sheet
from assessdesk.services.scoring.workflow import evaluate_sheet, latest
from assessdesk.services.standards.pinning import pin_attempt
from assessdesk.services.station import StationContext
from assessdesk.storage import scoring as repo


@dataclass(frozen=True)
class QueueEntry:
    attempt_id: str
    candidate_name: str
    credential_id: str
    assessment_ref: str
    sitting: str
    on: str
    state: AttemptState
    role: SheetRole
    has_draft: bool

    @property
    def task(self) -> str:
        return {SheetRole.FIRST: "Score", SheetRole.SECOND: "Blind second marking",
                SheetRole.MODERATION: "Moderate", SheetRole.RESCORE: "Re-score"}[self.role]


@requires("scoring.score")
def scoring_queue(ctx: StationContext, *, actor: User) -> list[QueueEntry]:
    """Attempts awaiting a first or second marking that this assessor may take (never their own second)."""
    with ctx.db.session() as s:
        drafts = repo.drafts_of(s, actor.id)
        out = []
        for facts in repo.attempts_in_states(s, [AttemptState.AWAITING_SCORES, AttemptState.AWAITING_SECOND_MARKING]):
            role = ROLE_FOR_STATE[facts.state]
            if role is SheetRole.SECOND and actor.id in {x.assessor_id for x in repo.sheets_for(s, facts.id)}:
                continue
            out.append(QueueEntry(facts.id, facts.candidate_name, facts.credential_id, facts.rubric_ref,
                                  facts.sitting_title, facts.on.isoformat(), facts.state, role, facts.id in drafts))
        return out


@requires("scoring.moderate")
def moderation_queue(ctx: StationContext, *, actor: User) -> list[QueueEntry]:
    with ctx.db.session() as s:
        drafts = repo.drafts_of(s, actor.id)
        return [QueueEntry(f.id, f.candidate_name, f.credential_id, f.rubric_ref, f.sitting_title, f.on.isoformat(),
                           f.state, SheetRole.MODERATION, f.id in drafts)
                for f in repo.attempts_in_states(s, [AttemptState.IN_MODERATION])]


@dataclass(frozen=True)
class ModerationCase:
    """Both markers' sheets side by side, their difference, and the lead assessor's draft of the agreed result."""

    draft: SheetView
    first: ScoreSheet | None
    second: ScoreSheet | None
    first_evaluation: Evaluation | None
    second_evaluation: Evaluation | None
    comparison: Comparison | None
    reason_opened: str


@requires("scoring.moderate")
def moderation_case(ctx: StationContext, *, actor: User, attempt_id: str) -> ModerationCase:
    view = open_sheet(ctx, actor=actor, attempt_id=attempt_id)  # checks the moderator marked neither sheet
    with ctx.db.session() as s:
        pinned = pin_attempt(s, attempt_id)
        sheets = repo.sheets_for(s, attempt_id)
        first, second = latest(sheets, SheetRole.FIRST), latest(sheets, SheetRole.SECOND)
        e1 = evaluate_sheet(s, pinned, first) if first else None
        e2 = evaluate_sheet(s, pinned, second) if second else None
        reason = ""
        for event_type, payload in repo.attempt_events(s, attempt_id):
            if event_type in ("scoring.moderation_opened", "issuance.returned_to_moderation"):
                reason = str(payload.get("reason", ""))
    comparison = compare(e1, e2, tolerance=pinned.assessment.second_marking.tolerance) if e1 and e2 else None
    return ModerationCase(view, first, second, e1, e2, comparison, reason)
