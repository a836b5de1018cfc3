"""Candidate rosters from CSV, walk-ins reported by stations, and merging a walk-in into a roster candidate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.ids import new_id
from assessdesk.registry import authoring, db
from assessdesk.registry.context import Registry
from assessdesk.registry.csvfile import read_rows
from assessdesk.registry.tables import candidates


@dataclass(frozen=True)
class RosterEntry:
    external_id: str
    name: str
    email: str | None


@dataclass(frozen=True)
class WalkIn:
    candidate_id: str
    name: str
    email: str | None
    station_id: str | None
    created_at: str
    possible_matches: tuple[str, ...]  # candidate ids on the roster with the same email or the same name


def read_roster_csv(path: Path) -> list[RosterEntry]:
    """Columns: external_id, name, email (email may be empty)."""
    seen: set[str] = set()
    entries = []
    for line, row in read_rows(path, required=("external_id", "name"), optional=("email",)):
        if row["external_id"] in seen:
            raise InvalidInput(f"external_id {row['external_id']} appears twice", where=f"{path.name} line {line}")
        seen.add(row["external_id"])
        entries.append(RosterEntry(row["external_id"], row["name"], row.get("email") or None))
    return entries


def import_roster(registry: Registry, *, entries: list[RosterEntry], actor: str | None = None) -> tuple[int, int]:
    """Add new candidates and edit changed ones; unchanged rows make no event. (added, changed)."""
    added = changed = 0
    now = registry.now()
    with db.write_transaction(registry.engine) as conn:
        existing = {r.external_id: r for r in conn.execute(sa.select(candidates).where(
            candidates.c.external_id.in_([e.external_id for e in entries])))}
        drafts, todo = [], []
        for entry in entries:
            prior = existing.get(entry.external_id)
            if prior is not None and (prior.name, prior.email) == (entry.name, entry.email):
                continue
            candidate_id = prior.candidate_id if prior is not None else new_id()
            drafts.append(authoring.Draft(
                entity_type="candidate", entity_id=candidate_id, event_type="roster.candidate_upserted",
                payload={"candidate_id": candidate_id, "external_id": entry.external_id, "name": entry.name,
                         "email": entry.email},
                base_version=prior.head_version if prior is not None else 0,
                supersedes=prior.head_event_id if prior is not None else None))
            todo.append((entry, candidate_id, prior))
        stored = authoring.append(conn, drafts, now=now, author_user=actor)
        for (entry, candidate_id, prior), event in zip(todo, stored, strict=True):
            if prior is None:
                conn.execute(candidates.insert().values(
                    candidate_id=candidate_id, external_id=entry.external_id, name=entry.name, email=entry.email,
                    source="roster", head_event_id=event.event_id, head_version=1, created_at=now))
                added += 1
            else:
                conn.execute(candidates.update().where(candidates.c.candidate_id == candidate_id).values(
                    name=entry.name, email=entry.email, head_event_id=event.event_id,
                    head_version=prior.head_version + 1))
                changed += 1
    return added, changed


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def list_walk_ins(registry: Registry) -> list[WalkIn]:
    """Walk-ins not yet merged, each with roster candidates that look like the same person."""
    with registry.engine.connect() as conn:
        walk_ins = conn.execute(sa.select(candidates).where(candidates.c.source == "walk_in",
                                                            candidates.c.merged_into.is_(None))
                                .order_by(candidates.c.created_at)).all()
        roster = conn.execute(sa.select(candidates.c.candidate_id, candidates.c.name, candidates.c.email)
                              .where(candidates.c.source == "roster")).all()
    by_email: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for r in roster:
        if r.email:
            by_email.setdefault(r.email.lower(), []).append(r.candidate_id)
        by_name.setdefault(_key(r.name), []).append(r.candidate_id)
    out = []
    for w in walk_ins:
        matches = set(by_name.get(_key(w.name), []))
        if w.email:
            matches.update(by_email.get(w.email.lower(), []))
        out.append(WalkIn(w.candidate_id, w.name, w.email, w.station_id, w.created_at, tuple(sorted(matches))))
    return out


def merge_walk_in(registry: Registry, *, walk_in_id: str, into_candidate_id: str, actor: str | None = None) -> str:
    """Record that a walk-in is the same person as a roster candidate; every station learns it. Returns event id."""
    with db.write_transaction(registry.engine) as conn:
        walk_in = conn.execute(sa.select(candidates).where(candidates.c.candidate_id == walk_in_id)).first()
        target = conn.execute(sa.select(candidates).where(candidates.c.candidate_id == into_candidate_id)).first()
        if walk_in is None or walk_in.source != "walk_in":
            raise NotFound(f"No walk-in with id {walk_in_id}.")
        if walk_in.merged_into is not None:
            raise InvalidInput(f"already merged into {walk_in.merged_into}", where=f"walk-in {walk_in_id}")
        if target is None or target.merged_into is not None or walk_in_id == into_candidate_id:
            raise NotFound(f"No candidate {into_candidate_id} to merge into.")
        [event] = authoring.append(conn, [authoring.Draft(
            entity_type="candidate", entity_id=walk_in_id, event_type="roster.candidate_merged",
            payload={"candidate_id": walk_in_id, "merged_into": into_candidate_id, "name": walk_in.name})],
            now=registry.now(), author_user=actor)
        conn.execute(candidates.update().where(candidates.c.candidate_id == walk_in_id)
                     .values(merged_into=into_candidate_id, head_event_id=event.event_id))
    return event.event_id
