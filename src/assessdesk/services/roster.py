"""The roster: find candidates, register walk-ins offline, import a roster CSV all-or-nothing."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.ids import new_id
from assessdesk.domain.schedule import Candidate
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ROSTER_COLUMNS = ("external_id", "given_name", "family_name", "email")


@requires("roster.view")
def find_candidates(ctx: StationContext, *, actor: User, text: str) -> list[Candidate]:
    with ctx.db.session() as s:
        return schedule.search_candidates(s, text)


def _check_person(given: str, family: str, email: str | None, where: str) -> list[str]:
    errors = []
    if not given.strip():
        errors.append(f"{where}, given_name: is required")
    if not family.strip():
        errors.append(f"{where}, family_name: is required")
    if email and not EMAIL_RE.match(email.strip()):
        errors.append(f"{where}, email: '{email}' is not an e-mail address")
    return errors


@requires("roster.edit")
def register_walk_in(ctx: StationContext, *, actor: User, given_name: str, family_name: str,
                     email: str | None = None, external_id: str | None = None) -> Candidate:
    """A candidate not on the roster: a new uuid7, marked for the registry to review (it may merge duplicates)."""
    errors = _check_person(given_name, family_name, email, "walk-in")
    if errors:
        raise InvalidInput("; ".join(errors))
    cand = Candidate(new_id(), given_name.strip(), family_name.strip(), (external_id or "").strip() or None,
                     (email or "").strip() or None, walk_in=True, needs_review=True)
    with ctx.uow(actor.id) as uow:
        schedule.add_candidate(uow.session, cand)
        uow.record(entity_type="candidate", entity_id=cand.id, event_type="candidate.walk_in_registered",
                   payload={"given_name": cand.given_name, "family_name": cand.family_name, "email": cand.email,
                            "external_id": cand.external_id})
    return cand


@dataclass
class RosterImport:
    imported: int = 0
    errors: list[str] = field(default_factory=list)


def parse_roster_csv(text: str, *, known_ids: set[str], source: str) -> tuple[list[Candidate], list[str]]:
    """Every row error at once, each naming file, row and column; candidates only when there is none."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in ("external_id", "given_name", "family_name") if c not in header]
    if missing:
        return [], [f"{source}, row 1 (header): missing column(s) {', '.join(missing)}; "
                    f"expected {', '.join(ROSTER_COLUMNS)}"]
    out, errors, seen = [], [], set()
    for number, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        where = f"{source}, row {number}"
        ext = row.get("external_id", "")
        row_errors = _check_person(row.get("given_name", ""), row.get("family_name", ""), row.get("email"), where)
        if not ext:
            row_errors.append(f"{where}, external_id: is required")
        elif ext in seen:
            row_errors.append(f"{where}, external_id: '{ext}' appears twice in the file")
        elif ext in known_ids:
            row_errors.append(f"{where}, external_id: '{ext}' is already on the roster")
        seen.add(ext)
        errors.extend(row_errors)
        if not row_errors:
            out.append(Candidate(new_id(), row["given_name"], row["family_name"], ext, row.get("email") or None))
    return (out if not errors else []), errors


@requires("roster.edit")
def import_roster(ctx: StationContext, *, actor: User, path: Path) -> RosterImport:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot be read as a UTF-8 CSV file ({exc})", where=str(path)) from exc
    with ctx.db.session() as s:
        known = schedule.external_ids(s)
    candidates, errors = parse_roster_csv(text, known_ids=known, source=Path(path).name)
    if errors:
        return RosterImport(0, errors)
    with ctx.uow(actor.id) as uow:
        for cand in candidates:
            schedule.add_candidate(uow.session, cand)
        uow.audit(action="roster.imported", subject_type="station", subject_id=ctx.station_id,
                  detail={"rows": len(candidates)})
    return RosterImport(len(candidates), [])


@requires("roster.edit")
def enrol_photo(ctx: StationContext, *, actor: User, candidate_id: str, image_bytes: bytes) -> str:
    """Store a candidate's enrolled photo as evidence (content-addressed, encrypted) and link it."""
    blob = ctx.evidence_store().put_bytes(image_bytes)
    with ctx.uow(actor.id) as uow:
        schedule.set_enrolled_photo(uow.session, candidate_id, blob.sha256)
        uow.audit(action="candidate.photo_enrolled", subject_type="candidate", subject_id=candidate_id,
                  detail={"sha256": blob.sha256})
    return blob.sha256
