"""What happens inside the submitting unit of work: the locked sheet becomes an authored event, then the attempt
moves on (second marking, moderation, or its outcome), all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.outcome import Outcome, RemediationItem, decide, earliest_retake, remediation_plan
from assessdesk.domain.scoring import Evaluation, ScoreSheet, SheetRole, evaluate, peer_points
from assessdesk.domain.second_marking import Comparison, compare, second_marking_reason
from assessdesk.services.attempts import record_transition
from assessdesk.services.standards.pinning import Pinned
from assessdesk.storage import schedule
from assessdesk.storage import scoring as repo
from assessdesk.storage.uow import UnitOfWork
from assessdesk.trust.canonical import content_hash


def advance(uow: UnitOfWork, attempt_id: str, event_type: str, payload: dict[str, Any]) -> AttemptState:
    """Move the attempt inside the submitting unit of work (services.attempts.record_transition)."""
    return record_transition(uow, attempt_id=attempt_id, event_type=event_type, payload=payload)


def peer_points_for(session: Session, pinned: Pinned, attempt_id: str) -> float | None:
    component = getattr(pinned.assessment, "peer", None)
    if component is None:
        return None
    return peer_points(component, repo.peer_forms_for(session, attempt_id))


def evaluate_sheet(session: Session, pinned: Pinned, sheet: ScoreSheet) -> Evaluation:
    return evaluate(pinned.assessment, sheet, peer_points=peer_points_for(session, pinned, sheet.attempt_id))


def record_sheet(uow: UnitOfWork, sheet: ScoreSheet, evaluation: Evaluation,
                 evidence: dict[str, Any] | None = None) -> ScoreSheet:
    """Lock and hash the sheet, record it as an authored event, drop its draft. `evidence` (the evidence index's
    payload) records what the evidence check saw, e.g. that a demo placeholder seal was accepted."""
    body = sheet.body()
    locked = replace(sheet, submitted_at=uow.now(), content_hash=content_hash(body), updated_at=uow.now())
    payload = {"attempt_id": sheet.attempt_id, "sheet": body, "content_hash": locked.content_hash,
               "total": evaluation.total, "max_total": evaluation.max_total, "passed": evaluation.passed}
    if evidence is not None:
        payload["evidence"] = evidence
    event = uow.record(entity_type="score_sheet", entity_id=sheet.id, event_type="scoring.sheet_submitted",
                       payload=payload)
    repo.add_sheet(uow.session, locked, event_id=event.event_id)
    repo.delete_draft(uow.session, sheet.id)
    return locked


@dataclass(frozen=True)
class OutcomeRecord:
    attempt_id: str
    outcome: Outcome
    sheet_id: str
    total: float
    max_total: float
    threshold: float
    critical_failures: tuple[str, ...]
    remediation: tuple[RemediationItem, ...]
    earliest_retake: date | None
    attempts_used: int
    attempts_allowed: int | None
    decided_at: str = ""


def outcome_payload(record: OutcomeRecord) -> dict[str, Any]:
    return {"sheet_id": record.sheet_id, "total": record.total, "max_total": record.max_total,
            "threshold": record.threshold, "critical_failures": list(record.critical_failures),
            "remediation": [r.__dict__ for r in record.remediation],
            "earliest_retake": record.earliest_retake.isoformat() if record.earliest_retake else None,
            "attempts_used": record.attempts_used, "attempts_allowed": record.attempts_allowed}


def outcome_of(session: Session, attempt_id: str) -> OutcomeRecord | None:
    """The attempt's recorded outcome (its latest outcome event), or None while undecided."""
    found = None
    for event_type, payload in repo.attempt_events(session, attempt_id):
        if event_type in ("outcome.passed", "outcome.failed"):
            found = (event_type, payload)
    if found is None:
        return None
    event_type, p = found
    return OutcomeRecord(attempt_id, Outcome(event_type.split(".")[1]), p["sheet_id"], p["total"], p["max_total"],
                         p["threshold"], tuple(p.get("critical_failures", ())),
                         tuple(RemediationItem(**r) for r in p.get("remediation", ())),
                         date.fromisoformat(p["earliest_retake"]) if p.get("earliest_retake") else None,
                         p.get("attempts_used", 0), p.get("attempts_allowed"))


