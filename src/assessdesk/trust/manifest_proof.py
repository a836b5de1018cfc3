"""Signs and checks evidence manifests with a DataIntegrityProof (eddsa-jcs-2022: plain JSON, no JSON-LD)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from assessdesk.trust.keys import SigningKey
from assessdesk.trust.proofs import JCS, add_proof, check_proof


@dataclass(frozen=True)
class ManifestProblem:
    code: str  # no_proof | unsupported | unknown_key | bad_signature
    message: str


def sign_manifest(
    manifest: Mapping[str, Any],
    key: SigningKey,
    *,
    created: datetime | None = None,
    verification_method: str | None = None,
) -> dict[str, Any]:
    """A copy of `manifest` with an eddsa-jcs-2022 proof by the station key (replacing any old proof)."""
    unsigned = {k: v for k, v in manifest.items() if k != "proof"}
    return add_proof(
        unsigned,
        key,
        cryptosuite=JCS,
        created=created or datetime.now(UTC),
        verification_method=verification_method,
    )


def verify_manifest(doc: Mapping[str, Any], trusted_keys: Mapping[str, bytes]) -> list[ManifestProblem]:
    """Problems with the manifest's signature; empty means a trusted station key signed exactly this."""
    proof = doc.get("proof")
    if not isinstance(proof, Mapping):
        return [ManifestProblem("no_proof", "The evidence manifest is not signed.")]
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != JCS:
        return [
            ManifestProblem(
                "unsupported", "The manifest's signature is not an eddsa-jcs-2022 Data Integrity proof."
            )
        ]
    vm = str(proof.get("verificationMethod", ""))
    key = trusted_keys.get(vm)
    if key is None:
        return [
            ManifestProblem(
                "unknown_key",
                f"The manifest was signed by {vm or 'an unnamed key'}, which is not "
                "a station key this registry or station trusts.",
            )
        ]
    check = check_proof(doc, key)
    if not check.ok:
        return [
            ManifestProblem(
                "bad_signature",
                "The manifest's signature does not match its content: it was "
                f"changed after sealing ({check.problem})",
            )
        ]
    return []
