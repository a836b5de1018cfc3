"""Fleiss' kappa (many raters) and Cohen's kappa (unweighted, linear, quadratic), for all rater pairs at once.

Weights come from the declared level scale: the disagreement between levels with points x_i and x_j is
|x_i - x_j| / (x_max - x_min) (linear) or its square (quadratic), so a level nobody used still keeps its place
on the scale. Tools that build weights from the *ranks of the observed levels* (scikit-learn's
`cohen_kappa_score` without `labels=`) give a different value whenever a level is unused or the points are not
evenly spaced; with `labels=` set to an evenly spaced scale they agree with this module exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import NormalDist
from typing import Literal

import numpy as np

from assessdesk.domain.errors import InvalidInput
from assessdesk.stats.results import Coefficient, ConfidenceInterval, PairwiseKappa, undefined
from assessdesk.stats.scale import (
    Encoded,
    ScaleLike,
    as_ratings,
    encode,
    missing_share,
    raters_present,
    value_counts,
)

Weights = Literal["none", "linear", "quadratic"]
WEIGHTS: tuple[Weights, ...] = ("none", "linear", "quadratic")
# Kappa is for a handful of categorical levels; beyond this the all-pairs tables (raters^2 x levels^2) grow
# large and the data are better served by alpha (interval) or an ICC.
MAX_KAPPA_LEVELS = 32


def _z(confidence: float) -> float:
    return NormalDist().inv_cdf(0.5 + confidence / 2.0)


def fleiss_kappa(ratings: object, *, scale: ScaleLike = None, confidence: float = 0.95) -> Coefficient:
    """Fleiss' (1971) kappa for nominal ratings by many raters; units may have different numbers of ratings.

    Each unit with m_u >= 2 ratings contributes P_u = sum_c n_uc (n_uc - 1) / (m_u (m_u - 1)); P-bar is their
    mean, chance agreement sum_c p_c^2 uses the pooled level shares p_c of those units' ratings. With the same
    number of raters on every unit this is exactly Fleiss (1971). Units rated once are dropped and counted.
    The CI uses a delta-method (linearised) standard error over units, valid away from kappa = 0.
    """
    a = as_ratings(ratings)
    enc = encode(a, scale)
    counts = value_counts(enc)
    m = counts.sum(axis=1)
    keep = m >= 2
    counts, m = counts[keep], m[keep]
    n = counts.shape[0]
    base = {"n_units": n, "n_raters": raters_present(a), "missing_share": missing_share(a)}
    details = {"units_total": a.shape[0], "units_dropped_single_rating": a.shape[0] - n,
               "raters_per_unit_min": int(m.min()) if n else 0,
               "raters_per_unit_max": int(m.max()) if n else 0}
    if n == 0:
        return undefined("fleiss_kappa", "no unit was rated by two or more raters", details=details, **base)
    p_unit = ((counts * (counts - 1.0)).sum(axis=1)) / (m * (m - 1.0))
    p_bar = p_unit.mean()
    m_bar = m.mean()
    shares = counts.sum(axis=0) / m.sum()
    p_exp = float((shares**2).sum())
    if p_exp >= 1.0:
        return undefined("fleiss_kappa", "every rating is at the same level (no variation), so agreement "
                                         "cannot be told apart from chance", details=details, **base)
    value = (p_bar - p_exp) / (1.0 - p_exp)
    ci = None
    if n >= 2:
        # Each unit's influence on (P-bar, p_c), pushed through kappa = (P-bar - sum p_c^2) / (1 - sum p_c^2).
        infl_p = p_unit - p_bar
        infl_exp = 2.0 * (counts @ shares - p_exp * m) / m_bar
        infl = (infl_p - (1.0 - value) * infl_exp) / (1.0 - p_exp)
        se = float(np.sqrt((infl**2).sum() / (n * (n - 1.0))))
        z = _z(confidence)
        ci = ConfidenceInterval(low=float(max(value - z * se, -1.0)), high=float(min(value + z * se, 1.0)),
                                level=confidence,
                                method="asymptotic SE (delta method over units)", se=se)
    return Coefficient(name="fleiss_kappa", value=float(value), ci=ci, details=details, **base)


def disagreement_weights(points: np.ndarray, weights: Weights) -> np.ndarray:
    """Levels x levels disagreement weights in [0, 1] from the scale's points (0 on the diagonal)."""
    if weights not in WEIGHTS:
        raise InvalidInput(f"unknown kappa weighting '{weights}'", where="cohen kappa",
                           hint="Use none, linear or quadratic.")
    if weights == "none" or points.size < 2:
        return 1.0 - np.eye(points.size)
    diff = np.abs(points[:, None] - points[None, :]) / (points[-1] - points[0])
    return diff if weights == "linear" else diff**2


