"""Calibration facts folded from authored events: exercises, benchmark sheets, certifications, drift alerts.

Everything calibration keeps is an event (no tables of its own), so a lead assessor's station and the registry
can exchange it like any other record, and registry-authored `certification.*` events count the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessdesk.domain.calibration import (
    CertificationPolicy,
    CertificationRecord,
    CertificationSource,
    rubric_id_of,
)
from assessdesk.domain.errors import NotFound
from assessdesk.domain.scoring import ScoreSheet, sheet_from_body
from assessdesk.storage.tables import EventRow

# The author the registry writes on the events it authors (registry.authoring.REGISTRY_AUTHOR); a
# `certification.*` event from anyone else is not a registry certification and does not count.
REGISTRY_AUTHOR = "registry"

# Event types (family "calibration" is authored by a lead assessor's station; benchmark sheets are score-sheet
# events of the assessor's scoring station; "certification" events come from the registry).
EXERCISE_CREATED = "calibration.exercise_created"
EXERCISE_CLOSED = "calibration.exercise_closed"
BENCHMARK_SHEET = "scoring.calibration_sheet_submitted"
CERTIFIED = "calibration.certified"
CERT_REVOKED = "calibration.certification_revoked"
REGISTRY_GRANTED = "certification.granted"
REGISTRY_REVOKED = "certification.revoked"
DRIFT_RAISED = "calibration.drift_alert_raised"
DRIFT_CLOSED = "calibration.drift_alert_closed"
LIVE_SHEET = "scoring.sheet_submitted"  # issue 3's live score sheets, read for drift


@dataclass(frozen=True)
class Benchmark:
    """A performance with known reference levels: a recorded attempt, or an imported clip named by evidence."""

    id: str
    label: str
    reference: dict[str, int]  # criterion id -> reference level
    attempt_id: str | None = None
    evidence_ref: str | None = None  # e.g. the sha256 of an imported clip, or a file name the lead recognises

    def source(self) -> str:
        return f"attempt {self.attempt_id}" if self.attempt_id else f"clip {self.evidence_ref}"

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "reference": dict(sorted(self.reference.items())),
                "attempt_id": self.attempt_id, "evidence_ref": self.evidence_ref}


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    rubric_ref: str
    created_by: str
    created_at: str
    assessor_ids: tuple[str, ...]
    benchmarks: tuple[Benchmark, ...]
    policy: CertificationPolicy
    closed_at: str | None = None
    closed_by: str | None = None
    results: dict = field(default_factory=dict, compare=False)  # the closing event's summary

    @property
    def open(self) -> bool:
        return self.closed_at is None

    @property
    def rubric_id(self) -> str:
        return rubric_id_of(self.rubric_ref)

    def benchmark(self, benchmark_id: str) -> Benchmark:
        for b in self.benchmarks:
            if b.id == benchmark_id:
                return b
        raise NotFound(f"The exercise '{self.name}' has no benchmark performance {benchmark_id}.")


def _rows(session: Session, *, types: Iterable[str] | None = None, entity_type: str | None = None,
          entity_id: str | None = None) -> list[EventRow]:
    query = select(EventRow).order_by(EventRow.local_seq)
    if types is not None:
        query = query.where(EventRow.event_type.in_(list(types)))
    if entity_type is not None:
        query = query.where(EventRow.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(EventRow.entity_id == entity_id)
    return list(session.scalars(query))


def _exercise(created: EventRow, closed: EventRow | None) -> Exercise:
    p = json.loads(created.payload_json)
    benchmarks = tuple(Benchmark(b["id"], b["label"], {k: int(v) for k, v in b["reference"].items()},
                                 b.get("attempt_id"), b.get("evidence_ref")) for b in p["benchmarks"])
    policy = CertificationPolicy(**p["policy"])
    c = json.loads(closed.payload_json) if closed is not None else {}
    return Exercise(created.entity_id, p["name"], p["rubric_ref"], created.author_user or "", created.occurred_at,
                    tuple(p["assessor_ids"]), benchmarks, policy,
                    closed.occurred_at if closed is not None else None,
                    closed.author_user if closed is not None else None, c)


def exercises(session: Session) -> list[Exercise]:
    """Every exercise, newest first."""
    rows = _rows(session, types=(EXERCISE_CREATED, EXERCISE_CLOSED), entity_type="calibration_exercise")
    closed = {r.entity_id: r for r in rows if r.event_type == EXERCISE_CLOSED}
    made = [_exercise(r, closed.get(r.entity_id)) for r in rows if r.event_type == EXERCISE_CREATED]
    return sorted(made, key=lambda e: e.created_at, reverse=True)


def exercise(session: Session, exercise_id: str) -> Exercise:
    rows = _rows(session, entity_type="calibration_exercise", entity_id=exercise_id)
    created = next((r for r in rows if r.event_type == EXERCISE_CREATED), None)
    if created is None:
        raise NotFound(f"No calibration exercise {exercise_id}.")
    return _exercise(created, next((r for r in rows if r.event_type == EXERCISE_CLOSED), None))


@dataclass(frozen=True)
class BenchmarkSheet:
    exercise_id: str
    benchmark_id: str
    sheet: ScoreSheet


def benchmark_sheets(session: Session, exercise_id: str | None = None) -> list[BenchmarkSheet]:
    """Submitted benchmark sheets (one per assessor and benchmark; a later one never replaces the first)."""
    out: dict[tuple[str, str, str], BenchmarkSheet] = {}
    for r in _rows(session, types=(BENCHMARK_SHEET,)):
        p = json.loads(r.payload_json)
        if exercise_id is not None and p["exercise_id"] != exercise_id:
            continue
        sheet = sheet_from_body(p["sheet"], submitted_at=r.occurred_at, content_hash=p.get("content_hash", ""))
        out.setdefault((p["exercise_id"], p["benchmark_id"], sheet.assessor_id),
                       BenchmarkSheet(p["exercise_id"], p["benchmark_id"], sheet))
    return list(out.values())


def _day(text: str) -> date:
    return date.fromisoformat(text[:10])


def certification_records(session: Session) -> list[CertificationRecord]:
    """Station certifications and registry ones, with their revocations applied."""
    rows = _rows(session, types=(CERTIFIED, CERT_REVOKED, REGISTRY_GRANTED, REGISTRY_REVOKED),
                 entity_type="certification")
    records: dict[str, CertificationRecord] = {}
    for r in rows:
        if r.event_type in (REGISTRY_GRANTED, REGISTRY_REVOKED) and r.author_station != REGISTRY_AUTHOR:
            continue
        p = json.loads(r.payload_json)
        if r.event_type in (CERTIFIED, REGISTRY_GRANTED):
            ref = str(p.get("rubric_ref", ""))
            source = CertificationSource.STATION if r.event_type == CERTIFIED else CertificationSource.REGISTRY
            granted = _day(p.get("valid_from") or r.occurred_at)
            records[r.entity_id] = CertificationRecord(
                r.entity_id, str(p["user_id"]), rubric_id_of(ref), ref, granted, _day(p["valid_until"]), source,
                p.get("exercise_id"))
        elif r.entity_id in records:
            prior = records[r.entity_id]
            when = _day(p.get("revoked_on") or r.occurred_at)
            records[r.entity_id] = CertificationRecord(**{**prior.__dict__, "revoked_on": when,
                                                          "revoked_reason": str(p.get("reason", ""))})
    return list(records.values())


@dataclass(frozen=True)
class DriftAlert:
    id: str
    assessor_id: str
    rubric_id: str
    raised_at: str
    reading: dict  # the figures that crossed the threshold
    closed_at: str | None = None
    closed_by: str | None = None
    note: str = ""

    @property
    def open(self) -> bool:
        return self.closed_at is None


def drift_alerts(session: Session) -> list[DriftAlert]:
    """Every drift alert, newest first; an alert stays open until a lead assessor closes it."""
    rows = _rows(session, types=(DRIFT_RAISED, DRIFT_CLOSED), entity_type="drift_alert")
    alerts: dict[str, DriftAlert] = {}
    for r in rows:
        p = json.loads(r.payload_json)
        if r.event_type == DRIFT_RAISED:
            alerts[r.entity_id] = DriftAlert(r.entity_id, p["assessor_id"], p["rubric_id"], r.occurred_at,
                                             p["reading"])
        elif r.entity_id in alerts:
            alerts[r.entity_id] = DriftAlert(**{**alerts[r.entity_id].__dict__, "closed_at": r.occurred_at,
                                                "closed_by": r.author_user, "note": str(p.get("note", ""))})
    return sorted(alerts.values(), key=lambda a: a.raised_at, reverse=True)


def live_sheets(session: Session) -> list[tuple[str, dict]]:
    """(submitted at, sheet body) of every live score sheet event, in recording order."""
    return [(r.occurred_at, json.loads(r.payload_json)["sheet"]) for r in _rows(session, types=(LIVE_SHEET,))]
