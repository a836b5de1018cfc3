"""Users and assessor certifications, authored by the registry and sent to every station."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.ids import new_id
from assessdesk.domain.users import parse_roles, validate_username
from assessdesk.registry import authoring, db
from assessdesk.registry.context import Registry
from assessdesk.registry.csvfile import read_rows
from assessdesk.registry.tables import users


@dataclass(frozen=True)
class UserSpec:
    username: str
    display_name: str
    email: str | None
    roles: frozenset[str]
    active: bool = True


def _roles(text: str, where: str) -> frozenset[str]:
    try:
        return frozenset(r.value for r in parse_roles([p for p in text.replace(",", ";").split(";") if p.strip()]))
    except InvalidInput as exc:
        raise InvalidInput(exc.message, where=where) from None


def read_users_csv(path: Path) -> list[UserSpec]:
    """Columns: username, display_name, roles (separated by ';'), and optionally email."""
    specs = []
    for line, row in read_rows(path, required=("username", "display_name", "roles"), optional=("email",)):
        where = f"{path.name} line {line}"
        try:
            username = validate_username(row["username"])
        except InvalidInput as exc:
            raise InvalidInput(exc.message, where=where) from None
        specs.append(UserSpec(username, row["display_name"], row.get("email") or None, _roles(row["roles"], where)))
    return specs


def upsert_users(registry: Registry, *, specs: list[UserSpec], actor: str | None = None) -> tuple[int, int]:
    """Create new users and edit changed ones (an edit supersedes the previous version); (created, changed)."""
    created = changed = 0
    now = registry.now()
    with db.write_transaction(registry.engine) as conn:
        existing = {r.username: r for r in conn.execute(sa.select(users).where(
            users.c.username.in_([s.username for s in specs])))}
        drafts: list[authoring.Draft] = []
        rows: list[tuple[UserSpec, str, sa.Row | None]] = []
        for spec in specs:
            prior = existing.get(spec.username)
            if prior is not None and (prior.display_name, prior.email, prior.roles, prior.active) == (
                    spec.display_name, spec.email, ",".join(sorted(spec.roles)), spec.active):
                continue
            user_id = prior.user_id if prior is not None else new_id()
            drafts.append(authoring.Draft(
                entity_type="user", entity_id=user_id, event_type="user.upserted",
                payload={"user_id": user_id, "username": spec.username, "display_name": spec.display_name,
                         "email": spec.email, "roles": sorted(spec.roles), "active": spec.active},
                base_version=prior.head_version if prior is not None else 0,
                supersedes=prior.head_event_id if prior is not None else None))
            rows.append((spec, user_id, prior))
        stored = authoring.append(conn, drafts, now=now, author_user=actor)
        for (spec, user_id, prior), event in zip(rows, stored, strict=True):
            values = {"display_name": spec.display_name, "email": spec.email, "roles": ",".join(sorted(spec.roles)),
                      "active": spec.active, "head_event_id": event.event_id}
            if prior is None:
                conn.execute(users.insert().values(user_id=user_id, username=spec.username, head_version=1,
                                                   **values))
                created += 1
            else:
                conn.execute(users.update().where(users.c.user_id == user_id)
                             .values(head_version=prior.head_version + 1, **values))
                changed += 1
    return created, changed


def certify(registry: Registry, *, username: str, rubric_ref: str, valid_until: str,
            actor: str | None = None) -> str:
    """Record that an assessor is calibrated for a rubric until a date; returns the certification id."""
    if not rubric_ref.strip():
        raise InvalidInput("name the rubric", where="rubric")
    with db.write_transaction(registry.engine) as conn:
        user_id = conn.execute(sa.select(users.c.user_id).where(users.c.username == username)).scalar()
        if user_id is None:
            raise NotFound(f"No user '{username}' in the registry.", hint="Import the users first.")
        certification_id = new_id()
        authoring.append(conn, [authoring.Draft(
            entity_type="certification", entity_id=certification_id, event_type="certification.granted",
            payload={"user_id": user_id, "username": username, "rubric_ref": rubric_ref,
                     "valid_until": valid_until})], now=registry.now(), author_user=actor)
    return certification_id
