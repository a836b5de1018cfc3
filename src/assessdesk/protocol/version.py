"""Sync protocol version constants, each with its history, and the header that carries them."""

from __future__ import annotations

# History (one line per version; never reuse a number):
#   1 — first wire format: enrolment, batched idempotent push with per-record results, routed pull by cursor,
#       evidence over tus 1.0.0 with expected/present listing.
PROTOCOL_VERSION = 1

# The oldest station protocol the registry still understands. A station below it is answered HTTP 426.
# History:
#   1 — protocol 1 is the only one so far.
MIN_SUPPORTED_PROTOCOL = 1

PROTOCOL_HEADER = "Assessdesk-Protocol"

# tus 1.0.0 (https://tus.io/protocols/resumable-upload) is versioned by its own header, not ours.
TUS_VERSION = "1.0.0"
