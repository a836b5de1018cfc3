"""Sending an attempt somewhere: the registry routes an attempt's events to every station named in an event's
`assigned_to`, so assigning a scoring station is one authored event; the stations to choose from come from the
registry's signed station list, kept at each sync."""

from __future__ import annotations

import json
from dataclasses import dataclass

from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage import sync as repo

SCORING_ASSIGNED = "attempt.scoring_assigned"  # not a state change: the attempt's state is folded without it
STATIONS_KEY = "stations"


@dataclass(frozen=True)
class KnownStation:
    station_id: str
    name: str
    kinds: tuple[str, ...]
    revoked: bool


def remember_stations(ctx: StationContext, document: dict) -> None:
    """Keep the registry's station list (db lane); the signature was checked by the caller when a key is pinned."""
    stations = [{"station_id": s["station_id"], "name": s["name"], "kinds": s.get("kinds", []),
                 "revoked": bool(s.get("revoked_at"))} for s in document.get("list", {}).get("stations", [])]
    with ctx.uow(None) as uow:
        repo.set_state(uow.session, {STATIONS_KEY: json.dumps(stations, sort_keys=True)})


def known_stations(ctx: StationContext, *, kind: str | None = None) -> list[KnownStation]:
    with ctx.db.session() as s:
        rows = repo.get_json(s, STATIONS_KEY, [])
    out = [KnownStation(r["station_id"], r["name"], tuple(r["kinds"]), r["revoked"]) for r in rows]
    return [k for k in out if not k.revoked and (kind is None or kind in k.kinds)]


@requires("sync.assign_scorer")
def assign_scoring(ctx: StationContext, *, actor: User, attempt_id: str, station_id: str) -> AuthoredEvent:
    """Route the attempt (with its whole history, evidence readable) to a scoring station."""
    choices = {k.station_id: k for k in known_stations(ctx, kind="scoring_station")}
    if station_id not in choices:
        raise InvalidInput("is not a scoring station this station knows (sync first to refresh the list)",
                           where=f"station {station_id}")
    with ctx.uow(actor.id) as uow:
        schedule.get_attempt(uow.session, attempt_id)
        return uow.record(entity_type="attempt", entity_id=attempt_id, event_type=SCORING_ASSIGNED,
                          payload={"assigned_to": station_id, "station_name": choices[station_id].name})
