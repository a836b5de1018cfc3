"""Station use-cases: issue and spend one-time enrolment codes, authenticate tokens, revoke, list."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from assessdesk.domain.clock import iso, parse_iso
from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.ids import new_id
from assessdesk.protocol.enrolment import StationKind, reenrolment_message, station_key_prefix
from assessdesk.registry import db
from assessdesk.registry.context import Registry
from assessdesk.registry.tables import enrolment_codes, stations
from assessdesk.trust.keys import unb64, verify_signature

# Crockford-style alphabet without I, L, O, U: easy to read out over the phone.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TOKEN_PREFIX = "adst_"


@dataclass(frozen=True)
class Station:
    station_id: str
    name: str
    kinds: frozenset[str]
    public_key: str
    enrolled_at: str
    revoked_at: str | None
    key_id: str | None = None  # the key id its manifests name; None when it enrolled without one

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def parse_kinds(values: list[str] | tuple[str, ...]) -> frozenset[str]:
    out = set()
    for value in values:
        try:
            out.add(StationKind(value.strip()).value)
        except ValueError:
            known = ", ".join(k.value for k in StationKind)
            raise InvalidInput(f"unknown station kind (known: {known})", where=f"kind '{value}'") from None
    return frozenset(out)


def issue_code(registry: Registry, *, kinds: frozenset[str] | None = None, valid_hours: float = 72,
               note: str = "") -> str:
    """A new one-time enrolment code (shown once; only its hash is kept)."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    now = registry.clock.now()
    with db.write_transaction(registry.engine) as conn:
        conn.execute(enrolment_codes.insert().values(
            code_hash=_sha256(raw), kinds=",".join(sorted(kinds)) if kinds else None, note=note,
            created_at=iso(now), expires_at=iso(now + timedelta(hours=valid_hours))))
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def revoke_code(registry: Registry, *, code: str) -> None:
    with db.write_transaction(registry.engine) as conn:
        done = conn.execute(enrolment_codes.update()
                            .where(enrolment_codes.c.code_hash == _sha256(normalise_code(code)))
                            .values(revoked_at=registry.now()))
        if done.rowcount == 0:
            raise NotFound("No such enrolment code.")


class EnrolmentRefused(Exception):
    """Why a code cannot be spent; the API turns it into a 403 with this sentence."""


class StationIdTaken(EnrolmentRefused):
    """The station id asked for already names an enrolled station; the code is not spent (API: 409)."""


def _check_identity(station_id: str | None, key_id: str | None) -> None:
    if key_id is not None and (station_id is None or not key_id.startswith(station_key_prefix(station_id))):
        # a key id outside the station's own namespace could shadow another station's key in the trusted list
        raise EnrolmentRefused("The station's key id must name the station's own id "
                               f"({station_key_prefix(station_id or '<station id>')}...).")


