"""Evidence manifests signed with eddsa-jcs-2022 and the specific problems verification reports."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from assessdesk.trust.keys import SigningKey
from assessdesk.trust.manifest_proof import sign_manifest, verify_manifest

MANIFEST = {
    "manifestId": "0191d2c4-7a1e-7c3b-9d2e-5f6a7b8c9d0e",
    "attemptId": "0191d2c4-0000-7000-8000-000000000001",
    "items": [
        {"kind": "video_segment", "sha256": "ab" * 32, "size": 1048576, "seq": 0},
        {"kind": "photo", "sha256": "cd" * 32, "size": 20480, "seq": 1},
    ],
    "chainHead": "ef" * 32,
}
STATION_VM = "urn:assessdesk:station:front-desk-1#key-1"


def test_sign_then_verify_and_reserialised_copies_still_verify():
    key = SigningKey.generate(STATION_VM)
    signed = sign_manifest(MANIFEST, key, created=datetime(2026, 1, 5, 10, tzinfo=UTC))
    assert signed["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert signed["proof"]["verificationMethod"] == STATION_VM
    assert "@context" not in signed["proof"]
    trusted = {STATION_VM: key.public_raw()}
    assert verify_manifest(signed, trusted) == []
    assert verify_manifest(json.loads(json.dumps(signed, indent=3, sort_keys=True)), trusted) == []
    resigned = sign_manifest(signed, key)  # re-sealing replaces the old proof
    assert verify_manifest(resigned, trusted) == []


def test_each_problem_is_named():
    key = SigningKey.generate(STATION_VM)
    signed = sign_manifest(MANIFEST, key)
    changed = json.loads(json.dumps(signed))
    changed["items"][1]["sha256"] = "00" * 32
    assert [p.code for p in verify_manifest(changed, {STATION_VM: key.public_raw()})] == ["bad_signature"]
    assert [p.code for p in verify_manifest(signed, {})] == ["unknown_key"]
    impostor = SigningKey.generate(STATION_VM)
    assert [p.code for p in verify_manifest(signed, {STATION_VM: impostor.public_raw()})] == ["bad_signature"]
    assert [p.code for p in verify_manifest(MANIFEST, {STATION_VM: key.public_raw()})] == ["no_proof"]
    other_suite = json.loads(json.dumps(signed))
    other_suite["proof"]["cryptosuite"] = "ecdsa-jcs-2019"
    assert [p.code for p in verify_manifest(other_suite, {STATION_VM: key.public_raw()})] == ["unsupported"]
