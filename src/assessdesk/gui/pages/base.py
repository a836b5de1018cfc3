"""What every page gets: the open station, the signed-in user and the task runner (passed in, never global)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assessdesk.domain.users import User
from assessdesk.gui.bridge import EventBridge
from assessdesk.gui.tasks import TaskRunner
from assessdesk.services.events import EventBus
from assessdesk.services.station import StationContext

if TYPE_CHECKING:
    from assessdesk.gui.sync_scheduler import SyncScheduler


@dataclass
class PageEnv:
    ctx: StationContext
    user: User
    runner: TaskRunner
    bus: EventBus
    bridge: EventBridge
    camera: str | None = None  # --camera, when given
    sync: SyncScheduler | None = None  # the app's sync runner (automatic and requested runs)
