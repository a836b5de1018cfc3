"""Everything issuance needs about one attempt, gathered in one place (`gather`), so adapting to the storage of the
standards, scoring and evidence work touches only this module."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from assessdesk.domain.clock import parse_iso
from assessdesk.domain.duties import AttemptParticipants
from assessdesk.domain.errors import DomainError
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.schedule import AttemptSummary, Sitting
from assessdesk.domain.validation_types import MISSING_TEXT, EvidenceKind, missing_evidence
from assessdesk.services.calibration.certification import status_in
from assessdesk.services.issuance.evidence_check import EvidenceCheck, check_sealed_evidence
from assessdesk.services.issuance.standards_view import PinnedStandards, pinned_standards
from assessdesk.services.scoring.evidence_index import index_from_manifest
from assessdesk.services.scoring.workflow import outcome_of
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage import scoring as scoring_repo
from assessdesk.storage import users as users_repo
from assessdesk.storage.events import attempt_events
from assessdesk.storage.tables import SessionRow

# Attempt events that make their author a proctor of the attempt (separation of duties).
PROCTOR_EVENTS = frozenset({
    "attempt.checked_in", "identity.consent_recorded", "identity.verified", "identity.failed", "attempt.started",
    "attempt.paused", "attempt.resumed", "attempt.ended", "incident.logged", "evidence.photo_added",
    "evidence.sealed", "presence.flagged",
})


@dataclass(frozen=True)
class IdentityCheck:
    decision: str  # verified | verified_override | not_verified
    override_reason: str
    method: str | None
    score: float | None  # the face similarity the proctor saw, if any
    photos: dict[str, str]  # kind -> sha256 in the evidence store
    decided_by: str  # the proctor's display name
    decided_at: str


@dataclass(frozen=True)
class TimelineMark:
    """An incident, presence flag or pause, at its time in the recording when known."""

    kind: str  # incident | presence | pause
    at_s: float | None
    label: str
    note: str = ""


@dataclass(frozen=True)
class SheetView:
    sheet_id: str
    assessor_id: str
    assessor_name: str
    role: str  # first | second | moderation | rescore
    kind: str  # rubric | checklist
    assessment_ref: str
    levels: dict[str, str]  # criterion id -> level key ("3", "yes")
    notes: dict[str, str]
    signoff: bool
    comment: str
    reason: str
    submitted_at: str
    supersedes: str | None


@dataclass(frozen=True)
class CertificationView:
    assessor_id: str
    assessor_name: str
    status: str  # a calibration CertificationState value (current, expired, revoked, ...) or "not required"
    detail: str


@dataclass(frozen=True)
class IssuanceInputs:
    attempt: AttemptSummary
    sitting: Sitting | None
    assessed_on: date
    standards: PinnedStandards | None
    standards_problem: str | None
    identity: IdentityCheck | None
    evidence: EvidenceCheck
    marks: tuple[TimelineMark, ...]
    sheets: tuple[SheetView, ...]
    deciding_sheet: SheetView | None
    participants: AttemptParticipants
    certifications: tuple[CertificationView, ...]
    missing_evidence: tuple[str, ...]
    history: tuple[AuthoredEvent, ...] = field(default=())

    @property
    def achieved(self) -> dict[str, str]:
        return dict(self.deciding_sheet.levels) if self.deciding_sheet else {}

    def blockers(self) -> list[str]:
        """Why sign-off cannot happen now, whoever the approver is (separation of duties is checked per person)."""
        out = []
        if self.attempt.state.value not in ("passed", "pending_approval"):
            out.append(f"The attempt is '{self.attempt.state.value.replace('_', ' ')}', not waiting for sign-off.")
        if not self.evidence.verified:
            out.append(self.evidence.summary)
        if self.missing_evidence:
            out.append("Required evidence is missing: " + "; ".join(self.missing_evidence) + ".")
        if self.standards is None:
            out.append(f"The pinned standards cannot be found: {self.standards_problem}")
        if self.deciding_sheet is None:
            out.append("There is no submitted score sheet to issue the results from.")
        elif self.standards is not None:
            levels = self.deciding_sheet.levels
            unscored = [c.id for c in self.standards.criteria if c.level(levels.get(c.id, "")) is None]
            if unscored:
                out.append(f"The deciding score sheet has no valid level for {', '.join(unscored)} of "
                           f"{self.standards.assessment_ref}.")
        if not (self.attempt.candidate.email or "").strip():
            out.append("The candidate has no e-mail address on record, and the credential identifies its holder "
                       "by a salted hash of it. Add the e-mail to the candidate's record first.")
        return out


def submitted_sheets(session: Session, attempt_id: str, names: dict[str, str]) -> list[SheetView]:
    """Every submitted (locked) sheet of the attempt, oldest first, from issue 3's score-sheet store."""
    out = []
    for sheet in scoring_repo.sheets_for(session, attempt_id):
        levels = {}
        for score in sheet.scores:
            key = score.level if score.level is not None else score.answer
            if key is not None:
                levels[score.criterion_id] = str(key)
        out.append(SheetView(sheet.id, sheet.assessor_id, names.get(sheet.assessor_id, sheet.assessor_id),
                             sheet.role.value, sheet.kind.value, sheet.assessment_ref, levels,
                             {s.criterion_id: s.note for s in sheet.scores if s.note}, sheet.signoff, sheet.comment,
                             sheet.reason, sheet.submitted_at or "", sheet.supersedes))
    return out


