"""Outcomes after scoring: the retake check that check-in calls, and the candidate's one-page result slip."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.outcome import PriorAttempt, RetakeDecision, RetakeRefused, check_retake
from assessdesk.domain.standards import ItemKind, in_force
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.scoring.workflow import OutcomeRecord, evaluate_sheet, outcome_of
from assessdesk.services.standards.pinning import pin_attempt
from assessdesk.services.station import StationContext
from assessdesk.storage import scoring as repo
from assessdesk.storage import standards as standards_repo


def retake_decision(session: Session, *, attempt_id: str) -> RetakeDecision:
    """May this attempt go ahead under the retake policy of its credential, given the candidate's history here?

    Best effort offline: only attempts this station knows of count; the registry flags violations found at sync."""
    me = repo.attempt_facts(session, attempt_id)
    assessments = [a for _, a in standards_repo.assessments_for(session, me.credential_id)]
    if not assessments:
        raise NotFound(f"The standards library has no rubric or checklist for {me.credential_id}.",
                       hint="Import the standards package that contains it.")
    policy = in_force(assessments, me.on).retake
    history = []
    for other in repo.attempts_of(session, candidate_id=me.candidate_id, credential_id=me.credential_id):
        if other.id == attempt_id or other.on > me.on:
            continue
        decided = outcome_of(session, other.id)
        history.append(PriorAttempt(other.id, other.on, decided.outcome.value if decided else None,
                                    voided=other.state is AttemptState.VOIDED))
    return check_retake(policy, history, on=me.on)


def assert_retake_allowed(ctx: StationContext, *, attempt_id: str) -> RetakeDecision:
    """For check-in: raises RetakeRefused (saying why and from when the candidate may retake) or returns the
    decision. Check-in's own use-case carries the permission check."""
    with ctx.db.session() as s:
        decision = retake_decision(s, attempt_id=attempt_id)
    if not decision.allowed:
        raise RetakeRefused(decision)
    return decision


def _slip_data(session: Session, attempt_id: str, *, issuer_name: str, site_name: str):  # type: ignore[no-untyped-def]
    from assessdesk.services.reports.models import (
        CriterionResult, Outcome as SlipOutcome, RemediationStep, ResultSlipData,
    )

    facts = repo.attempt_facts(session, attempt_id)
    record: OutcomeRecord | None = outcome_of(session, attempt_id)
    if record is None:
        raise InvalidInput("has no outcome yet, so there is no result slip", where=f"attempt of {facts.candidate_name}")
    pinned = pin_attempt(session, attempt_id)
    evaluation = evaluate_sheet(session, pinned, repo.get_sheet(session, record.sheet_id))
    criteria = tuple(CriterionResult(criterion=r.title, level=r.label, points=r.points, max_points=r.max_points,
                                     met=r.met, competency_id=r.competency_id, critical=r.critical,
                                     descriptor=r.descriptor) for r in evaluation.results)
    assessment = pinned.assessment
    if pinned.kind is ItemKind.CHECKLIST:
        rule = (f"at least {assessment.min_yes_share:.0%} of the items met and every critical item met")
    else:
        rule = f"{assessment.min_total:g} of {assessment.max_total:g} points and every critical criterion met"
    return ResultSlipData(
        candidate_name=facts.candidate_name, credential_name=pinned.credential.name, attempt_id=attempt_id,
        assessed_on=facts.on, outcome=SlipOutcome(record.outcome.value), criteria=criteria,
        total_points=record.total, max_points=record.max_total, pass_rule=rule,
        remediation=tuple(RemediationStep(r.title, r.action) for r in record.remediation),
        earliest_retake=record.earliest_retake, attempts_used=record.attempts_used,
        attempts_allowed=record.attempts_allowed, site_name=site_name or facts.site, issuer_name=issuer_name,
        candidate_ref=facts.candidate_ref)


@requires("outcomes.result_slip")
def outcome(ctx: StationContext, *, actor: User, attempt_id: str) -> OutcomeRecord | None:
    with ctx.db.session() as s:
        return outcome_of(s, attempt_id)


@requires("outcomes.result_slip")
def write_result_slip(ctx: StationContext, *, actor: User, attempt_id: str, path: Path,
                      issuer_name: str = "") -> Path:
    """Render the candidate's one-page result slip (PDF) with the reports package's renderer."""
    from assessdesk.services.reports.result_slip import render_result_slip

    with ctx.db.session() as s:
        data = _slip_data(s, attempt_id, issuer_name=issuer_name, site_name="")
    render_result_slip(data, path=Path(path))
    with ctx.uow(actor.id) as uow:
        uow.audit(action="outcome.result_slip_printed", subject_type="attempt", subject_id=attempt_id)
    return Path(path)
