"""The standards an attempt was judged against, as issuance needs them: credential definition, rubric or checklist
(normalised to criteria with levels) and competency statements, read from the station's library and pins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from assessdesk.domain.standards import (
    Checklist,
    Competency,
    CredentialDefinition,
    ItemKind,
    Rubric,
    parse_ref,
)
from assessdesk.storage import standards as repo


@dataclass(frozen=True)
class LevelView:
    key: str  # "3" for a rubric level, "yes"/"no" for a checklist item
    label: str
    descriptor: str
    points: float


@dataclass(frozen=True)
class CriterionView:
    """A rubric criterion or checklist item, in one shape for the credential, the certificate and the page."""

    id: str
    title: str
    competency_id: str
    critical: bool
    levels: tuple[LevelView, ...]
    required_key: str | None  # the level the pass rule asks of a critical criterion

    def level(self, key: str) -> LevelView | None:
        return next((lv for lv in self.levels if lv.key == key), None)

    @property
    def max_points(self) -> float:
        return max((lv.points for lv in self.levels), default=0.0)


@dataclass(frozen=True)
class PinnedStandards:
    credential: CredentialDefinition
    assessment: Rubric | Checklist
    criteria: tuple[CriterionView, ...]
    pass_rule: str
    competencies: dict[str, Competency]
    pin: repo.Pin | None  # None: the attempt was never pinned, its refs were resolved on its date

    @property
    def assessment_ref(self) -> str:
        return self.assessment.ref

    @property
    def assessment_title(self) -> str:
        return self.assessment.title


def _rubric_criteria(rubric: Rubric) -> tuple[CriterionView, ...]:
    return tuple(CriterionView(
        c.id, c.title, c.competency_id, c.critical,
        tuple(LevelView(str(lv.level), lv.label, lv.descriptor, lv.points * c.weight) for lv in c.levels),
        str(c.min_level) if c.critical and c.min_level is not None else None) for c in rubric.criteria)


def _checklist_criteria(checklist: Checklist) -> tuple[CriterionView, ...]:
    yes_no = (LevelView("yes", "Yes", "Done as required", 1.0), LevelView("no", "No", "Not done as required", 0.0))
    return tuple(CriterionView(i.id, i.text, i.competency_id, i.critical, yes_no, "yes" if i.critical else None)
                 for i in checklist.items)


def _pass_rule(assessment: Rubric | Checklist) -> str:
    if isinstance(assessment, Rubric):
        rule = f"{assessment.min_total:g} of {assessment.max_total:g} points"
    else:
        rule = f"{assessment.min_yes_share:.0%} of items answered yes"
    return rule + " and every critical criterion at its required level"


def pinned_standards(session: Session, *, attempt_id: str, credential_ref: str, assessment_ref: str,
                     on: date) -> PinnedStandards:
    """The attempt's pinned versions (issue 3's pins), read-only: an attempt that was never pinned resolves its own
    refs on its date, exactly as pinning would."""
    pin = repo.get_pin(session, attempt_id)
    competency_refs: dict[str, str] = {}
    if pin is not None:
        credential_ref, assessment_ref, on = pin.credential_ref, pin.assessment_ref, date.fromisoformat(pin.pinned_on)
        competency_refs = {parse_ref(r)[0]: r for r in pin.competency_refs}
    credential = repo.resolve(session, ItemKind.CREDENTIAL, credential_ref, on=on)
    item_id, _ = parse_ref(assessment_ref)
    kind = ItemKind.RUBRIC if repo.versions(session, ItemKind.RUBRIC, item_id) else ItemKind.CHECKLIST
    assessment = repo.resolve(session, kind, assessment_ref, on=on)
    criteria = _rubric_criteria(assessment) if isinstance(assessment, Rubric) else _checklist_criteria(assessment)
    wanted = {a.competency_id for a in credential.alignments} | {c.competency_id for c in criteria}
    competencies = {cid: repo.resolve(session, ItemKind.COMPETENCY, competency_refs.get(cid, cid), on=on)
                    for cid in sorted(wanted)}
    return PinnedStandards(credential, assessment, criteria, _pass_rule(assessment), competencies,
                           None if pin is None else pin)
