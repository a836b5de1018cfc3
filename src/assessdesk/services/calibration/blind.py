"""Blind benchmark scoring: an invited assessor scores each benchmark performance on the exercise's rubric like
a live sheet (same `ScoreSheet`, same draft store, same `SheetView` the scoring page shows), never seeing the
reference levels or anyone else's scores; submitting locks and records it as a score-sheet event."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import InvalidInput, NotFound, SeparationOfDuties
from assessdesk.domain.ids import new_id
from assessdesk.domain.scoring import ScoreSheet, SheetKind, SheetRole, evaluate_rubric
from assessdesk.domain.standards import ItemKind
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.calibration import records
from assessdesk.services.calibration.exercises import load_rubric
from assessdesk.services.calibration.records import Benchmark, Exercise
from assessdesk.services.scoring.sheets import SheetView
from assessdesk.services.station import StationContext
from assessdesk.storage import scoring as scoring_repo
from assessdesk.storage import standards as standards_repo
from assessdesk.trust.canonical import content_hash


@dataclass(frozen=True)
class CalibrationTask:
    """One benchmark performance still to score for an open exercise the assessor was invited to."""

    exercise_id: str
    exercise_name: str
    benchmark_id: str
    label: str
    rubric_ref: str
    position: int  # 1-based, within the exercise
    of: int
    has_draft: bool

    @property
    def task(self) -> str:
        return "Calibration (blind)"


def _locate(session: Session, benchmark_id: str) -> tuple[Exercise, Benchmark]:
    for exercise in records.exercises(session):
        for b in exercise.benchmarks:
            if b.id == benchmark_id:
                return exercise, b
    raise NotFound(f"No benchmark performance {benchmark_id}.")


def _submitted(session: Session, exercise_id: str, assessor_id: str) -> set[str]:
    return {s.benchmark_id for s in records.benchmark_sheets(session, exercise_id)
            if s.sheet.assessor_id == assessor_id}


def _check_invited(exercise: Exercise, actor: User) -> None:
    if actor.id not in exercise.assessor_ids:
        raise SeparationOfDuties(f"You were not invited to the calibration exercise '{exercise.name}'.",
                                 hint="Ask the lead assessor to invite you.")
    if not exercise.open:
        raise InvalidInput("the exercise is closed; its results are on the Calibration page",
                           where=f"exercise '{exercise.name}'")


@requires("scoring.score")
def calibration_tasks(ctx: StationContext, *, actor: User) -> list[CalibrationTask]:
    """Benchmarks waiting for this assessor, exercise by exercise in the order the lead listed them."""
    out = []
    with ctx.db.session() as s:
        drafts = scoring_repo.drafts_of(s, actor.id)
        for e in reversed(records.exercises(s)):
            if not e.open or actor.id not in e.assessor_ids:
                continue
            done = _submitted(s, e.id, actor.id)
            for n, b in enumerate(e.benchmarks, start=1):
                if b.id not in done:
                    out.append(CalibrationTask(e.id, e.name, b.id, b.label, e.rubric_ref, n, len(e.benchmarks),
                                               b.id in drafts))
    return out


def _sheet_view(session: Session, exercise: Exercise, benchmark: Benchmark, sheet: ScoreSheet) -> SheetView:
    rubric = load_rubric(session, exercise.rubric_ref)
    held_on = date.fromisoformat(exercise.created_at[:10])
    credential = standards_repo.resolve(session, ItemKind.CREDENTIAL, rubric.credential_id, on=held_on)
    n = [b.id for b in exercise.benchmarks].index(benchmark.id) + 1
    # The benchmark stands where an attempt would: the page shows its label, never a reference level.
    facts = scoring_repo.AttemptFacts(
        id=benchmark.id, candidate_id="", candidate_name=f"{benchmark.label} (benchmark {n} of "
                                                        f"{len(exercise.benchmarks)})",
        candidate_ref="", sitting_id=exercise.id, sitting_title=exercise.name, site="Calibration exercise",
        on=held_on, credential_id=rubric.credential_id, rubric_ref=exercise.rubric_ref,
        state=AttemptState.AWAITING_SCORES)
    return SheetView(sheet, facts, credential, rubric, None, ())


@requires("scoring.score")
def open_benchmark_sheet(ctx: StationContext, *, actor: User, benchmark_id: str) -> SheetView:
    """Resume the assessor's draft for a benchmark, or start one (a rubric sheet; role `first`, blind)."""
    with ctx.uow(actor.id) as uow:
        exercise, benchmark = _locate(uow.session, benchmark_id)
        _check_invited(exercise, actor)
        if benchmark.id in _submitted(uow.session, exercise.id, actor.id):
            raise InvalidInput("you already submitted this benchmark", where=benchmark.label)
        sheet = scoring_repo.find_draft(uow.session, attempt_id=benchmark.id, assessor_id=actor.id,
                                        role=SheetRole.FIRST)
        if sheet is None:
            sheet = ScoreSheet(id=new_id(), attempt_id=benchmark.id, assessor_id=actor.id, role=SheetRole.FIRST,
                               kind=SheetKind.RUBRIC, assessment_ref=exercise.rubric_ref, scores=(),
                               updated_at=uow.now())
            scoring_repo.save_draft(uow.session, sheet)
        return _sheet_view(uow.session, exercise, benchmark, sheet)


