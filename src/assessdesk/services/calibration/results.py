"""An exercise's results: each assessor against the reference scores, each criterion's difficulty, the group's
reliability; computed with `assessdesk.stats` on the rubric's level scale."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assessdesk.domain.calibration import AgreementFigures, decide
from assessdesk.domain.standards import Rubric
from assessdesk.services.calibration.records import BenchmarkSheet, Exercise
from assessdesk.stats import (
    Coefficient,
    LevelScale,
    agreement_shares,
    assessor_bias,
    cohen_kappa,
    intraclass_correlations,
    krippendorff_alpha,
)

# A fixed seed keeps alpha's bootstrap interval the same each time a report is made from the same sheets.
ALPHA_SEED = 20120101
ALPHA_REPLICATES = 500


@dataclass(frozen=True)
class CriterionAgreement:
    criterion_id: str
    title: str
    scored: int
    exact: float | None  # share of scores equal to the reference
    mean_deviation: float | None  # mean (assessor - reference) in levels


@dataclass(frozen=True)
class AssessorResult:
    assessor_id: str
    name: str
    benchmarks_scored: int
    figures: AgreementFigures
    kappa_ci: tuple[float, float] | None
    bias_ci: tuple[float, float] | None
    per_criterion: tuple[CriterionAgreement, ...]
    passed: bool
    unmet: tuple[str, ...]

    def to_dict(self) -> dict:
        f = self.figures
        return {"assessor_id": self.assessor_id, "name": self.name, "benchmarks_scored": self.benchmarks_scored,
                "scored": f.scored, "expected": f.expected, "exact": f.exact, "adjacent": f.adjacent,
                "kappa": f.kappa, "bias": f.bias, "passed": self.passed, "unmet": list(self.unmet),
                "per_criterion": [c.__dict__ for c in self.per_criterion]}


@dataclass(frozen=True)
class ExerciseResults:
    exercise_id: str
    n_levels: int
    exact_needed: float
    assessors: tuple[AssessorResult, ...]
    criteria: tuple[CriterionAgreement, ...]  # across all assessors
    alpha: Coefficient
    icc: Coefficient  # ICC(2,1): two-way random, single rater, absolute agreement

    def to_dict(self) -> dict:
        return {"n_levels": self.n_levels, "exact_needed": self.exact_needed,
                "assessors": [a.to_dict() for a in self.assessors],
                "criteria": [c.__dict__ for c in self.criteria],
                "alpha": self.alpha.to_dict(), "icc": self.icc.to_dict()}


def level_scale(rubric: Rubric) -> LevelScale:
    """The rubric's level numbers (all criteria together): kappa weights and "adjacent" count steps on it."""
    return LevelScale(tuple(sorted({lv.level for c in rubric.criteria for lv in c.levels})))


def _units(exercise: Exercise, rubric: Rubric) -> list[tuple[str, str]]:
    """(benchmark id, criterion id) for every criterion with a reference level: the units of every statistic."""
    return [(b.id, c.id) for b in exercise.benchmarks for c in rubric.criteria if c.id in b.reference]


def _ci(coef: Coefficient) -> tuple[float, float] | None:
    return (coef.ci.low, coef.ci.high) if coef.ci is not None and coef.value is not None else None


def _criterion_rows(rubric: Rubric, units: list[tuple[str, str]], table: np.ndarray,
                    reference: np.ndarray) -> tuple[CriterionAgreement, ...]:
    out = []
    for c in rubric.criteria:
        rows = [i for i, (_, cid) in enumerate(units) if cid == c.id]
        if not rows:
            continue
        diff = table[rows] - reference[rows][:, None]
        given = diff[~np.isnan(diff)]
        out.append(CriterionAgreement(c.id, c.title, int(given.size),
                                      float((given == 0).mean()) if given.size else None,
                                      float(given.mean()) if given.size else None))
    return tuple(out)


def compute(exercise: Exercise, rubric: Rubric, sheets: list[BenchmarkSheet],
            names: dict[str, str]) -> ExerciseResults:
    """Results for every invited assessor (those who scored nothing show as not computable, never as perfect)."""
    scale = level_scale(rubric)
    units = _units(exercise, rubric)
    index = {u: i for i, u in enumerate(units)}
    reference = np.array([exercise.benchmark(b).reference[c] for b, c in units], dtype=float)
    assessors = list(exercise.assessor_ids)
    table = np.full((len(units), len(assessors)), np.nan)
    scored_benchmarks = {a: set() for a in assessors}
    for bs in sheets:
        if bs.exercise_id != exercise.id or bs.sheet.assessor_id not in scored_benchmarks:
            continue
        col = assessors.index(bs.sheet.assessor_id)
        scored_benchmarks[bs.sheet.assessor_id].add(bs.benchmark_id)
        for s in bs.sheet.scores:
            i = index.get((bs.benchmark_id, s.criterion_id))
            if i is not None and s.level is not None:
                table[i, col] = s.level
    biases = assessor_bias(table, reference, raters=assessors) if assessors else ()
    results = []
    n_levels = len(scale)
    for col, assessor_id in enumerate(assessors):
        pair = np.column_stack([table[:, col], reference])
        exact, adjacent = agreement_shares(pair, scale=scale)
        kappa = cohen_kappa(pair, weights="quadratic", scale=scale)
        bias = biases[col]
        figures = AgreementFigures(scored=int((~np.isnan(table[:, col])).sum()), expected=len(units),
                                   exact=exact.value, adjacent=adjacent.value, kappa=kappa.value,
                                   bias=bias.value)
        passed, unmet = decide(exercise.policy, figures, n_levels=n_levels)
        results.append(AssessorResult(
            assessor_id, names.get(assessor_id, assessor_id), len(scored_benchmarks[assessor_id]), figures,
            _ci(kappa), (bias.ci.low, bias.ci.high) if bias.ci is not None else None,
            _criterion_rows(rubric, units, table[:, [col]], reference), passed, unmet))
    alpha = krippendorff_alpha(table, level="ordinal", scale=scale, replicates=ALPHA_REPLICATES, seed=ALPHA_SEED)
    icc = intraclass_correlations(table)["ICC2"]
    return ExerciseResults(exercise.id, n_levels, exercise.policy.exact_needed(n_levels), tuple(results),
                           _criterion_rows(rubric, units, table, reference), alpha, icc)
