"""The one bridge from core events (services.events.EventBus) to queued Qt signals on the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from assessdesk.services.events import EventBus


class EventBridge(QObject):
    sig_core_event = Signal(str, dict)
    """Any core event, by name, with its data; delivered on the GUI thread."""
    _sig_relay = Signal(str, dict)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sig_relay.connect(self.sig_core_event, Qt.ConnectionType.QueuedConnection)
        bus.subscribe("*", self._relay)

    def _relay(self, name: str, data: dict[str, Any]) -> None:
        self._sig_relay.emit(name, dict(data))
