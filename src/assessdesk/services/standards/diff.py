"""What a package changes: new items, new versions of known items (field by field against the latest stored
version), unchanged items and refused edits of stored versions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assessdesk.domain.standards import KIND_SECTIONS, ItemKind
from assessdesk.domain.standards_parse import pointer
from assessdesk.trust.canonical import content_hash

MAX_FIELD_CHANGES = 200  # per item; beyond this the item is reported as rewritten


@dataclass(frozen=True)
class FieldChange:
    where: str  # JSON pointer inside the item
    old: Any
    new: Any

    def describe(self) -> str:
        if self.old is _MISSING:
            return f"{self.where}: added {_short(self.new)}"
        if self.new is _MISSING:
            return f"{self.where}: removed (was {_short(self.old)})"
        return f"{self.where}: {_short(self.old)} -> {_short(self.new)}"


@dataclass(frozen=True)
class ItemChange:
    kind: ItemKind
    id: str
    version: int
    status: str  # "new item", "new version", "unchanged", "conflict"
    base_version: int | None = None
    fields: tuple[FieldChange, ...] = ()

    def describe(self) -> str:
        head = f"{self.status}: {self.kind.value} {self.id}@{self.version}"
        if self.base_version is not None and self.status == "new version":
            head += f" (replaces @{self.base_version} from its effective date)"
        return head


class _Missing:
    def __repr__(self) -> str:
        return "(none)"


_MISSING: Any = _Missing()


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 80 else text[:77] + "..."


def field_changes(old: Any, new: Any, *path: str | int) -> list[FieldChange]:
    """Differences between two JSON values; lists of objects with ids are matched by id, others by position."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[FieldChange] = []
        for key in sorted(set(old) | set(new)):
            if key in ("version", "effective_from", "effective_to") and not path:
                if old.get(key) != new.get(key):
                    out.append(FieldChange(pointer(key), old.get(key, _MISSING), new.get(key, _MISSING)))
                continue
            out += field_changes(old.get(key, _MISSING), new.get(key, _MISSING), *path, key)
        return out
    if isinstance(old, list) and isinstance(new, list):
        if all(isinstance(x, dict) and "id" in x for x in old + new):
            a = {x["id"]: x for x in old}
            b = {x["id"]: x for x in new}
            order = [x["id"] for x in old] + [x["id"] for x in new if x["id"] not in a]
            return [c for key in order for c in field_changes(a.get(key, _MISSING), b.get(key, _MISSING), *path,
                                                               key)]
        return [c for i in range(max(len(old), len(new)))
                for c in field_changes(old[i] if i < len(old) else _MISSING,
                                       new[i] if i < len(new) else _MISSING, *path, i)]
    if old != new:
        return [FieldChange(pointer(*path), old, new)]
    return []


def diff_documents(new_doc: dict[str, Any], stored: dict[ItemKind, dict[str, dict[int, dict[str, Any]]]]
                   ) -> list[ItemChange]:
    """Compare each item of `new_doc` with `stored` (kind -> id -> version -> raw item)."""
    changes: list[ItemChange] = []
    for kind, section in KIND_SECTIONS.items():
        for raw in new_doc.get(section, []):
            known = stored.get(kind, {}).get(raw["id"], {})
            if raw["version"] in known:
                same = content_hash(known[raw["version"]]) == content_hash(raw)
                changes.append(ItemChange(kind, raw["id"], raw["version"], "unchanged" if same else "conflict",
                                          raw["version"],
                                          () if same else tuple(field_changes(known[raw["version"]], raw))))
            elif known:
                base = max(v for v in known if v < raw["version"]) if any(v < raw["version"] for v in known) \
                    else max(known)
                fields = field_changes(known[base], raw)
                changes.append(ItemChange(kind, raw["id"], raw["version"], "new version", base,
                                          tuple(fields[:MAX_FIELD_CHANGES])))
            else:
                changes.append(ItemChange(kind, raw["id"], raw["version"], "new item"))
    return changes


def index_document(doc: dict[str, Any]) -> dict[ItemKind, dict[str, dict[int, dict[str, Any]]]]:
    out: dict[ItemKind, dict[str, dict[int, dict[str, Any]]]] = {}
    for kind, section in KIND_SECTIONS.items():
        for raw in doc.get(section, []):
            out.setdefault(kind, {}).setdefault(raw["id"], {})[raw["version"]] = raw
    return out


def render(changes: list[ItemChange], *, include_unchanged: bool = False) -> list[str]:
    lines: list[str] = []
    for c in changes:
        if c.status == "unchanged" and not include_unchanged:
            continue
        lines.append(c.describe())
        lines.extend("    " + f.describe() for f in c.fields)
    unchanged = sum(c.status == "unchanged" for c in changes)
    if unchanged and not include_unchanged:
        lines.append(f"({unchanged} item(s) unchanged)")
    return lines or ["no changes"]
