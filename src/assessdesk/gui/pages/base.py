"""What every page gets: the open station, the signed-in user and the task runner (passed in, never global)."""

from __future__ import annotations

from dataclasses import dataclass

from assessdesk.domain.users import User
from assessdesk.gui.bridge import EventBridge
from assessdesk.gui.tasks import TaskRunner
from assessdesk.services.events import EventBus
from assessdesk.services.station import StationContext


@dataclass
class PageEnv:
    ctx: StationContext
    user: User
    runner: TaskRunner
    bus: EventBus
    bridge: EventBridge
    camera: str | None = None  # --camera, when given
