"""Credentials issued and verified per second, against raw Ed25519 and eddsa-jcs-2022 as named peers.

Run: .venv/bin/python benchmarks/credentials_proofs.py [--seconds 3]
Peers measured in the same run: a bare Ed25519 sign/verify of 64 bytes (the floor every proof pays), and
the same OpenBadgeCredential secured with eddsa-jcs-2022 (no JSON-LD): the ratio is what RDF
canonicalization costs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from assessdesk.trust.issuers import TrustedIssuer  # noqa: E402
from assessdesk.trust.keys import SigningKey, verify_signature  # noqa: E402
from assessdesk.trust.ob3 import (
    AchievedLevel,
    AchievementSpec,
    CompetencyAlignment,
    CredentialRequest,  # noqa: E402
    CriterionLevel,
    EvidenceRef,
    IssuerProfile,
    RubricCriterion,
    build_credential,
    issue_credential,
)
from assessdesk.trust.proofs import JCS, add_proof, check_proof  # noqa: E402
from assessdesk.trust.statuslist import StatusEntryRef, build_status_list_credential, new_bits  # noqa: E402
from assessdesk.trust.verify import StatusListSnapshot, verify_credential  # noqa: E402

ISSUER = "https://registry.example/issuers/bench"
LIST_URL = "https://registry.example/status/lists/bench"
NOW = datetime(2026, 1, 6, tzinfo=UTC)


def request(index: int) -> CredentialRequest:
    crit = "urn:assessdesk:rubric:bench:criterion"
    criteria = tuple(
        RubricCriterion(
            f"{crit}:{c}",
            f"Criterion {c}",
            tuple(CriterionLevel(f"{crit}:{c}:{lv}", f"Level {lv}", lv) for lv in range(4)),
        )
        for c in range(6)
    )
    return CredentialRequest(
        issuer=IssuerProfile(ISSUER, "Benchmark board"),
        achievement=AchievementSpec(
            "https://registry.example/achievements/bench",
            "Bench achievement",
            "A six-criterion rubric credential.",
            "Pass the assessment.",
            (
                CompetencyAlignment(
                    "LOG-SAFE-001", "Safe load handling", "https://registry.example/competencies/LOG-SAFE-001"
                ),
            ),
            criteria,
        ),
        subject_email=f"candidate{index}@example.com",
        subject_salt="salt",
        results=tuple(AchievedLevel(f"{crit}:{c}", f"{crit}:{c}:3") for c in range(6)),
        evidence=(EvidenceRef("urn:uuid:0191d2c4-7a1e-7c3b-9d2e-5f6a7b8c9d0e", "Manifest", "ab" * 32),),
        valid_from=datetime(2026, 1, 5, tzinfo=UTC),
        status=StatusEntryRef(LIST_URL, index % 131_072),
    )


def rate(label: str, work: Callable[[int], object], seconds: float) -> float:
    work(0)  # warm caches (resolved contexts, schema validators)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds and count < 100_000:
        work(count)
        count += 1
    per_second = count / (time.perf_counter() - start)
    print(f"  {label:<52} {per_second:10.1f} /s  ({1000 / per_second:7.3f} ms each)")
    return per_second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    seconds = parser.parse_args().seconds
    key = SigningKey.generate(f"{ISSUER}#key-1")
    trusted = {ISSUER: TrustedIssuer(ISSUER, "Benchmark board", {key.key_id: key.public_raw()})}
    status_list = build_status_list_credential(
        list_url=LIST_URL,
        issuer=ISSUER,
        bits=new_bits(),
        key=key,
        valid_from=datetime(2026, 1, 5, tzinfo=UTC),
    )
    issued = issue_credential(request(1), key)
    jcs_doc = add_proof(build_credential(request(1)), key, cryptosuite=JCS, created=NOW)
    message = os.urandom(64)
    signature = key.sign(message)

    print(
        f"assessdesk credential proofs on {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores (figures taken on a shared machine, under load from other work)"
    )
    ed_sign = rate("peer: raw Ed25519 sign (64 bytes)", lambda i: key.sign(message), seconds)
    ed_verify = rate(
        "peer: raw Ed25519 verify (64 bytes)",
        lambda i: verify_signature(key.public_raw(), signature, message),
        seconds,
    )
    jcs_issue = rate(
        "peer: OB credential + eddsa-jcs-2022 proof",
        lambda i: add_proof(build_credential(request(i)), key, cryptosuite=JCS, created=NOW),
        seconds,
    )
    jcs_verify = rate(
        "peer: eddsa-jcs-2022 proof check", lambda i: check_proof(jcs_doc, key.public_raw()), seconds
    )
    issue = rate(
        "issue_credential (build, schema, eddsa-rdfc-2022)",
        lambda i: issue_credential(request(i), key),
        seconds,
    )
    proof_only = rate(
        "eddsa-rdfc-2022 proof check only", lambda i: check_proof(issued, key.public_raw()), seconds
    )
    full = rate(
        "verify_credential (proof, schema, status list proof)",
        lambda i: verify_credential(
            issued,
            trusted_issuers=trusted,
            now=NOW,
            status_fetcher=lambda url: StatusListSnapshot(status_list, NOW),
        ),
        seconds,
    )
    print("ratios:")
    print(
        f"  issue_credential is {jcs_issue / issue:5.1f}x slower than the JCS peer, "
        f"{ed_sign / issue:7.0f}x slower than a raw Ed25519 signature"
    )
    print(
        f"  rdfc proof check is {jcs_verify / proof_only:5.1f}x slower than the JCS peer, "
        f"{ed_verify / proof_only:7.0f}x slower than a raw Ed25519 verify"
    )
    print(
        f"  verify_credential checks two proofs (credential + status list): "
        f"{proof_only / full:4.1f}x the proof "
        "check alone"
    )


if __name__ == "__main__":
    main()
