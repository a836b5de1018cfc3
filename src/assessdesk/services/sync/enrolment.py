"""Enrolling the station with a registry: register its public key, keep the token in the keyring, remember the
registry; everything the station recorded before (already in its outbox) goes up with the next sync."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import select, update

from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.users import User
from assessdesk.protocol.enrolment import (
    STATION_ID_PATTERN,
    EnrolResponse,
    StationKind,
    reenrolment_message,
    station_key_prefix,
)
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.services.sync.state import TOKEN_SECRET
from assessdesk.storage import sync as repo
from assessdesk.storage.tables import OutboxRow
from assessdesk.trust.keys import b64

DEFAULT_KINDS = (StationKind.RECORDING.value, StationKind.SCORING.value)
# Rejections that a (new) enrolment can cure: the records go back to the queue.
REQUEUE_REASONS = ("author_station_mismatch", "station_kind_not_allowed")


@dataclass(frozen=True)
class Enrolment:
    registry_url: str
    registry_station_id: str
    organisation: str
    kinds: tuple[str, ...]
    queued: int  # outbox records that go up with the next sync


def check_target(url: str, ca_file: str | None, kinds: Sequence[str]) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InvalidInput("give the registry's address, e.g. https://registry.example.org", where="registry URL")
    if ca_file and not Path(ca_file).is_file():
        raise InvalidInput("no such file", where=f"CA file {ca_file}")
    for kind in kinds:
        if kind not in {k.value for k in StationKind}:
            raise InvalidInput(f"unknown station kind (use {', '.join(k.value for k in StationKind)})", where=kind)


def own_identity(ctx: StationContext, code: str) -> dict[str, str]:
    """The station's own id and key id for the enrolment request, so the registry keeps them, with the proof that
    this station holds the id's key (so it can enrol again after losing its token). A profile whose id the protocol
    cannot carry (not a lower-case UUID) enrols without them, as before."""
    station = ctx.station()
    if not re.fullmatch(STATION_ID_PATTERN, station.id):
        return {}
    proof = b64(ctx.signing_key().sign(reenrolment_message(code, station.id, station.public_key)))
    if not station.key_id.startswith(station_key_prefix(station.id)):
        return {"station_id": station.id, "proof": proof}
    return {"station_id": station.id, "key_id": station.key_id, "proof": proof}


def register(ctx: StationContext, *, url: str, code: str, ca_file: str | None, kinds: Sequence[str],
             client_factory: Callable[..., Any] | None = None) -> EnrolResponse:
    """io lane: the HTTP call, then the token into the keyring (before anything else can lose it)."""
    from assessdesk.services.sync.client import RegistryClient

    station = ctx.station()
    factory = client_factory or (lambda u, ca: RegistryClient(u, None, ca_file=ca))
    with factory(url, ca_file) as client:
        answer: EnrolResponse = client.enrol(code=code.strip(), station_name=station.name,
                                             public_key=station.public_key, kinds=list(kinds),
                                             **own_identity(ctx, code.strip()))
    ctx.secrets.set(TOKEN_SECRET, answer.token.encode())
    return answer


def remember(ctx: StationContext, *, actor_id: str | None, url: str, ca_file: str | None,
             answer: EnrolResponse) -> Enrolment:
    """db lane: keep the registry's facts, start the feed from the beginning, re-queue what enrolment cures."""
    with ctx.uow(actor_id) as uow:
        repo.set_state(uow.session, {
            "registry_url": url.rstrip("/"), "registry_station_id": answer.station_id, "ca_file": ca_file,
            "kinds": json.dumps([k.value for k in answer.kinds]), "organisation": answer.organisation,
            "registry_key_id": answer.registry_key_id, "registry_public_key": answer.registry_public_key,
            "enrolled_at": uow.now(), "cursor": "0", "failures": "0", "next_try": None, "last_error": None})
        requeue = [r.id for r in uow.session.scalars(select(OutboxRow).where(OutboxRow.status == repo.QUARANTINED))
                   if any(reason in (r.last_error or "") for reason in REQUEUE_REASONS)]
        if requeue:
            uow.session.execute(update(OutboxRow).where(OutboxRow.id.in_(requeue))
                                .values(status=repo.QUEUED, last_error=None, updated_at=uow.now()))
        queued = repo.counts(uow.session)[repo.QUEUED]
        uow.audit(action="station.enrolled", subject_type="station", subject_id=ctx.station_id,
                  detail={"registry": url, "registry_station_id": answer.station_id,
                          "kinds": [k.value for k in answer.kinds], "queued": queued})
    return Enrolment(url, answer.station_id, answer.organisation, tuple(k.value for k in answer.kinds), queued)


@requires("station.enrol")
def enrol(ctx: StationContext, *, actor: User, url: str, code: str, ca_file: str | None = None,
          kinds: Sequence[str] = DEFAULT_KINDS, client_factory: Callable[..., Any] | None = None) -> Enrolment:
    """Both halves inline (the CLI); the sync page runs `register` on the io lane and `remember` on the db lane."""
    check_target(url, ca_file, kinds)
    answer = register(ctx, url=url, code=code, ca_file=ca_file, kinds=kinds, client_factory=client_factory)
    return remember(ctx, actor_id=actor.id, url=url, ca_file=ca_file, answer=answer)


@requires("station.enrol")
def enrol_steps(ctx: StationContext, *, actor: User, url: str, code: str, ca_file: str | None = None,
                kinds: Sequence[str] = DEFAULT_KINDS) -> Any:
    """The same as `enrol`, as lane-tagged steps for the sync page (HTTP and keyring on io, the rest on db)."""
    from assessdesk.services.sync.engine import db, io

    check_target(url, ca_file, kinds)
    answer = yield io(lambda: register(ctx, url=url, code=code, ca_file=ca_file, kinds=kinds), "enrolling")
    return (yield db(lambda: remember(ctx, actor_id=actor.id, url=url, ca_file=ca_file, answer=answer),
                     "remembering the registry"))
