"""Score drafts, submitted sheets, peer forms and the attempt facts scoring needs, as frozen domain objects."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import NotFound
from assessdesk.domain.scoring import PeerForm, ScoreSheet, SheetRole, sheet_from_body
from assessdesk.storage.standards_tables import PeerFormRow, ScoreDraftRow, ScoreSheetRow
from assessdesk.storage.tables import AttemptRow, CandidateRow, EventRow, SessionRow


@dataclass(frozen=True)
class AttemptFacts:
    id: str
    candidate_id: str
    candidate_name: str
    candidate_ref: str
    sitting_id: str
    sitting_title: str
    site: str
    on: date
    credential_id: str
    rubric_ref: str
    state: AttemptState


def _facts(a: AttemptRow, c: CandidateRow, s: SessionRow) -> AttemptFacts:
    return AttemptFacts(a.id, c.id, f"{c.given_name} {c.family_name}", c.external_id or "", s.id, s.title, s.site,
                        date.fromisoformat(s.date), a.credential_id, a.rubric_ref, AttemptState(a.state))


def _joined():  # type: ignore[no-untyped-def]
    return (select(AttemptRow, CandidateRow, SessionRow).join(CandidateRow, AttemptRow.candidate_id == CandidateRow.id)
            .join(SessionRow, AttemptRow.sitting_id == SessionRow.id))


def attempt_facts(session: Session, attempt_id: str) -> AttemptFacts:
    row = session.execute(_joined().where(AttemptRow.id == attempt_id)).first()
    if row is None:
        raise NotFound(f"No attempt with id {attempt_id}.")
    return _facts(*row)


def attempts_in_states(session: Session, states: list[AttemptState]) -> list[AttemptFacts]:
    rows = session.execute(_joined().where(AttemptRow.state.in_([s.value for s in states]))
                           .order_by(SessionRow.date, CandidateRow.family_name))
    return [_facts(*r) for r in rows]


def attempts_of(session: Session, *, candidate_id: str, credential_id: str) -> list[AttemptFacts]:
    rows = session.execute(_joined().where(AttemptRow.candidate_id == candidate_id,
                                           AttemptRow.credential_id == credential_id))
    return [_facts(*r) for r in rows]


def group_of(session: Session, attempt_id: str) -> list[AttemptFacts]:
    """Every attempt at the same credential in the same sitting (a group project's members), this one included."""
    me = attempt_facts(session, attempt_id)
    rows = session.execute(_joined().where(AttemptRow.sitting_id == me.sitting_id,
                                           AttemptRow.credential_id == me.credential_id)
                           .order_by(CandidateRow.family_name, CandidateRow.given_name))
    return [_facts(*r) for r in rows if r[0].state != AttemptState.VOIDED.value]


def attempt_events(session: Session, attempt_id: str) -> list[tuple[str, dict]]:
    rows = session.execute(select(EventRow.event_type, EventRow.payload_json)
                           .where(EventRow.entity_type == "attempt", EventRow.entity_id == attempt_id)
                           .order_by(EventRow.local_seq))
    return [(t, json.loads(p)) for t, p in rows]


# --- drafts ------------------------------------------------------------------------------------------------------
def save_draft(session: Session, sheet: ScoreSheet) -> None:
    session.merge(ScoreDraftRow(sheet_id=sheet.id, attempt_id=sheet.attempt_id, assessor_id=sheet.assessor_id,
                                role=sheet.role.value, body_json=json.dumps(sheet.body(), ensure_ascii=False),
                                updated_at=sheet.updated_at))
    session.flush()


def get_draft(session: Session, sheet_id: str) -> ScoreSheet:
    row = session.get(ScoreDraftRow, sheet_id)
    if row is None:
        raise NotFound("That score sheet draft no longer exists (it may have been submitted).")
    return sheet_from_body(json.loads(row.body_json), updated_at=row.updated_at)


def find_draft(session: Session, *, attempt_id: str, assessor_id: str, role: SheetRole) -> ScoreSheet | None:
    row = session.scalar(select(ScoreDraftRow).where(ScoreDraftRow.attempt_id == attempt_id,
                                                     ScoreDraftRow.assessor_id == assessor_id,
                                                     ScoreDraftRow.role == role.value))
    return sheet_from_body(json.loads(row.body_json), updated_at=row.updated_at) if row else None


def drafts_of(session: Session, assessor_id: str) -> set[str]:
    return set(session.scalars(select(ScoreDraftRow.attempt_id).where(ScoreDraftRow.assessor_id == assessor_id)))


def delete_draft(session: Session, sheet_id: str) -> None:
    session.execute(delete(ScoreDraftRow).where(ScoreDraftRow.sheet_id == sheet_id))


# --- submitted sheets ----------------------------------------------------------------------------------------------
def add_sheet(session: Session, sheet: ScoreSheet, *, event_id: str) -> None:
    session.add(ScoreSheetRow(sheet_id=sheet.id, attempt_id=sheet.attempt_id, assessor_id=sheet.assessor_id,
                              role=sheet.role.value, body_json=json.dumps(sheet.body(), ensure_ascii=False),
                              content_hash=sheet.content_hash, submitted_at=sheet.submitted_at or "",
                              supersedes=sheet.supersedes, event_id=event_id))
    session.flush()


def sheets_for(session: Session, attempt_id: str) -> list[ScoreSheet]:
    """Submitted sheets of an attempt in submission order, superseded ones included (callers decide)."""
    rows = session.scalars(select(ScoreSheetRow).where(ScoreSheetRow.attempt_id == attempt_id)
                           .order_by(ScoreSheetRow.submitted_at, ScoreSheetRow.sheet_id))
    return [sheet_from_body(json.loads(r.body_json), submitted_at=r.submitted_at, content_hash=r.content_hash)
            for r in rows]


def get_sheet(session: Session, sheet_id: str) -> ScoreSheet:
    r = session.get(ScoreSheetRow, sheet_id)
    if r is None:
        raise NotFound(f"No submitted score sheet {sheet_id}.")
    return sheet_from_body(json.loads(r.body_json), submitted_at=r.submitted_at, content_hash=r.content_hash)


# --- peer forms -----------------------------------------------------------------------------------------------------
def add_peer_form(session: Session, form: PeerForm, *, entered_by: str, entered_at: str, event_id: str) -> None:
    session.add(PeerFormRow(id=form.id, attempt_id=form.attempt_id, rater_candidate_id=form.rater_candidate_id,
                            ratee_candidate_id=form.ratee_candidate_id, scores_json=json.dumps(form.scores),
                            source=form.source, entered_by=entered_by, entered_at=entered_at, event_id=event_id))
    session.flush()


def peer_forms_for(session: Session, attempt_id: str) -> list[PeerForm]:
    rows = session.scalars(select(PeerFormRow).where(PeerFormRow.attempt_id == attempt_id)
                           .order_by(PeerFormRow.entered_at, PeerFormRow.id))
    return [PeerForm(r.id, r.attempt_id, r.rater_candidate_id, r.ratee_candidate_id, json.loads(r.scores_json),
                     r.source) for r in rows]
