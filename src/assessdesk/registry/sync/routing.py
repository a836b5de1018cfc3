"""Who sees which event: the routing rule for pulls, applied once, when an event is stored.

The rule (also in docs/registry.md):
1. Registry-authored events (standards, rosters, users, certifications) go to every station.
2. An event belongs to an attempt when its entity is the attempt (`entity_type == "attempt"`) or its payload
   names one (`payload.attempt_id`). Each attempt has an audience of stations; an event of the attempt goes to the
   whole audience except its own author.
3. The audience grows, never shrinks: the author of any event of the attempt joins it; so does every station named
   in `payload.assigned_to` (a station id or a list of them: the assessor's station for scoring); `outcome.passed`
   and `issuance.requested` add every approver station, `scoring.moderation_opened` every lead-assessor station.
4. A station that joins an audience is sent the attempt's earlier events too (backfill), so it can fold the state.
5. Events that belong to no attempt and are not registry-authored are kept, but routed to nobody.

Delivery order is the feed's order; for one station and one attempt it is always server_seq order.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from assessdesk.protocol.events import WireEvent
from assessdesk.registry import db
from assessdesk.registry.stations.service import stations_of_kind
from assessdesk.registry.tables import attempt_routes, candidates, events, expected_evidence, feed

KIND_ROUTES: dict[str, str] = {
    # A pass is what puts an attempt up for approval (issuance events are the approver station's own, per
    # domain.events.AUTHOR_KINDS), so approvers receive the attempt from the pass on.
    "outcome.passed": "approver_station",
    "issuance.requested": "approver_station",
    "scoring.moderation_opened": "lead_assessor_station",
}
EVIDENCE_LISTS = ("items", "files", "segments")


def attempt_of(entity_type: str, entity_id: str, payload: dict[str, Any]) -> str | None:
    if entity_type == "attempt":
        return entity_id
    value = payload.get("attempt_id")
    return value if isinstance(value, str) and value else None


def assigned_stations(payload: dict[str, Any]) -> set[str]:
    value = payload.get("assigned_to")
    if isinstance(value, str) and value:
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str) and v}
    return set()


def route_stored(conn: sa.Connection, *, stored: list[tuple[int, WireEvent, str | None]], now: str) -> None:
    """Update audiences and write feed rows for freshly stored station events (seq, event, attempt id)."""
    by_attempt: dict[str, list[tuple[int, WireEvent, str | None]]] = {}
    for item in stored:  # grouped as they are: no new tuple per event
        if item[2]:
            by_attempt.setdefault(item[2], []).append(item)
    if not by_attempt:
        return
    audiences: dict[str, set[str]] = defaultdict(set)
    for attempt_id, station_id in conn.execute(
            sa.select(attempt_routes.c.attempt_id, attempt_routes.c.station_id)
            .where(db.in_list(attempt_routes.c.attempt_id, list(by_attempt)))):
        audiences[attempt_id].add(station_id)
    by_kind: dict[str, list[str]] = {}
    feed_rows: list[dict[str, Any]] = []
    route_rows: list[dict[str, Any]] = []
    for attempt_id, items in by_attempt.items():
        before = audiences.get(attempt_id, set())
        current = set(before)
        joined: list[str] = []
        for _seq, event, _ in items:
            wanted = assigned_stations(event.payload)
            wanted.add(event.author_station)
            kind = KIND_ROUTES.get(event.event_type)
            if kind:
                if kind not in by_kind:
                    by_kind[kind] = stations_of_kind(conn, kind)
                wanted.update(by_kind[kind])
            if not wanted <= current:
                new = sorted(wanted - current)
                current.update(new)
                joined.extend(new)
        if before:
            audience = sorted(before)
            for seq, event, _ in items:
                author = event.author_station
                feed_rows.extend({"server_seq": seq, "station_id": s} for s in audience if s != author)
        if joined and before:
            # An audience that existed before this batch means earlier events exist: backfill them all.
            history = conn.execute(sa.select(events.c.server_seq, events.c.author_station)
                                   .where(events.c.attempt_id == attempt_id).order_by(events.c.server_seq)).all()
        else:
            history = [(seq, event.author_station) for seq, event, _ in items]
        for station_id in joined:
            route_rows.append({"attempt_id": attempt_id, "station_id": station_id, "added_at": now})
            feed_rows.extend({"server_seq": seq, "station_id": station_id}
                             for seq, author in history if author != station_id)
    db.bulk_insert(conn, attempt_routes, route_rows)
    db.bulk_insert(conn, feed, feed_rows)


def broadcast(conn: sa.Connection, seqs: list[int]) -> None:
    """Registry-authored events: one feed row each that every station sees."""
    if seqs:
        conn.execute(feed.insert(), [{"server_seq": s, "station_id": None} for s in seqs])


def _evidence_hashes(payload: dict[str, Any]) -> list[tuple[str, int | None]]:
    found: list[tuple[str, int | None]] = []
    candidates_ = [payload] + [item for key in EVIDENCE_LISTS if isinstance(payload.get(key), list)
                               for item in payload[key] if isinstance(item, dict)]
    for item in candidates_:
        sha = item.get("sha256")
        if isinstance(sha, str) and len(sha) == 64:
            size = item.get("size")
            found.append((sha.lower(), size if type(size) is int else None))
    return found


def record_side_effects(conn: sa.Connection, *, stored: list[tuple[int, WireEvent, str | None]], now: str) -> None:
    """Expected evidence (from evidence-family events) and walk-in candidates (from `payload.walk_in`)."""
    expected: dict[tuple[str, str], dict[str, Any]] = {}
    walk_ins: dict[str, dict[str, Any]] = {}
    for seq, event, attempt_id in stored:
        if attempt_id and event.event_type.startswith("evidence."):
            for sha, size in _evidence_hashes(event.payload):
                expected.setdefault((attempt_id, sha), {"attempt_id": attempt_id, "sha256": sha, "size": size,
                                                        "server_seq": seq})
        walk_in = event.payload.get("walk_in")
        if isinstance(walk_in, dict) and isinstance(walk_in.get("candidate_id"), str) and walk_in.get("name"):
            walk_ins.setdefault(walk_in["candidate_id"], {
                "candidate_id": walk_in["candidate_id"], "external_id": None, "name": str(walk_in["name"])[:200],
                "email": (str(walk_in["email"])[:254] if walk_in.get("email") else None), "source": "walk_in",
                "station_id": event.author_station, "created_at": now, "head_version": 0})
    if expected:
        have = {(r.attempt_id, r.sha256) for r in conn.execute(
            sa.select(expected_evidence.c.attempt_id, expected_evidence.c.sha256)
            .where(expected_evidence.c.attempt_id.in_({a for a, _ in expected})))}
        rows = [row for key, row in expected.items() if key not in have]
        if rows:
            conn.execute(expected_evidence.insert(), rows)
    if walk_ins:
        have_ids = set(conn.execute(sa.select(candidates.c.candidate_id)
                                    .where(candidates.c.candidate_id.in_(list(walk_ins)))).scalars())
        rows = [row for cid, row in walk_ins.items() if cid not in have_ids]
        if rows:
            conn.execute(candidates.insert(), rows)