def _deciding(session: Session, attempt_id: str, sheets: list[SheetView]) -> SheetView | None:
    """The sheet the recorded outcome rests on; without an outcome, the latest moderation, re-score or first sheet."""
    decided = outcome_of(session, attempt_id)
    if decided is not None:
        return next((s for s in sheets if s.sheet_id == decided.sheet_id), None)
    superseded = {s.supersedes for s in sheets if s.supersedes}
    live = [s for s in sheets if s.sheet_id not in superseded]
    for role in ("moderation", "rescore", "first"):
        chosen = [s for s in live if s.role == role]
        if chosen:
            return chosen[-1]
    return None


def _identity(events: list[AuthoredEvent], names: dict[str, str]) -> IdentityCheck | None:
    decided = [e for e in events if e.event_type in ("identity.verified", "identity.failed")]
    if not decided:
        return None
    e = decided[-1]
    decision = e.payload.get("decision") or ("verified" if e.event_type == "identity.verified" else "not_verified")
    comparison = e.payload.get("comparison") or {}
    score = comparison.get("score", comparison.get("similarity")) if isinstance(comparison, dict) else None
    return IdentityCheck(str(decision), str(e.payload.get("override_reason", "")),
                         e.payload.get("method"), float(score) if isinstance(score, int | float) else None,
                         dict(e.payload.get("photos") or {}), names.get(e.author_user or "", e.author_user or ""),
                         e.occurred_at)


def _marks(events: list[AuthoredEvent]) -> list[TimelineMark]:
    out = []
    for e in events:
        p = e.payload
        if e.event_type == "incident.logged":
            out.append(TimelineMark("incident", p.get("video_time_s", p.get("elapsed_s")), str(p.get("label", "")),
                                    str(p.get("note", ""))))
        elif e.event_type == "presence.flagged":
            ended = p.get("ended_s")
            span = f" until {ended:.0f} s" if isinstance(ended, int | float) else ""
            out.append(TimelineMark("presence", p.get("started_s"), str(p.get("kind", "")).replace("_", " "),
                                    f"faces seen: {p.get('faces')}{span}"))
        elif e.event_type == "attempt.paused":
            out.append(TimelineMark("pause", None, "Paused", str(p.get("reason", ""))))
    return out


def _present_kinds(ctx: StationContext, events: list[AuthoredEvent], sealed: dict[str, Any] | None,
                   evidence: EvidenceCheck, deciding: SheetView | None, sheets: list[SheetView]) -> set[str]:
    """What evidence exists, read from the verified manifest with scoring's own evidence index, so sign-off and
    scoring never disagree about it; an unverified seal only lists what it claims (sign-off is blocked anyway)."""
    if evidence.verified and evidence.manifest is not None:
        kinds = set(index_from_manifest(ctx, dict(evidence.manifest)).kinds)
    else:
        kinds = {str(k) for k in (sealed or {}).get("evidence_kinds", [])}
    types = {e.event_type for e in events}
    if "attempt.started" in types and "attempt.ended" in types:
        kinds.add(EvidenceKind.TIMER_RECORD)
    if any(s.signoff for s in sheets if s.role in ("first", "rescore")):
        kinds.add(EvidenceKind.ASSESSOR_SIGNOFF)
    if deciding is not None and deciding.kind == "checklist" and deciding.levels:
        kinds.add(EvidenceKind.CHECKLIST_COMPLETED)
    return kinds


