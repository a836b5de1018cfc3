"""Trusted station keys for offline verification: read the profile's file or the registry's signed list; write one.

Two shapes are read. The station's own file: {"format": LOCAL_FORMAT, "stations": [{"key_id", "station_id",
"name", "public_key"}]}. The registry's published list (registry.stations.trusted_keys): {"list": {"stations":
[...]}, "signature": ...}; its entries carry station ids, and a station's key id is `urn:assessdesk:station:<id>#key-1`
(services.station.create_profile).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.station import StationContext
from assessdesk.trust.keys import unb64

LOCAL_FORMAT = "assessdesk.trusted-station-keys/1"
PROFILE_FILE = "trusted-keys.json"  # in the profile folder; sync may replace it with the registry's list


def station_key_id(station_id: str) -> str:
    return f"urn:assessdesk:station:{station_id}#key-1"


def parse_trusted_keys(document: Any) -> dict[str, bytes]:
    """verification method id -> raw Ed25519 public key."""
    if not isinstance(document, dict):
        raise InvalidInput("the trusted keys file is not a JSON object", where="trusted keys")
    body = document.get("list") if isinstance(document.get("list"), dict) else document
    stations = body.get("stations")
    if not isinstance(stations, list):
        raise InvalidInput("the trusted keys file lists no stations", where="trusted keys")
    keys: dict[str, bytes] = {}
    for entry in stations:
        if not isinstance(entry, dict) or not entry.get("public_key"):
            continue
        key_id = entry.get("key_id") or (station_key_id(entry["station_id"]) if entry.get("station_id") else None)
        if not key_id:
            continue
        try:
            raw = unb64(str(entry["public_key"]))
        except ValueError:
            continue
        if len(raw) == 32:
            keys[str(key_id)] = raw
    return keys


def load_trusted_keys(path: Path) -> dict[str, bytes]:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"cannot read the trusted keys file ({exc})", where=str(path)) from exc
    return parse_trusted_keys(document)


def station_trusted_keys_document(ctx: StationContext) -> dict[str, Any]:
    """The profile's trusted keys: the file in the profile when there is one, plus this station's own key."""
    station = ctx.station()
    entries: list[dict[str, Any]] = []
    file = ctx.profile_dir / PROFILE_FILE
    if file.exists():
        try:
            existing = json.loads(file.read_text(encoding="utf-8"))
            body = existing.get("list") if isinstance(existing.get("list"), dict) else existing
            entries = [dict(e) for e in body.get("stations", []) if isinstance(e, dict)]
        except (OSError, ValueError, AttributeError):
            entries = []
    if not any(e.get("key_id") == station.key_id or e.get("station_id") == station.id for e in entries):
        entries.append({"station_id": station.id, "name": station.name, "key_id": station.key_id,
                        "public_key": station.public_key})
    return {"format": LOCAL_FORMAT, "stations": entries}


def ensure_profile_trusted_keys(ctx: StationContext) -> Path:
    """Keep a trusted-keys file in the profile (at least this station's own key) for offline verification."""
    file = ctx.profile_dir / PROFILE_FILE
    document = station_trusted_keys_document(ctx)
    try:
        current = load_trusted_keys(file) if file.exists() else None
    except InvalidInput:
        current = None  # damaged: rewrite it from the station's own record
    if current != parse_trusted_keys(document):
        tmp = file.with_name(file.name + ".tmp")
        tmp.write_text(json.dumps(document, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, file)
    return file
