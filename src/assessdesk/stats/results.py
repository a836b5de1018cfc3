"""Frozen results every reliability statistic returns: a value (or why there is none), its sample, its CI."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

Detail = float | int | str | None


@dataclass(frozen=True)
class ConfidenceInterval:
    """A two-sided interval at `level` (0.95 = 95%); `method` names how it was made so a reader can judge it.

    `se` is set for asymptotic (normal-theory) intervals; `seed` and `replicates` for bootstrap intervals, so
    the same numbers can be produced again.
    """

    low: float
    high: float
    level: float
    method: str
    se: float | None = None
    seed: int | None = None
    replicates: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "level": self.level, "method": self.method,
                "se": self.se, "seed": self.seed, "replicates": self.replicates}


@dataclass(frozen=True)
class Coefficient:
    """One reliability coefficient over a units x raters table.

    `value` is None exactly when the coefficient is undefined for these data (no unit rated twice, no
    variation, ...); `undefined_reason` then says why in plain words. It is never silently 1.0 or 0.0 then.
    `n_units` counts the units the value was computed from, `n_raters` the raters with at least one rating in
    the input, `missing_share` the share of empty cells in the input table (before any unit was dropped).
    `details` carries statistic-specific numbers (level of measurement, F test, units dropped, ...).
    """

    name: str
    value: float | None
    n_units: int
    n_raters: int
    missing_share: float
    ci: ConfidenceInterval | None = None
    undefined_reason: str | None = None
    details: Mapping[str, Detail] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if (self.value is None) == (self.undefined_reason is None):
            raise ValueError("a coefficient has either a value or an undefined_reason, not both or neither")
        if self.value is not None and not math.isfinite(self.value):
            raise ValueError(f"{self.name}: a non-finite value must be reported as undefined")
        object.__setattr__(self, "details", MappingProxyType(dict(self.details)))

    @property
    def defined(self) -> bool:
        return self.value is not None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "n_units": self.n_units, "n_raters": self.n_raters,
                "missing_share": self.missing_share, "ci": self.ci.to_dict() if self.ci else None,
                "undefined_reason": self.undefined_reason, "details": dict(self.details)}


def undefined(name: str, reason: str, *, n_units: int, n_raters: int, missing_share: float,
              details: Mapping[str, Detail] | None = None) -> Coefficient:
    """The result for data on which `name` cannot be computed."""
    return Coefficient(name=name, value=None, n_units=n_units, n_raters=n_raters, missing_share=missing_share,
                       undefined_reason=reason, details=details or {})


def finite_or_none(x: float) -> float | None:
    """Plain float for a finite number, None for NaN/inf (so JSON and comparisons stay honest)."""
    x = float(x)
    return x if math.isfinite(x) else None


@dataclass(frozen=True)
class RaterBias:
    """How one assessor's scores sit against reference scores: mean signed difference (assessor - reference).

    A positive `value` means the assessor scores higher (more lenient) than the reference. `ci` is a t
    interval over the assessor's units; `mean_absolute` and `exact_share` describe closeness in either
    direction.
    """

    rater: str
    value: float | None
    n_units: int
    sd: float | None
    mean_absolute: float | None
    exact_share: float | None
    ci: ConfidenceInterval | None = None
    undefined_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"rater": self.rater, "value": self.value, "n_units": self.n_units, "sd": self.sd,
                "mean_absolute": self.mean_absolute, "exact_share": self.exact_share,
                "ci": self.ci.to_dict() if self.ci else None, "undefined_reason": self.undefined_reason}


def _readonly(a: np.ndarray) -> np.ndarray:
    a = np.array(a, copy=True)
    a.setflags(write=False)
    return a


@dataclass(frozen=True)
class PairwiseKappa:
    """Cohen's kappa for every pair of raters at once (M x M symmetric matrices; the diagonal is NaN).

    `values[i, j]` is NaN where the pair is undefined (no shared units, or no variation among them); `n[i, j]`
    counts the units both raters scored, `se[i, j]` is the asymptotic standard error, `rated[i]` how many
    units rater i scored out of `n_units_total`. `pair()` gives one pair as a
    full `Coefficient`; `mean()` is Light's (1971) kappa: the mean over the defined pairs.
    """

    raters: tuple[str, ...]
    weights: str
    values: np.ndarray
    n: np.ndarray
    se: np.ndarray
    rated: np.ndarray
    n_units_total: int
    confidence: float = 0.95

    def __post_init__(self) -> None:
        for name in ("values", "n", "se", "rated"):
            object.__setattr__(self, name, _readonly(getattr(self, name)))

    def pair(self, a: int | str, b: int | str) -> Coefficient:
        from statistics import NormalDist

        i = a if isinstance(a, int) else self.raters.index(a)
        j = b if isinstance(b, int) else self.raters.index(b)
        name = f"cohen_kappa_{self.weights}" if self.weights != "none" else "cohen_kappa"
        n_units = int(self.n[i, j])
        cells = 2 * self.n_units_total
        missing = 1.0 - float(self.rated[i] + self.rated[j]) / cells if cells else 0.0
        details = {"rater_a": self.raters[i], "rater_b": self.raters[j], "weights": self.weights}
        value = finite_or_none(self.values[i, j]) if i != j else None
        if value is None:
            reason = ("the two raters share no scored unit" if n_units == 0 else
                      "the shared units show no variation (one level only), so chance agreement is total")
            return undefined(name, reason, n_units=n_units, n_raters=2, missing_share=missing,
                             details=details)
        se = float(self.se[i, j])
        z = NormalDist().inv_cdf(0.5 + self.confidence / 2)
        # Kappa cannot exceed 1 (nor fall below -1), so the normal interval is cut there.
        ci = ConfidenceInterval(low=max(value - z * se, -1.0), high=min(value + z * se, 1.0),
                                level=self.confidence,
                                method="asymptotic SE (Fleiss, Cohen & Everitt 1969)", se=se)
        return Coefficient(name=name, value=value, n_units=n_units, n_raters=2, missing_share=missing,
                           ci=ci, details=details)

    def mean(self) -> float | None:
        """Light's kappa: the average of the defined pairwise kappas (None when no pair is defined)."""
        upper = self.values[np.triu_indices(len(self.raters), k=1)]
        upper = upper[np.isfinite(upper)]
        return float(upper.mean()) if upper.size else None

    def defined_pairs(self) -> int:
        upper = self.values[np.triu_indices(len(self.raters), k=1)]
        return int(np.isfinite(upper).sum())
