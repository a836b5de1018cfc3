"""Wire models shared by station and registry (pydantic), and the protocol version constants."""

from assessdesk.protocol.events import WireEvent, event_content_hash, hashed_body
from assessdesk.protocol.version import (
    MIN_SUPPORTED_PROTOCOL,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    TUS_VERSION,
)

__all__ = [
    "MIN_SUPPORTED_PROTOCOL",
    "PROTOCOL_HEADER",
    "PROTOCOL_VERSION",
    "TUS_VERSION",
    "WireEvent",
    "event_content_hash",
    "hashed_body",
]
