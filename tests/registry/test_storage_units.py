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

from assessdesk.protocol.events import WireEvent, event_content_hash
from assessdesk.protocol.sync import PushResponse, RecordResult, RecordStatus, RejectReason
from assessdesk.registry import db
from assessdesk.registry.context import Registry
from assessdesk.registry.evidence.frames import FRAME_SIZE, FrameError, FrameWriter, plain_length, read_range
from assessdesk.registry.sync.hashing import event_hash
from assessdesk.registry.sync.push import Acknowledged, rejected
from assessdesk.registry.sync.routes import push_response_json
from assessdesk.registry.tables import events, metadata
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


def json_values(text: st.SearchStrategy[str], scalars: st.SearchStrategy) -> st.SearchStrategy:
    return st.recursive(st.none() | st.booleans() | text | scalars,
                        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
                        max_leaves=12)


# ASCII text with quotes, backslashes and control characters, integers up to the safe limit: the fast path.
ascii_text = st.text(st.characters(max_codepoint=0x7F), max_size=10)
plain = json_values(ascii_text, st.integers(-(2**53 - 1), 2**53 - 1))
# Any text, floats, integers JCS refuses: the exact path, or a refusal.
anything = json_values(st.text(max_size=10), st.integers(-(2**60), 2**60) |
                       st.floats(allow_nan=False, allow_infinity=False, width=64))


def _check_event_hash(payload: dict, texts: list[str], user: str | None, supersedes: str | None,
                      base_version: int) -> None:
    # constructed without the length limits, which do not matter to the hash
    event = WireEvent.model_construct(event_id=texts[0], entity_type=texts[1], entity_id=texts[2],
                                      event_type="attempt.started", payload=payload, author_station=texts[3],
                                      author_user=user, occurred_at=texts[4], base_version=base_version,
                                      supersedes=supersedes, content_hash="0" * 64, server_seq=None)
    body = {k: v for k, v in event.model_dump().items() if k not in ("content_hash", "server_seq")}
    try:
        expected = content_hash(body)
    except ValueError:
        with pytest.raises(ValueError):
            event_hash(event)
        return
    digest, payload_text = event_hash(event)
    assert digest == expected and json.loads(payload_text) == payload


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(ascii_text, plain, max_size=6), st.lists(ascii_text, min_size=5, max_size=5),
       st.none() | ascii_text, st.none() | ascii_text, st.integers(0, 2**53 - 1))
def test_the_fast_event_hash_equals_rfc8785(payload: dict, texts: list[str], user: str | None,
                                            supersedes: str | None, base_version: int) -> None:
    _check_event_hash(payload, texts, user, supersedes, base_version)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(max_size=8), anything, max_size=6), st.lists(st.text(max_size=10), min_size=5,
                                                                            max_size=5),
       st.none() | st.text(max_size=10), st.none() | st.text(max_size=10), st.integers(0, 2**60))
def test_any_event_hash_equals_rfc8785_or_is_refused_like_it(payload: dict, texts: list[str], user: str | None,
                                                            supersedes: str | None, base_version: int) -> None:
    _check_event_hash(payload, texts, user, supersedes, base_version)


def test_hash_fast_path_edge_cases() -> None:
    for payload in ({"a": 1.0}, {"b": [1e-7]}, {"\ue000": 1, "\U0001f600": 2}, {"s": "\u007f\u2028\x1f\\\""},
                    {"n": 2**53 - 1}, {"nested": {"payload": 0, "supersedes": None}}, {}):
        event = _event(payload)
        assert event_hash(event)[0] == event_content_hash(event)
    with pytest.raises(ValueError):
        event_hash(_event({"n": 2**53}))


def _event(payload: dict) -> WireEvent:
    return WireEvent(event_id="e-1", entity_type="attempt", entity_id="a-1", event_type="attempt.started",
                     payload=payload, author_station="s", occurred_at="2026-01-05T09:00:00.000Z",
                     content_hash="0" * 64)


def test_push_answer_is_written_as_its_model_would_write_it() -> None:
    results = [Acknowledged('a"\u00e9\\', 3), rejected("b", RejectReason.MALFORMED, 'bad "x"'),
               RecordResult(event_id="c", status=RecordStatus.REPLAY, server_seq=2)]
    text = push_response_json('k"', results, "2026-01-05T09:00:00.000Z")
    model = PushResponse(idempotency_key='k"', server_time="2026-01-05T09:00:00.000Z", results=[
        RecordResult(event_id='a"\u00e9\\', status=RecordStatus.ACKNOWLEDGED, server_seq=3), *results[1:]])
    assert text == model.model_dump_json(exclude_defaults=True)
    assert PushResponse.model_validate_json(text) == model


def test_an_id_list_is_looked_up_through_the_index(registry_on: Registry) -> None:
    """`db.in_list` must stay a plain IN: written as `IN (...) = 1` it made SQLite scan the whole events table."""
    query = sa.select(events.c.server_seq).where(db.in_list(events.c.event_id, ["e-1", "e-2"]))
    with registry_on.engine.connect() as conn:
        compiled = query.compile(conn)
        if conn.dialect.name == "sqlite":
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", tuple(compiled.params.values())).all()
            assert any("USING" in row[-1] and "INDEX" in row[-1] for row in plan), plan
            assert not any(row[-1].startswith("SCAN events") for row in plan), plan
        assert conn.execute(query).all() == []


def test_migrations_build_exactly_the_declared_tables(registry_on: Registry) -> None:
    engine = registry_on.engine  # opened (and so migrated) on SQLite, and on PostgreSQL when configured
    db.upgrade(engine)  # idempotent
    assert db.current_revision(engine) == db.head_revision()
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        if conn.dialect.name == "sqlite":
            assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
