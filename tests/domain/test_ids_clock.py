"""uuid7 ids and the clock helpers."""

from __future__ import annotations

import time
import uuid

from assessdesk.domain.clock import FixedClock, iso, parse_iso
from assessdesk.domain.ids import new_id, uuid7, uuid7_time_ms


def test_uuid7_layout_and_order() -> None:
    ids = [uuid7() for _ in range(5000)]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in ids)
    assert ids == sorted(ids, key=lambda u: u.int) and len(set(ids)) == len(ids)
    assert abs(uuid7_time_ms(new_id()) - time.time() * 1000) < 5000


def test_uuid7_same_millisecond_still_increases() -> None:
    a, b = uuid7(now_ms=1_700_000_000_000), uuid7(now_ms=1_700_000_000_000)
    assert b.int > a.int


def test_iso_round_trip() -> None:
    c = FixedClock()
    c.advance(minutes=5)
    assert parse_iso(iso(c.now())) == c.now()
    assert iso(c.now()).endswith("Z")
