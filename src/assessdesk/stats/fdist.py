"""F and t distribution tails and quantiles from the regularized incomplete beta function (stdlib math only).

The ICC's F test and confidence bounds and the t interval of assessor bias need these; writing them here keeps
`assessdesk.stats` free of scipy. I_x(a, b) is evaluated by its continued fraction (DLMF 8.17.22) with the
modified Lentz method, using I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges slowly; quantiles by a
Newton iteration kept inside a shrinking bracket.
"""

from __future__ import annotations

import math
from statistics import NormalDist

_EPS = 1e-16
_TINY = 1e-300
_MAX_TERMS = 100_000


_LARGE = 15.0


def _stirling_tail(x: float) -> float:
    """lgamma(x) minus its Stirling approximation, for x >= 15 (next term below 1e-13)."""
    x2 = x * x
    return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * x2)) / x2) / x2) / x


def _log_front(x: float, a: float, b: float) -> float:
    """log(x^a (1-x)^b / B(a, b)).

    With large a and b the three lgamma terms are huge and nearly cancel (losing ~1e-9 at a, b ~ 1e5, the
    ICC's degrees of freedom on big tables); grouping Stirling's formula by a ln(x (a+b) / a) keeps the small
    numbers.
    """
    if a < _LARGE and b < _LARGE:
        log_beta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
        return a * math.log(x) + b * math.log1p(-x) - log_beta
    total = a + b
    if a >= _LARGE and b >= _LARGE:
        return (a * math.log1p((x * total - a) / a) + b * math.log1p(((1.0 - x) * total - b) / b)
                + 0.5 * math.log(a * b / total) - 0.5 * math.log(2.0 * math.pi)
                - (_stirling_tail(a) + _stirling_tail(b) - _stirling_tail(total)))
    if a >= _LARGE:
        return _log_front(1.0 - x, b, a)
    # Only b is large: Stirling for lgamma(b) - lgamma(a + b), exact lgamma for the small a.
    return (a * math.log(x * total) - a - math.lgamma(a) + b * math.log1p((a - x * total) / b)
            + 0.5 * math.log(b / total) - _stirling_tail(b) + _stirling_tail(total))


def _continued_fraction(x: float, a: float, b: float) -> float:
    """The continued fraction of I_x(a, b) (without its prefactor), by the modified Lentz method."""
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, _MAX_TERMS):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            step = c * d
            result *= step
        if abs(step - 1.0) < _EPS:
            return result
    raise ArithmeticError(f"incomplete beta did not converge for x={x}, a={a}, b={b}")


def betainc(x: float, a: float, b: float) -> float:
    """Regularized incomplete beta I_x(a, b) for a, b > 0 and 0 <= x <= 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    if x > (a + 1.0) / (a + b + 2.0):
        return 1.0 - betainc(1.0 - x, b, a)
    return math.exp(_log_front(x, a, b)) * _continued_fraction(x, a, b) / a


def _beta_density(x: float, a: float, b: float) -> float:
    return math.exp(_log_front(x, a, b) - math.log(x) - math.log1p(-x))


def _betainc_inverse(p: float, a: float, b: float) -> float:
    """x with I_x(a, b) = p, by Newton steps that fall back to bisection when they leave the bracket."""
    lo, hi = 0.0, 1.0
    # Start from the normal approximation of the beta distribution: close for the large degrees of freedom of
    # big tables (where each evaluation is slow), harmless for small ones (the bracket catches a bad step).
    mean, total = a / (a + b), a + b
    sd = math.sqrt(a * b / (total * total * (total + 1.0)))
    x = min(max(mean + NormalDist().inv_cdf(p) * sd, 1e-12), 1.0 - 1e-12)
    for _ in range(400):
        err = betainc(x, a, b) - p
        if err == 0.0:
            return x
        if err > 0:
            hi = x
        else:
            lo = x
        density = _beta_density(x, a, b)
        step = err / density if density > 0 else math.inf
        candidate = x - step
        if not lo < candidate < hi:
            candidate = (lo + hi) / 2.0
        if abs(candidate - x) <= 4 * _EPS * max(candidate, _TINY) or hi - lo <= _EPS * hi:
            return candidate
        x = candidate
    return x


def f_sf(f: float, df1: float, df2: float) -> float:
    """P(F > f) for F(df1, df2); computed on the tail itself so small p-values stay accurate."""
    if math.isnan(f):
        return math.nan
    if f <= 0.0:
        return 1.0
    if math.isinf(f):
        return 0.0
    return betainc(df2 / (df2 + df1 * f), df2 / 2.0, df1 / 2.0)


def f_ppf(p: float, df1: float, df2: float) -> float:
    """The p-quantile of F(df1, df2), for 0 < p < 1."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"quantile probability must lie strictly between 0 and 1, got {p}")
    if p <= 0.5:
        x = _betainc_inverse(p, df1 / 2.0, df2 / 2.0)
        return df2 * x / (df1 * (1.0 - x))
    # Upper quantiles: solve for y = 1 - x on the upper tail, where y is small and keeps its precision.
    y = _betainc_inverse(1.0 - p, df2 / 2.0, df1 / 2.0)
    return df2 * (1.0 - y) / (df1 * y)


def t_two_sided_critical(confidence: float, df: float) -> float:
    """t such that P(|T_df| <= t) = confidence, via T^2 ~ F(1, df)."""
    return math.sqrt(f_ppf(confidence, 1.0, df))
