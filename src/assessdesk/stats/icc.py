"""The six Shrout & Fleiss (1979) intraclass correlations, each with its F test and F-based 95% interval.

ICC1/ICC1k: one-way random (each unit may have different raters); ICC2/ICC2k: two-way random, absolute
agreement; ICC3/ICC3k: two-way mixed, consistency. The "k" forms are the reliability of the mean of k raters.
Missing ratings: the two-way ANOVA needs a full table, so only units rated by every rater are used and the
number dropped is reported (the same listwise deletion pingouin applies with nan_policy="omit").
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assessdesk.stats.fdist import f_ppf, f_sf
from assessdesk.stats.results import Coefficient, ConfidenceInterval, undefined
from assessdesk.stats.scale import as_ratings, missing_share, raters_present

ICC_FORMS = ("ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k")


@dataclass(frozen=True)
class MeanSquares:
    """Two-way ANOVA of a complete n units x k raters table (rows = units, columns = raters)."""

    n: int
    k: int
    rows: float       # between units (MSR)
    columns: float    # between raters (MSC)
    error: float      # residual (MSE)
    within: float     # within units, raters + residual pooled (MSW)

    @classmethod
    def of(cls, x: np.ndarray) -> MeanSquares:
        n, k = x.shape
        grand = x.mean()
        ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
        ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
        ss_total = ((x - grand) ** 2).sum()
        ss_error = max(ss_total - ss_rows - ss_cols, 0.0)  # rounding can leave a tiny negative
        return cls(n=n, k=k, rows=ss_rows / (n - 1), columns=ss_cols / (k - 1),
                   error=ss_error / ((n - 1) * (k - 1)), within=(ss_cols + ss_error) / (n * (k - 1)))


def intraclass_correlations(ratings: object, *, confidence: float = 0.95) -> dict[str, Coefficient]:
    """All six ICC forms, keyed "ICC1" ... "ICC3k", from a units x raters table (NaN = missing)."""
    a = as_ratings(ratings)
    base = {"n_raters": raters_present(a), "missing_share": missing_share(a)}
    complete = a[~np.isnan(a).any(axis=1)]
    n, k = complete.shape
    details = {"units_total": a.shape[0], "units_dropped_incomplete": a.shape[0] - n}
    reason = None
    if k < 2:
        reason = "an ICC needs at least two raters"
    elif n < 2:
        reason = ("fewer than two units were scored by every rater (units with a missing rating are left out "
                  "of the ICC)")
    else:
        ms = MeanSquares.of(complete)
        if ms.rows == 0.0 and ms.error == 0.0 and ms.within == 0.0:
            reason = "every rating is the same, so there is no variation to attribute"
        elif ms.rows == 0.0:
            reason = "all units received the same average score, so units cannot be told apart"
    if reason is not None:
        return {form: undefined(form, reason, n_units=n, details=details, **base) for form in ICC_FORMS}
    # The single and k-rater forms share their F quantiles and tails; each is a root search or a long
    # continued fraction, so compute each once per call (a fresh cache per call keeps timings honest).
    ppf, sf = functools.lru_cache(maxsize=None)(f_ppf), functools.lru_cache(maxsize=None)(f_sf)
    return {form: _coefficient(form, ms, confidence, details, base, ppf, sf) for form in ICC_FORMS}


def icc(ratings: object, *, form: str = "ICC2", confidence: float = 0.95) -> Coefficient:
    """One ICC form (default ICC2: two-way random, absolute agreement, single rater)."""
    if form not in ICC_FORMS:
        from assessdesk.domain.errors import InvalidInput

        raise InvalidInput(f"unknown ICC form '{form}'", where="icc",
                           hint=f"Use one of {', '.join(ICC_FORMS)}.")
    return intraclass_correlations(ratings, confidence=confidence)[form]


def _coefficient(form: str, ms: MeanSquares, confidence: float, details: dict, base: dict,
                 ppf: Callable[[float, float, float], float],
                 sf: Callable[[float, float, float], float]) -> Coefficient:
    n, k = ms.n, ms.k
    alpha = 1.0 - confidence
    one_way = form.startswith("ICC1")
    df1 = n - 1
    df2 = n * (k - 1) if one_way else (n - 1) * (k - 1)
    denom_ms = ms.within if one_way else ms.error
    with np.errstate(divide="ignore", invalid="ignore"):
        f_value = float(np.divide(ms.rows, denom_ms))
    value, low, high = _estimate(form, ms, f_value, alpha, ppf)
    extra = {"F": f_value if math.isfinite(f_value) else None, "df1": df1, "df2": df2,
             "p_value": sf(f_value, df1, df2), "MSR": ms.rows, "MSC": ms.columns, "MSE": ms.error,
             "MSW": ms.within}
    ci = ConfidenceInterval(low=low, high=high, level=confidence,
                            method="F distribution (Shrout & Fleiss 1979; McGraw & Wong 1996)")
    return Coefficient(name=form, value=value, n_units=n, ci=ci, details={**details, **extra}, **base)


def _estimate(form: str, ms: MeanSquares, f_value: float, alpha: float,
              f_ppf: Callable[[float, float, float], float]) -> tuple[float, float, float]:
    n, k = ms.n, ms.k
    msr, msc, mse, msw = ms.rows, ms.columns, ms.error, ms.within
    df1 = n - 1
    if form in ("ICC1", "ICC1k", "ICC3", "ICC3k"):
        df2 = n * (k - 1) if form.startswith("ICC1") else (n - 1) * (k - 1)
        resid = msw if form.startswith("ICC1") else mse
        f_low = f_value / f_ppf(1 - alpha / 2, df1, df2)
        f_high = f_value * f_ppf(1 - alpha / 2, df2, df1)
        if form.endswith("k"):
            return (msr - resid) / msr, 1 - 1 / f_low, 1 - 1 / f_high
        value = (msr - resid) / (msr + (k - 1) * resid)
        # (F - 1) / (F + k - 1) written so that F = inf (no residual variance) gives 1, not inf/inf.
        return value, 1 - k / (f_low + k - 1), 1 - k / (f_high + k - 1)
    icc2 = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)
    # Satterthwaite degrees of freedom for the ICC2 bounds (Shrout & Fleiss 1979, case 2).
    a_term = n * (1 + (k - 1) * icc2) - k * icc2
    if mse == 0.0 or msc == 0.0 and icc2 == 0.0:
        v = float(k - 1) if mse == 0.0 else float((n - 1) * (k - 1))  # the formula's limits
    else:
        fj = msc / mse
        v = (n - 1) * (k - 1) * (k * icc2 * fj + a_term) ** 2 / ((n - 1) * k**2 * icc2**2 * fj**2 + a_term**2)
    f_star_low = f_ppf(1 - alpha / 2, n - 1, v)
    f_star_high = f_ppf(1 - alpha / 2, v, n - 1)
    low = n * (msr - f_star_low * mse) / (f_star_low * (k * msc + (k * n - k - n) * mse) + n * msr)
    high = n * (f_star_high * msr - mse) / (k * msc + (k * n - k - n) * mse + n * f_star_high * msr)
    if form == "ICC2k":
        value = (msr - mse) / (msr + (msc - mse) / n)
        return value, low * k / (1 + low * (k - 1)), high * k / (1 + high * (k - 1))
    return icc2, low, high
