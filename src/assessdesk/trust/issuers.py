"""Trusted issuers and their published keys (current and retired), and which key a proof may use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assessdesk.domain.errors import InvalidInput
from assessdesk.trust.multibase import (
    decode_public_key_multibase,
    public_key_from_did_key,
    public_key_multibase,
)


@dataclass(frozen=True)
class TrustedIssuer:
    """An issuer this station accepts, with every verification method it has published, rotated-out ones too,
    so credentials signed before a key rotation stay verifiable."""

    id: str
    name: str
    keys: Mapping[str, bytes] = field(default_factory=dict)  # verificationMethod id -> raw Ed25519 public key

    def key_for(self, verification_method: str) -> bytes | None:
        """The public key a proof naming `verification_method` must verify under, or None if it is not this
        issuer's. A did:key issuer owns exactly the key its DID spells out."""
        if verification_method in self.keys:
            return self.keys[verification_method]
        did, _, _ = verification_method.partition("#")
        if did == self.id and did.startswith("did:key:"):
            try:
                return public_key_from_did_key(verification_method)
            except InvalidInput:
                return None
        return None


def issuer_id_of(document: Mapping[str, Any]) -> str | None:
    issuer = document.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def load_trusted_issuers(data: Mapping[str, Any]) -> dict[str, TrustedIssuer]:
    """Parse a trusted-issuers document:
    {"issuers": [{"id": ..., "name": ...,
                  "verificationMethods": [{"id": ..., "publicKeyMultibase": "z6Mk..."}]}]}
    """
    issuers: dict[str, TrustedIssuer] = {}
    entries = data.get("issuers")
    if not isinstance(entries, list):
        raise InvalidInput("expected an 'issuers' list", where="trusted issuers")
    for position, entry in enumerate(entries):
        where = f"trusted issuers, entry {position + 1}"
        if not isinstance(entry, Mapping) or not isinstance(entry.get("id"), str):
            raise InvalidInput("each issuer needs an 'id'", where=where)
        keys = {}
        for method in entry.get("verificationMethods", []):
            try:
                keys[str(method["id"])] = decode_public_key_multibase(str(method["publicKeyMultibase"]))
            except (KeyError, TypeError):
                raise InvalidInput(
                    "each verification method needs 'id' and 'publicKeyMultibase'", where=where
                ) from None
        issuers[entry["id"]] = TrustedIssuer(entry["id"], str(entry.get("name", entry["id"])), keys)
    return issuers


def dump_trusted_issuers(issuers: Mapping[str, TrustedIssuer]) -> dict[str, Any]:
    """The inverse of load_trusted_issuers, for publishing an issuer list."""
    return {
        "issuers": [
            {
                "id": issuer.id,
                "name": issuer.name,
                "verificationMethods": [
                    {
                        "id": vm,
                        "type": "Multikey",
                        "controller": issuer.id,
                        "publicKeyMultibase": public_key_multibase(raw),
                    }
                    for vm, raw in sorted(issuer.keys.items())
                ],
            }
            for issuer in issuers.values()
        ]
    }
