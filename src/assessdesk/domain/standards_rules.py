"""Cross-reference and consistency rules of a standards package, each problem named by its JSON pointer.

They run after the JSON Schema has passed, so shapes and types can be trusted here; what the schema cannot say
(unknown ids, levels out of order, dates the wrong way round, duplicates, contradictions) is checked here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from assessdesk.domain.errors import DomainError
from assessdesk.domain.standards_parse import pointer
from assessdesk.domain.validation_types import CHECKLIST_TYPES, PEER_TYPES


@dataclass(frozen=True)
class Problem:
    where: str  # JSON pointer into the package ("" for the whole document)
    message: str


class _Checker:
    def __init__(self, doc: dict[str, Any], known: Mapping[str, set[str]]) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.competency_levels: dict[str, set[int]] = {}
        for raw in doc.get("competencies", []):
            self.competency_levels.setdefault(raw["id"], set()).update(lv["level"] for lv in raw["levels"])
        for cid in known.get("competency", set()):
            self.competency_levels.setdefault(cid, set())
        self.credentials = {c["id"]: c for c in doc.get("credentials", [])}
        self.known_credentials = set(known.get("credential", set()))

    def add(self, message: str, *parts: str | int) -> None:
        self.problems.append(Problem(pointer(*parts), message))

    def versioned(self, section: str) -> None:
        seen: dict[tuple[str, int], int] = {}
        for i, raw in enumerate(self.doc.get(section, [])):
            key = (raw["id"], raw["version"])
            if key in seen:
                self.add(f"duplicate: {raw['id']} version {raw['version']} is also at "
                         f"{pointer(section, seen[key])}", section, i, "id")
            else:
                seen[key] = i
            start = self.day(raw["effective_from"], section, i, "effective_from")
            if raw.get("effective_to") is not None:
                end = self.day(raw["effective_to"], section, i, "effective_to")
                if start and end and end < start:
                    self.add(f"effective_to ({end}) is before effective_from ({start})", section, i,
                             "effective_to")

    def day(self, text: str, *where: str | int) -> date | None:
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.add(f"'{text}' is not a real calendar date (YYYY-MM-DD)", *where)
            return None

    def ordered(self, levels: list[dict[str, Any]], *where: str | int, points: bool = False) -> None:
        for k in range(1, len(levels)):
            if levels[k]["level"] <= levels[k - 1]["level"]:
                self.add(f"levels out of order: level {levels[k]['level']} comes after level "
                         f"{levels[k - 1]['level']} (list levels from lowest to highest, each once)",
                         *where, "levels", k, "level")
            elif points and levels[k]["points"] < levels[k - 1]["points"]:
                self.add(f"a higher level scores fewer points ({levels[k]['points']} after "
                         f"{levels[k - 1]['points']})", *where, "levels", k, "points")

    def competency_ref(self, cid: str, *where: str | int) -> None:
        if cid not in self.competency_levels:
            self.add(f"names the unknown competency '{cid}'", *where)

    def unique(self, rows: list[dict[str, Any]], *where: str | int) -> None:
        seen: set[str] = set()
        for k, row in enumerate(rows):
            if row["id"] in seen:
                self.add(f"duplicate id '{row['id']}'", *where, k, "id")
            seen.add(row["id"])

    def credential_ref(self, raw: dict[str, Any], section: str, i: int) -> str | None:
        cred = self.credentials.get(raw["credential_id"])
        if cred is None and raw["credential_id"] not in self.known_credentials:
            self.add(f"names the unknown credential definition '{raw['credential_id']}'", section, i,
                     "credential_id")
        return cred["validation_type"] if cred else None

    def run(self) -> list[Problem]:
        for section in ("competencies", "credentials", "rubrics", "checklists"):
            self.versioned(section)
        for i, raw in enumerate(self.doc.get("competencies", [])):
            self.ordered(raw["levels"], "competencies", i)
        assessed: set[str] = set()
        for i, raw in enumerate(self.doc.get("credentials", [])):
            for k, al in enumerate(raw["alignments"]):
                levels = self.competency_levels.get(al["competency_id"])
                if levels is None:
                    self.add(f"names the unknown competency '{al['competency_id']}'", "credentials", i,
                             "alignments", k, "competency_id")
                elif levels and al["level"] not in levels:
                    self.add(f"competency {al['competency_id']} has no level {al['level']}", "credentials", i,
                             "alignments", k, "level")
        for i, raw in enumerate(self.doc.get("rubrics", [])):
            self.rubric(raw, i)
            assessed.add(raw["credential_id"])
        for i, raw in enumerate(self.doc.get("checklists", [])):
            self.checklist(raw, i)
            assessed.add(raw["credential_id"])
        for i, raw in enumerate(self.doc.get("credentials", [])):
            if raw["id"] not in assessed:
                self.add("has no rubric or checklist in the package to assess it", "credentials", i)
        return self.problems

    def rubric(self, raw: dict[str, Any], i: int) -> None:
        vtype = self.credential_ref(raw, "rubrics", i)
        if vtype in CHECKLIST_TYPES:
            self.add(f"a {vtype} credential is scored with a checklist, not a rubric", "rubrics", i,
                     "credential_id")
        peer = raw.get("peer_component")
        if vtype in PEER_TYPES and not peer:
            self.add("a group project rubric needs a peer_component", "rubrics", i, "peer_component")
        if peer and vtype is not None and vtype not in PEER_TYPES:
            self.add(f"only group project rubrics have a peer component (this credential is {vtype})", "rubrics",
                     i, "peer_component")
        self.unique(raw["criteria"], "rubrics", i, "criteria")
        max_total = 0.0
        for k, c in enumerate(raw["criteria"]):
            where = ("rubrics", i, "criteria", k)
            self.competency_ref(c["competency_id"], *where, "competency_id")
            self.ordered(c["levels"], *where, points=True)
            numbers = {lv["level"] for lv in c["levels"]}
            if c.get("min_level") is not None and c["min_level"] not in numbers:
                self.add(f"min_level {c['min_level']} is not one of this criterion's levels "
                         f"({', '.join(map(str, sorted(numbers)))})", *where, "min_level")
            if c.get("critical") and c.get("min_level") is None:
                self.add("a critical criterion needs the min_level it must reach", *where, "min_level")
            max_total += max(lv["points"] for lv in c["levels"]) * c.get("weight", 1)
        if peer:
            self.unique(peer["criteria"], "rubrics", i, "peer_component", "criteria")
            max_total += peer["weight_points"]
        if raw["pass_rule"]["min_total"] > max_total + 1e-9:
            self.add(f"the pass mark {raw['pass_rule']['min_total']} is above the most points the rubric can "
                     f"give ({max_total:g})", "rubrics", i, "pass_rule", "min_total")

    def checklist(self, raw: dict[str, Any], i: int) -> None:
        vtype = self.credential_ref(raw, "checklists", i)
        if vtype is not None and vtype not in CHECKLIST_TYPES:
            self.add(f"a {vtype} credential is scored with a rubric, not a checklist", "checklists", i,
                     "credential_id")
        self.unique(raw["items"], "checklists", i, "items")
        for k, item in enumerate(raw["items"]):
            self.competency_ref(item["competency_id"], "checklists", i, "items", k, "competency_id")


def check_package(doc: dict[str, Any], *, known: Mapping[str, set[str]] | None = None) -> list[Problem]:
    """Every cross-reference and consistency problem at once. `known` holds ids already in the station's library
    by kind ("competency", "credential"), which a package may reference without repeating them."""
    return _Checker(doc, known or {}).run()



class StandardsInvalid(DomainError):
    """A standards package was refused; `problems` lists every problem found, each with its JSON pointer."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        first = problems[0] if problems else Problem("", "unknown problem")
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"The standards package {source} was refused: {first.where or '/'}: {first.message}{more}.",
                         hint="Nothing was imported. Fix every listed problem and try again.")
        self.source = source
        self.problems = problems
