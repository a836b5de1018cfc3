"""Second marking and moderation rules: which results get a blind second marker, and when two sheets disagree."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from assessdesk.domain.scoring import Evaluation
from assessdesk.domain.standards import SecondMarkingPolicy


def sample_draw(attempt_id: str) -> float:
    """A number in [0, 1) fixed by the attempt id, so whether an attempt was sampled can be re-checked by anyone
    (an auditor, the registry) without trusting a random number generator's state."""
    digest = hashlib.sha256(f"second-marking:{attempt_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def second_marking_reason(policy: SecondMarkingPolicy, evaluation: Evaluation, *, attempt_id: str,
                          sample_rate: float | None = None) -> str | None:
    """'borderline' when the total lies within the band around the pass mark, 'sampled' when the attempt falls
    in the sample, else None. `sample_rate` overrides the rubric's rate (a station setting)."""
    if abs(evaluation.margin) <= policy.borderline_band + 1e-9:
        return "borderline"
    rate = policy.sample_rate if sample_rate is None else sample_rate
    if sample_draw(attempt_id) < rate:
        return "sampled"
    return None


@dataclass(frozen=True)
class Comparison:
    """How a second sheet differs from the first."""

    total_difference: float
    outcome_differs: bool
    critical_differs: tuple[str, ...]  # critical criteria met on one sheet and not on the other
    criteria_differ: tuple[str, ...]  # criteria scored at different levels (or answered differently)
    tolerance: float

    @property
    def beyond_tolerance(self) -> bool:
        return (abs(self.total_difference) > self.tolerance + 1e-9 or self.outcome_differs
                or bool(self.critical_differs))

    def summary(self) -> str:
        parts = [f"totals differ by {abs(self.total_difference):g} (tolerance {self.tolerance:g})"]
        if self.outcome_differs:
            parts.append("one sheet passes and the other fails")
        if self.critical_differs:
            parts.append("critical criteria judged differently: " + ", ".join(self.critical_differs))
        return "; ".join(parts)


def compare(first: Evaluation, second: Evaluation, *, tolerance: float) -> Comparison:
    a = {r.id: r for r in first.results}
    b = {r.id: r for r in second.results}
    differ = tuple(i for i in a if i in b and (a[i].level, a[i].label) != (b[i].level, b[i].label))
    critical = tuple(i for i in a if i in b and a[i].critical and a[i].met != b[i].met)
    return Comparison(total_difference=round(second.total - first.total, 4),
                      outcome_differs=first.passed != second.passed, critical_differs=critical,
                      criteria_differ=differ, tolerance=tolerance)
