"""The proctor's end-of-session report: attendance, identity outcomes, incidents, voids and presence flags per candidate."""

from __future__ import annotations

from datetime import date, datetime

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.reports.models import (IncidentEntry, PresenceFlagEntry, SessionCandidateRow,
                                                SessionReportData)
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage import users as users_repo
from assessdesk.storage.events import attempt_events
from assessdesk.storage.tables import SessionRow


def _identity(events: list[AuthoredEvent]) -> tuple[str, str]:
    decided = [e for e in events if e.event_type in ("identity.verified", "identity.failed")]
    if not decided:
        return "not checked", ""
    p = decided[-1].payload
    outcome = {"verified": "verified", "not_verified": "not verified",
               "verified_override": "verified with override"}.get(p.get("decision", ""), "verified")
    notes = []
    if p.get("override_reason"):
        notes.append(f"override: {p['override_reason']}")
    for c in (p.get("comparison") or {}).get("comparisons", []):
        if c.get("similarity") is not None:
            notes.append(f"face similarity {c['similarity']:.2f} vs {c['reference'].replace('_', ' ')} "
                         f"({c['method']})")
    if p.get("method") == "manual":
        notes.append("checked by eye (no face comparison)")
    return outcome, "; ".join(notes)


def _row(a, events: list[AuthoredEvent], *, past: bool) -> SessionCandidateRow:  # type: ignore[no-untyped-def]
    types = [e.event_type for e in events]
    if a.candidate.walk_in:
        attendance = "walk-in"
    elif "attempt.checked_in" in types:
        attendance = "present"
    else:
        attendance = "absent" if past else "not checked in yet"
    outcome, note = _identity(events)
    incidents = tuple(IncidentEntry(float(e.payload.get("video_time_s") or e.payload.get("elapsed_s") or 0.0),
                                    e.payload.get("label") or e.payload.get("code", ""), e.payload.get("note", ""))
                      for e in events if e.event_type == "incident.logged")
    flags: dict[tuple[str, float], PresenceFlagEntry] = {}
    for e in events:
        if e.event_type == "presence.flagged":
            p = e.payload
            start, end = float(p["started_s"]), p.get("ended_s")
            flags[(p["kind"], start)] = PresenceFlagEntry(start, str(p["kind"]).replace("_", " "),
                                                          float(end) - start if end is not None else 0.0)
    void = next((e.payload.get("reason", "") for e in events if e.event_type == "attempt.voided"), "")
    return SessionCandidateRow(candidate_name=a.candidate.full_name, credential_name=a.credential_id,
                               attendance=attendance, identity_outcome=outcome, identity_note=note,
                               incidents=incidents, presence_flags=tuple(sorted(flags.values(),
                                                                                key=lambda f: f.at_seconds)),
                               void_reason=void, attempt_state=a.state.value.replace("_", " "),
                               candidate_ref=a.candidate.external_id or "")


@requires("session.report")
def session_report(ctx: StationContext, *, actor: User, sitting_id: str) -> SessionReportData:
    with ctx.db.session() as s:
        sitting = s.get(SessionRow, sitting_id)
        if sitting is None:
            from assessdesk.domain.errors import NotFound

            raise NotFound(f"No session with id {sitting_id}.")
        attempts = schedule.attempts_in(s, [sitting_id])
        day = date.fromisoformat(sitting.date)
        past = day < ctx.clock.now().astimezone().date()
        rows = tuple(_row(a, attempt_events(s, a.id), past=past or a.state is AttemptState.VOIDED)
                     for a in attempts)
        proctors = {e.author_user for a in attempts for e in attempt_events(s, a.id)
                    if e.event_type == "attempt.checked_in" and e.author_user}
        names = sorted(users_repo.get(s, p).display_name for p in proctors) or [actor.display_name]
        station = ctx.station().name
    return SessionReportData(session_name=sitting.title, site_name=sitting.site, session_date=day,
                             proctor_name=", ".join(names), station_name=station,
                             generated_at=datetime.fromisoformat(ctx.now().replace("Z", "+00:00")), rows=rows)
