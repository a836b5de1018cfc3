"""Request dependencies: the registry and the calling station (bearer token; a revoked station gets 403 everywhere)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from assessdesk.registry.context import Registry
from assessdesk.registry.errors import ApiError
from assessdesk.registry.stations.service import Station, by_token


async def get_registry(request: Request) -> Registry:
    """Async so FastAPI calls it on the event loop: a plain def dependency costs a thread-pool hop per request."""
    return request.app.state.registry


async def current_station(request: Request) -> Station:
    """Runs on the event loop: one indexed lookup is cheaper than a hop to the thread pool on every request
    (a tus upload makes one request per chunk)."""
    return station_of(request)


def station_of(request: Request) -> Station:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "not_enrolled", "This station is not enrolled with the registry (no token sent).",
                       headers={"WWW-Authenticate": "Bearer"})
    registry: Registry = request.app.state.registry
    with registry.engine.connect() as conn:
        station = by_token(conn, token.strip())
    if station is None:
        raise ApiError(401, "not_enrolled", "The registry does not recognise this station's token. "
                                            "Enrol the station again with a new code.",
                       headers={"WWW-Authenticate": "Bearer"})
    if station.revoked:
        raise ApiError(403, "station_revoked", "This station has been revoked by the registry admin and can no "
                                               "longer sync. Contact the admin.")
    return station


RegistryDep = Annotated[Registry, Depends(get_registry)]
CurrentStation = Annotated[Station, Depends(current_station)]
