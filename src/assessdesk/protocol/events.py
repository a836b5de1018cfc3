"""The authored event on the wire, and the one way its content hash is computed."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assessdesk.domain.events import AuthoredEvent
from assessdesk.trust.canonical import content_hash

# Fields left out of the hashed body: the hash itself and the registry's sequence number.
UNHASHED_FIELDS = frozenset({"content_hash", "server_seq"})


class WireEvent(BaseModel):
    """One authored event as stations and the registry exchange it (`server_seq` is set by the registry)."""

    # strict: no coercion, so the JSON a station hashed is exactly what is validated and stored
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    event_id: str = Field(min_length=1, max_length=64)
    entity_type: str = Field(min_length=1, max_length=64)
    entity_id: str = Field(min_length=1, max_length=128)
    event_type: str = Field(min_length=3, max_length=96, pattern=r"^[a-z_]+\.[a-z0-9_.]+$")
    payload: dict[str, Any]
    author_station: str = Field(min_length=1, max_length=64)
    author_user: str | None = Field(default=None, max_length=128)
    occurred_at: str = Field(min_length=20, max_length=40)
    base_version: int = Field(default=0, ge=0)
    supersedes: str | None = Field(default=None, max_length=64)
    content_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    server_seq: int | None = None

    @property
    def family(self) -> str:
        return self.event_type.split(".", 1)[0]

    def hashed_body(self) -> dict[str, Any]:
        return hashed_body(self.model_dump())

    def to_domain(self) -> AuthoredEvent:
        return AuthoredEvent(**self.model_dump())

    @classmethod
    def from_domain(cls, event: AuthoredEvent) -> WireEvent:
        # The fields as they are (validation copies the payload's top level; both sides are immutable by
        # convention): dataclasses.asdict deep-copied every payload and cost more than the whole push on the
        # registry.
        return cls.model_validate(vars(event))


def hashed_body(fields: dict[str, Any]) -> dict[str, Any]:
    """The part of an event its content hash covers: every field but `content_hash` and `server_seq`."""
    return {k: v for k, v in fields.items() if k not in UNHASHED_FIELDS}


def event_content_hash(event: AuthoredEvent | WireEvent | dict[str, Any]) -> str:
    """sha256 hex of the RFC 8785 canonical JSON of the event without its hash and server sequence."""
    if isinstance(event, AuthoredEvent):
        fields = asdict(event)
    elif isinstance(event, WireEvent):
        fields = event.model_dump()
    else:
        fields = dict(event)
    return content_hash(hashed_body(fields))
