"""Krippendorff's alpha for nominal, ordinal, interval and ratio data with missing ratings and a bootstrap CI.

Follows Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): alpha = 1 - D_o / D_e over the
coincidence matrix o[c, k] = sum_u (n_uc n_uk - [c = k] n_uc) / (m_u - 1), where n_uc counts the raters who
put unit u at level c and m_u >= 2 is the number of ratings of u (units rated once are not pairable and drop
out). The per-unit counts come from one bincount and o from one matrix product, so memory is O(units x levels)
and never O(units x levels^2) or O(rater pairs).
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from assessdesk.domain.errors import InvalidInput
from assessdesk.stats.results import Coefficient, ConfidenceInterval, undefined
from assessdesk.stats.scale import ScaleLike, as_ratings, encode, missing_share, raters_present, value_counts

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval", "ratio")
DEFAULT_SEED = 2011
DEFAULT_REPLICATES = 1000
# A dense levels x levels matrix beyond this is more memory than the statistic is worth; such data are
# continuous measurements and should be rounded to the precision that matters first.
MAX_LEVELS = 4096
_BOOT_CHUNK = 64
# Up to this many levels a replicate carries its whole coincidence matrix (levels^2 numbers per unit).
_SMALL_LEVELS = 12


def _midranks(n_v: np.ndarray) -> np.ndarray:
    """Krippendorff's ordinal distance is the squared difference of mid-ranks: sum_{g<=c} n_g - n_c / 2.

    (sum_{g=c..k} n_g - (n_c + n_k)/2)^2 == (midrank_k - midrank_c)^2, which lets ordinal data use the same
    squared-difference algebra as interval data. Works on the last axis, so replicates can be stacked.
    """
    return np.cumsum(n_v, axis=-1) - n_v / 2.0


def distance_matrix(level: Level, points: np.ndarray, n_v: np.ndarray) -> np.ndarray:
    """delta^2(c, k) for each pair of levels (Krippendorff 2011, section D)."""
    if level == "nominal":
        return 1.0 - np.eye(points.size)
    if level == "ordinal":
        r = _midranks(n_v)
        return (r[:, None] - r[None, :]) ** 2
    if level == "interval":
        return (points[:, None] - points[None, :]) ** 2
    if level == "ratio":
        total = points[:, None] + points[None, :]
        diff = points[:, None] - points[None, :]
        # Both zero: identical values, distance 0 (the 0/0 case of the ratio metric).
        return np.divide(diff, total, out=np.zeros_like(diff), where=total != 0) ** 2
    raise InvalidInput(f"unknown level of measurement '{level}'", where="alpha",
                       hint=f"Use one of: {', '.join(LEVELS)}.")


def coincidences(counts: np.ndarray) -> np.ndarray:
    """The levels x levels coincidence matrix from pairable units' value counts (rows with m_u >= 2)."""
    w = 1.0 / (counts.sum(axis=1) - 1.0)
    # B.T @ B with B = counts * sqrt(w) lets BLAS use its symmetric rank-k update: half the work of a general
    # product, for a rounding difference far below 1e-12.
    b = counts * np.sqrt(w)[:, None]
    o = b.T @ b
    o[np.diag_indices_from(o)] -= w @ counts
    return o


def krippendorff_alpha(ratings: object, *, level: Level = "ordinal", scale: ScaleLike = None,
                       replicates: int = DEFAULT_REPLICATES, seed: int = DEFAULT_SEED,
                       confidence: float = 0.95) -> Coefficient:
    """Krippendorff's alpha of a units x raters table (NaN = missing).

    `scale` lists the allowed levels (ratings off the scale are an error); it does not change alpha, whose
    distances depend only on observed values (ordinal: on their observed frequencies). The CI is a percentile
    bootstrap over units with `replicates` resamples from `seed` (0 replicates: no CI).
    """
    if level not in LEVELS:
        distance_matrix(level, np.empty(0), np.empty(0))  # raises the typed error
    a = as_ratings(ratings)
    name = f"krippendorff_alpha_{level}"
    base = {"n_units": 0, "n_raters": raters_present(a), "missing_share": missing_share(a)}
    enc = encode(a, scale)
    if enc.points.size > MAX_LEVELS:
        raise InvalidInput(f"{enc.points.size} distinct values is too many for alpha (limit {MAX_LEVELS})",
                           where="alpha", hint="Round the ratings to the precision that matters.")
    counts = value_counts(enc)
    counts = counts[counts.sum(axis=1) >= 2]
    details = {"level": level, "units_total": a.shape[0], "units_unpairable": a.shape[0] - counts.shape[0]}
    base["n_units"] = counts.shape[0]
    if counts.shape[0] == 0:
        return undefined(name, "no unit was rated by two or more raters, so there is nothing to compare",
                         details=details, **base)
    o = coincidences(counts)
    n_v = counts.sum(axis=0)  # equals o.sum(axis=0), without its rounding
    n = n_v.sum()
    d = distance_matrix(level, enc.points, n_v)
    observed = float((o * d).sum())
    expected = float(n_v @ d @ n_v)
    details["pairable_values"] = int(round(n))
    if expected <= 0.0:
        return undefined(name, "all paired ratings sit at the same level (no variation), so agreement cannot "
                               "be told apart from chance", details=details, **base)
    value = 1.0 - (n - 1.0) * observed / expected
    ci = None
    if replicates > 0:
        ci = _bootstrap(counts, level, enc.points, d, replicates=replicates, seed=seed,
                        confidence=confidence)
    return Coefficient(name=name, value=value, ci=ci, details=details, **base)


