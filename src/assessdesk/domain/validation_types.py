"""The five validation types: the evidence each requires before a score sheet may be submitted, and their CTDL
AssessmentProfile metadata."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from assessdesk.domain.errors import DomainError


class ValidationType(StrEnum):
    PROCTORED_PRACTICAL = "proctored_practical"  # technical procedures
    TIMED_CASE_SIMULATION = "timed_case_simulation"  # data and analytics
    SCENARIO_AUDIT = "scenario_audit"  # quality and safety
    ROLE_PLAY = "role_play"  # customer interaction
    GROUP_PROJECT = "group_project"  # team execution


class EvidenceKind(StrEnum):
    """Kinds of evidence an attempt can have. The first group comes from the evidence index (recording and
    artifacts); the second the scoring station establishes itself from the sheet, the schedule and the events."""

    SEALED_VIDEO = "video.sealed"
    VIDEO_WITH_AUDIO = "video.audio"
    CASE_OUTPUT = "artifact.case_output"
    PORTFOLIO = "artifact.portfolio"
    ASSESSOR_SIGNOFF = "signoff.assessor"
    TIMER_RECORD = "timer.record"
    CHECKLIST_COMPLETED = "checklist.completed"
    GROUP_SESSION = "group.session"
    PEER_SCORES = "peer.scores"


# What a proctor or assessor reads when a kind is missing.
MISSING_TEXT: dict[EvidenceKind, str] = {
    EvidenceKind.SEALED_VIDEO: "the sealed video of the performance (end the attempt so the evidence is sealed)",
    EvidenceKind.VIDEO_WITH_AUDIO: "a recording of the performance with its sound track",
    EvidenceKind.CASE_OUTPUT: "the candidate's case output file (attach it as an artifact)",
    EvidenceKind.PORTFOLIO: "the group's portfolio artifacts (attach them to the attempt)",
    EvidenceKind.ASSESSOR_SIGNOFF: "your sign-off that you observed the performance (tick it on the sheet)",
    EvidenceKind.TIMER_RECORD: "the timer record (the attempt was never started and ended on a station)",
    EvidenceKind.CHECKLIST_COMPLETED: "an answer for every checklist item",
    EvidenceKind.GROUP_SESSION: "the group's session: every member needs an attempt in the same session",
    EvidenceKind.PEER_SCORES: "enough peer-scoring forms for this candidate",
}

REQUIRED_EVIDENCE: dict[ValidationType, frozenset[EvidenceKind]] = {
    ValidationType.PROCTORED_PRACTICAL: frozenset({EvidenceKind.SEALED_VIDEO, EvidenceKind.ASSESSOR_SIGNOFF}),
    ValidationType.TIMED_CASE_SIMULATION: frozenset({EvidenceKind.TIMER_RECORD, EvidenceKind.CASE_OUTPUT}),
    ValidationType.SCENARIO_AUDIT: frozenset({EvidenceKind.CHECKLIST_COMPLETED}),
    ValidationType.ROLE_PLAY: frozenset({EvidenceKind.VIDEO_WITH_AUDIO}),
    ValidationType.GROUP_PROJECT: frozenset({EvidenceKind.PORTFOLIO, EvidenceKind.GROUP_SESSION,
                                             EvidenceKind.PEER_SCORES}),
}

# Scored with a checklist (yes/no items) rather than a rubric.
CHECKLIST_TYPES = frozenset({ValidationType.SCENARIO_AUDIT})
# Needs a rubric with a peer-scoring component.
PEER_TYPES = frozenset({ValidationType.GROUP_PROJECT})


@dataclass(frozen=True)
class AssessmentProfile:
    """The CTDL AssessmentProfile properties a validation type maps onto (ceterms:isProctored,
    ceterms:hasGroupEvaluation, ceterms:scoringMethodType with a concept from CTDL's scoringMethod scheme)."""

    is_proctored: bool
    has_group_evaluation: bool
    scoring_method_type: str


CTDL_PROFILE: dict[ValidationType, AssessmentProfile] = {
    ValidationType.PROCTORED_PRACTICAL: AssessmentProfile(True, False, "scoringMethod:RubricBased"),
    ValidationType.TIMED_CASE_SIMULATION: AssessmentProfile(True, False, "scoringMethod:ArtifactBased"),
    ValidationType.SCENARIO_AUDIT: AssessmentProfile(True, False, "scoringMethod:Scored"),
    ValidationType.ROLE_PLAY: AssessmentProfile(True, False, "scoringMethod:RubricBased"),
    ValidationType.GROUP_PROJECT: AssessmentProfile(True, True, "scoringMethod:RubricBased"),
}


class EvidenceMissing(DomainError):
    """Submission is blocked until the named evidence exists."""

    def __init__(self, missing: list[EvidenceKind]) -> None:
        lines = "; ".join(MISSING_TEXT[k] for k in missing)
        super().__init__(f"This sheet cannot be submitted yet. Missing: {lines}.",
                         hint="Your draft is kept; submit again once the evidence is there.")
        self.missing = missing


def required_for(validation_type: str, declared: Iterable[str] = ()) -> frozenset[EvidenceKind]:
    """The type's own requirement plus anything extra the credential definition declares."""
    extra = {EvidenceKind(k) for k in declared}
    return REQUIRED_EVIDENCE[ValidationType(validation_type)] | extra


def missing_evidence(validation_type: str, present: Iterable[str], declared: Iterable[str] = ()) -> list[EvidenceKind]:
    have = set(present)
    # A recording with sound is also a sealed recording for the purpose of "there is a video".
    if EvidenceKind.VIDEO_WITH_AUDIO in have:
        have.add(EvidenceKind.SEALED_VIDEO)
    return sorted(k for k in required_for(validation_type, declared) if k not in have)


def check_evidence(validation_type: str, present: Iterable[str], declared: Iterable[str] = ()) -> None:
    """Raise EvidenceMissing, naming everything missing at once, unless every required kind is present."""
    missing = missing_evidence(validation_type, present, declared)
    if missing:
        raise EvidenceMissing(missing)
