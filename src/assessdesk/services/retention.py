"""Retention: purge local evidence files by rule, and only files the registry has confirmed it holds; audited.

The rule: a file may go when (1) the registry confirmed it (a finished upload, or a presence answer), (2) the newest
evidence event naming it is older than `retention_days` (station setting, default 30), and (3) no attempt that
names it is still being recorded or sealed. The events, hashes and manifests stay: only the bytes leave, and a
purged file can be fetched back from the registry on demand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.clock import parse_iso
from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.services.sync import evidence as sync_evidence
from assessdesk.storage import sync as repo
from assessdesk.storage.tables import AttemptRow

DEFAULT_RETENTION_DAYS = 30
ACTIVE = frozenset({AttemptState.CHECKED_IN, AttemptState.IDENTITY_VERIFIED, AttemptState.IN_PROGRESS,
                    AttemptState.PAUSED, AttemptState.ENDED})


@dataclass(frozen=True)
class Candidate:
    sha256: str
    attempt_ids: tuple[str, ...]
    newest_event_at: str
    size: int


@dataclass
class PurgeReport:
    purged: list[str] = field(default_factory=list)
    bytes_freed: int = 0
    kept_unconfirmed: int = 0  # old enough, but the registry has not confirmed them
    kept_recent: int = 0
    kept_active: int = 0
    dry_run: bool = False

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def retention_days(ctx: StationContext) -> int:
    days = int(ctx.settings().get("retention_days", DEFAULT_RETENTION_DAYS))
    if days < 0:
        raise InvalidInput("must be 0 or more", where="retention_days")
    return days


def _held_blobs(ctx: StationContext) -> dict[str, tuple[frozenset[str], str]]:
    """sha256 -> (every attempt naming it, newest evidence event time) for files this station holds."""
    store = ctx.evidence_store()
    with ctx.db.session() as s:
        events = repo.evidence_events(s)
    out: dict[str, tuple[frozenset[str], str]] = {}
    for event in events:
        attempt = event.entity_id if event.entity_type == "attempt" else event.payload.get("attempt_id")
        named = frozenset({attempt}) if isinstance(attempt, str) else frozenset()
        for sha, _size in sync_evidence.hashes_in(event.payload):
            if store.has(sha):
                prior = out.get(sha)
                out[sha] = (named | prior[0], max(event.occurred_at, prior[1])) if prior else (named,
                                                                                            event.occurred_at)
    return out


def plan(ctx: StationContext, *, confirmed_now: Iterable[str] = ()) -> tuple[list[Candidate], PurgeReport]:
    """What the rule allows today (db lane). `confirmed_now` adds hashes the registry just confirmed."""
    report = PurgeReport()
    cutoff = ctx.clock.now() - timedelta(days=retention_days(ctx))
    confirmed = {sha for sha, info in sync_evidence.tracked(ctx).items() if info.get("present")} | set(confirmed_now)
    store = ctx.evidence_store()
    held = _held_blobs(ctx)
    with ctx.db.session() as s:
        states = {a.id: AttemptState(a.state) for a in s.query(AttemptRow)}
    out = []
    for sha, (attempt_ids, newest) in sorted(held.items()):
        if parse_iso(newest) > cutoff:
            report.kept_recent += 1
        elif any(states.get(a) in ACTIVE for a in attempt_ids):
            report.kept_active += 1
        elif sha not in confirmed:
            report.kept_unconfirmed += 1
        else:
            out.append(Candidate(sha, tuple(sorted(attempt_ids)), newest, store.path_of(sha).stat().st_size))
    return out, report


def old_unconfirmed(ctx: StationContext) -> list[str]:
    """Files old enough to go that sync has not confirmed yet: ask the registry about these (io lane)."""
    cutoff = ctx.clock.now() - timedelta(days=retention_days(ctx))
    confirmed = {sha for sha, info in sync_evidence.tracked(ctx).items() if info.get("present")}
    return [sha for sha, (_a, newest) in _held_blobs(ctx).items()
            if sha not in confirmed and parse_iso(newest) <= cutoff]


@requires("retention.purge")
def purge(ctx: StationContext, *, actor: User, dry_run: bool = False,
          confirmed_now: Iterable[str] = ()) -> PurgeReport:
    """Delete what the rule allows. The audit entry listing every hash commits first, then the files go: a crash
    in between leaves files a re-run removes, never a purge nobody recorded."""
    candidates, report = plan(ctx, confirmed_now=confirmed_now)
    report.dry_run = dry_run
    report.purged = [c.sha256 for c in candidates]
    report.bytes_freed = sum(c.size for c in candidates)
    with ctx.uow(actor.id) as uow:
        uow.audit(action="retention.purged" if not dry_run else "retention.planned", subject_type="station",
                  subject_id=ctx.station_id, detail={"sha256": report.purged, "bytes": report.bytes_freed,
                                                     "days": retention_days(ctx),
                                                     "kept_unconfirmed": report.kept_unconfirmed})
    if not dry_run:
        store = ctx.evidence_store()
        for c in candidates:
            store.delete(c.sha256)
    return report
