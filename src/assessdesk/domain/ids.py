"""Client-made, time-ordered ids (UUID version 7, RFC 9562 section 5.7)."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_seq = 0


def uuid7(now_ms: int | None = None) -> uuid.UUID:
    """Return a new UUIDv7; ids made in one process are strictly increasing even within one millisecond."""
    global _last_ms, _seq
    with _lock:
        ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
        if ms <= _last_ms:
            ms = _last_ms
            _seq += 1
            if _seq > 0xFFF:  # 12-bit counter exhausted: borrow the next millisecond
                ms += 1
                _seq = 0
        else:
            _seq = int.from_bytes(os.urandom(2), "big") & 0x3FF  # random start leaves room to count up
        _last_ms = ms
        seq = _seq
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | seq << 64 | 0b10 << 62 | rand_b
    return uuid.UUID(int=value)


def new_id() -> str:
    """A new uuid7 as its canonical string, the form every record id takes."""
    return str(uuid7())


def uuid7_time_ms(value: str | uuid.UUID) -> int:
    """The Unix time in milliseconds embedded in a uuid7."""
    return uuid.UUID(str(value)).int >> 80
