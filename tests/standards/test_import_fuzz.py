"""Import fuzzing: 540 generated malformed, truncated or contradictory packages, each refused with a problem whose
JSON pointer names the mutated place, the station database unchanged byte for byte; valid variants import cleanly."""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from standards_support import demo_doc, small_doc, write

from assessdesk.domain.standards_parse import pointer
from assessdesk.domain.standards_rules import StandardsInvalid

CASES = 540
SEED = 20260105

# Required keys of each kind of object, by the shape of its pointer (mirrors the shipped JSON Schema).
REQUIRED: list[tuple[str, list[str]]] = [
    (r"", ["format", "id", "version", "title", "competencies", "credentials"]),
    (r"/competencies/\d+", ["id", "version", "effective_from", "title", "statement", "levels"]),
    (r"/competencies/\d+/levels/\d+", ["level", "label", "descriptor"]),
    (r"/credentials/\d+", ["id", "version", "effective_from", "name", "description", "criteria_narrative",
                           "alignments", "validation_type"]),
    (r"/credentials/\d+/alignments/\d+", ["competency_id", "level"]),
    (r"/rubrics/\d+", ["id", "version", "effective_from", "title", "credential_id", "criteria", "pass_rule",
                       "retake_policy"]),
    (r"/rubrics/\d+/criteria/\d+", ["id", "competency_id", "title", "levels", "min_level"]),
    (r"/rubrics/\d+/criteria/\d+/levels/\d+", ["level", "label", "descriptor", "points"]),
    (r"/rubrics/\d+/pass_rule", ["min_total"]),
    (r"/(rubrics|checklists)/\d+/retake_policy", ["cooldown_days", "max_attempts"]),
    (r"/(rubrics|checklists)/\d+/second_marking", ["sample_rate", "borderline_band", "tolerance"]),
    (r"/checklists/\d+", ["id", "version", "effective_from", "title", "credential_id", "items", "pass_rule",
                          "retake_policy"]),
    (r"/checklists/\d+/items/\d+", ["id", "text", "competency_id"]),
]