def _certifications(session: Session, sheets: list[SheetView], assessment_ref: str, on: date,
                    names: dict[str, str]) -> list[CertificationView]:
    """Each marker's standing for the rubric on the day their sheet was submitted, by the calibration feature's
    rule (station and registry grants, expiry, revocations; a station cannot forge a registry grant)."""
    out = []
    for assessor in dict.fromkeys(s.assessor_id for s in sheets if s.role in ("first", "second", "rescore")):
        theirs = [s for s in sheets if s.assessor_id == assessor and s.role in ("first", "second", "rescore")]
        name = names.get(assessor, assessor)
        if all(s.kind == "checklist" for s in theirs):
            out.append(CertificationView(assessor, name, "not required",
                                         "Checklists (yes/no items) are not calibrated."))
            continue
        when = min((parse_iso(s.submitted_at).date() for s in theirs if s.submitted_at), default=on)
        status = status_in(session, user_id=assessor, rubric_ref=assessment_ref, today=when)
        out.append(CertificationView(assessor, name, status.state.value, f"On {when}: {status.message()}"))
    return out


def gather(ctx: StationContext, attempt_id: str) -> IssuanceInputs:
    """Read the attempt, its standards, identity check, evidence (re-verified), sheets and participants."""
    with ctx.db.session() as s:
        attempt = schedule.get_attempt(s, attempt_id)
        row = s.get(SessionRow, attempt.sitting_id)
        sitting = Sitting(row.id, row.title, row.site, row.date, row.starts_at) if row else None
        events = attempt_events(s, attempt_id)
        names = {u.id: u.display_name for u in users_repo.list_all(s)}
        sheets = submitted_sheets(s, attempt_id, names)
        deciding = _deciding(s, attempt_id, sheets)
        started = [e for e in events if e.event_type == "attempt.started"]
        assessed_on = (parse_iso(started[0].occurred_at).date() if started
                       else date.fromisoformat(sitting.date) if sitting else ctx.clock.now().date())
        standards, problem = None, None
        try:
            standards = pinned_standards(s, attempt_id=attempt_id, credential_ref=attempt.credential_id,
                                         assessment_ref=attempt.rubric_ref, on=assessed_on)
        except DomainError as exc:
            problem = exc.message
        certifications = _certifications(s, sheets, standards.assessment_ref if standards else attempt.rubric_ref,
                                         assessed_on, names)
    sealed_events = [e for e in events if e.event_type == "evidence.sealed"]
    sealed = sealed_events[-1].payload if sealed_events else None
    evidence = check_sealed_evidence(ctx, sealed, sealed_events[-1].occurred_at if sealed_events else None)
    missing: tuple[str, ...] = ()
    if standards is not None:
        present = _present_kinds(ctx, events, sealed, evidence, deciding, sheets)
        missing = tuple(MISSING_TEXT[k] for k in missing_evidence(
            standards.credential.validation_type, present, standards.credential.required_evidence))
    participants = AttemptParticipants(
        proctors=frozenset(e.author_user for e in events if e.event_type in PROCTOR_EVENTS and e.author_user),
        assessors=frozenset(s.assessor_id for s in sheets if s.role in ("first", "second", "rescore")),
        moderators=frozenset(s.assessor_id for s in sheets if s.role == "moderation")
        | frozenset(e.author_user for e in events if e.event_type.startswith("scoring.moderation") and e.author_user))
    return IssuanceInputs(attempt, sitting, assessed_on, standards, problem, _identity(events, names), evidence,
                          tuple(_marks(events)), tuple(sheets), deciding, participants, tuple(certifications),
                          missing, tuple(events))
