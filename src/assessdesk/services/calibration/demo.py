"""Demo calibration: a closed forklift exercise that certified both demo assessors, registry certifications for
the other demo rubrics (stored as a pull from the registry would store them), and an open exercise waiting."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

from assessdesk.domain.clock import iso
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.ids import new_id
from assessdesk.domain.users import User
from assessdesk.services.calibration import blind, exercises
from assessdesk.services.calibration.records import REGISTRY_AUTHOR, REGISTRY_GRANTED
from assessdesk.services.station import StationContext
from assessdesk.storage.tables import EventRow
from assessdesk.trust.event_hash import event_hash

CLIP = "resources/demo/sample_clip.mp4"
# Reference levels of the forklift benchmarks (criteria FL-1..FL-6, levels 0-3), chosen to span the scale.
FORKLIFT_REFERENCE = [
    {"FL-1": 3, "FL-2": 3, "FL-3": 2, "FL-4": 3, "FL-5": 2, "FL-6": 3},
    {"FL-1": 1, "FL-2": 2, "FL-3": 1, "FL-4": 0, "FL-5": 1, "FL-6": 2},
    {"FL-1": 2, "FL-2": 1, "FL-3": 3, "FL-4": 2, "FL-5": 0, "FL-6": 1},
    {"FL-1": 0, "FL-2": 1, "FL-3": 0, "FL-4": 1, "FL-5": 2, "FL-6": 0},
]
# How each demo assessor departs from the reference (criterion -> levels added), so the charts show a spread.
DEPARTURES = {"assessor": {(1, "FL-3"): -1},
              "assessor2": {(0, "FL-5"): 1, (2, "FL-1"): 1, (1, "FL-4"): 1}}
REGISTRY_RUBRICS = ["RUB-CX-CALL@1", "RUB-DASHBOARD@1", "RUB-XFN-PROJECT@1"]


def store_registry_certification(ctx: StationContext, *, user_id: str, rubric_ref: str, valid_until: str) -> str:
    """Store a `certification.granted` event authored by the registry, exactly as a sync pull would."""
    event = AuthoredEvent(event_id=new_id(), entity_type="certification", entity_id=new_id(),
                          event_type=REGISTRY_GRANTED, payload={"user_id": user_id, "rubric_ref": rubric_ref,
                                                                "valid_until": valid_until},
                          author_station=REGISTRY_AUTHOR, author_user=None, occurred_at=iso(ctx.clock.now()))
    with ctx.db.session() as s, s.begin():
        s.add(EventRow(event_id=event.event_id, entity_type=event.entity_type, entity_id=event.entity_id,
                       event_type=event.event_type, payload_json=json.dumps(event.payload, sort_keys=True),
                       author_station=event.author_station, author_user=None, occurred_at=event.occurred_at,
                       content_hash=event_hash(event)))
    return event.entity_id


def _score(ctx: StationContext, user: User, exercise: exercises.Exercise, departures: dict) -> None:
    for n, b in enumerate(exercise.benchmarks):
        sheet = blind.open_benchmark_sheet(ctx, actor=user, benchmark_id=b.id).sheet
        for criterion, level in b.reference.items():
            sheet = sheet.with_score(criterion, level=min(3, max(0, level + departures.get((n, criterion), 0))))
        blind.save_benchmark_draft(ctx, actor=user, sheet=replace(sheet, comment="demo"))
        blind.submit_benchmark_sheet(ctx, actor=user, sheet_id=sheet.id)


def add_demo_calibration(ctx: StationContext, *, people: dict[str, User]) -> None:
    """`people` maps the demo usernames (lead, assessor, assessor2) to their users."""
    lead = people["lead"]
    attempts = exercises.recorded_attempts(ctx, actor=lead, rubric_ref="RUB-FORKLIFT@1")
    drafts = [exercises.BenchmarkDraft(
        f"Pre-use check {n + 1}", ref, attempt_id=attempts[n].attempt_id if n < len(attempts[:2]) else None,
        evidence_ref=None if n < len(attempts[:2]) else CLIP) for n, ref in enumerate(FORKLIFT_REFERENCE)]
    team = [people["assessor"], people["assessor2"]]
    done = exercises.create_exercise(ctx, actor=lead, name="Forklift calibration, demo", rubric_ref="RUB-FORKLIFT@1",
                                     benchmarks=drafts, assessor_ids=[u.id for u in team])
    for user in team:
        _score(ctx, user, done, DEPARTURES[user.username])
    exercises.close_exercise(ctx, actor=lead, exercise_id=done.id)
    until = (ctx.clock.now().date() + timedelta(days=365)).isoformat()
    for rubric in REGISTRY_RUBRICS:
        for user in (*team, lead):
            store_registry_certification(ctx, user_id=user.id, rubric_ref=rubric, valid_until=until)
    store_registry_certification(ctx, user_id=lead.id, rubric_ref="RUB-FORKLIFT@1", valid_until=until)
    exercises.create_exercise(
        ctx, actor=lead, name="Customer call calibration, demo", rubric_ref="RUB-CX-CALL@1",
        benchmarks=[exercises.BenchmarkDraft(f"Call {n + 1}", {"CX-1": a, "CX-2": b, "CX-3": c, "CX-4": d},
                                             evidence_ref=CLIP)
                    for n, (a, b, c, d) in enumerate([(3, 2, 3, 2), (1, 0, 1, 2), (2, 3, 1, 1)])],
        assessor_ids=[u.id for u in team])
