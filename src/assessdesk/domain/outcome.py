"""Outcomes: the pass rule's verdict, the remediation plan from failed criteria, and the retake policy (cool-down,
maximum attempts) that check-in enforces."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from assessdesk.domain.errors import DomainError
from assessdesk.domain.scoring import Evaluation
from assessdesk.domain.standards import RetakePolicy


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"


@dataclass(frozen=True)
class RemediationItem:
    criterion_id: str
    title: str
    achieved: str
    required: str
    critical: bool
    action: str


def decide(evaluation: Evaluation) -> Outcome:
    """The pass rule: the total reaches the threshold and every critical criterion reaches its minimum."""
    return Outcome.PASSED if evaluation.passed else Outcome.FAILED


def remediation_plan(evaluation: Evaluation) -> tuple[RemediationItem, ...]:
    """What to practise before a retake: every criterion below its required level, critical ones first."""
    missed = [r for r in evaluation.results if not r.met]
    missed.sort(key=lambda r: (not r.critical, r.id))
    return tuple(RemediationItem(r.id, r.title, r.label, r.required_label or "a higher level", r.critical,
                                 r.remediation or f"Practise: {r.title}.") for r in missed)


def earliest_retake(policy: RetakePolicy, failed_on: date) -> date:
    return failed_on + timedelta(days=policy.cooldown_days)


@dataclass(frozen=True)
class PriorAttempt:
    """An earlier attempt of the same candidate at the same credential."""

    attempt_id: str
    on: date  # the attempt's date (its sitting's date)
    outcome: str | None  # "passed", "failed", or None while undecided
    voided: bool = False


@dataclass(frozen=True)
class RetakeDecision:
    allowed: bool
    reason: str
    earliest: date | None  # from when a retake is allowed; None: never again under this policy
    attempts_used: int
    attempts_allowed: int | None


class RetakeRefused(DomainError):
    """Check-in refuses an attempt that breaks the retake policy, saying why and from when."""

    def __init__(self, decision: RetakeDecision) -> None:
        hint = (f"The candidate may retake from {decision.earliest.isoformat()}." if decision.earliest
                else "No further attempts are allowed under this credential's retake policy.")
        super().__init__(decision.reason, hint=hint)
        self.decision = decision


def check_retake(policy: RetakePolicy, history: Iterable[PriorAttempt], *, on: date) -> RetakeDecision:
    """May a candidate with this history start an attempt on `on`? Voided attempts do not count."""
    counted = [a for a in history if not a.voided]
    failed = sorted((a for a in counted if a.outcome == Outcome.FAILED), key=lambda a: a.on)
    used = len(failed)
    limit = policy.max_attempts
    if limit is not None and used >= limit:
        return RetakeDecision(False, f"The candidate has failed {used} of the {limit} attempts allowed.", None,
                              used, limit)
    if failed:
        earliest = earliest_retake(policy, failed[-1].on)
        if on < earliest:
            return RetakeDecision(
                False, f"The last attempt failed on {failed[-1].on.isoformat()} and the cool-down is "
                       f"{policy.cooldown_days} days.", earliest, used, limit)
    return RetakeDecision(True, "", on, used, limit)
