"""The approval queue and sign-off: review an attempt, then approve (issue the credential) or reject with a reason."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.duties import check_can_approve
from assessdesk.domain.errors import DomainError, InvalidInput, SeparationOfDuties
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.issuance import settings, status
from assessdesk.services.issuance.documents import certificate_data, credential_request
from assessdesk.services.issuance.inputs import PROCTOR_EVENTS, IssuanceInputs, gather, submitted_sheets
from assessdesk.services.issuance.issuer import issuer_signing_key
from assessdesk.services.issuance.records import ISSUED, IssuedCredential, find_issued
from assessdesk.services.reports import render_certificate
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage.events import attempt_events
from assessdesk.services.attempts import record_transition
from assessdesk.storage.tables import AttemptRow
from assessdesk.trust.ob3 import issue_credential
from assessdesk.trust.proofs import xsd_datetime

# A passed attempt is an issuance request (PRODUCT.md step 5); the approver station records `issuance.requested`
# (the "issuance" family is the approver station's to author) in the same unit of work as its decision.
AWAITING = (AttemptState.PASSED, AttemptState.PENDING_APPROVAL)


def _decide(uow: Any, attempt_id: str, event_type: str, payload: dict[str, Any]) -> AttemptState:
    """Record `issuance.requested` if the attempt has only passed, then the decision; both checked by the domain."""
    if schedule.refold_attempt(uow.session, attempt_id) is AttemptState.PASSED:
        record_transition(uow, attempt_id=attempt_id, event_type="issuance.requested")
    return record_transition(uow, attempt_id=attempt_id, event_type=event_type, payload=payload)


class SignOffBlocked(DomainError):
    """Sign-off is not possible yet; `reasons` lists everything in the way at once."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("This attempt cannot be signed off yet: " + " ".join(reasons),
                         hint="Nothing was issued. Resolve the points above, or reject with a reason.")
        self.reasons = tuple(reasons)


@dataclass(frozen=True)
class QueueEntry:
    attempt_id: str
    candidate_name: str
    credential_ref: str
    assessment_ref: str
    requested_at: str
    took_part: str | None  # why this approver may not sign it off, if so


@dataclass(frozen=True)
class ApprovalReview:
    """One attempt as the approver reviews it, with what stands in the way of signing it off, and why."""

    inputs: IssuanceInputs
    blockers: tuple[str, ...]
    duty_conflict: str | None  # set when this approver proctored, assessed or moderated the attempt
    issuer_problem: str | None  # set when this station cannot issue (no key installed)

    @property
    def can_approve(self) -> bool:
        return not self.blockers and self.duty_conflict is None and self.issuer_problem is None

    @property
    def can_reject(self) -> bool:
        return self.duty_conflict is None and self.inputs.attempt.state in AWAITING


def _conflict(approver: User, inputs: IssuanceInputs) -> str | None:
    try:
        check_can_approve(approver.id, inputs.participants)
    except SeparationOfDuties as exc:
        return f"{exc.message} {exc.hint}".strip()
    return None


def _issuer_problem(ctx: StationContext) -> str | None:
    try:
        issuer_signing_key(ctx)
    except DomainError as exc:
        return str(exc)
    return None


@requires("issuance.review")
def approval_queue(ctx: StationContext, *, actor: User) -> list[QueueEntry]:
    """Attempts waiting for sign-off (passed, or already requested), oldest first, each saying whether this approver
    took part."""
    with ctx.db.session() as s:
        ids = list(s.scalars(select(AttemptRow.id).where(AttemptRow.state.in_([s.value for s in AWAITING]))))
        entries = []
        for attempt_id in ids:
            attempt = schedule.get_attempt(s, attempt_id)
            events = attempt_events(s, attempt_id)
            requested = [e.occurred_at for e in events if e.event_type in ("issuance.requested", "outcome.passed")]
            entries.append((attempt, requested[-1] if requested else ""))
    out = []
    for attempt, requested in sorted(entries, key=lambda x: x[1]):
        # Participation is cheap to read (no evidence hashing), so the queue marks conflicts up front.
        took_part = _participation(ctx, actor, attempt.id)
        out.append(QueueEntry(attempt.id, attempt.candidate.full_name, attempt.credential_id, attempt.rubric_ref,
                              requested, took_part))
    return out


