"""The content hash of an authored event: sha256 of the RFC 8785 JSON of every field but the hash and server seq."""

from __future__ import annotations

from dataclasses import asdict

from assessdesk.domain.events import AuthoredEvent
from assessdesk.trust.canonical import content_hash


def event_content(event: AuthoredEvent) -> dict:
    data = asdict(event)
    data.pop("content_hash")
    data.pop("server_seq")
    return data


def event_hash(event: AuthoredEvent) -> str:
    return content_hash(event_content(event))
