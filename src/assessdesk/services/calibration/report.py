"""The exercise PDF report: results turned into the reports package's `CalibrationReportData` and rendered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.calibration.exercises import ExerciseView, exercise_view
from assessdesk.services.reports.models import AssessorAgreement, CalibrationReportData, CriterionDifficulty
from assessdesk.services.station import StationContext


def report_data(view: ExerciseView) -> CalibrationReportData:
    """Report inputs from a lead assessor's view of an exercise (open: provisional; closed: as recorded)."""
    e, results = view.exercise, view.results
    assert results is not None, "a lead assessor's view always carries results"
    p = e.policy
    scored = [a for a in results.assessors if a.figures.exact is not None]
    notes = [f"Thresholds: exact agreement ≥ {results.exact_needed:.0%} ({results.n_levels}-level scale), "
             f"within one level ≥ {p.min_adjacent:.0%}, quadratic-weighted kappa ≥ {p.min_kappa:.2f}, "
             f"at least {p.min_scores} criterion scores"
             + (f", |bias| ≤ {p.max_abs_bias:.2f} levels" if p.max_abs_bias is not None else "")
             + f"; a certification lasts {p.valid_days} days."]
    for a in results.assessors:
        if a.figures.exact is None:
            notes.append(f"{a.name} scored no benchmark performance and is not certified.")
        elif not a.passed:
            notes.append(f"{a.name}: " + "; ".join(a.unmet) + ".")
    alpha, icc = results.alpha, results.icc
    if alpha.value is None:
        notes.append(f"Krippendorff's alpha not computable: {alpha.undefined_reason}.")
    if icc.value is None:
        notes.append(f"ICC not computable: {icc.undefined_reason}.")
    if e.open:
        notes.append("Provisional: the exercise is still open; results may change as assessors submit.")
    held = date.fromisoformat((e.closed_at or e.created_at)[:10])
    benchmarks = "; ".join(f"{n}. {b.label} ({b.source()})" for n, b in enumerate(e.benchmarks, start=1))
    notes.append(f"Benchmark performances: {benchmarks}.")
    return CalibrationReportData(
        exercise_name=e.name,
        rubric_name=f"{view.rubric.title} ({e.rubric_ref})",
        held_on=held,
        lead_assessor_name=view.names.get(e.created_by, e.created_by),
        performances=len(e.benchmarks),
        assessors=tuple(AssessorAgreement(
            assessor_name=a.name, performances_scored=a.benchmarks_scored,
            exact_agreement=float(a.figures.exact or 0.0), adjacent_agreement=float(a.figures.adjacent or 0.0),
            weighted_kappa=a.figures.kappa, bias=float(a.figures.bias or 0.0), calibrated=a.passed)
            for a in scored),
        criteria=tuple(CriterionDifficulty(f"{c.criterion_id} {c.title}", float(c.exact), float(c.mean_deviation or 0))
                       for c in results.criteria if c.exact is not None),
        group_alpha=alpha.value,
        group_icc=icc.value,
        kappa_threshold=p.min_kappa,
        icc_form="ICC(2,1)",
        notes=tuple(notes),
    )


@requires("calibration.manage")
def exercise_report(ctx: StationContext, *, actor: User, exercise_id: str) -> CalibrationReportData:
    """Gather the report's inputs (db lane); render them with `render_calibration_report` (io lane)."""
    return report_data(exercise_view(ctx, actor=actor, exercise_id=exercise_id))


def write_report(data: CalibrationReportData, path: Path) -> Path:
    from assessdesk.services.reports import render_calibration_report

    render_calibration_report(data, path=path)
    return path
