"""User rows in and out, as frozen domain `User` objects (password hashes never leave storage except to verify)."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.roles import Role
from assessdesk.domain.users import User
from assessdesk.storage.tables import UserRow


def _to_user(row: UserRow) -> User:
    return User(id=row.id, username=row.username, display_name=row.display_name,
                roles=frozenset(Role(r) for r in json.loads(row.roles_json)), active=row.active,
                failed_attempts=row.failed_attempts, locked_until=row.locked_until)


def add(session: Session, *, user_id: str, username: str, display_name: str, password_hash: str,
        roles: frozenset[Role], created_at: str) -> User:
    if session.scalar(select(UserRow.id).where(UserRow.username == username)):
        raise InvalidInput("is already taken", where=f"username '{username}'")
    row = UserRow(id=user_id, username=username, display_name=display_name, password_hash=password_hash,
                  roles_json=json.dumps(sorted(r.value for r in roles)), active=True, failed_attempts=0,
                  created_at=created_at)
    session.add(row)
    session.flush()
    return _to_user(row)


def _row(session: Session, user_id: str) -> UserRow:
    row = session.get(UserRow, user_id)
    if row is None:
        raise NotFound(f"No user with id {user_id}.")
    return row


def get(session: Session, user_id: str) -> User:
    return _to_user(_row(session, user_id))


def by_username(session: Session, username: str) -> tuple[User, str] | None:
    row = session.scalar(select(UserRow).where(UserRow.username == username))
    return (_to_user(row), row.password_hash) if row else None


def list_all(session: Session) -> list[User]:
    return [_to_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.username))]


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(UserRow)) or 0)


def update(session: Session, user_id: str, **fields: object) -> User:
    row = _row(session, user_id)
    if "roles" in fields:
        fields["roles_json"] = json.dumps(sorted(r.value for r in fields.pop("roles")))  # type: ignore[attr-defined]
    for key, value in fields.items():
        setattr(row, key, value)
    session.flush()
    return _to_user(row)
