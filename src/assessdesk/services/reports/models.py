"""Plain frozen inputs for every PDF document: callers copy what they need out of the database into these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

# ---------------------------------------------------------------------------------------------- shared pieces


@dataclass(frozen=True)
class CriterionResult:
    """One rubric criterion as judged, in words a candidate understands."""

    criterion: str  # plain-language criterion, e.g. "Checks the load is secured before lifting"
    level: str  # achieved level label, e.g. "Proficient"
    points: float
    max_points: float
    met: bool  # reached the level the pass rule asks of this criterion
    competency_id: str = ""  # e.g. "LOG-SAFE-001"
    critical: bool = False
    descriptor: str = ""  # what the achieved level means, from the rubric's level descriptors


# ---------------------------------------------------------------------------------------------- certificate


@dataclass(frozen=True)
class CompetencyAchievement:
    """A competency the credential vouches for, with the level the candidate reached."""

    competency_id: str
    statement: str  # the plain-language competency statement
    level: str


@dataclass(frozen=True)
class CertificateData:
    """Everything printed on a certificate and its one-page transcript."""

    candidate_name: str
    credential_name: str
    competencies: tuple[CompetencyAchievement, ...]
    criteria: tuple[CriterionResult, ...]
    issued_on: date
    expires_on: date | None  # None: does not expire
    credential_id: str
    issuer_name: str
    verification_url: str
    assessed_on: date
    rubric_name: str = ""  # e.g. "Forklift pre-use inspection, version 3"
    pass_rule: str = ""  # plain-language pass rule, e.g. "70 of 100 points and every critical criterion met"
    approver_name: str = ""  # who signed off issuance
    site_name: str = ""


# ---------------------------------------------------------------------------------------------- result slip


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"


@dataclass(frozen=True)
class RemediationStep:
    """What to practise before a retake, tied to the criterion that was not met."""

    criterion: str
    action: str


@dataclass(frozen=True)
class ResultSlipData:
    """A candidate's one-page result: outcome, criteria, and (on a fail) what to do next."""

    candidate_name: str
    credential_name: str
    attempt_id: str
    assessed_on: date
    outcome: Outcome
    criteria: tuple[CriterionResult, ...]
    total_points: float
    max_points: float
    pass_rule: str = ""
    remediation: tuple[RemediationStep, ...] = ()
    earliest_retake: date | None = None
    attempts_used: int | None = None
    attempts_allowed: int | None = None
    site_name: str = ""
    issuer_name: str = ""
    candidate_ref: str = ""  # the roster's candidate number

    def attempts_left(self) -> int | None:
        """Attempts the retake policy still allows; None when it sets no maximum or the count is unknown."""
        if self.attempts_used is None or self.attempts_allowed is None:
            return None
        return max(0, self.attempts_allowed - self.attempts_used)


# ------------------------------------------------------------------------------------------- session report


@dataclass(frozen=True)
class IncidentEntry:
    """An incident the proctor logged, at its time in the recording."""

    at_seconds: float
    code: str  # reason code, e.g. "TECH"
    note: str = ""


@dataclass(frozen=True)
class PresenceFlagEntry:
    """A presence monitor flag raised for review (face absent, several faces)."""

    at_seconds: float
    kind: str  # plain words, e.g. "face absent" or "more than one face"
    duration_seconds: float = 0.0


@dataclass(frozen=True)
class SessionCandidateRow:
    """One candidate's line in the end-of-session report."""

    candidate_name: str
    credential_name: str
    attendance: str  # e.g. "present", "absent", "walk-in"
    identity_outcome: str  # e.g. "verified", "not verified", "verified with override", "not checked"
    identity_note: str = ""  # override reason, face similarity, quality warnings
    incidents: tuple[IncidentEntry, ...] = ()
    presence_flags: tuple[PresenceFlagEntry, ...] = ()
    void_reason: str = ""  # empty: not voided
    attempt_state: str = ""
    candidate_ref: str = ""


@dataclass(frozen=True)
class SessionReportData:
    """The proctor's record of one sitting."""

    session_name: str
    site_name: str
    session_date: date
    proctor_name: str
    station_name: str
    generated_at: datetime
    rows: tuple[SessionCandidateRow, ...]


# ---------------------------------------------------------------------------------------------- calibration


@dataclass(frozen=True)
class AssessorAgreement:
    """How closely one assessor's scores matched the reference scores of the benchmark performances."""

    assessor_name: str
    performances_scored: int
    exact_agreement: float  # share of criteria scored at exactly the reference level, 0..1
    adjacent_agreement: float  # share within one level, 0..1
    weighted_kappa: (
        float | None
    )  # quadratic-weighted Cohen's kappa against the reference; None: not computable
    bias: float  # mean (assessor level - reference level); positive = lenient
    calibrated: bool  # met the exercise's thresholds


@dataclass(frozen=True)
class CriterionDifficulty:
    """How hard a criterion proved to score consistently across all assessors."""

    criterion: str
    exact_agreement: float  # 0..1 across all assessors and performances
    mean_deviation: float  # mean (assessor level - reference level)


@dataclass(frozen=True)
class CalibrationReportData:
    """The lead assessor's report on one calibration exercise."""

    exercise_name: str
    rubric_name: str
    held_on: date
    lead_assessor_name: str
    performances: int  # benchmark performances in the exercise
    assessors: tuple[AssessorAgreement, ...]
    criteria: tuple[CriterionDifficulty, ...]
    group_alpha: float | None  # Krippendorff's alpha (ordinal) across all assessors; None: not computable
    group_icc: float | None  # intraclass correlation across all assessors
    kappa_threshold: float = 0.6  # weighted kappa an assessor needs to be calibrated
    icc_form: str = "ICC(2,1)"
    notes: tuple[str, ...] = field(default_factory=tuple)
