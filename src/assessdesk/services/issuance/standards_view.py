"""The standards an attempt was judged against, as issuance needs them: credential definition, rubric or checklist
(normalised to criteria with levels) and competency statements, from the station's library or the bundled packages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from assessdesk.domain import standards_parse
from assessdesk.domain.errors import DomainError, NotFound
from assessdesk.domain.standards import (
    Checklist,
    Competency,
    CredentialDefinition,
    ItemKind,
    Rubric,
    Versioned,
    in_force,
    parse_ref,
)
from assessdesk.trust.resources import resource_path


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
    assessment_ref: str
    assessment_title: str
    criteria: tuple[CriterionView, ...]
    pass_rule: str
    competencies: dict[str, Competency]
    source: str  # "station library" or the bundled package's file name


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


class _Library:
    """Versions of every item by kind and id, from one source."""

    def __init__(self, items: dict[tuple[str, str], list[Versioned]], source: str) -> None:
        self.items, self.source = items, source

    def get(self, kind: ItemKind, ref: str, on: date) -> Versioned:
        item_id, version = parse_ref(ref)
        versions = self.items.get((kind.value, item_id), [])
        if version is not None:
            for v in versions:
                if v.version == version:
                    return v
            raise NotFound(f"The standards library has no {kind.value} {ref}.")
        if not versions:
            raise NotFound(f"The standards library has no {kind.value} {item_id}.")
        return in_force(versions, on)


def _station_library(session: Session) -> _Library | None:
    """Items the station imported (issue 3's tables); None when the station holds no library at all."""
    try:
        rows = session.execute(text("SELECT kind, item_id, content_json FROM standards_items")).all()
    except OperationalError:
        return None
    items: dict[tuple[str, str], list[Versioned]] = {}
    for kind, item_id, content in rows:
        try:
            parsed = standards_parse.PARSERS[ItemKind(kind)](json.loads(content))
        except (DomainError, KeyError, TypeError, ValueError):
            continue  # an item this version cannot read is skipped; lookups then say what is missing
        items.setdefault((kind, item_id), []).append(parsed)
    return _Library(items, "station library") if items else None


@lru_cache(maxsize=1)
def _bundled_library() -> _Library:
    """The packages shipped in resources/standards (the demo library), for stations that imported nothing yet."""
    items: dict[tuple[str, str], list[Versioned]] = {}
    names = []
    for path in sorted(resource_path("standards").glob("*.json")):
        package = standards_parse.parse_package(json.loads(path.read_text(encoding="utf-8")))
        names.append(path.name)
        for entry in package.items:
            items.setdefault((entry.kind.value, entry.item.id), []).append(entry.item)
    return _Library(items, "bundled package " + ", ".join(names))


def _pins(session: Session, attempt_id: str) -> tuple[str, str, dict[str, Any]] | None:
    try:
        row = session.execute(text("SELECT credential_ref, assessment_ref, competency_refs_json FROM attempt_pins "
                                   "WHERE attempt_id = :a"), {"a": attempt_id}).first()
    except OperationalError:
        return None
    if row is None:
        return None
    try:
        refs = json.loads(row[2]) if row[2] else {}
    except ValueError:
        refs = {}
    if isinstance(refs, list):  # ["LOG-SAFE-001@1", ...] -> {"LOG-SAFE-001": "LOG-SAFE-001@1"}
        refs = {parse_ref(str(r))[0]: str(r) for r in refs}
    return row[0], row[1], refs if isinstance(refs, dict) else {}


def pinned_standards(session: Session, *, attempt_id: str, credential_ref: str, assessment_ref: str,
                     on: date) -> PinnedStandards:
    """Resolve the attempt's pinned versions (its pins if recorded, else its refs resolved on its date)."""
    pins = _pins(session, attempt_id)
    competency_refs: dict[str, Any] = {}
    if pins:
        credential_ref, assessment_ref, competency_refs = pins
    library = _station_library(session) or _bundled_library()
    credential = library.get(ItemKind.CREDENTIAL, credential_ref, on)
    assert isinstance(credential, CredentialDefinition)
    try:
        assessment: Versioned = library.get(ItemKind.RUBRIC, assessment_ref, on)
    except NotFound:
        assessment = library.get(ItemKind.CHECKLIST, assessment_ref, on)
    assert isinstance(assessment, Rubric | Checklist)
    criteria = _rubric_criteria(assessment) if isinstance(assessment, Rubric) else _checklist_criteria(assessment)
    wanted = {a.competency_id for a in credential.alignments} | {c.competency_id for c in criteria}
    competencies = {}
    for cid in sorted(wanted):
        ref = str(competency_refs.get(cid, cid))
        found = library.get(ItemKind.COMPETENCY, ref, on)
        assert isinstance(found, Competency)
        competencies[cid] = found
    return PinnedStandards(credential, assessment.ref, assessment.title, criteria, _pass_rule(assessment),
                           competencies, library.source)
