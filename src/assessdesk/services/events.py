"""A tiny core event bus: services publish `<noun>_did_<verb>` events; the GUI bridge re-emits them as Qt signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

Handler = Callable[[str, dict[str, Any]], None]


class EventBus:
    def __init__(self) -> None:
        self._handlers: list[tuple[str, Handler]] = []
        self._lock = threading.Lock()

    def subscribe(self, name: str, handler: Handler) -> None:
        """`name` is an event name, or '*' for every event."""
        with self._lock:
            self._handlers.append((name, handler))

    def publish(self, name: str, **data: Any) -> None:
        with self._lock:
            handlers = [h for n, h in self._handlers if n in (name, "*")]
        for handler in handlers:
            handler(name, data)
