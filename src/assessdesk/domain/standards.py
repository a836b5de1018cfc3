"""The standards library as the domain sees it: competencies, credential definitions, rubrics and checklists, each
versioned with effective dates, and the rule for which version is in force on a date."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from assessdesk.domain.errors import InvalidInput, NotFound

# The standards package format this build reads and writes.
# History: 1 = competencies, credentials, rubrics (criteria x levels x points, pass rule, retake policy, second
#              marking, optional peer component), checklists; every item versioned with effective dates.
STANDARDS_FORMAT = "assessdesk-standards/1"


class ItemKind(StrEnum):
    COMPETENCY = "competency"
    CREDENTIAL = "credential"
    RUBRIC = "rubric"
    CHECKLIST = "checklist"


# The package's array holding each kind.
KIND_SECTIONS: dict[ItemKind, str] = {ItemKind.COMPETENCY: "competencies", ItemKind.CREDENTIAL: "credentials",
                                      ItemKind.RUBRIC: "rubrics", ItemKind.CHECKLIST: "checklists"}


@dataclass(frozen=True)
class Versioned:
    """What every library item carries: an id, a version and the dates it is in force (to-date inclusive)."""

    id: str
    version: int
    effective_from: date
    effective_to: date | None

    @property
    def ref(self) -> str:
        return format_ref(self.id, self.version)

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


@dataclass(frozen=True)
class CompetencyLevel:
    level: int
    label: str
    descriptor: str


@dataclass(frozen=True)
class Competency(Versioned):
    title: str
    statement: str
    levels: tuple[CompetencyLevel, ...]


@dataclass(frozen=True)
class Alignment:
    competency_id: str
    level: int


@dataclass(frozen=True)
class CredentialDefinition(Versioned):
    name: str
    description: str
    criteria_narrative: str
    alignments: tuple[Alignment, ...]
    validation_type: str  # a domain.validation_types.ValidationType value
    required_evidence: tuple[str, ...]
    validity_months: int | None
    renewal: str


@dataclass(frozen=True)
class RubricLevel:
    level: int
    label: str
    descriptor: str
    points: float


@dataclass(frozen=True)
class Criterion:
    id: str
    competency_id: str
    title: str
    weight: float
    levels: tuple[RubricLevel, ...]
    critical: bool
    min_level: int | None  # the level a critical criterion must reach
    remediation: str

    def level(self, number: int) -> RubricLevel:
        for lv in self.levels:
            if lv.level == number:
                return lv
        raise InvalidInput(f"has no level {number}", where=f"criterion {self.id}")

    @property
    def max_points(self) -> float:
        return max(lv.points for lv in self.levels) * self.weight


@dataclass(frozen=True)
class RetakePolicy:
    cooldown_days: int
    max_attempts: int | None  # None: no maximum


@dataclass(frozen=True)
class SecondMarkingPolicy:
    sample_rate: float  # share of sheets sampled for a blind second marking, 0..1
    borderline_band: float  # points either side of the pass mark that always get a second marker
    tolerance: float  # largest difference in totals that still counts as agreement


@dataclass(frozen=True)
class PeerCriterion:
    id: str
    title: str
    prompt: str


@dataclass(frozen=True)
class PeerComponent:
    weight_points: float  # the most points peers' scores can add to the total
    scale_max: int  # peers score each criterion from 1 to scale_max
    min_peers: int
    criteria: tuple[PeerCriterion, ...]


@dataclass(frozen=True)
class Rubric(Versioned):
    title: str
    credential_id: str
    criteria: tuple[Criterion, ...]
    min_total: float  # pass rule: the weighted total needed (plus every critical criterion at its minimum)
    time_limit_minutes: int | None
    retake: RetakePolicy
    second_marking: SecondMarkingPolicy
    peer: PeerComponent | None = None

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise NotFound(f"Rubric {self.ref} has no criterion {criterion_id}.")

    @property
    def max_total(self) -> float:
        return sum(c.max_points for c in self.criteria) + (self.peer.weight_points if self.peer else 0.0)


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    competency_id: str
    critical: bool
    remediation: str


@dataclass(frozen=True)
class Checklist(Versioned):
    title: str
    credential_id: str
    items: tuple[ChecklistItem, ...]
    min_yes_share: float  # pass rule: share of items answered yes (plus every critical item yes)
    time_limit_minutes: int | None
    retake: RetakePolicy
    second_marking: SecondMarkingPolicy

    def item(self, item_id: str) -> ChecklistItem:
        for it in self.items:
            if it.id == item_id:
                return it
        raise NotFound(f"Checklist {self.ref} has no item {item_id}.")


Assessment = Rubric | Checklist
T = TypeVar("T", bound=Versioned)


def format_ref(item_id: str, version: int) -> str:
    return f"{item_id}@{version}"


def parse_ref(ref: str) -> tuple[str, int | None]:
    """'RUB-FORKLIFT@2' -> ('RUB-FORKLIFT', 2); a bare id has no version (resolve it by date)."""
    item_id, sep, version = ref.partition("@")
    if not sep:
        return item_id, None
    if not version.isdigit() or not item_id:
        raise InvalidInput("a reference is ID@VERSION, e.g. RUB-FORKLIFT@1", where=f"reference '{ref}'")
    return item_id, int(version)


def in_force(versions: Iterable[T], on: date) -> T:
    """The version in force on `on`: of those whose dates cover it, the highest version. A later version never
    changes an earlier one; it only takes over from its own effective date."""
    items = list(versions)
    covering = [v for v in items if v.in_force_on(on)]
    if not covering:
        name = items[0].id if items else "this item"
        raise NotFound(f"No version of {name} is in force on {on.isoformat()}.",
                       hint="Import a standards package that covers that date.")
    return max(covering, key=lambda v: v.version)
