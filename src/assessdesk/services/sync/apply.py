"""Applying pulled events: each in its own short transaction, stored with its server sequence (never re-queued),
with the station's projections (users, roster, standards, attempts, score sheets) brought up to date."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessdesk.domain.errors import DomainError, InvalidTransition
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.roles import Role
from assessdesk.protocol.events import WireEvent
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage import sync as repo
from assessdesk.storage.tables import AttemptRow, CandidateRow, SessionRow, UserRow

STANDARDS_PUBLISHED = "standards.package_published"
USER_UPSERTED = "user.upserted"
CANDIDATE_UPSERTED = "roster.candidate_upserted"
CANDIDATE_MERGED = "roster.candidate_merged"
SHEET_SUBMITTED = "scoring.sheet_submitted"


@dataclass
class PageResult:
    """What one pulled page did; `problems` are shown on the sync page, never block the feed."""

    applied: int = 0
    skipped: int = 0  # already held (a page re-pulled after a cut)
    problems: list[str] = field(default_factory=list)
    attempts: set[str] = field(default_factory=set)


def split_name(name: str) -> tuple[str, str]:
    """The registry keeps one name; the station's roster keeps given and family names (last word = family)."""
    parts = name.strip().rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])


def _apply_user(session: Session, p: dict[str, Any], now: str) -> None:
    roles = sorted(r for r in p.get("roles", []) if r in {x.value for x in Role})
    row = session.get(UserRow, p["user_id"]) or session.scalar(
        select(UserRow).where(UserRow.username == str(p["username"]).lower()))
    if row is None:
        # No password yet: a station admin sets one before the user can sign in here (passwords never travel).
        session.add(UserRow(id=p["user_id"], username=str(p["username"]).lower(),
                            display_name=p.get("display_name") or p["username"], password_hash="",
                            roles_json=json.dumps(roles), active=bool(p.get("active", True)), failed_attempts=0,
                            created_at=now))
    else:
        row.display_name = p.get("display_name") or row.display_name
        row.roles_json = json.dumps(roles)
        row.active = bool(p.get("active", True))
    session.flush()


def _apply_candidate(session: Session, p: dict[str, Any]) -> None:
    given, family = split_name(str(p.get("name", "")))
    row = session.get(CandidateRow, p["candidate_id"])
    if row is None and p.get("external_id"):
        row = session.scalar(select(CandidateRow).where(CandidateRow.external_id == p["external_id"]))
    if row is None:
        session.add(CandidateRow(id=p["candidate_id"], external_id=p.get("external_id"), given_name=given,
                                 family_name=family, email=p.get("email"), walk_in=False, needs_review=False))
    else:
        row.given_name, row.family_name, row.email = given, family, p.get("email")
        row.external_id = p.get("external_id") or row.external_id
    session.flush()


def _apply_merge(session: Session, p: dict[str, Any]) -> None:
    row = session.get(CandidateRow, p["candidate_id"])
    if row is not None:
        row.needs_review = False  # the registry decided who this walk-in is
        session.flush()


def _ensure_attempt(session: Session, event: AuthoredEvent, station_names: dict[str, str]) -> bool:
    """Create the attempt's list row from its `attempt.scheduled` event; False when the row cannot be made yet."""
    if session.get(AttemptRow, event.entity_id) is not None:
        return True
    if event.event_type != "attempt.scheduled":
        return False
    p = event.payload
    if session.get(SessionRow, p["sitting_id"]) is None:
        where = station_names.get(event.author_station, f"station {event.author_station[:8]}")
        session.add(SessionRow(id=p["sitting_id"], title=f"Sitting recorded at {where}", site=where,
                               date=event.occurred_at[:10], starts_at=event.occurred_at[11:16]))
    if session.get(CandidateRow, p["candidate_id"]) is None:
        # A walk-in registered at another station (its name comes with the attempt); the registry reviews walk-ins
        # and a merge later names the roster candidate
        walk_in = p.get("walk_in") if isinstance(p.get("walk_in"), dict) else {}
        given, family = split_name(str(walk_in.get("name") or ""))
        session.add(CandidateRow(id=p["candidate_id"], external_id=None, given_name=given or "Walk-in",
                                 family_name=family or p["candidate_id"][-8:], email=walk_in.get("email"),
                                 walk_in=True, needs_review=True))
    session.flush()
    schedule.add_attempt(session, attempt_id=event.entity_id, sitting_id=p["sitting_id"],
                         candidate_id=p["candidate_id"], credential_id=p["credential_id"], rubric_ref=p["rubric_ref"])
    return True


