"""Score sheets: open (or resume) a draft, save it on every change, submit it (locked, hashed, recorded), and the
explicit, audited re-score. A second marker never sees the first sheet through these functions."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.duties import check_can_second_mark
from assessdesk.domain.errors import DomainError, InvalidInput, SeparationOfDuties
from assessdesk.domain.ids import new_id
from assessdesk.domain.roles import require
from assessdesk.domain.scoring import CriterionScore, ScoreSheet, SheetKind, SheetRole
from assessdesk.domain.standards import Checklist, CredentialDefinition, ItemKind, Rubric, parse_ref
from assessdesk.domain.users import User
from assessdesk.domain.validation_types import EvidenceKind, EvidenceMissing, check_evidence, required_for
from assessdesk.services.authz import requires
from assessdesk.services.calibration.certification import certification_gate as calibration_gate
from assessdesk.services.scoring.evidence_index import PLACEHOLDER, EvidenceIndex, index_evidence
from assessdesk.services.scoring.hooks import CertificationGate, EvidenceProvider
from assessdesk.services.scoring.workflow import (
    SubmitResult,
    evaluate_sheet,
    latest,
    peer_points_for,
    record_sheet,
    route,
)
from assessdesk.services.standards.pinning import Pinned, pin_attempt
from assessdesk.services.station import StationContext
from assessdesk.storage import scoring as repo
from assessdesk.storage import standards as standards_repo

ROLE_FOR_STATE = {AttemptState.AWAITING_SCORES: SheetRole.FIRST,
                  AttemptState.AWAITING_SECOND_MARKING: SheetRole.SECOND,
                  AttemptState.IN_MODERATION: SheetRole.MODERATION}


@dataclass(frozen=True)
class SheetView:
    """Everything the scoring page shows for one draft (never another marker's sheet)."""

    sheet: ScoreSheet
    attempt: repo.AttemptFacts
    credential: CredentialDefinition
    assessment: Rubric | Checklist
    peer_points: float | None
    required_evidence: tuple[str, ...]
    # Why the certification gate would refuse this live sheet (the gate's own words), or None when it would not.
    certification_refusal: str | None = None
    evidence: EvidenceIndex | None = None  # what the attempt's sealed evidence holds (None: a benchmark sheet)


def _markers(session: Session, attempt_id: str) -> list[str]:
    return [s.assessor_id for s in repo.sheets_for(session, attempt_id)
            if s.role in (SheetRole.FIRST, SheetRole.SECOND)]


def _check_role(session: Session, actor: User, attempt_id: str, role: SheetRole) -> None:
    if role is SheetRole.SECOND:
        check_can_second_mark(actor.id, _markers(session, attempt_id))
    if role in (SheetRole.MODERATION, SheetRole.RESCORE):
        require(actor.roles, "scoring.moderate" if role is SheetRole.MODERATION else "scoring.rescore")
        if actor.id in _markers(session, attempt_id):
            raise SeparationOfDuties("You marked this attempt, so you cannot moderate it.",
                                     hint="Another lead assessor must record the agreed result.")


def _assessment(session: Session, pinned: Pinned, ref: str) -> Rubric | Checklist:
    if ref == pinned.assessment.ref:
        return pinned.assessment
    item_id, version = parse_ref(ref)  # only an explicit re-score names another version
    kind = ItemKind.CHECKLIST if isinstance(pinned.assessment, Checklist) else ItemKind.RUBRIC
    return standards_repo.get_item(session, kind, item_id, version or pinned.assessment.version)


def _view(session: Session, sheet: ScoreSheet, pinned: Pinned) -> SheetView:
    assessment = _assessment(session, pinned, sheet.assessment_ref)
    pinned_for_sheet = replace(pinned, assessment=assessment)
    required = sorted(required_for(pinned.credential.validation_type, pinned.credential.required_evidence))
    return SheetView(sheet, repo.attempt_facts(session, sheet.attempt_id), pinned.credential, assessment,
                     peer_points_for(session, pinned_for_sheet, sheet.attempt_id), tuple(required))


def _new_sheet(actor: User, attempt_id: str, role: SheetRole, pinned: Pinned, **extra: object) -> ScoreSheet:
    kind = SheetKind.CHECKLIST if isinstance(pinned.assessment, Checklist) else SheetKind.RUBRIC
    return ScoreSheet(id=new_id(), attempt_id=attempt_id, assessor_id=actor.id, role=role, kind=kind,
                      assessment_ref=pinned.assessment.ref, scores=(), **extra)  # type: ignore[arg-type]


def _agreed_levels(session: Session, attempt_id: str) -> tuple[CriterionScore, ...]:
    """For a moderation draft: the criteria both markers judged alike, pre-filled; the rest left to decide."""
    sheets = repo.sheets_for(session, attempt_id)
    first, second = latest(sheets, SheetRole.FIRST), latest(sheets, SheetRole.SECOND)
    if first is None or second is None:
        return ()
    return tuple(CriterionScore(s.criterion_id, s.level, s.answer) for s in first.scores
                 if (second.score(s.criterion_id).level, second.score(s.criterion_id).answer) == (s.level, s.answer))


@requires("scoring.score")
def open_sheet(ctx: StationContext, *, actor: User, attempt_id: str) -> SheetView:
    """Resume the actor's draft for the attempt's current scoring step, or start one."""
    with ctx.uow(actor.id) as uow:
        facts = repo.attempt_facts(uow.session, attempt_id)
        role = ROLE_FOR_STATE.get(facts.state)
        if role is None:
            raise InvalidInput(f"it is {facts.state.value.replace('_', ' ')}, not waiting for scores",
                               where=f"attempt of {facts.candidate_name}")
        existing = repo.find_draft(uow.session, attempt_id=attempt_id, assessor_id=actor.id, role=SheetRole.RESCORE)
        if existing is not None and role is SheetRole.MODERATION:
            role = SheetRole.RESCORE
        _check_role(uow.session, actor, attempt_id, role)
        pinned = pin_attempt(uow.session, attempt_id)
        sheet = existing or repo.find_draft(uow.session, attempt_id=attempt_id, assessor_id=actor.id, role=role)
        if sheet is None:
            scores = _agreed_levels(uow.session, attempt_id) if role is SheetRole.MODERATION else ()
            sheet = replace(_new_sheet(actor, attempt_id, role, pinned), scores=scores, updated_at=uow.now())
            repo.save_draft(uow.session, sheet)
        view = _view(uow.session, sheet, pinned)
    # Both read outside the write transaction: the index opens evidence files to look for a sound track.
    return replace(view, certification_refusal=_gate_refusal(ctx, actor, sheet),
                   evidence=index_evidence(ctx, attempt_id=attempt_id))


def _gate_refusal(ctx: StationContext, actor: User, sheet: ScoreSheet) -> str | None:
    """Asked when the sheet opens, so the assessor learns before scoring that submitting will be refused."""
    if sheet.role not in (SheetRole.FIRST, SheetRole.SECOND):
        return None  # moderation and re-scores are a lead assessor's act, not a live marking
    try:
        calibration_gate(ctx)(actor, sheet.assessment_ref, sheet.attempt_id)
    except DomainError as exc:
        return exc.message
    return None


@requires("scoring.score")
def save_draft(ctx: StationContext, *, actor: User, sheet: ScoreSheet) -> ScoreSheet:
    """Store the whole draft as it stands (called on every change; a crash loses nothing saved)."""
    with ctx.uow(actor.id) as uow:
        stored = repo.get_draft(uow.session, sheet.id)
        if stored.assessor_id != actor.id or sheet.assessor_id != actor.id:
            raise SeparationOfDuties("This draft belongs to another assessor.")
        if (stored.attempt_id, stored.role, stored.kind) != (sheet.attempt_id, sheet.role, sheet.kind):
            raise InvalidInput("the draft does not match its stored attempt and role", where="score sheet")
        saved = replace(sheet, updated_at=uow.now(), assessment_ref=stored.assessment_ref,
                        supersedes=stored.supersedes)
        repo.save_draft(uow.session, saved)
    return saved


def _derived_evidence(session: Session, sheet: ScoreSheet, view: SheetView, complete: bool) -> set[str]:
    """Evidence the scoring station establishes itself (the rest comes from the evidence index)."""
    kinds: set[str] = set()
    if sheet.signoff:
        kinds.add(EvidenceKind.ASSESSOR_SIGNOFF)
    if sheet.kind is SheetKind.CHECKLIST and complete:
        kinds.add(EvidenceKind.CHECKLIST_COMPLETED)
    types = {t for t, _ in repo.attempt_events(session, sheet.attempt_id)}
    if {"attempt.started", "attempt.ended"} <= types:
        kinds.add(EvidenceKind.TIMER_RECORD)
    if len(repo.group_of(session, sheet.attempt_id)) >= 2:
        kinds.add(EvidenceKind.GROUP_SESSION)
    if view.peer_points is not None:
        kinds.add(EvidenceKind.PEER_SCORES)
    return kinds


@requires("scoring.score")
def submit_sheet(ctx: StationContext, *, actor: User, sheet_id: str, evidence: EvidenceProvider | None = None,
                 certification_gate: CertificationGate | None = None) -> SubmitResult:
    """Lock, hash and record the sheet, then move the attempt on. Blocked (draft kept) when a criterion is unscored,
    required evidence is missing, or the certification gate refuses the assessor."""
    with ctx.db.session() as s:  # read phase: the checks need no write lock and may call out
        draft = repo.get_draft(s, sheet_id)
        if draft.assessor_id != actor.id:
            raise SeparationOfDuties("This draft belongs to another assessor.")
        pinned = pin_attempt(s, draft.attempt_id) if standards_repo.get_pin(s, draft.attempt_id) else None
        view = _view(s, draft, pinned) if pinned else None
    if pinned is None or view is None:
        raise InvalidInput("open the sheet from the scoring queue first", where="score sheet")
    scored = replace(pinned, assessment=view.assessment)
    with ctx.db.session() as s:
        evaluation = evaluate_sheet(s, scored, draft)
        derived = _derived_evidence(s, draft, view, evaluation.complete)
    if not evaluation.complete:
        names = [r.title for r in evaluation.results if r.id in evaluation.unscored]
        raise InvalidInput("score every criterion before submitting; still open: " + "; ".join(names),
                           where="score sheet")
    if draft.role in (SheetRole.MODERATION, SheetRole.RESCORE) and not draft.reason.strip():
        raise InvalidInput("give the reason for the agreed result", where="moderation")
    index: EvidenceIndex | None = None
    if draft.role in (SheetRole.FIRST, SheetRole.SECOND):
        (certification_gate or calibration_gate(ctx))(actor, draft.assessment_ref, draft.attempt_id)
        if evidence is None:
            index = index_evidence(ctx, attempt_id=draft.attempt_id)
            present = set(index.kinds) | derived
        else:
            present = set(evidence(draft.attempt_id)) | derived
        try:
            check_evidence(pinned.credential.validation_type, present, pinned.credential.required_evidence)
        except EvidenceMissing as exc:
            if index is not None and index.notes:  # why the index holds less than expected, in its words
                exc.hint = f"{exc.hint} {' '.join(index.notes)}".strip()
            raise
    sample = ctx.settings().get("second_marking_sample_rate")
    with ctx.uow(actor.id) as uow:
        facts = repo.attempt_facts(uow.session, draft.attempt_id)
        expected = ROLE_FOR_STATE.get(facts.state)
        if expected is None or (draft.role is not expected
                                and not (draft.role is SheetRole.RESCORE and expected is SheetRole.MODERATION)):
            raise InvalidInput(f"the attempt has moved on (it is now {facts.state.value.replace('_', ' ')}); "
                               "your draft is kept", where="score sheet")
        _check_role(uow.session, actor, draft.attempt_id, draft.role)
        locked = record_sheet(uow, draft, evaluation, evidence=index.payload() if index is not None else None)
        if index is not None and index.basis == PLACEHOLDER:  # accepted on a demo profile, and on the record
            uow.audit(action="scoring.placeholder_evidence_accepted", subject_type="score_sheet",
                      subject_id=locked.id, detail={"attempt_id": draft.attempt_id, "kinds": sorted(index.kinds)})
        if draft.role is SheetRole.RESCORE:
            uow.audit(action="scoring.rescored", subject_type="score_sheet", subject_id=locked.id,
                      detail={"supersedes": locked.supersedes, "assessment_ref": locked.assessment_ref})
        return route(uow, facts=facts, pinned=scored, sheet=locked, evaluation=evaluation,
                     sample_rate=float(sample) if sample is not None else None)


@requires("scoring.rescore")
def request_rescore(ctx: StationContext, *, actor: User, attempt_id: str, reason: str,
                    assessment_ref: str | None = None) -> SheetView:
    """Start an explicit, audited re-score of an attempt in moderation: a new sheet version that supersedes the
    latest one. It uses the pinned version unless `assessment_ref` names another, on purpose and on the record."""
    if not reason.strip():
        raise InvalidInput("a re-score needs a reason", where="re-score")
    with ctx.uow(actor.id) as uow:
        facts = repo.attempt_facts(uow.session, attempt_id)
        if facts.state is not AttemptState.IN_MODERATION:
            raise InvalidInput("only an attempt in moderation can be re-scored (an approver can return a "
                               "pending one to moderation)", where=f"attempt of {facts.candidate_name}")
        _check_role(uow.session, actor, attempt_id, SheetRole.RESCORE)
        pinned = pin_attempt(uow.session, attempt_id)
        sheets = repo.sheets_for(uow.session, attempt_id)
        base = sheets[-1] if sheets else None
        sheet = replace(_new_sheet(actor, attempt_id, SheetRole.RESCORE, pinned), reason=reason.strip(),
                        supersedes=base.id if base else None, updated_at=uow.now(),
                        scores=base.scores if base else ())
        if assessment_ref and assessment_ref != pinned.assessment.ref:
            _assessment(uow.session, pinned, assessment_ref)  # must exist
            sheet = replace(sheet, assessment_ref=assessment_ref)
        repo.save_draft(uow.session, sheet)
        uow.audit(action="scoring.rescore_requested", subject_type="attempt", subject_id=attempt_id,
                  detail={"sheet_id": sheet.id, "supersedes": sheet.supersedes, "assessment_ref": sheet.assessment_ref})
        return _view(uow.session, sheet, pinned)
