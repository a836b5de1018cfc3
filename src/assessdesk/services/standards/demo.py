"""The demo standards library (resources/standards/demo-operations.json) and demo attempts ready to be scored."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from assessdesk.domain.ids import new_id
from assessdesk.domain.schedule import Sitting
from assessdesk.domain.users import User
from assessdesk.services import attempts as attempt_service
from assessdesk.services.standards.library import ImportResult, import_package
from assessdesk.services.standards.pinning import pin_attempt
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule

DEMO_PACKAGE = "demo-operations.json"

# Yesterday's sittings whose attempts wait for scores: (title, site, time, credential, assessment, candidate refs).
# Two or more candidates in one sitting at a group credential form one group project.
SCORING_SITTINGS = [
    ("Forklift pre-use inspection (recorded)", "Riverside warehouse, bay 3", "08:30", "LOG-FORKLIFT-PREUSE",
     "RUB-FORKLIFT@1", ["C-1004"]),
    ("Customer troubleshooting call (recorded)", "Training centre, room 2", "10:00", "CX-TROUBLESHOOT",
     "RUB-CX-CALL@1", ["C-1005"]),
    ("Warehouse safety audit walk-through", "Riverside warehouse", "11:00", "QS-WAREHOUSE-AUDIT",
     "CHK-WH-AUDIT@1", ["C-1001"]),
    ("Dashboard interpretation case", "Training centre, room 1", "13:00", "DATA-DASHBOARD-CASE",
     "RUB-DASHBOARD@1", ["C-1002"]),
    ("Cross-functional coordination project", "Training centre, project room", "09:00", "TEAM-XFN-PROJECT",
     "RUB-XFN-PROJECT@1", ["C-1003", "C-1004", "C-1005"]),
]

# What the demo's evidence seal says each validation type produced (the evidence index replaces this later).
DEMO_EVIDENCE = {
    "LOG-FORKLIFT-PREUSE": ["video.sealed"],
    "CX-TROUBLESHOOT": ["video.sealed", "video.audio"],
    "QS-WAREHOUSE-AUDIT": ["video.sealed"],
    "DATA-DASHBOARD-CASE": ["artifact.case_output"],
    "TEAM-XFN-PROJECT": ["video.sealed", "artifact.portfolio"],
}

TO_AWAITING_SCORES = ["attempt.checked_in", "identity.verified", "attempt.started", "attempt.ended"]


def demo_package_path() -> Path:
    from assessdesk.trust.resources import resources_root

    return resources_root() / "standards" / DEMO_PACKAGE


def import_demo_standards(ctx: StationContext, *, actor: User) -> ImportResult:
    return import_package(ctx, actor=actor, path=demo_package_path())


def add_attempts_awaiting_scores(ctx: StationContext, *, proctor: User, candidates: dict[str, str],
                                 on: date) -> list[str]:
    """Yesterday's attempts, driven through the state machine to `awaiting_scores` with a demo evidence seal."""
    day = (on - timedelta(days=1)).isoformat()
    made: list[tuple[str, str]] = []
    with ctx.uow(proctor.id) as uow:
        sittings = [(schedule.add_sitting(uow.session, Sitting(new_id(), title, site, day, at)), cred, ref, refs)
                    for title, site, at, cred, ref, refs in SCORING_SITTINGS]
    for sitting, cred, ref, refs in sittings:
        for candidate_ref in refs:
            attempt_id = attempt_service.schedule_attempt(ctx, actor=proctor, sitting_id=sitting.id,
                                                          candidate_id=candidates[candidate_ref],
                                                          credential_id=cred, rubric_ref=ref)
            made.append((attempt_id, cred))
    for attempt_id, cred in made:
        for event_type in TO_AWAITING_SCORES:
            attempt_service.transition(ctx, actor=proctor, attempt_id=attempt_id, event_type=event_type)
        attempt_service.transition(ctx, actor=proctor, attempt_id=attempt_id, event_type="evidence.sealed",
                                   payload={"demo": True, "evidence_kinds": DEMO_EVIDENCE[cred]})
    with ctx.uow(proctor.id) as uow:
        for attempt_id, _ in made:
            pin_attempt(uow.session, attempt_id)
    return [a for a, _ in made]
