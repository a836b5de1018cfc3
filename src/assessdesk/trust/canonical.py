"""Canonical JSON per RFC 8785 (JCS), the one serialisation that anything hashed or signed goes through."""

from __future__ import annotations

import hashlib
from typing import Any

import rfc8785


def canonical_json(value: Any) -> bytes:
    """RFC 8785 bytes of `value` (the rfc8785 package passes the RFC's test vectors; see tests/trust)."""
    return rfc8785.dumps(value)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_hash(value: Any) -> str:
    """sha256 of the canonical JSON of `value`, hex."""
    return sha256_hex(canonical_json(value))