def walk(value: Any, *path: str | int):  # type: ignore[no-untyped-def]
    """Every (path, value) in a JSON document, containers first."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, *path, k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, *path, i)


def get(doc: Any, path: tuple) -> Any:
    for p in path:
        doc = doc[p]
    return doc


Mutation = Callable[[dict[str, Any], random.Random], tuple[dict[str, Any] | str, str]]


def delete_required(doc, rnd):  # type: ignore[no-untyped-def]
    spots = [(path, keys) for path, v in walk(doc) if isinstance(v, dict)
             for pattern, keys in REQUIRED if re.fullmatch(pattern, pointer(*path))]
    path, keys = rnd.choice(spots)
    key = rnd.choice([k for k in keys if k in get(doc, path)])
    del get(doc, path)[key]
    return doc, pointer(*path, key)


def wrong_type(doc, rnd):  # type: ignore[no-untyped-def]
    leaves = [path for path, v in walk(doc) if path and not isinstance(v, (dict, list))]
    path = rnd.choice(leaves)
    old = get(doc, path)
    new = {str: 17, bool: "true", type(None): {"x": 1}}.get(type(old), "17")
    get(doc, path[:-1])[path[-1]] = new
    return doc, pointer(*path)


def extra_field(doc, rnd):  # type: ignore[no-untyped-def]
    objects = [path for path, v in walk(doc) if isinstance(v, dict)]
    path = rnd.choice(objects)
    get(doc, path)["unexpected_field"] = 1
    return doc, pointer(*path, "unexpected_field")


def unknown_competency(doc, rnd):  # type: ignore[no-untyped-def]
    refs = [path for path, v in walk(doc) if path and path[-1] == "competency_id"]
    path = rnd.choice(refs)
    get(doc, path[:-1])["competency_id"] = f"XX-UNKNOWN-{rnd.randint(1, 999)}"
    return doc, pointer(*path)


def levels_out_of_order(doc, rnd):  # type: ignore[no-untyped-def]
    lists = [path for path, v in walk(doc) if path and path[-1] == "levels" and isinstance(v, list)]
    path = rnd.choice(lists)
    levels = get(doc, path)
    k = rnd.randrange(1, len(levels))
    levels[k - 1], levels[k] = levels[k], levels[k - 1]
    return doc, pointer(*path, k, "level")


def dates_reversed(doc, rnd):  # type: ignore[no-untyped-def]
    items = [(section, i) for section in ("competencies", "credentials", "rubrics", "checklists")
             for i in range(len(doc.get(section, [])))]
    section, i = rnd.choice(items)
    start = date.fromisoformat(doc[section][i]["effective_from"])
    doc[section][i]["effective_to"] = (start - timedelta(days=rnd.randint(1, 400))).isoformat()
    return doc, pointer(section, i, "effective_to")


def impossible_date(doc, rnd):  # type: ignore[no-untyped-def]
    items = [(section, i) for section in ("competencies", "credentials", "rubrics", "checklists")
             for i in range(len(doc.get(section, [])))]
    section, i = rnd.choice(items)
    doc[section][i]["effective_from"] = rnd.choice(["2026-02-30", "2025-13-01", "2025-00-10", "2025-04-31"])
    return doc, pointer(section, i, "effective_from")


def duplicate_item(doc, rnd):  # type: ignore[no-untyped-def]
    if rnd.random() < 0.5:
        section = rnd.choice([s for s in ("competencies", "credentials", "rubrics", "checklists") if doc.get(s)])
        doc[section].append(copy.deepcopy(rnd.choice(doc[section])))
        return doc, pointer(section, len(doc[section]) - 1, "id")
    r = rnd.randrange(len(doc["rubrics"]))
    criteria = doc["rubrics"][r]["criteria"]
    criteria.append(copy.deepcopy(rnd.choice(criteria)))
    doc["rubrics"][r]["pass_rule"]["min_total"] = 0
    return doc, pointer("rubrics", r, "criteria", len(criteria) - 1, "id")


def bad_min_level(doc, rnd):  # type: ignore[no-untyped-def]
    r = rnd.randrange(len(doc["rubrics"]))
    k = rnd.randrange(len(doc["rubrics"][r]["criteria"]))
    doc["rubrics"][r]["criteria"][k]["min_level"] = rnd.choice([9, 12, 20])
    return doc, pointer("rubrics", r, "criteria", k, "min_level")


def pass_mark_too_high(doc, rnd):  # type: ignore[no-untyped-def]
    r = rnd.randrange(len(doc["rubrics"]))
    doc["rubrics"][r]["pass_rule"]["min_total"] = 500 + rnd.randint(0, 500)
    return doc, pointer("rubrics", r, "pass_rule", "min_total")


def unknown_credential(doc, rnd):  # type: ignore[no-untyped-def]
    section = rnd.choice([s for s in ("rubrics", "checklists") if doc.get(s)])
    i = rnd.randrange(len(doc[section]))
    doc[section][i]["credential_id"] = "NO-SUCH-CREDENTIAL"
    return doc, pointer(section, i, "credential_id")


def out_of_range(doc, rnd):  # type: ignore[no-untyped-def]
    spots = [path for path, v in walk(doc) if path and path[-1] in ("weight", "sample_rate", "cooldown_days",
                                                                     "min_yes_share", "points", "version")]
    path = rnd.choice(spots)
    get(doc, path[:-1])[path[-1]] = rnd.choice([-1, -0.5]) if path[-1] != "sample_rate" else 1.5
    return doc, pointer(*path)


def blank_text(doc, rnd):  # type: ignore[no-untyped-def]
    spots = [path for path, v in walk(doc) if path and path[-1] in ("title", "statement", "label", "descriptor",
                                                                     "name", "text")]
    path = rnd.choice(spots)
    get(doc, path[:-1])[path[-1]] = rnd.choice(["", "   ", "\t\n"])
    return doc, pointer(*path)


def wrong_kind_of_assessment(doc, rnd):  # type: ignore[no-untyped-def]
    audit = next(i for i, c in enumerate(doc["credentials"]) if c["validation_type"] == "scenario_audit")
    r = rnd.randrange(len(doc["rubrics"]))
    doc["rubrics"][r]["credential_id"] = doc["credentials"][audit]["id"]
    return doc, pointer("rubrics", r, "credential_id")


def truncated(doc, rnd):  # type: ignore[no-untyped-def]
    leaves = [path for path, v in walk(doc) if path and isinstance(v, str)]
    path = rnd.choice(leaves)
    marker = f"CUT{rnd.randint(100000, 999999)}HERE"
    get(doc, path[:-1])[path[-1]] = marker
    text = json.dumps(doc, indent=rnd.choice([None, 1, 2]), ensure_ascii=False)
    return text[:text.index(marker) + rnd.randint(1, len(marker) - 1)], pointer(*path)


MUTATIONS: list[Mutation] = [delete_required, wrong_type, extra_field, unknown_competency, levels_out_of_order,
                             dates_reversed, impossible_date, duplicate_item, bad_min_level, pass_mark_too_high,
                             unknown_credential, out_of_range, blank_text, wrong_kind_of_assessment, truncated]


def make_case(i: int) -> tuple[str, dict[str, Any] | str, str]:
    rnd = random.Random(SEED + i)
    mutation = MUTATIONS[i % len(MUTATIONS)]
    base = demo_doc() if i % 6 == 0 else small_doc()
    doc, where = mutation(base, rnd)
    return mutation.__name__, doc, where


def db_bytes(ctx) -> str:  # type: ignore[no-untyped-def]
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        f = Path(str(ctx.db.path) + suffix)
        digest.update(f.read_bytes() if f.exists() else b"-")
    return digest.hexdigest()


@pytest.fixture(scope="module")
def library(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A real station profile whose library already holds the small package."""
    from assessdesk.services.auth import sign_in
    from assessdesk.services.secrets import keyring_available
    from assessdesk.services.standards.library import import_package
    from assessdesk.services.station import create_profile

    base = tmp_path_factory.mktemp("fuzz")
    ctx = create_profile(base / "profile", station_name="Fuzz station", admin_username="admin",
                         admin_display_name="Ada Admin", admin_password="correct-horse-1",
                         demo=not keyring_available())
    admin = sign_in(ctx, username="admin", password="correct-horse-1")
    import_package(ctx, actor=admin, path=write(base / "small.json", small_doc()))
    yield ctx, admin, base
    ctx.close()


