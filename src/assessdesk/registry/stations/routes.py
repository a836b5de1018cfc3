"""HTTP routes for enrolment and the signed trusted-station-keys list."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from assessdesk.protocol.enrolment import EnrolRequest, EnrolResponse
from assessdesk.registry.auth import CurrentStation, RegistryDep
from assessdesk.registry.errors import ApiError
from assessdesk.registry.organisation import organisation_name
from assessdesk.registry.stations.service import EnrolmentRefused, StationIdTaken, enrol
from assessdesk.registry.stations.trusted_keys import export_trusted_keys

router = APIRouter(prefix="/v1/stations")


@router.post("/enrol", response_model=EnrolResponse)
def enrol_station(body: EnrolRequest, registry: RegistryDep) -> EnrolResponse:
    try:
        station, token = enrol(registry, code=body.code, station_name=body.station_name,
                               public_key=body.public_key, kinds=frozenset(k.value for k in body.kinds),
                               station_id=body.station_id, key_id=body.key_id, proof=body.proof)
    except StationIdTaken as exc:
        raise ApiError(409, "station_id_taken", str(exc)) from None
    except EnrolmentRefused as exc:
        raise ApiError(403, "enrolment_refused", str(exc)) from None
    return EnrolResponse(station_id=station.station_id, token=token, organisation=organisation_name(registry),
                         kinds=sorted(station.kinds), registry_key_id=registry.keys.key_id,
                         registry_public_key=registry.keys.signing.public_b64(), server_time=registry.now())


@router.get("/trusted-keys")
def trusted_keys(registry: RegistryDep, _station: CurrentStation) -> dict[str, Any]:
    return export_trusted_keys(registry)
