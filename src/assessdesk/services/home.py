"""The home page's data: today's sittings and their attempts."""

from __future__ import annotations

from dataclasses import dataclass

from assessdesk.domain.schedule import AttemptSummary, Sitting
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule


@dataclass(frozen=True)
class DayOverview:
    date: str
    sittings: list[Sitting]
    attempts: list[AttemptSummary]


@requires("sessions.view")
def day_overview(ctx: StationContext, *, actor: User, date: str | None = None) -> DayOverview:
    day = date or ctx.clock.now().astimezone().date().isoformat()
    with ctx.db.session() as s:
        sittings = schedule.sittings_on(s, day)
        return DayOverview(day, sittings, schedule.attempts_in(s, [x.id for x in sittings]))
