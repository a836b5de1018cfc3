"""Wire models for pushing events to the registry and pulling routed events from it."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from assessdesk.protocol.events import WireEvent

MAX_PUSH_BATCH = 1000
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 500


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    idempotency_key: str = Field(min_length=1, max_length=128)
    events: list[WireEvent] = Field(max_length=MAX_PUSH_BATCH)


class RecordStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"  # stored now
    REPLAY = "replay"  # already stored with the same content: same server_seq as before
    CONFLICT = "conflict"  # kept on the registry as a conflict; nothing was overwritten
    REJECTED = "rejected"  # never acceptable as sent: quarantine it station-side


class ConflictReason(StrEnum):
    DIFFERENT_CONTENT = "same_id_different_content"
    STALE_BASE = "stale_base"


class RejectReason(StrEnum):
    MALFORMED = "malformed"
    HASH_MISMATCH = "content_hash_mismatch"
    WRONG_AUTHOR = "author_station_mismatch"
    KIND_NOT_ALLOWED = "station_kind_not_allowed"
    UNKNOWN_FAMILY = "unknown_event_family"
    UNKNOWN_BASE = "supersedes_unknown_event"
    BAD_BASE = "base_mismatch"


class RecordResult(BaseModel):
    """The registry's answer for one pushed record, in the order the records were sent."""

    event_id: str
    status: RecordStatus
    server_seq: int | None = None
    conflict_reason: ConflictReason | None = None
    server_event: WireEvent | None = Field(default=None, description="the registry's version, for a conflict")
    reject_reason: RejectReason | None = None
    detail: str = ""


class PushResponse(BaseModel):
    idempotency_key: str
    results: list[RecordResult]
    server_time: str


class PullResponse(BaseModel):
    events: list[WireEvent]
    next_cursor: int = Field(ge=0, description="send back as `cursor` on the next pull")
    has_more: bool
    server_time: str


class ServerTime(BaseModel):
    server_time: str
    protocol: int


class ErrorBody(BaseModel):
    """Every non-2xx JSON answer: a machine code plus a sentence a proctor can act on."""

    error: str
    message: str
    server_protocol: int | None = None
    min_supported_protocol: int | None = None