def _participation(ctx: StationContext, actor: User, attempt_id: str) -> str | None:
    with ctx.db.session() as s:
        if any(e.author_user == actor.id and e.event_type in PROCTOR_EVENTS for e in attempt_events(s, attempt_id)):
            return "you proctored it"
        for sheet in submitted_sheets(s, attempt_id, {}):
            if sheet.assessor_id == actor.id:
                return "you moderated it" if sheet.role == "moderation" else "you assessed it"
    return None


@requires("issuance.review")
def review(ctx: StationContext, *, actor: User, attempt_id: str) -> ApprovalReview:
    """Gather and re-verify everything about the attempt for the approver's decision."""
    inputs = gather(ctx, attempt_id)
    return ApprovalReview(inputs, tuple(inputs.blockers()), _conflict(actor, inputs), _issuer_problem(ctx))


@requires("issuance.approve")
def approve(ctx: StationContext, *, actor: User, attempt_id: str) -> IssuedCredential:
    """Sign off: issue the OB 3.0 credential and its certificate, and move the attempt to 'issued', atomically."""
    inputs = gather(ctx, attempt_id)
    check_can_approve(actor.id, inputs.participants)  # raises SeparationOfDuties, naming the part they took
    blockers = inputs.blockers()
    if blockers:
        raise SignOffBlocked(blockers)
    cfg = settings.load(ctx)
    key = issuer_signing_key(ctx)
    store = ctx.evidence_store()
    with ctx.uow(actor.id) as uow:
        # Re-check inside the write lock: another approver on this station may have decided meanwhile.
        if schedule.refold_attempt(uow.session, attempt_id) not in AWAITING:
            raise SignOffBlocked(["Another approver decided this attempt a moment ago."])
        issued_at = ctx.clock.now()
        index = status.allocate_index(uow.session, cfg)
        request = credential_request(inputs, cfg, status_index=index, issued_at=issued_at)
        credential = issue_credential(request, key)
        verification_url = cfg.verification_url(request.credential_id)
        pdf = render_certificate(certificate_data(
            inputs, credential_id=request.credential_id, issuer_name=cfg.issuer_name,
            verification_url=verification_url, issued_on=request.valid_from.date(),
            expires_on=request.valid_until.date() if request.valid_until else None,
            approver_name=actor.display_name))
        # Evidence-store files are content-addressed: a rollback leaves at most an unreferenced blob behind.
        credential_blob = store.put_bytes((json.dumps(credential, indent=2, ensure_ascii=False) + "\n").encode())
        certificate_blob = store.put_bytes(pdf)
        entity_id = request.credential_id.removeprefix("urn:uuid:")
        uow.record(entity_type="credential", entity_id=entity_id, event_type=ISSUED, payload={
            "credential": credential, "attempt_id": attempt_id, "candidate_id": inputs.attempt.candidate.id,
            "status_list_url": cfg.status_list_url, "status_index": index, "key_id": key.key_id,
            "credential_sha256": credential_blob.sha256, "certificate_sha256": certificate_blob.sha256,
            "verification_url": verification_url})
        _decide(uow, attempt_id, "issuance.approved",
                {"credential_id": request.credential_id, "issued_at": xsd_datetime(issued_at),
                 "evidence_manifest_sha256": inputs.evidence.manifest_sha256})
        record, _ = find_issued(uow.session, request.credential_id)
    if not status.status_file(ctx).exists():
        status.publish_status_list(ctx)  # first issuance: give verifiers a list to check against at once
    return record


@requires("issuance.approve")
def reject(ctx: StationContext, *, actor: User, attempt_id: str, reason: str,
           back_to_moderation: bool = False) -> AttemptState:
    """Reject with a reason: the attempt ends ('rejected') or goes back to moderation for a new agreed score."""
    if not reason.strip():
        raise InvalidInput("say why the credential is not issued", where="rejection reason")
    inputs = gather(ctx, attempt_id)
    check_can_approve(actor.id, inputs.participants)
    event = "issuance.returned_to_moderation" if back_to_moderation else "issuance.rejected"
    with ctx.uow(actor.id) as uow:
        return _decide(uow, attempt_id, event, {"reason": reason.strip()})
