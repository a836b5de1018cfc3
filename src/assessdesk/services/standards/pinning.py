"""Version pinning: an attempt is judged against the standards versions in force on its date, fixed once; a later
version never re-scores it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from assessdesk.domain.errors import NotFound
from assessdesk.domain.standards import Checklist, CredentialDefinition, ItemKind, Rubric, parse_ref
from assessdesk.storage import standards as repo
from assessdesk.storage.scoring import attempt_facts


@dataclass(frozen=True)
class Pinned:
    pin: repo.Pin
    credential: CredentialDefinition
    assessment: Rubric | Checklist

    @property
    def kind(self) -> ItemKind:
        return ItemKind.CHECKLIST if isinstance(self.assessment, Checklist) else ItemKind.RUBRIC


def _assessment_kind(session: Session, ref: str) -> ItemKind:
    item_id, _ = parse_ref(ref)
    for kind in (ItemKind.RUBRIC, ItemKind.CHECKLIST):
        if repo.versions(session, kind, item_id):
            return kind
    raise NotFound(f"The standards library has no rubric or checklist {item_id}.",
                   hint="Import the standards package that contains it.")


def _load(session: Session, pin: repo.Pin) -> Pinned:
    credential = repo.resolve(session, ItemKind.CREDENTIAL, pin.credential_ref, on=date.fromisoformat(pin.pinned_on))
    kind = _assessment_kind(session, pin.assessment_ref)
    assessment = repo.resolve(session, kind, pin.assessment_ref, on=date.fromisoformat(pin.pinned_on))
    return Pinned(pin, credential, assessment)


def pin_attempt(session: Session, attempt_id: str) -> Pinned:
    """The attempt's pinned versions, fixing them now (from the attempt's date) if not fixed yet. The attempt's
    own `rubric_ref` wins when it names a version; a bare id takes the version in force on the attempt's date."""
    existing = repo.get_pin(session, attempt_id)
    if existing is not None:
        return _load(session, existing)
    attempt = attempt_facts(session, attempt_id)
    on = attempt.on
    credential = repo.resolve(session, ItemKind.CREDENTIAL, attempt.credential_id, on=on)
    kind = _assessment_kind(session, attempt.rubric_ref)
    assessment = repo.resolve(session, kind, attempt.rubric_ref, on=on)
    competency_ids = {a.competency_id for a in credential.alignments}
    competency_ids |= {c.competency_id for c in getattr(assessment, "criteria", ())}
    competency_ids |= {i.competency_id for i in getattr(assessment, "items", ())}
    refs = []
    for cid in sorted(competency_ids):
        try:
            refs.append(repo.resolve(session, ItemKind.COMPETENCY, cid, on=on).ref)
        except NotFound:
            refs.append(cid)  # referenced but not in force that day: kept by id so the gap stays visible
    pin = repo.Pin(attempt_id, credential.ref, assessment.ref, tuple(refs), on.isoformat())
    repo.set_pin(session, pin)
    return Pinned(pin, credential, assessment)
