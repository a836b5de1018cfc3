"""Typed errors that carry what a user needs to know; every layer raises these, the GUI shows them."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a user may be shown. `message` is written for the person at the screen."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class InvalidTransition(DomainError):
    def __init__(self, current: str, attempted: str, *, target: str | None = None) -> None:
        to = f" to '{target}'" if target else ""
        super().__init__(f"An attempt in state '{current}' cannot take '{attempted}'{to}.")
        self.current = current
        self.attempted = attempted
        self.target = target


class PermissionDenied(DomainError):
    def __init__(self, action: str, roles: frozenset[str] | set[str] = frozenset()) -> None:
        have = ", ".join(sorted(roles)) or "no role"
        super().__init__(f"Your roles ({have}) do not allow '{action}'.", hint="Ask an admin for the role.")
        self.action = action


class SeparationOfDuties(DomainError):
    """One person may not hold two roles in the same attempt where the rules forbid it."""


class NotFound(DomainError):
    pass


class InvalidInput(DomainError):
    """Bad input: says what and where; nothing was changed."""

    def __init__(self, message: str, *, where: str = "", hint: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message, hint=hint)
        self.where = where


class AuthenticationFailed(DomainError):
    pass


class AccountLocked(AuthenticationFailed):
    pass


class ConfigurationError(DomainError):
    """The station cannot run as configured (e.g. no keyring for a real profile)."""
