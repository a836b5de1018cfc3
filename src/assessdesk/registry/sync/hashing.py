"""Checks an event's content hash quickly without ever accepting what RFC 8785 would hash differently.

RFC 8785 output equals `json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)` when the text is
pure ASCII (so key order by UTF-16 code units equals Python's order, and both escape exactly `"`, `\\` and the
control characters, with the same short forms and lower-case \\u00xx) and the value holds no floats and no integer
beyond 2**53 (where number formatting differs or JCS refuses). The event's own keys are fixed, so they are written
in their sorted order around the payload's encoding. That covers nearly every event and is many times faster than
the pure-Python canonicaliser; anything else takes the exact path through `trust.canonical`.
tests/registry/test_storage_units.py checks the result against `trust.canonical` with generated events.
"""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring
from typing import Any

from assessdesk.protocol.events import UNHASHED_FIELDS, WireEvent
from assessdesk.trust.canonical import content_hash

_SAFE_INT = 2**53 - 1
_dumps = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, check_circular=False).encode


def _plain(value: dict[str, Any] | list[Any]) -> bool:
    """True when `value` holds only strings, booleans, null, integers in the IEEE-754 safe range, and objects and
    lists of those (no float). Walks an explicit stack: parsed JSON is finite and acyclic."""
    stack = [value]
    while stack:
        item = stack.pop()
        for v in item.values() if type(item) is dict else item:
            kind = type(v)
            if kind is str or v is None or kind is bool:
                continue
            if kind is int:
                if -_SAFE_INT <= v <= _SAFE_INT:
                    continue
                return False
            if kind is dict or kind is list:
                stack.append(v)
                continue
            return False  # a float (or anything unexpected): the exact path decides
    return True


_str = encode_basestring  # the C string encoder JSONEncoder uses with ensure_ascii=False
_HASHED = ("author_station", "author_user", "base_version", "entity_id", "entity_type", "event_id", "event_type",
           "occurred_at", "payload", "supersedes")  # sorted, as the frame below writes them
assert set(WireEvent.model_fields) - UNHASHED_FIELDS == set(_HASHED), "event_hash must write every hashed field"


def _or_null(value: str | None) -> str:
    return "null" if value is None else _str(value)


def event_hash(event: WireEvent) -> tuple[str, str]:
    """(content hash, payload JSON text) of a strictly validated event: its fields are the JSON values exactly as
    received (no coercion), absent optional fields at their defaults.

    The hashed body's keys are fixed, so the fast path writes them in their sorted order around the payload's
    sorted encoding (which is also the text stored) instead of encoding and sorting a copy of the event."""
    f = event.__dict__
    payload, base_version = f["payload"], f["base_version"]
    if _plain(payload) and base_version <= _SAFE_INT:
        payload_text = _dumps(payload)
        text = (f'{{"author_station":{_str(f["author_station"])},"author_user":{_or_null(f["author_user"])},'
                f'"base_version":{base_version},"entity_id":{_str(f["entity_id"])},'
                f'"entity_type":{_str(f["entity_type"])},"event_id":{_str(f["event_id"])},'
                f'"event_type":{_str(f["event_type"])},"occurred_at":{_str(f["occurred_at"])},'
                f'"payload":{payload_text},"supersedes":{_or_null(f["supersedes"])}}}')
        if text.isascii():
            return hashlib.sha256(text.encode()).hexdigest(), payload_text
    body = {k: v for k, v in f.items() if k not in UNHASHED_FIELDS}
    return content_hash(body), json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
