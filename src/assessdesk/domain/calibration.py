"""Calibration rules: certification thresholds, who passes an exercise, certification validity, drift windows.

Pure rules over plain values; the services feed them agreement figures (from `assessdesk.stats`) and the
certification and score-sheet events. Sources for every default are in docs/calibration.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from assessdesk.domain.errors import DomainError, InvalidInput

# NAEP qualifying sets ("Training scorers: qualifying sets", NCES NAEP Technical Documentation, 2008): exact
# agreement with the set's assigned scores needed before a scorer may score, by the item's number of score points.
QUALIFYING_EXACT_BY_LEVELS: dict[int, float] = {2: 0.90, 3: 0.80, 4: 0.70, 5: 0.70, 6: 0.70}
# NAEP within-year interrater agreement targets (NCES NAEP Technical Documentation, "Within-Year Interrater
# Agreement"): exact agreement between first and second scores expected while live scoring goes on.
MONITORING_EXACT_BY_LEVELS: dict[int, float] = {2: 0.85, 3: 0.80, 4: 0.75, 5: 0.75, 6: 0.60}


def _by_levels(table: dict[int, float], n_levels: int) -> float:
    """The table's value for a scale of `n_levels` levels; wider scales take the widest entry's value."""
    if n_levels < 2:
        raise InvalidInput("a rubric criterion needs at least two levels to be calibrated", where="level scale")
    return table[min(n_levels, max(table))]


@dataclass(frozen=True)
class CertificationPolicy:
    """What an assessor must reach on a calibration exercise, and how long the certification lasts.

    `min_exact` None means "by the number of levels" (the NAEP qualifying table above). Shares are 0..1.
    """

    min_exact: float | None = None
    min_adjacent: float = 0.90  # exact or one level apart; the top of the 80-90% range used in rater certification
    min_kappa: float = 0.70  # quadratic-weighted kappa vs the reference (Williamson, Xi & Breyer 2012)
    max_abs_bias: float | None = None  # mean levels above/below the reference; None: reported, not a condition
    min_scores: int = 10  # criterion scores per assessor (NAEP qualifying sets hold 10 to 12 responses)
    valid_days: int = 365  # a certification lasts this long from the day it is granted

    def exact_needed(self, n_levels: int) -> float:
        return self.min_exact if self.min_exact is not None else _by_levels(QUALIFYING_EXACT_BY_LEVELS, n_levels)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class DriftPolicy:
    """Rolling-window agreement of an assessor's live sheets with the other marker's (or the agreed) levels."""

    window: int = 10  # the assessor's latest second-marked attempts per rubric
    min_attempts: int = 5  # fewer than this in the window: no judgement yet
    min_exact: float | None = None  # None: the NAEP within-year target for the scale's number of levels

    def exact_needed(self, n_levels: int) -> float:
        return self.min_exact if self.min_exact is not None else _by_levels(MONITORING_EXACT_BY_LEVELS, n_levels)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _share(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= float(value) <= 1.0:
        raise InvalidInput("give a share between 0 and 1 (e.g. 0.8 for 80%)", where=where)
    return float(value)


def _count(value: Any, where: str, low: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidInput(f"give a whole number of at least {low}", where=where)
    return value


def policies_from_settings(settings: Mapping[str, Any]) -> tuple[CertificationPolicy, DriftPolicy]:
    """Read the station's `calibration` settings (every key optional) over the cited defaults."""
    raw = settings.get("calibration") or {}
    if not isinstance(raw, Mapping):
        raise InvalidInput("the calibration settings must be a JSON object", where="settings 'calibration'")
    cert, drift = CertificationPolicy(), DriftPolicy()
    w = "settings calibration."
    for key, value in raw.items():
        if key in ("min_exact", "min_adjacent", "min_kappa"):
            cert = replace(cert, **{key: None if value is None and key == "min_exact" else _share(value, w + key)})
        elif key == "max_abs_bias":
            if value is not None and (not isinstance(value, int | float) or value < 0):
                raise InvalidInput("give a number of levels of at least 0, or null", where=w + key)
            cert = replace(cert, max_abs_bias=None if value is None else float(value))
        elif key in ("min_scores", "valid_days"):
            cert = replace(cert, **{key: _count(value, w + key)})
        elif key in ("drift_window", "drift_min_attempts"):
            drift = replace(drift, **{key.removeprefix("drift_"): _count(value, w + key)})
        elif key == "drift_min_exact":
            drift = replace(drift, min_exact=None if value is None else _share(value, w + key))
        else:
            raise InvalidInput("unknown calibration setting", where=w + key)
    if drift.min_attempts > drift.window:
        raise InvalidInput("drift_min_attempts cannot exceed drift_window", where=w + "drift_min_attempts")
    return cert, drift


