"""What a station knows about its registry and its sync health: enrolment, backoff with jitter, clock skew, status."""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from assessdesk.domain.clock import iso, parse_iso
from assessdesk.domain.errors import ConfigurationError
from assessdesk.services.station import StationContext
from assessdesk.storage import sync as repo

TOKEN_SECRET = "registry-token"  # the bearer token lives in the keyring, never in the database
SKEW_LIMIT_S = 300.0  # PRODUCT/issue 8: warn when the station clock is more than 5 minutes off the registry's
BACKOFF_BASE_S = 30.0
BACKOFF_CAP_S = 3600.0
SYNC_INTERVAL_S = 300.0  # after a good sync, the next automatic one


class NotEnrolled(ConfigurationError):
    """This station has no registry yet: it works standalone; enrolment needs a code from the registry admin."""

    def __init__(self) -> None:
        super().__init__("This station is not enrolled with a registry yet, so there is nothing to sync with.",
                         hint="Ask the registry admin for an enrolment code, then run 'assessdesk enrol URL CODE'.")


@dataclass(frozen=True)
class SyncConfig:
    url: str
    registry_station_id: str
    ca_file: str | None
    kinds: tuple[str, ...]
    organisation: str
    registry_public_key: str


def load_config(ctx: StationContext) -> SyncConfig | None:
    with ctx.db.session() as s:
        state = repo.get_state(s)
    if "registry_url" not in state:
        return None
    return SyncConfig(state["registry_url"], state.get("registry_station_id", ctx.station_id),
                      state.get("ca_file") or None, tuple(json.loads(state.get("kinds", "[]"))),
                      state.get("organisation", ""), state.get("registry_public_key", ""))


def token(ctx: StationContext) -> str:
    raw = ctx.secrets.get(TOKEN_SECRET)
    if raw is None:
        raise ConfigurationError("The registry token is missing from the keyring.",
                                 hint="Enrol the station again with a new code from the registry admin.")
    return raw.decode()


def open_client(ctx: StationContext, config: SyncConfig, **kwargs: Any) -> Any:
    """A RegistryClient for this station (io lane: reads the keyring)."""
    from assessdesk.services.sync.client import RegistryClient

    return RegistryClient(config.url, token(ctx), ca_file=config.ca_file, **kwargs)


def backoff_seconds(failures: int, rng: random.Random) -> float:
    """Exponential backoff with "equal jitter": half the step fixed, half random, so stations spread out."""
    step = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** max(failures - 1, 0))
    return step / 2 + rng.random() * step / 2


def skew_seconds(*, local: datetime, registry: datetime) -> float:
    """Station minus registry, in seconds (positive: the station clock is ahead)."""
    return (local - registry).total_seconds()


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    registry_url: str | None
    counts: dict[str, int]
    last_good_sync: str | None
    last_try: str | None
    next_try: str | None
    failures: int
    last_error: str | None
    clock_skew_s: float | None
    problems: list[str] = field(default_factory=list)

    @property
    def clock_warning(self) -> str | None:
        if self.clock_skew_s is None or abs(self.clock_skew_s) <= SKEW_LIMIT_S:
            return None
        direction = "ahead of" if self.clock_skew_s > 0 else "behind"
        return (f"This computer's clock is {_duration(abs(self.clock_skew_s))} {direction} the registry's. Records "
                "are still ordered correctly (by the registry's sequence), but the times recorded here are off: "
                "correct the computer's clock.")

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "clock_warning": self.clock_warning}


def _duration(seconds: float) -> str:
    minutes = seconds / 60
    if minutes < 120:
        return f"{minutes:.0f} minutes"
    hours = minutes / 60
    return f"{hours:.0f} hours" if hours < 48 else f"{hours / 24:.0f} days"


def status(ctx: StationContext) -> SyncStatus:
    """The sync page's facts, read in one short session (db lane)."""
    with ctx.db.session() as s:
        state = repo.get_state(s)
        counts = repo.counts(s)
    skew = state.get("clock_skew_s")
    return SyncStatus(enrolled="registry_url" in state, registry_url=state.get("registry_url"), counts=counts,
                      last_good_sync=state.get("last_good_sync"), last_try=state.get("last_try"),
                      next_try=state.get("next_try"), failures=int(state.get("failures", "0")),
                      last_error=state.get("last_error"), clock_skew_s=float(skew) if skew else None,
                      problems=json.loads(state.get("problems", "[]")))


def record_success(ctx: StationContext, *, now: datetime, skew_s: float | None, problems: list[str]) -> None:
    with ctx.uow(None) as uow:
        repo.set_state(uow.session, {
            "last_good_sync": iso(now), "last_try": iso(now), "failures": "0", "last_error": None,
            "next_try": iso(now + timedelta(seconds=SYNC_INTERVAL_S)),
            "clock_skew_s": f"{skew_s:.3f}" if skew_s is not None else None,
            "problems": json.dumps(problems[-50:])})


def record_failure(ctx: StationContext, *, now: datetime, error: str, rng: random.Random) -> datetime:
    """One more failure: the next try moves out exponentially (with jitter). Returns the next try time."""
    with ctx.uow(None) as uow:
        failures = int(repo.get_state(uow.session).get("failures", "0")) + 1
        next_try = now + timedelta(seconds=backoff_seconds(failures, rng))
        repo.set_state(uow.session, {"last_try": iso(now), "failures": str(failures), "last_error": error,
                                     "next_try": iso(next_try)})
        uow.audit(action="sync.failed", subject_type="station", subject_id=ctx.station_id, outcome="failed",
                  detail={"failures": failures})
    return next_try


def due(ctx: StationContext, *, now: datetime) -> bool:
    """Whether an automatic sync is due (a user's "Sync now" ignores this)."""
    with ctx.db.session() as s:
        next_try = repo.get_state(s).get("next_try")
    return next_try is None or parse_iso(next_try) <= now
