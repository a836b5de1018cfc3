"""Sittings, candidates and the attempt projection (refolded from the attempt's events on every change)."""

from __future__ import annotations

from datetime import date as date_cls
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessdesk.domain.attempt import AttemptState, derive_state
from assessdesk.domain.errors import NotFound
from assessdesk.domain.schedule import AttemptSummary, Candidate, Sitting
from assessdesk.storage.tables import AttemptRow, CandidateRow, EventRow, SessionRow


def _cand(row: CandidateRow) -> Candidate:
    return Candidate(row.id, row.given_name, row.family_name, row.external_id, row.email, row.walk_in,
                     row.needs_review)


def add_sitting(session: Session, s: Sitting) -> Sitting:
    session.add(SessionRow(id=s.id, title=s.title, site=s.site, date=s.date, starts_at=s.starts_at))
    session.flush()
    return s


def add_candidate(session: Session, c: Candidate) -> Candidate:
    session.add(CandidateRow(id=c.id, external_id=c.external_id, given_name=c.given_name, family_name=c.family_name,
                             email=c.email, walk_in=c.walk_in, needs_review=c.needs_review))
    session.flush()
    return c


def add_attempt(session: Session, *, attempt_id: str, sitting_id: str, candidate_id: str, credential_id: str,
                rubric_ref: str) -> None:
    session.add(AttemptRow(id=attempt_id, sitting_id=sitting_id, candidate_id=candidate_id,
                           credential_id=credential_id, rubric_ref=rubric_ref, state=AttemptState.SCHEDULED.value,
                           version=0))
    session.flush()


def shift_sitting_dates(session: Session, days: int) -> int:
    """Move every sitting `days` days later (ISO dates); returns how many moved."""
    rows = list(session.scalars(select(SessionRow)))
    for row in rows:
        row.date = (date_cls.fromisoformat(row.date) + timedelta(days=days)).isoformat()
    return len(rows)


def sittings_on(session: Session, date: str) -> list[Sitting]:
    rows = session.scalars(select(SessionRow).where(SessionRow.date == date).order_by(SessionRow.starts_at))
    return [Sitting(r.id, r.title, r.site, r.date, r.starts_at) for r in rows]


def attempts_in(session: Session, sitting_ids: list[str]) -> list[AttemptSummary]:
    rows = session.execute(select(AttemptRow, CandidateRow).join(CandidateRow)
                           .where(AttemptRow.sitting_id.in_(sitting_ids))
                           .order_by(CandidateRow.family_name, CandidateRow.given_name))
    return [AttemptSummary(a.id, a.sitting_id, _cand(c), a.credential_id, a.rubric_ref, AttemptState(a.state),
                           a.version) for a, c in rows]


def attempt_event_types(session: Session, attempt_id: str) -> list[str]:
    return list(session.scalars(select(EventRow.event_type)
                                .where(EventRow.entity_type == "attempt", EventRow.entity_id == attempt_id)
                                .order_by(EventRow.local_seq)))


def refold_attempt(session: Session, attempt_id: str) -> AttemptState:
    """Recompute the projection from the events: the events are the truth, the row a cache for lists."""
    row = session.get(AttemptRow, attempt_id)
    if row is None:
        raise NotFound(f"No attempt with id {attempt_id}.")
    types = attempt_event_types(session, attempt_id)
    state = derive_state(types)
    row.state = state.value
    row.version = len(types)
    session.flush()
    return state


def fold(text: str) -> str:
    """Case- and accent-insensitive form, so 'lukasz' finds 'Łukasz' and 'nguyen' finds 'Nguyễn'."""
    import unicodedata

    special = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss"})
    decomposed = unicodedata.normalize("NFKD", text.translate(special))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def search_candidates(session: Session, text: str, *, limit: int = 200) -> list[Candidate]:
    """Every word must match a name, external id or e-mail, ignoring case and accents.

    Filtered in Python: SQLite's LIKE folds ASCII only, and a station's roster is thousands of rows at most.
    """
    words = fold(text).split()
    out = []
    for row in session.scalars(select(CandidateRow).order_by(CandidateRow.family_name, CandidateRow.given_name)):
        hay = fold(" ".join(filter(None, (row.given_name, row.family_name, row.external_id, row.email))))
        if all(w in hay for w in words):
            out.append(_cand(row))
            if len(out) >= limit:
                break
    return out


def get_candidate(session: Session, candidate_id: str) -> Candidate:
    row = session.get(CandidateRow, candidate_id)
    if row is None:
        raise NotFound(f"No candidate with id {candidate_id}.")
    return _cand(row)


def external_ids(session: Session) -> set[str]:
    return {e for e in session.scalars(select(CandidateRow.external_id)) if e}


def set_enrolled_photo(session: Session, candidate_id: str, sha256: str) -> None:
    row = session.get(CandidateRow, candidate_id)
    if row is None:
        raise NotFound(f"No candidate with id {candidate_id}.")
    row.enrolled_photo_sha256 = sha256
    session.flush()


def enrolled_photo(session: Session, candidate_id: str) -> str | None:
    row = session.get(CandidateRow, candidate_id)
    return row.enrolled_photo_sha256 if row else None


def get_attempt(session: Session, attempt_id: str) -> AttemptSummary:
    row = session.execute(select(AttemptRow, CandidateRow).join(CandidateRow)
                          .where(AttemptRow.id == attempt_id)).first()
    if row is None:
        raise NotFound(f"No attempt with id {attempt_id}.")
    a, c = row
    return AttemptSummary(a.id, a.sitting_id, _cand(c), a.credential_id, a.rubric_ref, AttemptState(a.state),
                          a.version)


def attempts_of_candidate(session: Session, candidate_id: str) -> list[AttemptSummary]:
    rows = session.execute(select(AttemptRow, CandidateRow).join(CandidateRow)
                           .where(AttemptRow.candidate_id == candidate_id))
    return [AttemptSummary(a.id, a.sitting_id, _cand(c), a.credential_id, a.rubric_ref, AttemptState(a.state),
                           a.version) for a, c in rows]
