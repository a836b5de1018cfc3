"""A panel of reliability coefficients for one ratings table, and its plain-text and JSON renderings."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from assessdesk.domain.errors import InvalidInput
from assessdesk.stats.agreement import agreement_shares
from assessdesk.stats.alpha import DEFAULT_REPLICATES, DEFAULT_SEED, Level, krippendorff_alpha
from assessdesk.stats.icc import intraclass_correlations
from assessdesk.stats.kappa import Weights, cohen_kappa, fleiss_kappa, pairwise_cohen_kappa
from assessdesk.stats.ratings_csv import RatingsTable
from assessdesk.stats.results import Coefficient, PairwiseKappa
from assessdesk.stats.scale import LevelScale, ScaleLike, missing_share

Metric = Literal["alpha", "fleiss", "cohen", "icc", "agreement", "all"]
METRICS: tuple[Metric, ...] = ("alpha", "fleiss", "cohen", "icc", "agreement", "all")
_TITLES = {
    "krippendorff_alpha_nominal": "Krippendorff's alpha (nominal)",
    "krippendorff_alpha_ordinal": "Krippendorff's alpha (ordinal)",
    "krippendorff_alpha_interval": "Krippendorff's alpha (interval)",
    "krippendorff_alpha_ratio": "Krippendorff's alpha (ratio)",
    "fleiss_kappa": "Fleiss' kappa (nominal)",
    "cohen_kappa": "Cohen's kappa",
    "cohen_kappa_linear": "Cohen's kappa, linear weights",
    "cohen_kappa_quadratic": "Cohen's kappa, quadratic weights",
    "ICC1": "ICC1 (one-way, single)", "ICC2": "ICC2 (absolute, single)", "ICC3": "ICC3 (consistency, single)",
    "ICC1k": "ICC1k (one-way, mean of k)", "ICC2k": "ICC2k (absolute, mean of k)",
    "ICC3k": "ICC3k (consistency, mean of k)",
    "exact_agreement": "Exact agreement", "adjacent_agreement": "Agreement within one level",
}


@dataclass(frozen=True)
class ReliabilityReport:
    """Everything computed for one table: coefficients in display order and, for 3+ raters, Cohen pairs."""

    units: int
    raters: tuple[str, ...]
    missing_share: float
    level: Level
    scale: tuple[float, ...] | None
    coefficients: tuple[Coefficient, ...]
    pairwise: tuple[PairwiseKappa, ...] = ()


def _weighting(level: Level) -> Weights | None:
    return {"nominal": None, "ordinal": "linear"}.get(level, "quadratic")  # type: ignore[return-value]


def reliability_report(ratings: np.ndarray, *, raters: Sequence[str], metric: Metric = "all",
                       level: Level = "ordinal", scale: ScaleLike = None,
                       replicates: int = DEFAULT_REPLICATES, seed: int = DEFAULT_SEED) -> ReliabilityReport:
    """Compute the chosen coefficients for a units x raters table (NaN = missing).

    Cohen's kappa: unweighted, plus the weighting the level implies (ordinal: linear; interval/ratio:
    quadratic); for more than two raters every pair is computed and summarised by Light's mean.
    """
    if metric not in METRICS:
        raise InvalidInput(f"unknown metric '{metric}'", where="report",
                           hint=f"Use one of {', '.join(METRICS)}.")
    wanted = set(METRICS[:-1]) if metric == "all" else {metric}
    out: list[Coefficient] = []
    pairs: list[PairwiseKappa] = []
    if "alpha" in wanted:
        out.append(krippendorff_alpha(ratings, level=level, scale=scale, replicates=replicates, seed=seed))
    if "fleiss" in wanted:
        out.append(fleiss_kappa(ratings, scale=scale))
    if "cohen" in wanted:
        kinds: list[Weights] = ["none"] + ([w] if (w := _weighting(level)) else [])
        for weights in kinds:
            if ratings.shape[1] == 2:
                out.append(cohen_kappa(ratings, weights=weights, scale=scale))
            elif ratings.shape[1] > 2:
                pairs.append(pairwise_cohen_kappa(ratings, weights=weights, scale=scale, raters=raters))
    if "icc" in wanted:
        out.extend(intraclass_correlations(ratings).values())
    if "agreement" in wanted:
        out.extend(agreement_shares(ratings, scale=scale))
    points = None if scale is None else LevelScale.of(scale).points
    return ReliabilityReport(units=ratings.shape[0], raters=tuple(raters),
                             missing_share=missing_share(ratings), level=level, scale=points,
                             coefficients=tuple(out), pairwise=tuple(pairs))


def report_for_table(table: RatingsTable, **kwargs: Any) -> ReliabilityReport:
    if table.categories is not None and kwargs.get("level", "ordinal") != "nominal":
        shown = ", ".join(table.categories[:6])
        raise InvalidInput(f"the file holds text levels ({shown}), which have no order or distance",
                           where="ratings file", hint="Use --level nominal, or score with numbers.")
    return reliability_report(table.values, raters=table.raters, **kwargs)


def _fmt(x: float | None, digits: int = 3) -> str:
    return "-" if x is None or not math.isfinite(x) else f"{x:.{digits}f}"


def _ci_note(c: Coefficient) -> str:
    if c.ci is None:
        return ""
    if c.ci.seed is not None:
        return f"bootstrap, {c.ci.replicates} replicates, seed {c.ci.seed}"
    f_value, p_value = c.details.get("F"), c.details.get("p_value")
    if isinstance(f_value, float) and isinstance(p_value, float):
        return f"F({c.details['df1']}, {c.details['df2']}) = {f_value:.2f}, p = {p_value:.3g}"
    return f"SE {c.ci.se:.3f}" if c.ci.se is not None else c.ci.method


def format_text(report: ReliabilityReport) -> str:
    """A fixed-width table a proctor or lead assessor can read in a terminal."""
    rated = round((1 - report.missing_share) * report.units * len(report.raters))
    lines = [f"Ratings: {report.units} units x {len(report.raters)} raters; {rated} ratings, "
             f"{report.missing_share:.1%} of cells empty",
             f"Level of measurement: {report.level}; scale: "
             + (", ".join(f"{p:g}" for p in report.scale) if report.scale else "the levels observed"), ""]
    head = f"{'coefficient':<40} {'value':>7}  {'95% CI':<17} {'units':>6} {'missing':>8}  note"
    lines += [head, "-" * len(head)]
    for c in report.coefficients:
        ci = f"[{_fmt(c.ci.low)}, {_fmt(c.ci.high)}]" if c.ci else ""
        note = _ci_note(c) if c.value is not None else f"undefined: {c.undefined_reason}"
        dropped = c.details.get("units_dropped_incomplete") or c.details.get("units_dropped_single_rating")
        if dropped:
            note += f"; {dropped} unit(s) left out"
        lines.append(f"{_TITLES.get(c.name, c.name):<40} {_fmt(c.value):>7}  {ci:<17} {c.n_units:>6} "
                     f"{c.missing_share:>8.1%}  {note}".rstrip())
    for pk in report.pairwise:
        title = "Cohen's kappa" + ("" if pk.weights == "none" else f", {pk.weights} weights")
        mean = pk.mean()
        upper = pk.values[np.triu_indices(len(pk.raters), k=1)]
        defined = upper[np.isfinite(upper)]
        total = len(upper)
        lines.append(f"{title + ', all pairs':<40} {_fmt(mean):>7}  {'':<17} {'':>6} {'':>8}  "
                     f"Light's mean over {pk.defined_pairs()} of {total} pairs"
                     + (f"; range {defined.min():.3f} to {defined.max():.3f}" if defined.size else ""))
        if len(pk.raters) <= 8:
            for i in range(len(pk.raters)):
                for j in range(i + 1, len(pk.raters)):
                    c = pk.pair(i, j)
                    ci = f"[{_fmt(c.ci.low)}, {_fmt(c.ci.high)}]" if c.ci else ""
                    name = f"  {pk.raters[i]} / {pk.raters[j]}"
                    note = "" if c.value is not None else f"undefined: {c.undefined_reason}"
                    lines.append(f"{name[:40]:<40} {_fmt(c.value):>7}  {ci:<17} {c.n_units:>6} "
                                 f"{c.missing_share:>8.1%}  {note}".rstrip())
    return "\n".join(lines)


def _matrix(a: np.ndarray) -> list[list[float | None]]:
    return [[float(v) if math.isfinite(v) else None for v in row] for row in np.asarray(a, dtype=float)]


def to_json_dict(report: ReliabilityReport) -> dict[str, Any]:
    """Plain JSON-ready data: the same numbers as the text, undefined values as null with their reason."""
    return {
        "units": report.units, "raters": list(report.raters), "missing_share": report.missing_share,
        "level": report.level, "scale": list(report.scale) if report.scale else None,
        "coefficients": [c.to_dict() for c in report.coefficients],
        "pairwise_cohen": [{"weights": pk.weights, "light_mean": pk.mean(), "raters": list(pk.raters),
                            "kappa": _matrix(pk.values), "se": _matrix(pk.se),
                            "n_units": [[int(v) for v in row] for row in pk.n]} for pk in report.pairwise],
    }
