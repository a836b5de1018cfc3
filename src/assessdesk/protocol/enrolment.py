"""Wire models for enrolling a station with the registry."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


# A station's own id is the uuid7 it made at profile creation (domain.ids.new_id): canonical lower-case UUID text.
STATION_ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def station_key_prefix(station_id: str) -> str:
    """Every key id a station may publish lies under its own id, so one station can never claim another's key id."""
    return f"urn:assessdesk:station:{station_id}#"


def reenrolment_message(code: str, station_id: str, public_key: str) -> bytes:
    """What a station signs with its own key to enrol again under the id it already holds (its token was lost):
    the fresh code binds the proof to this one enrolment, so a captured proof cannot be replayed."""
    return f"assessdesk re-enrolment\n{code}\n{station_id}\n{public_key}".encode()


class StationKind(StrEnum):
    """What a station is for. The first three author event families (domain.events.AUTHOR_KINDS); a lead-assessor
    station additionally receives moderation work (it authors moderation events as a scoring station)."""

    RECORDING = "recording_station"
    SCORING = "scoring_station"
    APPROVER = "approver_station"
    LEAD_ASSESSOR = "lead_assessor_station"


class EnrolRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=4, max_length=128)
    station_name: str = Field(min_length=1, max_length=120)
    public_key: str = Field(min_length=43, max_length=44, description="Ed25519 public key, base64url, unpadded")
    kinds: list[StationKind] = Field(min_length=1)
    # Optional in protocol 1 (a registry that predates them refuses unknown fields with 422 before spending the
    # code; the station then enrols without them). Given, the registry keeps the station's own id, so events
    # recorded before enrolment and manifests signed under `key_id` name the station the registry lists.
    station_id: str | None = Field(default=None, pattern=STATION_ID_PATTERN,
                                   description="the station's own id (a UUID, lower case), kept by the registry")
    key_id: str | None = Field(default=None, min_length=1, max_length=200,
                               description="the station key's id; must start with urn:assessdesk:station:<station_id>#")
    proof: str | None = Field(default=None, min_length=86, max_length=86,
                              description="Ed25519 signature (base64url) of reenrolment_message(code, station_id, "
                                          "public_key) by the station's key: lets an enrolled station that lost "
                                          "its token enrol again under its own id")


class EnrolResponse(BaseModel):
    station_id: str
    token: str = Field(description="bearer token for every later call; the registry keeps only its hash")
    organisation: str
    kinds: list[StationKind]
    registry_key_id: str
    registry_public_key: str = Field(description="Ed25519, base64url: verifies the trusted-station-keys list")
    server_time: str
