"""Importing, exporting and browsing the station's standards library. Import is all-or-nothing and idempotent;
a stored version is never changed (the same id and version with other content is refused)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessdesk.domain.standards import KIND_SECTIONS, STANDARDS_FORMAT, ItemKind
from assessdesk.domain.standards_parse import pointer
from assessdesk.domain.standards_rules import Problem, StandardsInvalid
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.standards.validate import ValidationReport, validate_file, validate_text
from assessdesk.services.station import StationContext
from assessdesk.storage import standards as repo
from assessdesk.trust.canonical import content_hash


@dataclass(frozen=True)
class ImportResult:
    package_id: str
    package_version: str
    added: tuple[str, ...] = ()  # "kind ID@N" of every new item version
    unchanged: tuple[str, ...] = ()
    content_hash: str = ""

    @property
    def changed_anything(self) -> bool:
        return bool(self.added)


@dataclass
class Plan:
    """What importing a document would do, computed without writing."""

    doc: dict[str, Any]
    digest: str
    new: list[tuple[ItemKind, dict[str, Any]]] = field(default_factory=list)
    unchanged: list[tuple[ItemKind, dict[str, Any]]] = field(default_factory=list)
    new_package: bool = True


def _label(kind: ItemKind, raw: dict[str, Any]) -> str:
    return f"{kind.value} {raw['id']}@{raw['version']}"


def plan_import(ctx: StationContext, doc: dict[str, Any], *, source: str) -> Plan:
    """Compare a valid document with the library; refuse (StandardsInvalid) a changed stored version."""
    digest = content_hash(doc)
    plan = Plan(doc=doc, digest=digest)
    problems: list[Problem] = []
    with ctx.db.session() as s:
        prior = repo.package_hash(s, doc["id"], doc["version"])
        if prior is not None and prior != digest:
            problems.append(Problem("/version", f"package {doc['id']} version {doc['version']} was already imported "
                                                "with different content; give the changed package a new version"))
        plan.new_package = prior is None
        for kind, section in KIND_SECTIONS.items():
            for i, raw in enumerate(doc.get(section, [])):
                stored = repo.item_hash(s, kind, raw["id"], raw["version"])
                if stored is None:
                    plan.new.append((kind, raw))
                elif stored == content_hash(raw):
                    plan.unchanged.append((kind, raw))
                else:
                    problems.append(Problem(pointer(section, i, "version"),
                                            f"{raw['id']} version {raw['version']} is already in the library with "
                                            "different content; publishing never changes a version, so give the "
                                            "changed item a new version"))
    if problems:
        raise StandardsInvalid(source, problems)
    return plan


def _known(ctx: StationContext) -> dict[str, set[str]]:
    with ctx.db.session() as s:
        return repo.known_ids(s)


def validate_for_station(ctx: StationContext, path: Path) -> ValidationReport:
    """Validate a file, letting it reference competencies and credentials already in this station's library."""
    return validate_file(path, known=_known(ctx))


def _apply(ctx: StationContext, *, actor_id: str | None, plan: Plan) -> ImportResult:
    doc = plan.doc
    if plan.new or plan.new_package:
        with ctx.uow(actor_id) as uow:
            now = uow.now()
            if plan.new_package:
                repo.add_package(uow.session, package_id=doc["id"], version=doc["version"], title=doc["title"],
                                 content_hash=plan.digest, imported_at=now)
            for kind, raw in plan.new:
                repo.add_item(uow.session, kind=kind, raw=raw, content_hash=content_hash(raw),
                              package_id=doc["id"], package_version=doc["version"], imported_at=now)
            uow.session.flush()
            uow.audit(action="standards.imported", subject_type="standards_package", subject_id=doc["id"],
                      detail={"version": doc["version"], "sha256": plan.digest,
                              "added": [_label(k, r) for k, r in plan.new]})
    return ImportResult(doc["id"], doc["version"], tuple(_label(k, r) for k, r in plan.new),
                        tuple(_label(k, r) for k, r in plan.unchanged), plan.digest)


@requires("standards.import")
def import_package(ctx: StationContext, *, actor: User, path: Path) -> ImportResult:
    """Import a package file. A bad package raises StandardsInvalid and changes nothing at all."""
    report = validate_for_station(ctx, Path(path))
    if not report.ok:
        raise StandardsInvalid(report.source, list(report.problems))
    return _apply(ctx, actor_id=actor.id, plan=plan_import(ctx, report.document, source=report.source))


def import_published(ctx: StationContext, *, package: dict[str, Any], source: str = "registry") -> ImportResult:
    """Apply a package the registry published (`standards.package_published`, pulled by sync): the registry is
    the author, so no user is named; the same validation applies."""
    report = validate_text(json.dumps(package), source=source, known=_known(ctx))
    if not report.ok:
        raise StandardsInvalid(source, list(report.problems))
    return _apply(ctx, actor_id=None, plan=plan_import(ctx, report.document, source=source))


@requires("standards.view")
def list_library(ctx: StationContext, *, actor: User, kind: ItemKind | None = None) -> list[repo.ItemSummary]:
    with ctx.db.session() as s:
        return repo.list_items(s, kind)


@requires("standards.view")
def item_content(ctx: StationContext, *, actor: User, kind: ItemKind, item_id: str, version: int) -> dict[str, Any]:
    with ctx.db.session() as s:
        return repo.raw_item(s, kind, item_id, version)


def library_document(ctx: StationContext, *, package_id: str = "STATION-LIBRARY", version: str | None = None,
                     title: str = "") -> dict[str, Any]:
    with ctx.db.session() as s:
        raw = repo.all_raw(s)
    doc: dict[str, Any] = {"format": STANDARDS_FORMAT, "id": package_id, "version": version or ctx.now()[:10],
                           "title": title or f"Standards library of station {ctx.station_id}"}
    for kind, section in KIND_SECTIONS.items():
        doc[section] = raw[kind]
    return doc


@requires("standards.view")
def export_library(ctx: StationContext, *, actor: User, out: Path, package_id: str = "STATION-LIBRARY",
                   version: str | None = None) -> Path:
    return write_library(ctx, out=out, package_id=package_id, version=version)


def write_library(ctx: StationContext, *, out: Path, package_id: str = "STATION-LIBRARY",
                  version: str | None = None) -> Path:
    """Write the whole library (every version of every item) as one package file that validates and re-imports."""
    doc = library_document(ctx, package_id=package_id, version=version)
    target = Path(out)
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(target)
    return target


def stored_index(ctx: StationContext) -> dict[ItemKind, dict[str, dict[int, dict[str, Any]]]]:
    from assessdesk.services.standards.diff import index_document

    return index_document(library_document(ctx))


@requires("standards.import")
def preview_import(ctx: StationContext, *, actor: User, path: Path) -> tuple[ValidationReport, list[Any]]:
    """Validate a file and say what importing it would change, without writing anything."""
    from assessdesk.services.standards.diff import diff_documents

    report = validate_for_station(ctx, Path(path))
    if not report.ok:
        return report, []
    return report, diff_documents(report.document, stored_index(ctx))
