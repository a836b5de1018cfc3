"""Shared constants and a credential-request factory for the trust tests (imported by name via conftest)."""

from __future__ import annotations

from datetime import UTC, datetime

from assessdesk.trust.ob3 import (
    AchievedLevel,
    AchievementSpec,
    CompetencyAlignment,
    CredentialRequest,
    CriterionLevel,
    EvidenceRef,
    IssuerProfile,
    RubricCriterion,
)
from assessdesk.trust.statuslist import StatusEntryRef

ISSUER_ID = "https://registry.example/issuers/acme"
LIST_URL = "https://registry.example/status/lists/1"
KEY_V1 = f"{ISSUER_ID}#key-1"
ISSUED_AT = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 1, 6, 12, 0, tzinfo=UTC)


def make_request(**changes) -> CredentialRequest:
    crit = "urn:assessdesk:rubric:forklift-v3:criterion"
    fields = dict(
        issuer=IssuerProfile(ISSUER_ID, "ACME Skills Board", "https://acme.example"),
        achievement=AchievementSpec(
            id="https://registry.example/achievements/forklift-l1",
            name="Forklift operation, level 1",
            description="Operates a counterbalance forklift safely in a warehouse.",
            criteria_narrative="Pass the proctored practical assessment on the forklift-v3 rubric.",
            alignments=(
                CompetencyAlignment(
                    "LOG-SAFE-001",
                    "Safe load handling",
                    "https://registry.example/competencies/LOG-SAFE-001",
                    "ACME logistics",
                ),
            ),
            criteria=(
                RubricCriterion(
                    f"{crit}:pre-use",
                    "Pre-use inspection",
                    (
                        CriterionLevel(f"{crit}:pre-use:1", "Not yet", 0),
                        CriterionLevel(f"{crit}:pre-use:2", "Competent", 2),
                    ),
                    required_level=f"{crit}:pre-use:2",
                ),
                RubricCriterion(
                    f"{crit}:load",
                    "Load handling",
                    (
                        CriterionLevel(f"{crit}:load:1", "Not yet", 0),
                        CriterionLevel(f"{crit}:load:2", "Competent", 2.5, "Smooth, within limits"),
                    ),
                ),
            ),
        ),
        subject_email="ada@example.com",
        subject_salt="k0sher-salt",
        results=(
            AchievedLevel(f"{crit}:pre-use", f"{crit}:pre-use:2"),
            AchievedLevel(f"{crit}:load", f"{crit}:load:2"),
        ),
        evidence=(
            EvidenceRef(
                "urn:uuid:0191d2c4-7a1e-7c3b-9d2e-5f6a7b8c9d0e",
                "Sealed evidence manifest",
                "5d41402abc4b2a76b9719d911017c592" * 2,
            ),
        ),
        valid_from=ISSUED_AT,
        status=StatusEntryRef(LIST_URL, 1234),
    )
    fields.update(changes)
    return CredentialRequest(**fields)
