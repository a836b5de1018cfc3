"""W3C Data Integrity proofs with the EdDSA cryptosuites eddsa-rdfc-2022 and eddsa-jcs-2022 (vc-di-eddsa)."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from assessdesk.domain.errors import InvalidInput
from assessdesk.trust.canonical import canonical_json
from assessdesk.trust.contexts import PinnedLoader
from assessdesk.trust.errors import CanonicalizationError, ContextNotPinned, ProofError
from assessdesk.trust.keys import SigningKey, verify_signature
from assessdesk.trust.multibase import did_key_verification_method, multibase_decode, multibase_encode
from assessdesk.trust.rdfc import canonize

Cryptosuite = Literal["eddsa-rdfc-2022", "eddsa-jcs-2022"]
RDFC: Cryptosuite = "eddsa-rdfc-2022"
JCS: Cryptosuite = "eddsa-jcs-2022"
PROOF_TYPE = "DataIntegrityProof"


def xsd_datetime(moment: datetime) -> str:
    """An xsd:dateTime in UTC to the second, the form the specification's examples use."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def verification_method_for(key: SigningKey) -> str:
    """The key's own id when it is already an IRI (published key), else its did:key verification method."""
    return key.key_id if ":" in key.key_id else did_key_verification_method(key.public_raw())


def _hash_data(
    document: Mapping[str, Any],
    proof_config: Mapping[str, Any],
    suite: str,
    *,
    loader: PinnedLoader | None,
    strict: bool,
) -> bytes:
    """hash(canonical proof config) || hash(canonical document): vc-di-eddsa sections 3.3.4 and 3.4.4."""
    if suite == RDFC:
        canonical_config = canonize(proof_config, loader=loader, strict=strict).encode()
        canonical_document = canonize(document, loader=loader, strict=strict).encode()
    elif suite == JCS:
        canonical_config = canonical_json(proof_config)
        canonical_document = canonical_json(document)
    else:
        raise ProofError(f"Unsupported cryptosuite '{suite}'.")
    return hashlib.sha256(canonical_config).digest() + hashlib.sha256(canonical_document).digest()


def add_proof(
    document: Mapping[str, Any],
    key: SigningKey,
    *,
    cryptosuite: Cryptosuite,
    created: datetime,
    verification_method: str | None = None,
    proof_purpose: str = "assertionMethod",
    loader: PinnedLoader | None = None,
    strict: bool = True,
) -> dict[str, Any]:
    """A copy of `document` secured with a DataIntegrityProof made by `key`."""
    if "proof" in document:
        raise ProofError("The document already carries a proof; proof sets are not supported here.")
    unsecured = copy.deepcopy(dict(document))
    proof: dict[str, Any] = {
        "type": PROOF_TYPE,
        "cryptosuite": cryptosuite,
        "created": xsd_datetime(created),
        "verificationMethod": verification_method or verification_method_for(key),
        "proofPurpose": proof_purpose,
    }
    config = dict(proof)
    if "@context" in unsecured:
        config["@context"] = unsecured["@context"]
        if cryptosuite == JCS:  # eddsa-jcs-2022 keeps the context in the proof so verifiers can check it
            proof["@context"] = unsecured["@context"]
    signature = key.sign(_hash_data(unsecured, config, cryptosuite, loader=loader, strict=strict))
    proof["proofValue"] = multibase_encode(signature, "z")
    unsecured["proof"] = proof
    return unsecured


@dataclass(frozen=True)
class ProofCheck:
    """What checking one proof found: `ok` only when the signature matches under a resolved key."""

    ok: bool
    verification_method: str
    cryptosuite: str
    created: str
    problem: str = ""
    problem_code: str = ""  # "proof", "context", "canonical", "key"


def read_proof(document: Mapping[str, Any]) -> Mapping[str, Any]:
    proof = document.get("proof")
    if isinstance(proof, list):
        raise ProofError("The document carries several proofs; assessdesk accepts exactly one.")
    if not isinstance(proof, Mapping):
        raise ProofError("The document carries no proof.")
    return proof


def check_proof(
    document: Mapping[str, Any],
    public_key: bytes | None,
    *,
    loader: PinnedLoader | None = None,
    expected_purpose: str = "assertionMethod",
    strict: bool = True,
) -> ProofCheck:
    """Verify the single DataIntegrityProof on `document` against `public_key` (None: key unknown)."""
    try:
        proof = dict(read_proof(document))
    except ProofError as exc:
        return ProofCheck(False, "", "", "", exc.message, "proof")
    vm = str(proof.get("verificationMethod", ""))
    suite = str(proof.get("cryptosuite", ""))
    created = str(proof.get("created", ""))

    def fail(problem: str, code: str = "proof") -> ProofCheck:
        return ProofCheck(False, vm, suite, created, problem, code)

    if proof.get("type") != PROOF_TYPE or suite not in (RDFC, JCS):
        return fail(f"Unsupported proof type {proof.get('type')!r} / cryptosuite {suite!r}.")
    if proof.get("proofPurpose") != expected_purpose:
        return fail(f"The proof was made for '{proof.get('proofPurpose')}', not '{expected_purpose}'.")
    proof_value = str(proof.pop("proofValue", ""))
    try:
        signature = multibase_decode(proof_value)
    except InvalidInput:
        return fail("The proof value is not a valid base58btc multibase string.")
    if not proof_value.startswith("z") or len(signature) != 64:
        return fail("The proof value is not a 64-byte Ed25519 signature.")
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    if suite == JCS and "@context" in proof:
        # vc-di-eddsa 3.4.2: the document's @context must start with the proof's, and the proof's is used.
        ctx_doc = unsecured.get("@context")
        ctx_proof = proof["@context"]
        doc_list = ctx_doc if isinstance(ctx_doc, list) else [ctx_doc]
        proof_list = ctx_proof if isinstance(ctx_proof, list) else [ctx_proof]
        if doc_list[: len(proof_list)] != proof_list:
            return fail("The document's @context does not match the one the proof covers.", "context")
        unsecured["@context"] = ctx_proof
    config = dict(proof)
    if suite == RDFC and "@context" in unsecured:
        config["@context"] = unsecured["@context"]
    if public_key is None:
        return fail(f"The signing key {vm} is not known to this station.", "key")
    try:
        data = _hash_data(unsecured, config, suite, loader=loader, strict=strict)
    except ContextNotPinned as exc:
        return fail(exc.message, "context")
    except CanonicalizationError as exc:
        return fail(exc.message, "canonical")
    if not verify_signature(public_key, signature, data):
        return fail(
            "The signature does not match the content: the document was changed after signing, or it "
            "was signed by another key."
        )
    return ProofCheck(True, vm, suite, created)
