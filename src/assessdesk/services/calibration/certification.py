"""Certification status (from station and registry certifications alike), the gate on live score sheets, the
lead assessor's certification list and revocation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from assessdesk.domain.calibration import (
    CertificationRecord,
    CertificationState,
    CertificationStatus,
    NotCertified,
    certification_status,
    rubric_id_of,
)
from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.roles import can
from assessdesk.domain.standards import ItemKind
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.calibration import records
from assessdesk.services.station import StationContext
from assessdesk.storage import standards as standards_repo
from assessdesk.storage import users as users_repo


def status_in(session: Session, *, user_id: str, rubric_ref: str, today: date) -> CertificationStatus:
    return certification_status(records.certification_records(session), user_id=user_id,
                                rubric_id=rubric_id_of(rubric_ref), today=today)


def _is_checklist(session: Session, ref: str) -> bool:
    item_id = rubric_id_of(ref)
    return bool(standards_repo.versions(session, ItemKind.CHECKLIST, item_id)) and not standards_repo.versions(
        session, ItemKind.RUBRIC, item_id)


def check_certified(ctx: StationContext, *, assessor: User, assessment_ref: str) -> CertificationStatus:
    """The gate's rule: raise `NotCertified` (why, and since when) unless the assessor holds a current
    certification for the rubric today. Checklists (yes/no items) are not calibrated and pass."""
    with ctx.db.session() as s:
        if _is_checklist(s, assessment_ref):
            return CertificationStatus(assessor.id, rubric_id_of(assessment_ref), CertificationState.CURRENT,
                                       None)
        status = status_in(s, user_id=assessor.id, rubric_ref=assessment_ref, today=ctx.clock.now().date())
    if not status.current:
        raise NotCertified(status, assessor_name=assessor.display_name)
    return status


def certification_gate(ctx: StationContext):  # -> services.scoring.hooks.CertificationGate
    """The gate in the shape issue 3's `submit_sheet(certification_gate=...)` takes."""

    def gate(assessor: User, assessment_ref: str, attempt_id: str) -> None:
        check_certified(ctx, assessor=assessor, assessment_ref=assessment_ref)

    return gate


@dataclass(frozen=True)
class CertificationRow:
    """One assessor x rubric line of the certification list."""

    user_id: str
    name: str
    status: CertificationStatus
    record: CertificationRecord | None  # the record the status comes from

    def to_dict(self) -> dict:
        s = self.status
        return {"user_id": self.user_id, "name": self.name, "rubric_id": s.rubric_id, "state": s.state.value,
                "since": s.since.isoformat() if s.since else None,
                "valid_until": s.valid_until.isoformat() if s.valid_until else None,
                "certification_id": s.certification_id, "source": s.source.value if s.source else None,
                "reason": s.reason, "message": s.message()}


def _rows(session: Session, today: date, user_ids: set[str] | None) -> list[CertificationRow]:
    found = records.certification_records(session)
    by_id = {c.id: c for c in found}
    names = {u.id: u.display_name for u in users_repo.list_all(session)}
    rubrics = {c.rubric_id for c in found}
    users = {c.user_id for c in found} if user_ids is None else user_ids
    rows = []
    for user_id in users:
        for rubric_id in sorted(rubrics):
            status = certification_status(found, user_id=user_id, rubric_id=rubric_id, today=today)
            if status.state is CertificationState.NEVER and user_ids is None:
                continue
            rows.append(CertificationRow(user_id, names.get(user_id, user_id), status,
                                         by_id.get(status.certification_id or "")))
    return sorted(rows, key=lambda r: (r.name, r.status.rubric_id))


@requires("calibration.view")
def certification_list(ctx: StationContext, *, actor: User) -> list[CertificationRow]:
    """Lead assessors, approvers and admins: everyone's certifications; an assessor: their own, one line per
    rubric (including the rubrics they were never certified for)."""
    today = ctx.clock.now().date()
    everyone = can(actor.roles, "calibration.manage") or not can(actor.roles, "scoring.score")
    with ctx.db.session() as s:
        rows = _rows(s, today, None if everyone else {actor.id})
        if not everyone:
            known = {r.status.rubric_id for r in rows}
            # An assessor also sees the rubrics they were never certified for (so they know to ask).
            for summary in standards_repo.list_items(s, ItemKind.RUBRIC):
                if summary.id not in known:
                    known.add(summary.id)
                    rows.append(CertificationRow(actor.id, actor.display_name, CertificationStatus(
                        actor.id, summary.id, CertificationState.NEVER, None), None))
    return sorted(rows, key=lambda r: (r.name, r.status.rubric_id))


@requires("calibration.view")
def my_status(ctx: StationContext, *, actor: User, rubric_ref: str) -> CertificationStatus:
    with ctx.db.session() as s:
        return status_in(s, user_id=actor.id, rubric_ref=rubric_ref, today=ctx.clock.now().date())


@requires("calibration.manage")
def revoke_certification(ctx: StationContext, *, actor: User, certification_id: str, reason: str) -> CertificationRow:
    """Withdraw a station certification from today (the registry withdraws its own with `certification.revoked`)."""
    if not reason.strip():
        raise InvalidInput("say why the certification is withdrawn", where="revocation")
    today = ctx.clock.now().date()
    with ctx.uow(actor.id) as uow:
        found = {c.id: c for c in records.certification_records(uow.session)}
        record = found.get(certification_id)
        if record is None:
            raise NotFound(f"No certification {certification_id}.")
        if record.revoked_on is not None:
            raise InvalidInput(f"it was already revoked on {record.revoked_on}", where="certification")
        uow.record(entity_type="certification", entity_id=certification_id, event_type=records.CERT_REVOKED,
                   payload={"revoked_on": today.isoformat(), "reason": reason.strip(), "user_id": record.user_id})
        status = status_in(uow.session, user_id=record.user_id, rubric_ref=record.rubric_ref, today=today)
        name = users_repo.get(uow.session, record.user_id).display_name
    return CertificationRow(record.user_id, name, status, record)
