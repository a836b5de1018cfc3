"""Drift: each assessor's rolling-window agreement on second-marked live attempts (read from the score-sheet
events), alerts when it falls below the threshold, and the lead assessor closing an alert."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from assessdesk.domain.calibration import (
    DriftObservation,
    DriftPolicy,
    DriftReading,
    certification_status,
    drift_reading,
    policies_from_settings,
    rubric_id_of,
)
from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.ids import new_id
from assessdesk.domain.standards import ItemKind
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.calibration import records
from assessdesk.services.calibration.records import DriftAlert
from assessdesk.services.station import StationContext
from assessdesk.storage import standards as standards_repo
from assessdesk.storage import users as users_repo

MARKER_ROLES = ("first", "second")
AGREED_ROLES = ("moderation", "rescore")


def _levels(sheet: dict) -> dict[str, int]:
    return {s["criterion_id"]: int(s["level"]) for s in sheet.get("scores", ()) if s.get("level") is not None}


def observations(session: Session) -> dict[tuple[str, str], list[DriftObservation]]:
    """(assessor id, rubric id) -> one observation per second-marked attempt the assessor marked.

    The assessor's levels are compared with the agreed (moderated) sheet when there is one, otherwise with the
    other marker's sheet; an attempt with a single marker says nothing about drift and is skipped."""
    by_attempt: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for at, sheet in records.live_sheets(session):
        if sheet.get("kind") == "rubric":
            by_attempt[sheet["attempt_id"]].append((at, sheet))
    out: dict[tuple[str, str], list[DriftObservation]] = defaultdict(list)
    for attempt_id, sheets in by_attempt.items():
        latest = {}  # role -> (at, sheet): the last of each role (a re-score supersedes)
        for at, sheet in sheets:
            latest[sheet["role"]] = (at, sheet)
        markers = [latest[r] for r in MARKER_ROLES if r in latest]
        agreed = next((latest[r] for r in reversed(AGREED_ROLES) if r in latest), None)
        if len(markers) < 2:
            continue
        for i, (at, mine) in enumerate(markers):
            other = agreed[1] if agreed is not None else markers[1 - i][1]
            a, b = _levels(mine), _levels(other)
            shared = [c for c in a if c in b]
            out[(mine["assessor_id"], rubric_id_of(mine["assessment_ref"]))].append(DriftObservation(
                attempt_id, at, len(shared), sum(a[c] == b[c] for c in shared),
                sum(abs(a[c] - b[c]) <= 1 for c in shared)))
    return out


def _n_levels(session: Session, rubric_id: str) -> int:
    found = standards_repo.versions(session, ItemKind.RUBRIC, rubric_id)
    if not found:
        return 4
    latest = max(found, key=lambda r: r.version)
    return len({lv.level for c in latest.criteria for lv in c.levels})  # type: ignore[attr-defined]


@dataclass(frozen=True)
class DriftRow:
    assessor_id: str
    name: str
    rubric_id: str
    reading: DriftReading
    open_alert: DriftAlert | None


def _readings(session: Session, policy: DriftPolicy, today: date) -> list[DriftRow]:
    certs = records.certification_records(session)
    alerts = [a for a in records.drift_alerts(session) if a.open]
    names = {u.id: u.display_name for u in users_repo.list_all(session)}
    rows = []
    for (assessor_id, rubric_id), obs in sorted(observations(session).items()):
        status = certification_status(certs, user_id=assessor_id, rubric_id=rubric_id, today=today)
        if status.current and status.since is not None:
            # The window restarts at (re)certification: sheets from before it no longer describe the assessor.
            obs = [o for o in obs if o.at[:10] >= status.since.isoformat()]
        reading = drift_reading(obs, policy, n_levels=_n_levels(session, rubric_id))
        alert = next((a for a in alerts if (a.assessor_id, a.rubric_id) == (assessor_id, rubric_id)), None)
        rows.append(DriftRow(assessor_id, names.get(assessor_id, assessor_id), rubric_id, reading, alert))
    return rows


@requires("calibration.manage")
def drift_overview(ctx: StationContext, *, actor: User) -> list[DriftRow]:
    """Every assessor x rubric with second-marked attempts: the window's agreement and any open alert."""
    _, policy = policies_from_settings(ctx.settings())
    with ctx.db.session() as s:
        return _readings(s, policy, ctx.clock.now().date())


@requires("calibration.manage")
def scan_drift(ctx: StationContext, *, actor: User) -> list[DriftAlert]:
    """Raise an alert for each assessor x rubric whose window fell below the threshold, unless one is open or
    a closed one already covered the same latest attempt. Returns the alerts raised now."""
    _, policy = policies_from_settings(ctx.settings())
    raised = []
    with ctx.uow(actor.id) as uow:
        existing = records.drift_alerts(uow.session)
        for row in _readings(uow.session, policy, ctx.clock.now().date()):
            r = row.reading
            if not r.crossed or row.open_alert is not None:
                continue
            last = r.attempt_ids[-1]
            if any((a.assessor_id, a.rubric_id) == (row.assessor_id, row.rubric_id)
                   and a.reading.get("last_attempt_id") == last for a in existing):
                continue
            alert_id = new_id()
            reading = {"attempts": r.attempts, "criteria": r.criteria, "exact": r.exact, "adjacent": r.adjacent,
                       "needed": r.needed, "attempt_ids": list(r.attempt_ids), "last_attempt_id": last,
                       "window": policy.window, "summary": r.summary(),
                       "proposal": f"recalibrate {row.name} on {row.rubric_id}"}
            uow.record(entity_type="drift_alert", entity_id=alert_id, event_type=records.DRIFT_RAISED,
                       payload={"assessor_id": row.assessor_id, "rubric_id": row.rubric_id, "reading": reading})
            raised.append(alert_id)
        alerts = records.drift_alerts(uow.session)
    return [a for a in alerts if a.id in raised]


@requires("calibration.manage")
def open_drift_alerts(ctx: StationContext, *, actor: User) -> list[DriftAlert]:
    with ctx.db.session() as s:
        return [a for a in records.drift_alerts(s) if a.open]


@requires("calibration.manage")
def close_drift_alert(ctx: StationContext, *, actor: User, alert_id: str, note: str) -> DriftAlert:
    """Close an alert with what was done (e.g. "invited to the March exercise", "certification revoked")."""
    if not note.strip():
        raise InvalidInput("say what was done about it", where="drift alert")
    with ctx.uow(actor.id) as uow:
        alert = next((a for a in records.drift_alerts(uow.session) if a.id == alert_id), None)
        if alert is None:
            raise NotFound(f"No drift alert {alert_id}.")
        if not alert.open:
            raise InvalidInput(f"it was closed on {alert.closed_at[:10] if alert.closed_at else '?'}",
                               where="drift alert")
        uow.record(entity_type="drift_alert", entity_id=alert_id, event_type=records.DRIFT_CLOSED,
                   payload={"note": note.strip()})
        return next(a for a in records.drift_alerts(uow.session) if a.id == alert_id)