def _kappa_from_tables(tables: np.ndarray, dis: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Kappa, its SE and n for a stack of square agreement tables (..., L, L), vectorised over the stack.

    kappa_w = 1 - sum(d * p) / sum(d * p_row p_col); SE from Fleiss, Cohen & Everitt (1969), written with the
    agreement weights w = 1 - d (the same large-sample formula statsmodels' cohens_kappa uses).
    """
    n = tables.sum(axis=(-2, -1))
    with np.errstate(divide="ignore", invalid="ignore"):
        p = tables / n[..., None, None]
        rows, cols = p.sum(axis=-1), p.sum(axis=-2)
        exp_dis = np.einsum("...i,ij,...j->...", rows, dis, cols)
        obs_dis = (p * dis).sum(axis=(-2, -1))
        kappa = np.where(exp_dis > 0, 1.0 - obs_dis / exp_dis, np.nan)
        w = 1.0 - dis
        p_exp = 1.0 - exp_dis
        w_row = cols @ w.T          # w-bar_i. = sum_j p_.j w_ij
        w_col = rows @ w            # w-bar_.j = sum_i p_i. w_ij
        one_minus = (1.0 - kappa)[..., None, None]
        term = (p * (w - (w_row[..., :, None] + w_col[..., None, :]) * one_minus) ** 2).sum(axis=(-2, -1))
        var = (term - (kappa - p_exp * (1.0 - kappa)) ** 2) / ((1.0 - p_exp) ** 2 * n)
        se = np.sqrt(np.maximum(var, 0.0))
    return kappa, se, n


def _one_hot(enc: Encoded) -> np.ndarray:
    """units x (raters * levels) indicator matrix; a missing rating (code = levels) is an all-zero block."""
    n_units, n_raters = enc.codes.shape
    n_levels = enc.points.size
    # Counts up to 2^24 are exact in float32, which halves the Gram product's time and memory.
    dtype = np.float32 if n_units < 1 << 24 else np.float64
    hot = enc.codes[:, :, None] == np.arange(n_levels, dtype=enc.codes.dtype)
    return hot.astype(dtype).reshape(n_units, n_raters * n_levels)


def pairwise_cohen_kappa(ratings: object, *, weights: Weights = "none", scale: ScaleLike = None,
                         raters: Sequence[str] | None = None, confidence: float = 0.95) -> PairwiseKappa:
    """Cohen's kappa for every pair of raters, each over the units both scored, in one matrix product.

    The Gram matrix of the units x (raters x levels) indicator matrix holds every pair's agreement table as a
    block, so all M(M-1)/2 pairs come out of one BLAS call instead of a loop.
    """
    a = as_ratings(ratings, min_raters=2)
    n_units, n_raters = a.shape
    labels = tuple(raters) if raters is not None else tuple(f"rater {i + 1}" for i in range(n_raters))
    if len(labels) != n_raters:
        raise InvalidInput(f"{len(labels)} rater names for {n_raters} rater columns", where="cohen kappa")
    enc = encode(a, scale)
    n_levels = enc.points.size
    if n_levels > MAX_KAPPA_LEVELS:
        raise InvalidInput(f"{n_levels} distinct levels is too many for Cohen's kappa "
                           f"(limit {MAX_KAPPA_LEVELS})",
                           where="cohen kappa", hint="Use Krippendorff's alpha (interval) or an ICC instead.")
    dis = disagreement_weights(enc.points, weights)
    if n_levels == 0:
        tables = np.zeros((n_raters, n_raters, 0, 0))
    else:
        x = _one_hot(enc)
        gram = (x.T @ x).astype(np.float64)
        tables = gram.reshape(n_raters, n_levels, n_raters, n_levels).transpose(0, 2, 1, 3)
    kappa, se, n = _kappa_from_tables(tables, dis)
    kappa = np.where(n > 0, kappa, np.nan)
    np.fill_diagonal(kappa, np.nan)
    return PairwiseKappa(raters=labels, weights=weights, values=kappa, n=n.astype(np.int64), se=se,
                         rated=(~np.isnan(a)).sum(axis=0), n_units_total=n_units, confidence=confidence)


def cohen_kappa(ratings: object, *, weights: Weights = "none", scale: ScaleLike = None,
                confidence: float = 0.95) -> Coefficient:
    """Cohen's (1960) kappa of a units x 2 table over the units both raters scored; weighted per the scale."""
    a = as_ratings(ratings, min_raters=2)
    if a.shape[1] != 2:
        raise InvalidInput(f"Cohen's kappa compares exactly two raters, got {a.shape[1]}",
                           where="cohen kappa",
                           hint="Use pairwise_cohen_kappa or fleiss_kappa for more raters.")
    return pairwise_cohen_kappa(a, weights=weights, scale=scale, raters=("rater 1", "rater 2"),
                                confidence=confidence).pair(0, 1)
