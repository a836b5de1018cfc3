"""The standards library in the station database: packages, immutable item versions, attempt pins; items leave
as frozen domain objects."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessdesk.domain.errors import NotFound
from assessdesk.domain.standards import ItemKind, Versioned, in_force, parse_ref
from assessdesk.domain.standards_parse import PARSERS
from assessdesk.storage.standards_tables import AttemptPinRow, StandardsItemRow, StandardsPackageRow


@dataclass(frozen=True)
class ItemSummary:
    kind: ItemKind
    id: str
    version: int
    title: str
    effective_from: str
    effective_to: str | None
    package: str
    content_hash: str


@dataclass(frozen=True)
class Pin:
    attempt_id: str
    credential_ref: str
    assessment_ref: str
    competency_refs: tuple[str, ...]
    pinned_on: str


def _summary(row: StandardsItemRow) -> ItemSummary:
    return ItemSummary(ItemKind(row.kind), row.item_id, row.version, row.title, row.effective_from, row.effective_to,
                       f"{row.package_id} {row.package_version}", row.content_hash)


def package_hash(session: Session, package_id: str, version: str) -> str | None:
    row = session.get(StandardsPackageRow, (package_id, version))
    return row.content_hash if row else None


def add_package(session: Session, *, package_id: str, version: str, title: str, content_hash: str,
                imported_at: str) -> None:
    session.add(StandardsPackageRow(package_id=package_id, version=version, title=title[:300],
                                    content_hash=content_hash, imported_at=imported_at))


def item_hash(session: Session, kind: ItemKind, item_id: str, version: int) -> str | None:
    row = session.get(StandardsItemRow, (kind.value, item_id, version))
    return row.content_hash if row else None


def add_item(session: Session, *, kind: ItemKind, raw: dict[str, Any], content_hash: str, package_id: str,
             package_version: str, imported_at: str) -> None:
    title = raw.get("title") or raw.get("name") or raw["id"]
    session.add(StandardsItemRow(kind=kind.value, item_id=raw["id"], version=raw["version"],
                                 effective_from=raw["effective_from"], effective_to=raw.get("effective_to"),
                                 title=title[:300], content_json=json.dumps(raw, sort_keys=True, ensure_ascii=False),
                                 content_hash=content_hash, package_id=package_id, package_version=package_version,
                                 imported_at=imported_at))


def known_ids(session: Session) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {k.value: set() for k in ItemKind}
    for kind, item_id in session.execute(select(StandardsItemRow.kind, StandardsItemRow.item_id)):
        out[kind].add(item_id)
    return out


def list_items(session: Session, kind: ItemKind | None = None) -> list[ItemSummary]:
    query = select(StandardsItemRow).order_by(StandardsItemRow.kind, StandardsItemRow.item_id,
                                              StandardsItemRow.version)
    if kind is not None:
        query = query.where(StandardsItemRow.kind == kind.value)
    return [_summary(r) for r in session.scalars(query)]


def raw_item(session: Session, kind: ItemKind, item_id: str, version: int) -> dict[str, Any]:
    row = session.get(StandardsItemRow, (kind.value, item_id, version))
    if row is None:
        raise NotFound(f"The standards library has no {kind.value} {item_id} version {version}.",
                       hint="Import the standards package that contains it.")
    return json.loads(row.content_json)


def all_raw(session: Session) -> dict[ItemKind, list[dict[str, Any]]]:
    out: dict[ItemKind, list[dict[str, Any]]] = {k: [] for k in ItemKind}
    for row in session.scalars(select(StandardsItemRow).order_by(StandardsItemRow.item_id, StandardsItemRow.version)):
        out[ItemKind(row.kind)].append(json.loads(row.content_json))
    return out


def get_item(session: Session, kind: ItemKind, item_id: str, version: int) -> Any:
    return PARSERS[kind](raw_item(session, kind, item_id, version))


def versions(session: Session, kind: ItemKind, item_id: str) -> list[Versioned]:
    rows = session.scalars(select(StandardsItemRow).where(StandardsItemRow.kind == kind.value,
                                                          StandardsItemRow.item_id == item_id))
    return [PARSERS[kind](json.loads(r.content_json)) for r in rows]


def resolve(session: Session, kind: ItemKind, ref: str, *, on: date) -> Any:
    """`ID@N` names one version exactly; a bare `ID` means the version in force on `on`."""
    item_id, version = parse_ref(ref)
    if version is not None:
        return get_item(session, kind, item_id, version)
    found = versions(session, kind, item_id)
    if not found:
        raise NotFound(f"The standards library has no {kind.value} {item_id}.",
                       hint="Import the standards package that contains it.")
    return in_force(found, on)


def assessments_for(session: Session, credential_id: str) -> list[tuple[ItemKind, Versioned]]:
    """Every rubric and checklist version that assesses `credential_id`."""
    out: list[tuple[ItemKind, Versioned]] = []
    for kind in (ItemKind.RUBRIC, ItemKind.CHECKLIST):
        for row in session.scalars(select(StandardsItemRow).where(StandardsItemRow.kind == kind.value)):
            raw = json.loads(row.content_json)
            if raw.get("credential_id") == credential_id:
                out.append((kind, PARSERS[kind](raw)))
    return out


def set_pin(session: Session, pin: Pin) -> None:
    session.merge(AttemptPinRow(attempt_id=pin.attempt_id, credential_ref=pin.credential_ref,
                                assessment_ref=pin.assessment_ref,
                                competency_refs_json=json.dumps(list(pin.competency_refs)), pinned_on=pin.pinned_on))
    session.flush()


def get_pin(session: Session, attempt_id: str) -> Pin | None:
    row = session.get(AttemptPinRow, attempt_id)
    if row is None:
        return None
    return Pin(row.attempt_id, row.credential_ref, row.assessment_ref, tuple(json.loads(row.competency_refs_json)),
               row.pinned_on)