def test_the_generator_covers_every_mutation_kind() -> None:
    kinds = {make_case(i)[0] for i in range(CASES)}
    assert kinds == {m.__name__ for m in MUTATIONS} and CASES >= 500


@pytest.mark.parametrize("i", range(CASES))
def test_malformed_package_is_refused_naming_the_place_and_changes_nothing(library, i: int) -> None:
    from assessdesk.services.standards.library import import_package

    ctx, admin, base = library
    kind, doc, where = make_case(i)
    path = base / f"case-{i}.json"
    if isinstance(doc, str):
        path.write_text(doc, encoding="utf-8")
    else:
        write(path, doc)
    before = db_bytes(ctx)
    with pytest.raises(StandardsInvalid) as info:
        import_package(ctx, actor=admin, path=path)
    pointers = [p.where for p in info.value.problems]
    assert where in pointers, f"{kind}: expected a problem at {where!r}, got {info.value.problems}"
    assert db_bytes(ctx) == before
    assert str(path) in info.value.message


def shuffled(value: Any, rnd: random.Random) -> Any:
    if isinstance(value, dict):
        keys = list(value)
        rnd.shuffle(keys)
        return {k: shuffled(value[k], rnd) for k in keys}
    if isinstance(value, list):
        return [shuffled(v, rnd) for v in value]
    return value


def test_valid_variants_import_cleanly(library) -> None:
    from assessdesk.services.standards.library import import_package, list_library

    ctx, admin, base = library
    again = import_package(ctx, actor=admin, path=write(base / "reordered.json", shuffled(small_doc(), random.Random(1))))
    assert not again.changed_anything and len(again.unchanged) == 9  # same content in another key order
    before = {(s.kind, s.id, s.version): s.content_hash for s in list_library(ctx, actor=admin)}
    doc = small_doc()
    doc["version"] = "2025.2"
    rubric = next(r for r in doc["rubrics"] if r["id"] == "RUB-FORKLIFT")
    rubric["version"] = 2
    rubric["effective_from"] = "2026-03-01"
    rubric["pass_rule"]["min_total"] = 17
    result = import_package(ctx, actor=admin, path=write(base / "v2.json", doc))
    assert result.added == ("rubric RUB-FORKLIFT@2",)
    after = {(s.kind, s.id, s.version): s.content_hash for s in list_library(ctx, actor=admin)}
    assert {k: v for k, v in after.items() if k in before} == before  # the old version is untouched
    # The same id and version with other content is refused, naming the item.
    rubric["pass_rule"]["min_total"] = 18
    doc["version"] = "2025.3"
    with pytest.raises(StandardsInvalid) as info:
        import_package(ctx, actor=admin, path=write(base / "v2-changed.json", doc))
    assert info.value.problems[0].where == "/rubrics/0/version"