def _unit_features(counts: np.ndarray, level: Level, points: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Per-unit columns whose resample-weighted sums give all a replicate needs (see `_replicate_alphas`).

    Few levels: each unit's own coincidences o_u (levels^2 columns), from which any distance can be applied.
    Many levels: the unit's disagreement under the fixed distance plus what the expected disagreement needs
    (interval: count, sum, sum of squares; ordinal/nominal/ratio: the level counts).
    """
    m = counts.sum(axis=1)
    w = 1.0 / (m - 1.0)
    n_levels = points.size
    if n_levels <= _SMALL_LEVELS:
        o_u = counts[:, :, None] * counts[:, None, :]
        o_u[:, np.arange(n_levels), np.arange(n_levels)] -= counts
        return (o_u * w[:, None, None]).reshape(len(counts), -1)
    if level == "interval":
        s1, s2 = counts @ points, counts @ points**2
        return np.column_stack([w * 2.0 * (m * s2 - s1**2), m, s1, s2])
    if level == "ordinal":
        return np.column_stack([w, m, counts])
    return np.column_stack([w * ((counts @ d) * counts).sum(axis=1), counts])


def _replicate_alphas(sums: np.ndarray, k: np.ndarray, counts: np.ndarray, level: Level,
                      points: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Alpha for each replicate from the resample-weighted feature sums (rows of `sums`)."""
    n_levels = points.size
    if n_levels <= _SMALL_LEVELS:
        o = sums.reshape(-1, n_levels, n_levels)
        n_v = o.sum(axis=1)
        dist = _midranks(n_v) if level == "ordinal" else None
        if dist is not None:
            dd = (dist[:, :, None] - dist[:, None, :]) ** 2
            observed = (o * dd).sum(axis=(1, 2))
            expected = np.einsum("bi,bij,bj->b", n_v, dd, n_v)
        else:
            observed = (o * d).sum(axis=(1, 2))
            expected = ((n_v @ d) * n_v).sum(axis=1)
    elif level == "interval":
        observed, tot, t1, t2 = sums.T
        n_v = None
        expected = 2.0 * (tot * t2 - t1**2)
    elif level == "ordinal":
        w, m = 1.0 / (counts.sum(axis=1) - 1.0), counts.sum(axis=1)
        n_v = sums[:, 2:]
        r = _midranks(n_v)
        cr, cr2 = counts @ r.T, counts @ (r**2).T
        observed = 2.0 * ((k * w).T * (m[:, None] * cr2 - cr**2)).sum(axis=0)
        expected = 2.0 * (n_v.sum(axis=1) * (n_v * r**2).sum(axis=1) - (n_v * r).sum(axis=1) ** 2)
    else:
        observed, n_v = sums[:, 0], sums[:, 1:]
        expected = ((n_v @ d) * n_v).sum(axis=1)
    total = n_v.sum(axis=1) if n_v is not None else sums[:, 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected > 0, 1.0 - (total - 1.0) * observed / expected, np.nan)


def _bootstrap(counts: np.ndarray, level: Level, points: np.ndarray, d: np.ndarray, *,
               replicates: int, seed: int, confidence: float) -> ConfidenceInterval | None:
    """Percentile interval from resampling units with replacement (a cluster bootstrap).

    A resample with unit multiplicities k_u has o* = sum_u k_u o_u, so a block of replicates is one matrix
    product of the multiplicities with per-unit features. Replicates with no variation are left out.
    """
    rng = np.random.default_rng(seed)
    n_units = counts.shape[0]
    features = _unit_features(counts, level, points, d)
    alphas = np.empty(replicates)
    offsets = (np.arange(_BOOT_CHUNK) * n_units)[:, None]
    for start in range(0, replicates, _BOOT_CHUNK):
        b = min(_BOOT_CHUNK, replicates - start)
        draws = rng.integers(0, n_units, size=(b, n_units)) + offsets[:b]
        k = np.bincount(draws.ravel(), minlength=b * n_units).reshape(b, n_units).astype(float)
        alphas[start:start + b] = _replicate_alphas(k @ features, k, counts, level, points, d)
    good = alphas[np.isfinite(alphas)]
    if good.size < replicates / 2:
        return None
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(good, [tail, 1.0 - tail])
    return ConfidenceInterval(low=float(low), high=float(high), level=confidence,
                              method="percentile bootstrap over units", seed=seed, replicates=int(good.size))
