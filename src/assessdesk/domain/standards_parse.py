"""Turns a structurally valid standards package (already checked against its JSON Schema) into frozen items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from assessdesk.domain.standards import (
    KIND_SECTIONS, Alignment, Checklist, ChecklistItem, Competency, CompetencyLevel, CredentialDefinition, Criterion,
    ItemKind, PeerComponent, PeerCriterion, RetakePolicy, Rubric, RubricLevel, SecondMarkingPolicy, Versioned,
)

DEFAULT_SECOND_MARKING = {"sample_rate": 0.1, "borderline_band": 0.0, "tolerance": 0.0}


def pointer(*parts: str | int) -> str:
    """An RFC 6901 JSON pointer from path parts."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _versioned(raw: dict[str, Any]) -> dict[str, Any]:
    return {"id": raw["id"], "version": int(raw["version"]), "effective_from": date.fromisoformat(raw["effective_from"]),
            "effective_to": _date(raw.get("effective_to"))}


def _retake(raw: dict[str, Any]) -> RetakePolicy:
    return RetakePolicy(int(raw["cooldown_days"]), raw.get("max_attempts"))


def _second(raw: dict[str, Any] | None) -> SecondMarkingPolicy:
    merged = {**DEFAULT_SECOND_MARKING, **(raw or {})}
    return SecondMarkingPolicy(float(merged["sample_rate"]), float(merged["borderline_band"]),
                               float(merged["tolerance"]))


def competency(raw: dict[str, Any]) -> Competency:
    return Competency(**_versioned(raw), title=raw["title"], statement=raw["statement"],
                      levels=tuple(CompetencyLevel(lv["level"], lv["label"], lv["descriptor"]) for lv in raw["levels"]))


def credential(raw: dict[str, Any]) -> CredentialDefinition:
    validity = raw.get("validity") or {}
    return CredentialDefinition(
        **_versioned(raw), name=raw["name"], description=raw["description"],
        criteria_narrative=raw["criteria_narrative"],
        alignments=tuple(Alignment(a["competency_id"], a["level"]) for a in raw["alignments"]),
        validation_type=raw["validation_type"], required_evidence=tuple(raw.get("required_evidence", ())),
        validity_months=validity.get("months"), renewal=validity.get("renewal", ""))


def rubric(raw: dict[str, Any]) -> Rubric:
    peer = raw.get("peer_component")
    return Rubric(
        **_versioned(raw), title=raw["title"], credential_id=raw["credential_id"],
        criteria=tuple(Criterion(c["id"], c["competency_id"], c["title"], float(c.get("weight", 1)),
                                 tuple(RubricLevel(lv["level"], lv["label"], lv["descriptor"], float(lv["points"]))
                                       for lv in c["levels"]),
                                 bool(c.get("critical", False)), c.get("min_level"), c.get("remediation", ""))
                       for c in raw["criteria"]),
        min_total=float(raw["pass_rule"]["min_total"]), time_limit_minutes=raw.get("time_limit_minutes"),
        retake=_retake(raw["retake_policy"]), second_marking=_second(raw.get("second_marking")),
        peer=PeerComponent(float(peer["weight_points"]), int(peer["scale_max"]), int(peer["min_peers"]),
                           tuple(PeerCriterion(c["id"], c["title"], c["prompt"]) for c in peer["criteria"]))
        if peer else None)


def checklist(raw: dict[str, Any]) -> Checklist:
    return Checklist(
        **_versioned(raw), title=raw["title"], credential_id=raw["credential_id"],
        items=tuple(ChecklistItem(i["id"], i["text"], i["competency_id"], bool(i.get("critical", False)),
                                  i.get("remediation", "")) for i in raw["items"]),
        min_yes_share=float(raw["pass_rule"]["min_yes_share"]), time_limit_minutes=raw.get("time_limit_minutes"),
        retake=_retake(raw["retake_policy"]), second_marking=_second(raw.get("second_marking")))


PARSERS = {ItemKind.COMPETENCY: competency, ItemKind.CREDENTIAL: credential, ItemKind.RUBRIC: rubric,
           ItemKind.CHECKLIST: checklist}


@dataclass(frozen=True)
class PackageItem:
    kind: ItemKind
    item: Versioned
    raw: dict[str, Any]
    where: str  # JSON pointer of the item in its package


@dataclass(frozen=True)
class Package:
    id: str
    version: str
    title: str
    items: tuple[PackageItem, ...]


def parse_package(doc: dict[str, Any]) -> Package:
    items = [PackageItem(kind, PARSERS[kind](raw), raw, pointer(section, i))
             for kind, section in KIND_SECTIONS.items() for i, raw in enumerate(doc.get(section, []))]
    return Package(doc["id"], doc["version"], doc.get("title", ""), tuple(items))
