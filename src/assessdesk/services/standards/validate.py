"""Validating a standards package file: JSON syntax, then the shipped JSON Schema, then the domain's cross-reference
rules; every problem is reported at once with its file, JSON pointer and reason."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assessdesk.domain.standards_parse import Package, parse_package, pointer
from assessdesk.domain.standards_rules import Problem, StandardsInvalid, check_package

SCHEMA_FILE = "standards-package.schema.json"
MAX_PACKAGE_BYTES = 20 * 1024 * 1024


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    from assessdesk.trust.resources import resources_root

    schema = json.loads((resources_root() / "schemas" / SCHEMA_FILE).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


def _inline_refs(value: Any, defs: dict[str, Any]) -> Any:
    """The schema with its local `#/$defs/...` references written out in place: same meaning (the schema has no
    recursive definitions), about three times faster to validate with, which the import fuzzing notices."""
    if isinstance(value, dict):
        ref = value.get("$ref")
        if len(value) == 1 and isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline_refs(defs[ref[len("#/$defs/"):]], defs)
        return {k: _inline_refs(v, defs) for k, v in value.items() if k != "$defs"}
    if isinstance(value, list):
        return [_inline_refs(v, defs) for v in value]
    return value


def pointer_at(text: str, pos: int) -> str:
    """The JSON pointer of the innermost value being read at character `pos` of `text` (where a syntax error or a
    truncation was found), from a small scan of the brackets, keys and commas before it."""
    frames: list[list[Any]] = []  # ["obj", key | None, expecting_key] or ["arr", index, started]
    i, n = 0, min(pos, len(text))
    while i < n:
        ch = text[i]
        if ch == '"':
            j, buf = i + 1, []
            while j < len(text) and text[j] != '"':
                if text[j] == "\\" and j + 1 < len(text):
                    buf.append(text[j:j + 2])
                    j += 2
                    continue
                buf.append(text[j])
                j += 1
            if frames and frames[-1][0] == "obj" and frames[-1][2]:
                if j >= n:  # cut inside a key: the object is the place
                    break
                try:
                    frames[-1][1] = json.loads('"' + "".join(buf) + '"')
                except ValueError:
                    frames[-1][1] = "".join(buf)
            elif frames and frames[-1][0] == "arr":
                frames[-1][2] = True
            i = j + 1
            continue
        if ch in "{[":
            if frames and frames[-1][0] == "arr":
                frames[-1][2] = True
            frames.append(["obj", None, True] if ch == "{" else ["arr", 0, False])
        elif ch in "}]":
            if frames:
                frames.pop()
        elif ch == ":" and frames and frames[-1][0] == "obj":
            frames[-1][2] = False
        elif ch == "," and frames:
            if frames[-1][0] == "obj":
                frames[-1][1], frames[-1][2] = None, True
            else:
                frames[-1][1] += 1
                frames[-1][2] = True
        elif not ch.isspace() and frames and frames[-1][0] == "arr":
            frames[-1][2] = True
        i += 1
    if frames and frames[-1][0] == "arr" and n < len(text) and text[n] not in " \t\r\n,]":
        frames[-1][2] = True  # the error points at the start of a value inside this array
    parts: list[str | int] = []
    for kind, value, flag in frames:
        if kind == "obj":
            if value is None:
                break
            parts.append(value)
        else:
            if not flag:
                break
            parts.append(value)
    return pointer(*parts)


def _schema_problems(doc: Any) -> list[Problem]:
    problems: list[Problem] = []
    for error in _validator().iter_errors(doc):
        path = list(error.absolute_path)
        if error.validator == "required" and isinstance(error.instance, dict):
            for name in error.validator_value:
                if name not in error.instance:
                    problems.append(Problem(pointer(*path, name), "is required but missing"))
        elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = set(error.schema.get("properties", {}))
            for name in sorted(set(error.instance) - allowed):
                problems.append(Problem(pointer(*path, name), "is not a field of this format (misspelt?)"))
        else:
            problems.append(Problem(pointer(*path), error.message))
    return sorted(problems, key=lambda p: p.where)


def check_document(doc: Any, *, known: Mapping[str, set[str]] | None = None) -> list[Problem]:
    """Schema problems first; the cross-reference rules run once the shapes are right (they rely on them)."""
    problems = _schema_problems(doc)
    if problems:
        return problems
    return check_package(doc, known=known)


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            return None, [Problem("", f"the file is larger than {MAX_PACKAGE_BYTES // 1_048_576} MB")]
        return path.read_bytes().decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [Problem("", f"the file is not UTF-8 text (byte {exc.start})")]
    except OSError as exc:
        return None, [Problem("", f"cannot read the file ({exc.strerror or exc})")]


def parse_text(text: str) -> tuple[Any, list[Problem]]:
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        where = pointer_at(text, exc.pos)
        return None, [Problem(where, f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
                                     + (" (the file looks cut short)" if exc.pos >= len(text.rstrip()) else ""))]


@dataclass(frozen=True)
class ValidationReport:
    source: str
    problems: tuple[Problem, ...]
    document: Any = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        return [f"{self.source}: {p.where or '/'}: {p.message}" for p in self.problems]


def validate_text(text: str, *, source: str, known: Mapping[str, set[str]] | None = None) -> ValidationReport:
    doc, problems = parse_text(text)
    if not problems:
        problems = check_document(doc, known=known)
    return ValidationReport(source, tuple(problems), doc if not problems else None)


def validate_file(path: Path, *, known: Mapping[str, set[str]] | None = None) -> ValidationReport:
    text, problems = read_text(Path(path))
    if text is None:
        return ValidationReport(str(path), tuple(problems))
    return validate_text(text, source=str(path), known=known)


def load_package(path: Path, *, known: Mapping[str, set[str]] | None = None) -> tuple[dict[str, Any], Package]:
    """The document and its parsed items; raises StandardsInvalid listing every problem."""
    report = validate_file(path, known=known)
    if not report.ok:
        raise StandardsInvalid(report.source, list(report.problems))
    return report.document, parse_package(report.document)
