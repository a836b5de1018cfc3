"""The demo profile: one user per role (passwords shown on the sign-in screen in demo mode only), candidates, today's sittings."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from assessdesk.domain.clock import Clock, SystemClock
from assessdesk.domain.ids import new_id
from assessdesk.domain.schedule import Candidate, Sitting
from assessdesk.services import attempts as attempt_service
from assessdesk.services import users as user_service
from assessdesk.services.demo_accounts import DEMO_USERS
from assessdesk.services.station import StationContext, create_profile
from assessdesk.storage import schedule
from assessdesk.storage import station as station_repo
from assessdesk.storage import users as users_repo

DEMO_CANDIDATES = [
    ("C-1001", "Łukasz", "Nowak", "lukasz.nowak@example.org"),
    ("C-1002", "Nguyễn", "Thị Lan", "lan.nguyen@example.org"),
    ("C-1003", "Ayşe", "Yılmaz", "ayse.yilmaz@example.org"),
    ("C-1004", "Samuel", "Okafor", "samuel.okafor@example.org"),
    ("C-1005", "María", "Fernández", "maria.fernandez@example.org"),
]

SCHEDULE_DAY = "demo_schedule_day"  # station setting only build_demo_profile sets: the day the schedule calls today

# Credential definitions of the demo standards library (issue 3 ships their full content).
DEMO_SITTINGS = [
    ("Forklift pre-use inspection", "Riverside warehouse, bay 3", "09:00", "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1"),
    ("Customer troubleshooting call", "Training centre, room 2", "13:30", "CX-TROUBLESHOOT", "RUB-CX-CALL@1"),
]


def build_demo_profile(path: Path, *, clock: Clock | None = None) -> StationContext:
    clock = clock or SystemClock()
    name, roles, password = DEMO_USERS["admin"]
    ctx = create_profile(path, station_name="Demo station", admin_username="admin", admin_display_name=name,
                         admin_password=password, demo=True, clock=clock)
    with ctx.db.session() as s:
        admin = users_repo.by_username(s, "admin")[0]  # type: ignore[index]
    # the sample clip's candidate is away ~4 s: flag absences after 2.5 s; the schedule keeps to today on later days
    demo_settings = {"presence_absence_seconds": 2.5, SCHEDULE_DAY: clock.now().astimezone().date().isoformat()}
    with ctx.uow(admin.id) as uow:
        station_repo.update_settings(uow.session, demo_settings)
        uow.audit(action="station.settings_changed", subject_type="station", subject_id=ctx.station_id,
                  detail=demo_settings)
    for username, (display, user_roles, pw) in DEMO_USERS.items():
        if username != "admin":
            user_service.create_user(ctx, actor=admin, username=username, display_name=display, password=pw,
                                     roles=user_roles)
    today = clock.now().astimezone().date()
    with ctx.uow(admin.id) as uow:
        candidates = [schedule.add_candidate(uow.session, Candidate(new_id(), g, f, ext, mail))
                      for ext, g, f, mail in DEMO_CANDIDATES]
        sittings = []
        for offset, (title, site, at, cred, rubric) in enumerate(DEMO_SITTINGS):
            sittings.append((schedule.add_sitting(uow.session, Sitting(new_id(), title, site, today.isoformat(), at)),
                             cred, rubric))
        schedule.add_sitting(uow.session, Sitting(new_id(), "Warehouse safety audit", "Riverside warehouse",
                                                  (today + timedelta(days=1)).isoformat(), "10:00"))
    with ctx.db.session() as s:
        proctor = users_repo.by_username(s, "proctor")[0]  # type: ignore[index]
    from assessdesk.services.standards.demo import add_attempts_awaiting_scores, import_demo_standards

    import_demo_standards(ctx, actor=admin)
    for i, cand in enumerate(candidates):
        sitting, cred, rubric = sittings[i % len(sittings)]
        attempt_service.schedule_attempt(ctx, actor=proctor, sitting_id=sitting.id, candidate_id=cand.id,
                                         credential_id=cred, rubric_ref=rubric)
    add_attempts_awaiting_scores(ctx, proctor=proctor, candidates={c.external_id: c.id for c in candidates},
                                 on=today)
    from assessdesk.services.evidence.demo_recording import add_recorded_attempt

    add_recorded_attempt(ctx, candidate_id=candidates[0].id, on=today)  # sealed evidence from the sample clip
    from assessdesk.services.calibration.demo import add_demo_calibration

    with ctx.db.session() as s:  # certified before anyone scores a live sheet (the certification gate)
        people = {n: users_repo.by_username(s, n)[0] for n in ("lead", "assessor", "assessor2")}  # type: ignore[index]
    add_demo_calibration(ctx, people=people)  # a closed and an open exercise; registry certifications
    from assessdesk.services.issuance.demo import add_demo_credentials

    add_demo_credentials(ctx, candidates={c.external_id: c.id for c in candidates}, on=today)  # one revoked
    return ctx


def roll_schedule_forward(ctx: StationContext) -> int:
    """Keep the demo's sittings on today: a demo built on an earlier day moves its whole schedule forward by the
    days since (recorded history keeps its dates). Returns the days moved; audited. Only the built demo profile."""
    anchor = ctx.settings().get(SCHEDULE_DAY) if ctx.is_demo else None
    if not anchor:
        return 0
    today = ctx.clock.now().astimezone().date()
    days = (today - date.fromisoformat(anchor)).days
    if days <= 0:
        return 0
    with ctx.uow(None) as uow:
        moved = schedule.shift_sitting_dates(uow.session, days)
        station_repo.update_settings(uow.session, {SCHEDULE_DAY: today.isoformat()})
        uow.audit(action="demo.schedule_rolled_forward", subject_type="station", subject_id=ctx.station_id,
                  detail={"days": days, "sittings": moved, "from": anchor, "to": today.isoformat()})
    return days
