"""The trusted-station-keys list: every enrolled station's Ed25519 key, signed by the registry's key."""

from __future__ import annotations

from typing import Any

from assessdesk.registry.context import Registry
from assessdesk.registry.stations.service import list_stations
from assessdesk.trust.canonical import canonical_json
from assessdesk.trust.keys import b64, unb64, verify_signature

LIST_FORMAT = "assessdesk.trusted-station-keys/1"


def export_trusted_keys(registry: Registry) -> dict[str, Any]:
    """{"list": ..., "signature": ...}; the signature covers the RFC 8785 bytes of "list"."""
    # key_id is null for a station enrolled without one; readers then derive it from station_id.
    entries = [{"station_id": s.station_id, "key_id": s.key_id, "name": s.name, "kinds": sorted(s.kinds),
                "public_key": s.public_key, "enrolled_at": s.enrolled_at, "revoked_at": s.revoked_at}
               for s in list_stations(registry)]
    body = {"format": LIST_FORMAT, "issued_at": registry.now(), "registry_key_id": registry.keys.key_id,
            "registry_public_key": registry.keys.signing.public_b64(), "stations": entries}
    signature = registry.keys.signing.sign(canonical_json(body))
    return {"list": body, "signature": {"alg": "Ed25519", "key_id": registry.keys.key_id, "value": b64(signature)}}


def verify_trusted_keys(document: dict[str, Any], *, registry_public_key: str) -> bool:
    """True when `document` was signed by the registry key given (pinned at enrolment)."""
    try:
        signature = unb64(document["signature"]["value"])
        return verify_signature(unb64(registry_public_key), signature, canonical_json(document["list"]))
    except (KeyError, TypeError, ValueError):
        return False