def enrol(registry: Registry, *, code: str, station_name: str, public_key: str, kinds: frozenset[str],
          station_id: str | None = None, key_id: str | None = None,
          proof: str | None = None) -> tuple[Station, str]:
    """Spend `code` to enrol a station; returns the station and its bearer token (shown once).

    `station_id` given: the station keeps its own id (refused, code unspent, when another station holds it);
    otherwise the registry makes one. `key_id` is published in the trusted-station-keys list. An enrolled station
    that lost its token enrols again under its id with a fresh code and a `proof` signed by the key the registry
    holds for it: the old token stops working, a new one is issued; a revoked station stays refused."""
    _check_identity(station_id, key_id)
    now = registry.now()
    with db.write_transaction(registry.engine) as conn:
        row = conn.execute(sa.select(enrolment_codes)
                           .where(enrolment_codes.c.code_hash == _sha256(normalise_code(code)))).first()
        if row is None or row.revoked_at is not None:
            raise EnrolmentRefused("This enrolment code is not valid. Ask the registry admin for a new code.")
        if row.used_at is not None:
            raise EnrolmentRefused("This enrolment code was already used. Ask the registry admin for a new code.")
        if parse_iso(row.expires_at) < registry.clock.now():
            raise EnrolmentRefused("This enrolment code has expired. Ask the registry admin for a new code.")
        if row.kinds and not kinds <= set(row.kinds.split(",")):
            raise EnrolmentRefused(f"This code only allows station kinds: {row.kinds.replace(',', ', ')}.")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        if station_id is None:
            station_id = new_id()
        elif (held := conn.execute(sa.select(stations).where(stations.c.station_id == station_id)).first()):
            # Never hand an enrolled id to a second holder: its events and keys would pass as the first station's.
            # Only the holder of the id's key may enrol under it again.
            if not _proves_key(held, code=code, public_key=public_key, key_id=key_id, proof=proof):
                raise StationIdTaken(f"Another station is already enrolled with this station's id ({station_id}). "
                                     "Nothing was changed and the code was not used; ask the registry admin.")
            if held.revoked_at is not None:
                raise EnrolmentRefused("This station was revoked by the registry admin and cannot enrol again.")
            conn.execute(stations.update().where(stations.c.station_id == station_id).values(
                name=station_name, kinds=",".join(sorted(kinds)), token_hash=_sha256(token)))
            conn.execute(enrolment_codes.update().where(enrolment_codes.c.code_hash == row.code_hash)
                         .values(used_at=now, used_by=station_id))
            return Station(station_id, station_name, kinds, public_key, held.enrolled_at, None, held.key_id), token
        try:
            conn.execute(stations.insert().values(
                station_id=station_id, name=station_name, kinds=",".join(sorted(kinds)), public_key=public_key,
                token_hash=_sha256(token), enrolled_at=now, key_id=key_id))
        except sa.exc.IntegrityError:
            # PostgreSQL does not serialise these writes: two enrolments racing for one id meet at the primary key.
            raise StationIdTaken(f"Another station is already enrolled with this station's id ({station_id}). "
                                 "Nothing was changed and the code was not used; ask the registry admin.") from None
        conn.execute(enrolment_codes.update().where(enrolment_codes.c.code_hash == row.code_hash)
                     .values(used_at=now, used_by=station_id))
    return Station(station_id, station_name, kinds, public_key, now, None, key_id), token


def _proves_key(held: sa.Row, *, code: str, public_key: str, key_id: str | None, proof: str | None) -> bool:
    """The request comes from the holder of the enrolled station's key (same key, same key id, valid proof)."""
    if proof is None or public_key != held.public_key or key_id != held.key_id:
        return False
    try:
        return verify_signature(unb64(public_key), unb64(proof),
                                reenrolment_message(code, held.station_id, public_key))
    except ValueError:
        return False


def _station(row: sa.Row) -> Station:
    return Station(row.station_id, row.name, frozenset(row.kinds.split(",")), row.public_key, row.enrolled_at,
                   row.revoked_at, row.key_id)


def by_token(conn: sa.Connection, token: str) -> Station | None:
    row = conn.execute(sa.select(stations).where(stations.c.token_hash == _sha256(token))).first()
    return _station(row) if row else None


def list_stations(registry: Registry) -> list[Station]:
    with registry.engine.connect() as conn:
        return [_station(r) for r in conn.execute(sa.select(stations).order_by(stations.c.enrolled_at))]


def stations_of_kind(conn: sa.Connection, kind: str) -> list[str]:
    rows = conn.execute(sa.select(stations.c.station_id, stations.c.kinds).where(stations.c.revoked_at.is_(None)))
    return [r.station_id for r in rows if kind in r.kinds.split(",")]


def revoke_station(registry: Registry, *, station_id: str, reason: str) -> None:
    if not reason.strip():
        raise InvalidInput("say why the station is revoked", where="reason")
    with db.write_transaction(registry.engine) as conn:
        done = conn.execute(stations.update().where(stations.c.station_id == station_id)
                            .values(revoked_at=registry.now(), revoked_reason=reason))
        if done.rowcount == 0:
            raise NotFound(f"No station with id {station_id}.")
