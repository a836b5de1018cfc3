"""Role checks in services: every guarded use-case names its action, and the action registry is built from them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from assessdesk.domain.roles import ACTIONS, require
from assessdesk.domain.users import User

F = TypeVar("F", bound=Callable[..., Any])

# action -> the service functions that guard it; tests check this covers domain.roles.ACTIONS exactly.
GUARDED: dict[str, list[str]] = {}


def requires(action: str) -> Callable[[F], F]:
    """Declare that a use-case needs `action`; the check runs against its keyword argument `actor`."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}")

    def wrap(fn: F) -> F:
        GUARDED.setdefault(action, []).append(f"{fn.__module__}.{fn.__qualname__}")

        def guarded(*args: Any, **kwargs: Any) -> Any:
            actor: User = kwargs["actor"]
            if not actor.active:
                from assessdesk.domain.errors import PermissionDenied

                raise PermissionDenied(action, set())
            require(actor.roles, action)
            return fn(*args, **kwargs)

        guarded.__wrapped__ = fn  # type: ignore[attr-defined]
        guarded.__name__ = fn.__name__
        guarded.__doc__ = fn.__doc__
        guarded.required_action = action  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return wrap
