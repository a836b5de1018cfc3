"""Wire models for enrolling a station with the registry."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


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


class EnrolResponse(BaseModel):
    station_id: str
    token: str = Field(description="bearer token for every later call; the registry keeps only its hash")
    organisation: str
    kinds: list[StationKind]
    registry_key_id: str
    registry_public_key: str = Field(description="Ed25519, base64url: verifies the trusted-station-keys list")
    server_time: str
