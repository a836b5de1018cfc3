"""Trusted station keys from the registry: the verified station list written to the profile's trusted-keys file
(services.evidence.trusted_keys reads it), and evidence of routed attempts fetched with its signers bound.

Why bindings: a station signs manifests with the key id it made at profile creation
(`urn:assessdesk:station:<own id>#key-1`). Since enrolment carries the station's own id and key id, the registry
lists the station under that id with that key id, and nothing needs binding. A station enrolled before that (or with
a registry that predates it) is listed under an id the registry chose; for it, a manifest sealed by a station is
bound to the public key the registry lists for the station that pushed its `evidence.sealed` event — the registry
authenticated that push — so a manifest verifies only when that station's key signed it.
"""

from __future__ import annotations

import json
import os
from typing import Any

from assessdesk.domain.errors import DomainError
from assessdesk.services.station import StationContext
from assessdesk.storage import sync as repo
from assessdesk.storage.events import attempt_events

LIST_KEY = "trusted_list"  # the registry's signed list as last verified (sync_state)
BINDINGS_KEY = "key_bindings"  # manifest key id -> registry station id


def keep_list(ctx: StationContext, document: dict[str, Any]) -> None:
    """db lane: keep the verified list and rewrite the profile file from it."""
    with ctx.uow(None) as uow:
        repo.set_state(uow.session, {LIST_KEY: json.dumps(document, sort_keys=True)})
    write_file(ctx)


def write_file(ctx: StationContext) -> None:
    from assessdesk.services.evidence.trusted_keys import LOCAL_FORMAT, PROFILE_FILE

    with ctx.db.session() as s:
        document = repo.get_json(s, LIST_KEY, {})
        bindings: dict[str, str] = repo.get_json(s, BINDINGS_KEY, {})
    listed = {e["station_id"]: e for e in document.get("list", {}).get("stations", []) if e.get("public_key")}
    entries = [{"station_id": sid, "name": e.get("name", ""), "public_key": e["public_key"],
                **({"key_id": e["key_id"]} if e.get("key_id") else {})}
               for sid, e in sorted(listed.items())]
    entries += [{"key_id": key_id, "station_id": sid, "name": listed[sid].get("name", ""),
                 "public_key": listed[sid]["public_key"]}
                for key_id, sid in sorted(bindings.items()) if sid in listed]
    station = ctx.station()
    entries.append({"station_id": station.id, "name": station.name, "key_id": station.key_id,
                    "public_key": station.public_key})
    file = ctx.profile_dir / PROFILE_FILE
    tmp = file.with_name(file.name + ".tmp")
    tmp.write_text(json.dumps({"format": LOCAL_FORMAT, "stations": entries}, indent=1, sort_keys=True),
                   encoding="utf-8")
    os.replace(tmp, file)


def listed_key_id(entry: dict[str, Any]) -> str:
    """The key id the registry's list gives a station: its published one, else the one its id implies."""
    from assessdesk.services.evidence.trusted_keys import station_key_id

    return str(entry.get("key_id") or station_key_id(str(entry.get("station_id", ""))))


def bind_manifest_keys(ctx: StationContext, attempt_id: str) -> list[str]:
    """db lane: make the key id of each sealed manifest of the attempt (held here) verifiable by its sealing
    station's listed key. A key id the registry's list already names for that station needs nothing (a station
    enrolled with its own id); any other is bound (a station enrolled under a registry-chosen id). Returns the key ids
    that now verify, whether listed or bound."""
    with ctx.db.session() as s:
        sealed = [e for e in attempt_events(s, attempt_id)
                  if e.event_type in ("evidence.sealed", "evidence.interim_sealed") and e.author_station != ctx.station_id]
        bindings: dict[str, str] = repo.get_json(s, BINDINGS_KEY, {})
        document = repo.get_json(s, LIST_KEY, {})
    listed = {str(e.get("station_id")): listed_key_id(e)
              for e in document.get("list", {}).get("stations", []) if isinstance(e, dict)}
    store = ctx.evidence_store()
    bound: list[str] = []
    verifiable: list[str] = []
    for event in sealed:
        sha = event.payload.get("sha256") or event.payload.get("manifest_sha256")
        if not isinstance(sha, str) or not store.has(sha):
            continue
        try:
            manifest = json.loads(store.read_bytes(sha))
            key_id = str(manifest["proof"]["verificationMethod"])
        except (DomainError, ValueError, KeyError, TypeError):
            continue  # the approver's verification reports a damaged manifest; nothing to bind
        if listed.get(event.author_station) == key_id:
            if key_id not in verifiable:
                verifiable.append(key_id)
            continue  # the registry lists this key id for the sealing station: nothing to bind
        if bindings.get(key_id) not in (None, event.author_station):
            continue  # one key id, two stations: bind neither way again; the first binding stands
        bindings[key_id] = event.author_station
        bound.append(key_id)
        if key_id not in verifiable:
            verifiable.append(key_id)
    if bound:
        with ctx.uow(None) as uow:
            repo.set_state(uow.session, {BINDINGS_KEY: json.dumps(bindings, sort_keys=True)})
            uow.audit(action="sync.keys_bound", subject_type="attempt", subject_id=attempt_id,
                      detail={"key_ids": bound})
        write_file(ctx)
    return verifiable


def fetch_attempt_evidence(ctx: StationContext, client: Any, *, attempt_id: str) -> list[str]:
    """io lane: download every file the registry holds for a routed attempt that is not here yet (verified,
    then stored encrypted). Returns the hashes fetched. Call `bind_manifest_keys` on the db lane afterwards."""
    from assessdesk.services.sync.evidence import fetch

    listing = client.attempt_evidence(attempt_id)
    store = ctx.evidence_store()
    fetched = []
    for item in listing.items:
        if item.present and not store.has(item.sha256):
            fetch(ctx, client, sha256=item.sha256)
            fetched.append(item.sha256)
    return fetched
