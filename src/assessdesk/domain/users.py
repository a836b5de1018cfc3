"""Users as the domain sees them: identity, roles, whether they may sign in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.roles import Role

USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool = True
    failed_attempts: int = 0
    locked_until: str | None = None

    def has(self, role: Role) -> bool:
        return role in self.roles


def validate_username(username: str) -> str:
    if not USERNAME_RE.match(username):
        raise InvalidInput(
            "use 2-32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter",
            where=f"username '{username}'",
        )
    return username


def validate_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"must be at least {MIN_PASSWORD_LENGTH} characters long", where="password")
    return password


def parse_roles(names: list[str] | tuple[str, ...] | set[str]) -> frozenset[Role]:
    out = set()
    for name in names:
        try:
            out.add(Role(name))
        except ValueError:
            raise InvalidInput(f"unknown role (known: {', '.join(r.value for r in Role)})", where=f"role '{name}'") from None
    return frozenset(out)