def _failed_before(session: Session, facts: repo.AttemptFacts) -> int:
    count = 0
    for other in repo.attempts_of(session, candidate_id=facts.candidate_id, credential_id=facts.credential_id):
        if other.id != facts.id and other.state is AttemptState.FAILED:
            count += 1
    return count


def finalise(uow: UnitOfWork, *, facts: repo.AttemptFacts, pinned: Pinned, sheet: ScoreSheet,
             evaluation: Evaluation, via: str) -> OutcomeRecord:
    """The pass rule decides; a failure carries its remediation plan and the earliest retake date."""
    outcome = decide(evaluation)
    policy = pinned.assessment.retake
    failed = outcome is Outcome.FAILED
    record = OutcomeRecord(
        attempt_id=facts.id, outcome=outcome, sheet_id=sheet.id, total=evaluation.total,
        max_total=evaluation.max_total, threshold=evaluation.threshold,
        critical_failures=evaluation.critical_failures,
        remediation=remediation_plan(evaluation) if failed else (),
        earliest_retake=earliest_retake(policy, facts.on) if failed else None,
        attempts_used=_failed_before(uow.session, facts) + (1 if failed else 0),
        attempts_allowed=policy.max_attempts, decided_at=uow.now())
    if failed and policy.max_attempts is not None and record.attempts_used >= policy.max_attempts:
        record = replace(record, earliest_retake=None)
    advance(uow, facts.id, f"outcome.{outcome.value}", {**outcome_payload(record), "decided_by": via,
                                                          "assessment_ref": pinned.assessment.ref})
    return record


@dataclass(frozen=True)
class SubmitResult:
    sheet: ScoreSheet
    evaluation: Evaluation
    state: AttemptState
    second_marking: str | None = None  # "sampled" or "borderline" when a second marker is needed
    comparison: Comparison | None = None
    outcome: OutcomeRecord | None = None


def latest(sheets: list[ScoreSheet], role: SheetRole) -> ScoreSheet | None:
    found = [s for s in sheets if s.role is role]
    return found[-1] if found else None


def route(uow: UnitOfWork, *, facts: repo.AttemptFacts, pinned: Pinned, sheet: ScoreSheet,
          evaluation: Evaluation, sample_rate: float | None) -> SubmitResult:
    """Move the attempt on after a sheet was recorded."""
    if sheet.role is SheetRole.FIRST:
        reason = second_marking_reason(pinned.assessment.second_marking, evaluation, attempt_id=facts.id,
                                       sample_rate=sample_rate)
        if reason:
            state = advance(uow, facts.id, "scoring.second_marking_required",
                            {"reason": reason, "first_sheet_id": sheet.id})
            return SubmitResult(sheet, evaluation, state, second_marking=reason)
        outcome = finalise(uow, facts=facts, pinned=pinned, sheet=sheet, evaluation=evaluation, via="first marking")
        return SubmitResult(sheet, evaluation, AttemptState(outcome.outcome.value), outcome=outcome)
    if sheet.role is SheetRole.SECOND:
        first = latest(repo.sheets_for(uow.session, facts.id), SheetRole.FIRST)
        assert first is not None
        first_eval = evaluate_sheet(uow.session, pinned, first)
        comparison = compare(first_eval, evaluation, tolerance=pinned.assessment.second_marking.tolerance)
        if comparison.beyond_tolerance:
            state = advance(uow, facts.id, "scoring.moderation_opened",
                            {"first_sheet_id": first.id, "second_sheet_id": sheet.id,
                             "total_difference": comparison.total_difference, "reason": comparison.summary()})
            return SubmitResult(sheet, evaluation, state, comparison=comparison)
        # Within tolerance the second marking confirms the first; the first sheet stands as the result.
        outcome = finalise(uow, facts=facts, pinned=pinned, sheet=first, evaluation=first_eval,
                           via="first marking confirmed by second marking")
        return SubmitResult(sheet, evaluation, AttemptState(outcome.outcome.value), comparison=comparison,
                            outcome=outcome)
    outcome = finalise(uow, facts=facts, pinned=pinned, sheet=sheet, evaluation=evaluation, via=sheet.role.value)
    return SubmitResult(sheet, evaluation, AttemptState(outcome.outcome.value), outcome=outcome)