@dataclass(frozen=True)
class AgreementFigures:
    """One assessor's agreement with the reference over an exercise (None: not computable)."""

    scored: int  # criterion scores given
    expected: int  # criterion scores the exercise asks for
    exact: float | None
    adjacent: float | None
    kappa: float | None
    bias: float | None


def decide(policy: CertificationPolicy, figures: AgreementFigures, *, n_levels: int) -> tuple[bool, tuple[str, ...]]:
    """Pass (certify) or not, with every unmet condition in plain words."""
    unmet: list[str] = []
    f = figures
    if f.scored < f.expected:
        unmet.append(f"scored {f.scored} of {f.expected} criteria")
    if f.scored < policy.min_scores:
        unmet.append(f"{f.scored} scores is fewer than the {policy.min_scores} a certification needs")
    need = policy.exact_needed(n_levels)
    if f.exact is None or f.exact < need - 1e-12:
        unmet.append(f"exact agreement {_pct(f.exact)} is below {_pct(need)}")
    if f.adjacent is None or f.adjacent < policy.min_adjacent - 1e-12:
        unmet.append(f"agreement within one level {_pct(f.adjacent)} is below {_pct(policy.min_adjacent)}")
    if f.kappa is None or f.kappa < policy.min_kappa - 1e-12:
        shown = "not computable" if f.kappa is None else f"{f.kappa:.2f}"
        unmet.append(f"weighted kappa {shown} is below {policy.min_kappa:.2f}")
    if policy.max_abs_bias is not None and (f.bias is None or abs(f.bias) > policy.max_abs_bias + 1e-12):
        unmet.append(f"bias {'—' if f.bias is None else f'{f.bias:+.2f}'} levels is beyond "
                     f"±{policy.max_abs_bias:.2f}")
    return not unmet, tuple(unmet)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


# ------------------------------------------------------------------------------------------- certification status
def rubric_id_of(ref: str) -> str:
    """'RUB-FORKLIFT@2' -> 'RUB-FORKLIFT': a certification covers the rubric, whichever version is pinned."""
    return ref.partition("@")[0].strip()


class CertificationSource(StrEnum):
    STATION = "station"  # an exercise closed on a lead assessor's station (`calibration.certified`)
    REGISTRY = "registry"  # granted centrally and pulled (`certification.granted`)


@dataclass(frozen=True)
class CertificationRecord:
    id: str
    user_id: str
    rubric_id: str
    rubric_ref: str
    granted_on: date
    valid_until: date  # the last day it counts
    source: CertificationSource
    exercise_id: str | None = None
    revoked_on: date | None = None
    revoked_reason: str = ""

    def current_on(self, day: date) -> bool:
        return self.granted_on <= day <= self.valid_until and (self.revoked_on is None or day < self.revoked_on)

    def ended_on(self) -> date:
        """The first day it no longer counts: the revocation or the day after its last valid day."""
        expiry = self.valid_until + timedelta(days=1)
        return min(expiry, self.revoked_on) if self.revoked_on is not None else expiry


class CertificationState(StrEnum):
    CURRENT = "current"
    EXPIRED = "expired"
    REVOKED = "revoked"
    NEVER = "never certified"
    NOT_YET = "not yet valid"


@dataclass(frozen=True)
class CertificationStatus:
    user_id: str
    rubric_id: str
    state: CertificationState
    since: date | None  # current: granted on; expired/revoked: the day it stopped; not yet: the day it starts
    valid_until: date | None = None
    certification_id: str | None = None
    source: CertificationSource | None = None
    reason: str = ""  # a revocation's reason

    @property
    def current(self) -> bool:
        return self.state is CertificationState.CURRENT

    def message(self) -> str:
        r = self.rubric_id
        if self.state is CertificationState.CURRENT:
            return f"Certified for {r} since {self.since}, valid until {self.valid_until}."
        if self.state is CertificationState.EXPIRED:
            return f"The certification for {r} expired on {self.since} (it was valid until {self.valid_until})."
        if self.state is CertificationState.REVOKED:
            why = f": {self.reason}" if self.reason else ""
            return f"The certification for {r} was revoked on {self.since}{why}."
        if self.state is CertificationState.NOT_YET:
            return f"The certification for {r} starts on {self.since}."
        return f"Never certified for {r}."


