"""Units under the HTTP layer: the framed at-rest format, the fast canonical hash, and migrations against tables."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given, settings
from hypothesis import strategies as st

from assessdesk.registry import db
from assessdesk.registry.context import Registry
from assessdesk.registry.evidence.frames import FRAME_SIZE, FrameError, FrameWriter, plain_length, read_range
from assessdesk.registry.sync.hashing import canonical_hash, event_hash_from_json
from assessdesk.registry.tables import metadata
from assessdesk.trust.canonical import content_hash

KEY = bytes(range(32))


def read_all(path: Path, length: int | None = None) -> bytes:
    return b"".join(read_range(path, KEY, 0, 1 << 40, expected_length=length))


def test_frames_append_across_reopenings_and_read_any_range(tmp_path: Path) -> None:
    path = tmp_path / "u.part"
    data = os.urandom(FRAME_SIZE * 2 + 777)
    for lo, hi in ((0, 10), (10, FRAME_SIZE + 5), (FRAME_SIZE + 5, FRAME_SIZE * 2), (FRAME_SIZE * 2, len(data))):
        writer = FrameWriter(path, KEY)
        assert writer.length == lo
        writer.write(data[lo:hi])
        writer.close()
        assert plain_length(path.stat().st_size) == (hi, False)
    assert read_all(path, len(data)) == data
    assert b"".join(read_range(path, KEY, FRAME_SIZE - 3, FRAME_SIZE + 3)) == data[FRAME_SIZE - 3:FRAME_SIZE + 3]


def test_a_torn_last_frame_is_dropped_and_tampering_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "u.part"
    data = os.urandom(FRAME_SIZE + 1000)
    writer = FrameWriter(path, KEY)
    writer.write(data)
    writer.close()
    with path.open("r+b") as fh:  # a crash in the middle of writing the short last frame
        fh.truncate(path.stat().st_size - 300)
    writer = FrameWriter(path, KEY)
    assert writer.length == FRAME_SIZE  # only the whole first frame survives: the client re-sends the rest
    writer.write(data[FRAME_SIZE:])
    writer.close()
    assert read_all(path) == data
    raw = bytearray(path.read_bytes())
    raw[100] ^= 1
    path.write_bytes(bytes(raw))
    with pytest.raises(FrameError, match="frame 0"):
        read_all(path)
    with pytest.raises(FrameError, match="cut short"):
        read_all(path, len(data) + 1)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.text() |
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=120, deadline=None)
@given(st.dictionaries(st.text(max_size=8), json_values, max_size=6))
def test_the_fast_event_hash_always_equals_rfc8785(value: dict) -> None:
    try:
        expected = content_hash(value)
    except Exception:  # noqa: BLE001 — JCS refuses some integers; the fast path must not accept them either
        with pytest.raises(Exception):  # noqa: B017
            canonical_hash(value)
        return
    assert canonical_hash(value) == expected


@settings(max_examples=120, deadline=None)
@given(st.dictionaries(st.text(max_size=8), json_values, max_size=6), st.text(min_size=1, max_size=10))
def test_the_spliced_event_hash_equals_rfc8785_of_the_whole_event(payload: dict, entity_id: str) -> None:
    raw = {"event_id": "e-1", "entity_type": "attempt", "entity_id": entity_id, "event_type": "attempt.started",
           "payload": payload, "author_station": "s", "occurred_at": "2026-01-05T09:00:00.000Z",
           "content_hash": "0" * 64}
    expected_body = {k: v for k, v in raw.items() if k != "content_hash"}
    expected_body.update(author_user=None, base_version=0, supersedes=None)
    try:
        expected = content_hash(expected_body)
    except ValueError:
        with pytest.raises(ValueError):
            event_hash_from_json(raw)
        return
    digest, payload_text = event_hash_from_json(raw)
    assert digest == expected and json.loads(payload_text) == payload


def test_hash_fast_path_edge_cases() -> None:
    for value in ({"a": 1.0}, {"b": 1e-7}, {"\ue000": 1, "\U0001f600": 2}, {"s": "\u007f\u2028\x1f\\\""},
                  {"n": 2**53 - 1}):
        assert canonical_hash(value) == content_hash(value)
    with pytest.raises(ValueError):
        canonical_hash({"n": 2**53})


def test_migrations_build_exactly_the_declared_tables(registry_on: Registry) -> None:
    engine = registry_on.engine  # opened (and so migrated) on SQLite, and on PostgreSQL when configured
    db.upgrade(engine)  # idempotent
    assert db.current_revision(engine) == db.head_revision()
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        if conn.dialect.name == "sqlite":
            assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