def _apply_sheet(session: Session, event: AuthoredEvent) -> None:
    from assessdesk.domain.scoring import sheet_from_body
    from assessdesk.storage import scoring as scoring_repo
    from assessdesk.storage.standards_tables import ScoreSheetRow

    body = event.payload.get("sheet")
    if not isinstance(body, dict) or session.get(ScoreSheetRow, body.get("sheet_id")) is not None:
        return
    sheet = sheet_from_body(body, submitted_at=event.occurred_at, content_hash=str(event.payload.get("content_hash")))
    scoring_repo.add_sheet(session, sheet, event_id=event.event_id)


def _project(session: Session, event: AuthoredEvent, result: PageResult, station_names: dict[str, str],
             now: str) -> None:
    if event.event_type == USER_UPSERTED:
        _apply_user(session, event.payload, now)
    elif event.event_type == CANDIDATE_UPSERTED:
        _apply_candidate(session, event.payload)
    elif event.event_type == CANDIDATE_MERGED:
        _apply_merge(session, event.payload)
    elif event.event_type == SHEET_SUBMITTED:
        _apply_sheet(session, event)
    if event.entity_type == "attempt":
        if _ensure_attempt(session, event, station_names):
            result.attempts.add(event.entity_id)
        else:
            result.problems.append(f"attempt {event.entity_id}: {event.event_type} arrived before the attempt was "
                                   "scheduled here; its list entry appears when the schedule arrives")


TRANSACTION_EVENTS = 100  # events per short transaction; each event also sits in its own savepoint


def apply_page(ctx: StationContext, *, events: list[WireEvent], next_cursor: int,
               station_names: dict[str, str] | None = None) -> PageResult:
    """Store and project the page in short transactions (each event in its own savepoint, so one that cannot be
    projected is kept unprojected and the rest go on), then move the cursor. Re-applying a page is harmless:
    events already held are skipped by id, so a cut between two transactions loses nothing and doubles nothing."""
    result = PageResult()
    names = station_names or {}
    pending: list[AuthoredEvent] = []
    for wire in events:
        event = wire.to_domain()
        if event.event_type == STANDARDS_PUBLISHED:
            _apply_chunk(ctx, pending, result, names)
            pending = []
            _import_standards(ctx, event, result)  # its own transaction; re-importing a package is a no-op
        pending.append(event)
        if len(pending) >= TRANSACTION_EVENTS:
            _apply_chunk(ctx, pending, result, names)
            pending = []
    _apply_chunk(ctx, pending, result, names)
    for attempt_id in sorted(result.attempts):
        _refold(ctx, attempt_id, result)
    with ctx.uow(None) as uow:
        repo.set_state(uow.session, {"cursor": str(next_cursor)})
        if result.applied:
            uow.audit(action="sync.pulled", subject_type="station", subject_id=ctx.station_id,
                      detail={"events": result.applied, "cursor": next_cursor})
    return result


def _apply_chunk(ctx: StationContext, events: list[AuthoredEvent], result: PageResult,
                 names: dict[str, str]) -> None:
    if not events:
        return
    with ctx.uow(None) as uow:
        for event in events:
            held = repo.event_by_id(uow.session, event.event_id)
            if held is not None:
                if held.content_hash != event.content_hash:
                    result.problems.append(f"event {event.event_id} arrived with content different from the "
                                           "copy held here; the copy here was kept")
                result.skipped += 1
                continue
            savepoint = uow.session.begin_nested()
            try:
                repo.store_pulled(uow.session, event)
                _project(uow.session, event, result, names, uow.now())
                savepoint.commit()
            except (DomainError, KeyError, ValueError, TypeError) as exc:
                # A record this station cannot project must not wedge the feed: keep it unprojected, say so.
                savepoint.rollback()
                result.problems.append(f"event {event.event_id} ({event.event_type} on {event.entity_type} "
                                       f"{event.entity_id}) could not be applied: {type(exc).__name__}: {exc}")
                repo.store_pulled(uow.session, event)
            result.applied += 1


def _import_standards(ctx: StationContext, event: AuthoredEvent, result: PageResult) -> None:
    from assessdesk.services.standards.library import import_published

    package = event.payload.get("package")
    if not isinstance(package, dict):
        result.problems.append(f"standards event {event.event_id} carries no package")
        return
    try:
        import_published(ctx, package=package, source=f"registry event {event.event_id}")
    except DomainError as exc:
        result.problems.append(f"standards package {package.get('id')} {package.get('version')} was not "
                               f"imported: {exc}")


def _refold(ctx: StationContext, attempt_id: str, result: PageResult) -> None:
    try:
        with ctx.uow(None) as uow:
            if uow.session.get(AttemptRow, attempt_id) is not None:
                schedule.refold_attempt(uow.session, attempt_id)
    except InvalidTransition as exc:
        result.problems.append(f"attempt {attempt_id}: its events do not fold into a state here ({exc})")