def certification_status(records: Iterable[CertificationRecord], *, user_id: str, rubric_id: str,
                         today: date) -> CertificationStatus:
    """The user's standing for a rubric on `today`, from station and registry certifications alike.

    Any current certification wins (the one lasting longest). Otherwise the most recently ended one says why
    (expired or revoked, and since when); a certification that starts later says so; none at all: never certified.
    """
    mine = [c for c in records if c.user_id == user_id and c.rubric_id == rubric_id]
    current = [c for c in mine if c.current_on(today)]
    if current:
        best = max(current, key=lambda c: (c.valid_until, c.granted_on))
        return CertificationStatus(user_id, rubric_id, CertificationState.CURRENT, best.granted_on,
                                   best.valid_until, best.id, best.source)
    ended = [c for c in mine if c.ended_on() <= today]
    if ended:
        last = max(ended, key=lambda c: (c.ended_on(), c.granted_on))
        revoked = last.revoked_on is not None and last.revoked_on <= last.valid_until
        return CertificationStatus(user_id, rubric_id,
                                   CertificationState.REVOKED if revoked else CertificationState.EXPIRED,
                                   last.ended_on(), last.valid_until, last.id, last.source, last.revoked_reason)
    future = [c for c in mine if c.granted_on > today and c.revoked_on is None]
    if future:
        first = min(future, key=lambda c: c.granted_on)
        return CertificationStatus(user_id, rubric_id, CertificationState.NOT_YET, first.granted_on,
                                   first.valid_until, first.id, first.source)
    return CertificationStatus(user_id, rubric_id, CertificationState.NEVER, None)


class NotCertified(DomainError):
    """The certification gate: an assessor without a current certification may not submit a live sheet."""

    def __init__(self, status: CertificationStatus, *, assessor_name: str) -> None:
        super().__init__(f"{assessor_name} cannot submit this score sheet. {status.message()}",
                         hint="Your draft is kept. Take a calibration exercise for this rubric (a lead assessor "
                              "sets them up on the Calibration page), then submit again.")
        self.status = status


# -------------------------------------------------------------------------------------------------------- drift
@dataclass(frozen=True)
class DriftObservation:
    """One second-marked live attempt: how the assessor's levels compared with the comparison sheet's."""

    attempt_id: str
    at: str  # when the assessor's sheet was submitted (ISO 8601), for ordering
    criteria: int
    exact: int
    adjacent: int  # exact or one level apart


@dataclass(frozen=True)
class DriftReading:
    attempts: int  # in the window
    criteria: int
    exact: float | None
    adjacent: float | None
    needed: float
    crossed: bool  # a judgement was possible and exact agreement fell below `needed`
    attempt_ids: tuple[str, ...]

    def summary(self) -> str:
        if self.exact is None:
            return "no second-marked attempts yet"
        verdict = "below" if self.crossed else "at or above"
        return (f"exact agreement {_pct(self.exact)} over the last {self.attempts} second-marked attempt(s), "
                f"{verdict} the {_pct(self.needed)} expected")


def drift_reading(observations: Iterable[DriftObservation], policy: DriftPolicy, *, n_levels: int) -> DriftReading:
    """Agreement over the assessor's latest `policy.window` attempts, pooled over criteria."""
    window = sorted(observations, key=lambda o: (o.at, o.attempt_id))[-policy.window:]
    criteria = sum(o.criteria for o in window)
    needed = policy.exact_needed(n_levels)
    if not window or criteria == 0:
        return DriftReading(0, 0, None, None, needed, False, ())
    exact = sum(o.exact for o in window) / criteria
    adjacent = sum(o.adjacent for o in window) / criteria
    crossed = len(window) >= policy.min_attempts and exact < needed - 1e-12
    return DriftReading(len(window), criteria, exact, adjacent, needed, crossed,
                        tuple(o.attempt_id for o in window))