@requires("scoring.score")
def save_benchmark_draft(ctx: StationContext, *, actor: User, sheet: ScoreSheet) -> ScoreSheet:
    """Store the whole draft as it stands (the scoring page calls this on every change)."""
    with ctx.uow(actor.id) as uow:
        stored = scoring_repo.get_draft(uow.session, sheet.id)
        if stored.assessor_id != actor.id or sheet.assessor_id != actor.id:
            raise SeparationOfDuties("This draft belongs to another assessor.")
        if (stored.attempt_id, stored.kind) != (sheet.attempt_id, sheet.kind):
            raise InvalidInput("the draft does not match its benchmark", where="calibration sheet")
        saved = replace(sheet, updated_at=uow.now(), assessment_ref=stored.assessment_ref, role=SheetRole.FIRST)
        scoring_repo.save_draft(uow.session, saved)
    return saved


@dataclass(frozen=True)
class BenchmarkSubmitted:
    sheet: ScoreSheet
    exercise_id: str
    remaining: int  # benchmarks of the exercise this assessor has still to score


@requires("scoring.score")
def submit_benchmark_sheet(ctx: StationContext, *, actor: User, sheet_id: str) -> BenchmarkSubmitted:
    """Lock, hash and record the benchmark sheet. Every criterion must have a level; nothing is compared yet."""
    with ctx.uow(actor.id) as uow:
        draft = scoring_repo.get_draft(uow.session, sheet_id)
        if draft.assessor_id != actor.id:
            raise SeparationOfDuties("This draft belongs to another assessor.")
        exercise, benchmark = _locate(uow.session, draft.attempt_id)
        _check_invited(exercise, actor)
        done = _submitted(uow.session, exercise.id, actor.id)
        if benchmark.id in done:
            raise InvalidInput("you already submitted this benchmark", where=benchmark.label)
        evaluation = evaluate_rubric(load_rubric(uow.session, exercise.rubric_ref), draft)
        if not evaluation.complete:
            names = [r.title for r in evaluation.results if r.id in evaluation.unscored]
            raise InvalidInput("score every criterion before submitting; still open: " + "; ".join(names),
                               where=benchmark.label)
        body = draft.body()
        locked = replace(draft, submitted_at=uow.now(), content_hash=content_hash(body))
        uow.record(entity_type="calibration_sheet", entity_id=draft.id, event_type=records.BENCHMARK_SHEET,
                   payload={"exercise_id": exercise.id, "benchmark_id": benchmark.id, "sheet": body,
                            "content_hash": locked.content_hash})
        scoring_repo.delete_draft(uow.session, draft.id)
        return BenchmarkSubmitted(locked, exercise.id, len(exercise.benchmarks) - len(done) - 1)
