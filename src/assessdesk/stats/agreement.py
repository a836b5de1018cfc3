"""Plain agreement shares (exact and within one level) and each assessor's bias against reference scores."""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np

from assessdesk.domain.errors import InvalidInput
from assessdesk.stats.fdist import t_two_sided_critical
from assessdesk.stats.results import Coefficient, ConfidenceInterval, RaterBias, undefined
from assessdesk.stats.scale import ScaleLike, as_ratings, encode, missing_share, raters_present, value_counts


def _pair_shares(name: str, agreeing: np.ndarray, pairs: np.ndarray, confidence: float,
                 base: dict, details: dict) -> Coefficient:
    """Pooled share sum(agreeing) / sum(pairs) over units, with a ratio-estimator SE clustered by unit."""
    n = pairs.size
    total = pairs.sum()
    value = float(agreeing.sum() / total)
    ci = None
    if n >= 2:
        resid = agreeing - value * pairs
        se = float(math.sqrt(n / (n - 1.0) * (resid**2).sum()) / total)
        z = NormalDist().inv_cdf(0.5 + confidence / 2.0)
        ci = ConfidenceInterval(low=max(0.0, value - z * se), high=min(1.0, value + z * se), level=confidence,
                                method="asymptotic SE (ratio estimator, clustered by unit)", se=se)
    return Coefficient(name=name, value=value, ci=ci, details=details, **base)


def agreement_shares(ratings: object, *, scale: ScaleLike = None,
                     confidence: float = 0.95) -> tuple[Coefficient, Coefficient]:
    """(exact, adjacent): the share of all rater pairs on the same unit that gave the same level / levels at
    most one step apart on the scale. Pairs are pooled over units, so a unit with more raters weighs more.

    Without a scale, "one step" means neighbouring among the levels actually used; pass the rubric's scale so
    that 1 vs 3 on a 0..4 scale is not counted as adjacent just because nobody scored 2.
    """
    a = as_ratings(ratings)
    enc = encode(a, scale)
    counts = value_counts(enc)
    m = counts.sum(axis=1)
    keep = m >= 2
    counts, m = counts[keep], m[keep]
    base = {"n_units": int(counts.shape[0]), "n_raters": raters_present(a), "missing_share": missing_share(a)}
    details = {"units_total": a.shape[0], "units_unpairable": a.shape[0] - int(counts.shape[0]),
               "scale": "declared" if scale is not None else "observed levels"}
    if counts.shape[0] == 0:
        reason = "no unit was rated by two or more raters"
        return (undefined("exact_agreement", reason, details=details, **base),
                undefined("adjacent_agreement", reason, details=details, **base))
    pairs = m * (m - 1.0) / 2.0
    exact = (counts * (counts - 1.0)).sum(axis=1) / 2.0
    adjacent = exact + (counts[:, :-1] * counts[:, 1:]).sum(axis=1)
    details["pairs"] = int(pairs.sum())
    return (_pair_shares("exact_agreement", exact, pairs, confidence, base, details),
            _pair_shares("adjacent_agreement", adjacent, pairs, confidence, base, details))


def assessor_bias(ratings: object, reference: object, *, raters: Sequence[str] | None = None,
                  confidence: float = 0.95) -> tuple[RaterBias, ...]:
    """Each assessor's mean signed difference from the reference score, over units with both (NaN = none).

    `reference` holds one reference (benchmark) score per unit. The CI is a t interval over the assessor's
    units.
    """
    a = as_ratings(ratings)
    ref = np.asarray(reference, dtype=float).ravel()
    if ref.size != a.shape[0]:
        raise InvalidInput(f"{ref.size} reference scores for {a.shape[0]} units", where="assessor bias")
    labels = tuple(raters) if raters is not None else tuple(f"rater {i + 1}" for i in range(a.shape[1]))
    if len(labels) != a.shape[1]:
        raise InvalidInput(f"{len(labels)} rater names for {a.shape[1]} rater columns", where="assessor bias")
    diff = a - ref[:, None]
    present = ~np.isnan(diff)
    n = present.sum(axis=0)
    filled = np.where(present, diff, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = filled.sum(axis=0) / n
        sq = (np.where(present, diff - mean, 0.0) ** 2).sum(axis=0)
        sd = np.sqrt(sq / (n - 1))
        mean_abs = np.abs(filled).sum(axis=0) / n
        exact = (present & (diff == 0)).sum(axis=0) / n
    out = []
    critical: dict[int, float] = {}
    for i, label in enumerate(labels):
        count = int(n[i])
        if count == 0:
            out.append(RaterBias(rater=label, value=None, n_units=0, sd=None, mean_absolute=None,
                                 exact_share=None,
                                 undefined_reason="this assessor scored no unit that has a reference score"))
            continue
        ci = None
        spread = float(sd[i]) if count >= 2 else None
        if spread is not None:
            t = critical.setdefault(count - 1, t_two_sided_critical(confidence, count - 1))
            half = t * spread / math.sqrt(count)
            ci = ConfidenceInterval(low=float(mean[i]) - half, high=float(mean[i]) + half, level=confidence,
                                    method=f"t interval ({count - 1} df)", se=spread / math.sqrt(count))
        out.append(RaterBias(rater=label, value=float(mean[i]), n_units=count, sd=spread,
                             mean_absolute=float(mean_abs[i]), exact_share=float(exact[i]), ci=ci))
    return tuple(out)
