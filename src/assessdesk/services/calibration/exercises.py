"""Calibration exercises: a lead assessor sets one up (benchmark performances with reference levels, invited
assessors, the thresholds in force), watches progress, and closes it, which certifies those who passed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.calibration import policies_from_settings
from assessdesk.domain.errors import InvalidInput, NotFound, SeparationOfDuties
from assessdesk.domain.ids import new_id
from assessdesk.domain.roles import can
from assessdesk.domain.standards import ItemKind, Rubric, parse_ref
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.calibration import records
from assessdesk.services.calibration.records import Benchmark, Exercise
from assessdesk.services.calibration.results import ExerciseResults, compute
from assessdesk.services.station import StationContext
from assessdesk.storage import scoring as scoring_repo
from assessdesk.storage import standards as standards_repo
from assessdesk.storage import users as users_repo

# Attempts whose performance has been recorded (ended or later), so they can serve as benchmark performances.
RECORDED_STATES = [AttemptState.ENDED, AttemptState.AWAITING_SCORES, AttemptState.AWAITING_SECOND_MARKING,
                   AttemptState.IN_MODERATION, AttemptState.PASSED, AttemptState.FAILED,
                   AttemptState.PENDING_APPROVAL, AttemptState.ISSUED, AttemptState.REJECTED]


@dataclass(frozen=True)
class BenchmarkDraft:
    """What the lead assessor enters for one benchmark performance."""

    label: str
    reference: dict[str, int]
    attempt_id: str | None = None
    evidence_ref: str | None = None


@dataclass(frozen=True)
class RecordedAttempt:
    attempt_id: str
    label: str  # candidate, sitting and date, for the set-up list


def load_rubric(session: Session, ref: str) -> Rubric:
    item_id, version = parse_ref(ref)
    if version is None:
        raise InvalidInput("name the rubric version, e.g. RUB-FORKLIFT@1", where="rubric")
    if not standards_repo.versions(session, ItemKind.RUBRIC, item_id):
        raise NotFound(f"The standards library has no rubric {item_id}.",
                       hint="Checklists are not calibrated; pick a rubric, or import the package that has it.")
    return standards_repo.get_item(session, ItemKind.RUBRIC, item_id, version)


def _check_benchmarks(session: Session, rubric: Rubric, drafts: list[BenchmarkDraft]) -> tuple[Benchmark, ...]:
    if not drafts:
        raise InvalidInput("add at least one benchmark performance", where="exercise")
    out, seen_attempts = [], set()
    for n, d in enumerate(drafts, start=1):
        where = f"benchmark {n}"
        label = d.label.strip() or f"Benchmark {n}"
        if bool(d.attempt_id) == bool((d.evidence_ref or "").strip()):
            raise InvalidInput("name either a recorded attempt or an imported clip (not both)", where=where)
        if d.attempt_id:
            facts = scoring_repo.attempt_facts(session, d.attempt_id)
            if facts.state not in RECORDED_STATES:
                raise InvalidInput(f"that attempt is {facts.state.value.replace('_', ' ')}, not recorded yet",
                                   where=where)
            if d.attempt_id in seen_attempts:
                raise InvalidInput("this attempt is already a benchmark of the exercise", where=where)
            seen_attempts.add(d.attempt_id)
        reference = {}
        for c in rubric.criteria:
            level = d.reference.get(c.id)
            if level is None:
                raise InvalidInput(f"give the reference level for '{c.title}'", where=where)
            c.level(int(level))  # raises when the rubric has no such level
            reference[c.id] = int(level)
        unknown = set(d.reference) - {c.id for c in rubric.criteria}
        if unknown:
            raise InvalidInput(f"not criteria of {rubric.ref}: {', '.join(sorted(unknown))}", where=where)
        out.append(Benchmark(new_id(), label, reference, d.attempt_id or None, (d.evidence_ref or "").strip() or None))
    levels = {lv for b in out for lv in b.reference.values()}
    if len(levels) < 2:
        raise InvalidInput("the reference levels are all the same, so agreement cannot be told apart from chance "
                           "(kappa is undefined); include performances at different levels", where="exercise")
    return tuple(out)


def _check_assessors(session: Session, actor: User, assessor_ids: list[str]) -> tuple[str, ...]:
    if not assessor_ids:
        raise InvalidInput("invite at least one assessor", where="exercise")
    if actor.id in assessor_ids:
        raise SeparationOfDuties("You set the reference levels, so you cannot take your own exercise.",
                                 hint="Another lead assessor can set one up for you.")
    for user_id in assessor_ids:
        user = users_repo.get(session, user_id)
        if not user.active or not can(user.roles, "scoring.score"):
            raise InvalidInput("only active assessors can take a calibration exercise",
                               where=f"assessor {user.display_name}")
    return tuple(dict.fromkeys(assessor_ids))


@requires("calibration.manage")
def create_exercise(ctx: StationContext, *, actor: User, name: str, rubric_ref: str,
                    benchmarks: list[BenchmarkDraft], assessor_ids: list[str]) -> Exercise:
    """Record a new, open exercise; the thresholds in force now are stored with it so its results never move."""
    if not name.strip():
        raise InvalidInput("give the exercise a name", where="exercise")
    policy, _ = policies_from_settings(ctx.settings())
    with ctx.uow(actor.id) as uow:
        rubric = load_rubric(uow.session, rubric_ref)
        made = _check_benchmarks(uow.session, rubric, benchmarks)
        invited = _check_assessors(uow.session, actor, assessor_ids)
        units = len(made) * len(rubric.criteria)
        if units < policy.min_scores:
            raise InvalidInput(f"{len(made)} benchmark(s) x {len(rubric.criteria)} criteria give {units} scores, "
                               f"fewer than the {policy.min_scores} a certification needs; add benchmarks",
                               where="exercise")
        exercise_id = new_id()
        uow.record(entity_type="calibration_exercise", entity_id=exercise_id, event_type=records.EXERCISE_CREATED,
                   payload={"name": name.strip(), "rubric_ref": rubric.ref, "assessor_ids": list(invited),
                            "benchmarks": [b.to_dict() for b in made], "policy": policy.to_dict()})
        return records.exercise(uow.session, exercise_id)


@requires("calibration.view")
def list_exercises(ctx: StationContext, *, actor: User) -> list[Exercise]:
    """Lead assessors see every exercise; an assessor sees the ones they were invited to."""
    with ctx.db.session() as s:
        found = records.exercises(s)
    if can(actor.roles, "calibration.manage"):
        return found
    return [e for e in found if actor.id in e.assessor_ids]


@requires("calibration.manage")
def recorded_attempts(ctx: StationContext, *, actor: User, rubric_ref: str) -> list[RecordedAttempt]:
    """Recorded attempts at the rubric (any version), the candidates for benchmark performances."""
    item_id, _ = parse_ref(rubric_ref)
    with ctx.db.session() as s:
        found = scoring_repo.attempts_in_states(s, RECORDED_STATES)
    return [RecordedAttempt(f.id, f"{f.candidate_name} — {f.sitting_title}, {f.on.isoformat()}")
            for f in found if parse_ref(f.rubric_ref)[0] == item_id]


@dataclass(frozen=True)
class Progress:
    assessor_id: str
    name: str
    scored: int  # benchmark sheets submitted
    of: int


@dataclass(frozen=True)
class ExerciseView:
    exercise: Exercise
    rubric: Rubric
    progress: tuple[Progress, ...]
    results: ExerciseResults | None  # lead assessors: live; assessors: their own row, once closed
    names: dict[str, str]


def _names(session: Session) -> dict[str, str]:
    return {u.id: u.display_name for u in users_repo.list_all(session)}


def _view(session: Session, exercise: Exercise, *, lead: bool, actor_id: str) -> ExerciseView:
    rubric = load_rubric(session, exercise.rubric_ref)
    sheets = records.benchmark_sheets(session, exercise.id)
    names = _names(session)
    progress = tuple(Progress(a, names.get(a, a), sum(1 for s in sheets if s.sheet.assessor_id == a),
                              len(exercise.benchmarks)) for a in exercise.assessor_ids)
    results = None
    if lead or not exercise.open:
        results = compute(exercise, rubric, sheets, names)
        if not lead:  # an assessor sees their own figures only, never colleagues'
            results = replace(results, assessors=tuple(r for r in results.assessors if r.assessor_id == actor_id))
    if not lead:
        progress = tuple(p for p in progress if p.assessor_id == actor_id)
    return ExerciseView(exercise, rubric, progress, results, names)


@requires("calibration.view")
def exercise_view(ctx: StationContext, *, actor: User, exercise_id: str) -> ExerciseView:
    lead = can(actor.roles, "calibration.manage")
    with ctx.db.session() as s:
        exercise = records.exercise(s, exercise_id)
        if not lead and actor.id not in exercise.assessor_ids:
            raise NotFound("You were not invited to that calibration exercise.")
        return _view(s, exercise, lead=lead, actor_id=actor.id)


@dataclass(frozen=True)
class CloseResult:
    view: ExerciseView
    certified: tuple[str, ...]  # user ids
    valid_until: date


@requires("calibration.manage")
def close_exercise(ctx: StationContext, *, actor: User, exercise_id: str) -> CloseResult:
    """Close the exercise: its results are recorded, and each assessor who met every threshold is certified for
    the rubric until today + the policy's validity. Assessors who did not finish are not certified."""
    today = ctx.clock.now().date()
    with ctx.uow(actor.id) as uow:
        exercise = records.exercise(uow.session, exercise_id)
        if not exercise.open:
            raise InvalidInput(f"it was closed on {exercise.closed_at[:10] if exercise.closed_at else '?'}",
                               where=f"exercise '{exercise.name}'")
        view = _view(uow.session, exercise, lead=True, actor_id=actor.id)
        assert view.results is not None
        valid_until = today + timedelta(days=exercise.policy.valid_days - 1)
        certified = []
        for r in view.results.assessors:
            if not r.passed:
                continue
            uow.record(entity_type="certification", entity_id=new_id(), event_type=records.CERTIFIED,
                       payload={"user_id": r.assessor_id, "rubric_ref": exercise.rubric_ref,
                                "rubric_id": exercise.rubric_id,
                                "valid_from": today.isoformat(), "valid_until": valid_until.isoformat(),
                                "exercise_id": exercise.id,
                                "basis": {"exact": r.figures.exact, "adjacent": r.figures.adjacent,
                                          "kappa": r.figures.kappa, "bias": r.figures.bias}})
            certified.append(r.assessor_id)
        uow.record(entity_type="calibration_exercise", entity_id=exercise.id, event_type=records.EXERCISE_CLOSED,
                   payload={"results": view.results.to_dict(), "certified": certified,
                            "valid_until": valid_until.isoformat()})
        closed = records.exercise(uow.session, exercise.id)
    return CloseResult(replace(view, exercise=closed), tuple(certified), valid_until)
