"""Builds and signs Open Badges 3.0 OpenBadgeCredentials (VC DM 2.0, eddsa-rdfc-2022) from plain data."""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from assessdesk.trust.contexts import OB_CREDENTIAL_CONTEXT
from assessdesk.trust.errors import CredentialBuildError
from assessdesk.trust.keys import SigningKey
from assessdesk.trust.ob3_schema import validate_credential
from assessdesk.trust.proofs import RDFC, add_proof, xsd_datetime
from assessdesk.trust.statuslist import StatusEntryRef

_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
_ABSOLUTE_IRI = re.compile(
    r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$"
)  # node ids must be absolute, or JSON-LD drops them


@dataclass(frozen=True)
class IssuerProfile:
    id: str
    name: str
    url: str | None = None


@dataclass(frozen=True)
class CompetencyAlignment:
    """An alignment to a competency (CASE-style item id such as LOG-SAFE-001) in a published framework."""

    competency_id: str
    name: str
    url: str
    framework: str | None = None


@dataclass(frozen=True)
class CriterionLevel:
    id: str
    name: str
    points: float | None = None
    description: str | None = None


@dataclass(frozen=True)
class RubricCriterion:
    """One rubric criterion as an OB 3.0 ResultDescription of type RubricCriterionLevel."""

    id: str
    name: str
    levels: tuple[CriterionLevel, ...]
    required_level: str | None = None


@dataclass(frozen=True)
class AchievementSpec:
    id: str
    name: str
    description: str
    criteria_narrative: str
    alignments: tuple[CompetencyAlignment, ...] = ()
    criteria: tuple[RubricCriterion, ...] = ()
    achievement_type: str | None = None


@dataclass(frozen=True)
class AchievedLevel:
    criterion_id: str
    level_id: str


@dataclass(frozen=True)
class EvidenceRef:
    """The sealed evidence manifest: its id (a URI) and the sha256 (hex) of its canonical JSON."""

    id: str
    name: str
    sha256_hex: str
    description: str | None = None


@dataclass(frozen=True)
class CredentialRequest:
    issuer: IssuerProfile
    achievement: AchievementSpec
    subject_email: str
    subject_salt: str
    results: tuple[AchievedLevel, ...]
    evidence: tuple[EvidenceRef, ...]
    valid_from: datetime
    status: StatusEntryRef
    valid_until: datetime | None = None
    credential_id: str = field(default_factory=lambda: f"urn:uuid:{uuid.uuid4()}")


def identity_hash(email: str, salt: str) -> str:
    """OB 3.0 IdentityHash: 'sha256$' + hex sha256 of the identifier with the salt appended (UTF-8).

    The e-mail is trimmed and lower-cased first, so a verifier typing it differently still matches.
    """
    normalized = email.strip().lower()
    return "sha256$" + hashlib.sha256((normalized + salt).encode("utf-8")).hexdigest()


def _result_description(criterion: RubricCriterion) -> dict[str, Any]:
    levels = []
    for level in criterion.levels:
        item: dict[str, Any] = {"id": level.id, "type": ["RubricCriterionLevel"], "name": level.name}
        if level.description:
            item["description"] = level.description
        if level.points is not None:
            item["points"] = _points(level.points)
        levels.append(item)
    described: dict[str, Any] = {
        "id": criterion.id,
        "type": ["ResultDescription"],
        "name": criterion.name,
        "resultType": "RubricCriterionLevel",
        "rubricCriterionLevel": levels,
    }
    if criterion.required_level:
        described["requiredLevel"] = criterion.required_level
    return described


def _points(value: float) -> str:
    # OB 3.0 types `points` as a string; whole numbers print without ".0" so "3" and 3.0 sign identically.
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _check(request: CredentialRequest) -> None:
    problems = [
        f"{what} '{value}' is not an absolute URI (e.g. urn:uuid:..., https://...)"
        for what, value in _node_ids(request)
        if not _ABSOLUTE_IRI.match(value)
    ]
    known_levels = {c.id: {lv.id for lv in c.levels} for c in request.achievement.criteria}
    for result in request.results:
        if result.criterion_id not in known_levels:
            problems.append(f"result for unknown criterion {result.criterion_id}")
        elif result.level_id not in known_levels[result.criterion_id]:
            problems.append(f"level {result.level_id} is not a level of criterion {result.criterion_id}")
    for evidence in request.evidence:
        if not _SHA256_HEX.match(evidence.sha256_hex):
            problems.append(f"evidence {evidence.id} digest is not a lowercase sha256 hex string")
    if "@" not in request.subject_email or not request.subject_salt:
        problems.append("the candidate's e-mail and a salt are both needed for the identity hash")
    if request.valid_until is not None and request.valid_until <= request.valid_from:
        problems.append("the credential would expire before it becomes valid")
    if problems:
        raise CredentialBuildError(
            "The credential data is incomplete or inconsistent.", problems=tuple(problems)
        )


def _node_ids(request: CredentialRequest) -> list[tuple[str, str]]:
    spec = request.achievement
    ids = [
        ("credential id", request.credential_id),
        ("issuer id", request.issuer.id),
        ("achievement id", spec.id),
        ("status list", request.status.list_url),
    ]
    ids += [("alignment url", a.url) for a in spec.alignments]
    ids += [("criterion id", c.id) for c in spec.criteria]
    ids += [("level id", lv.id) for c in spec.criteria for lv in c.levels]
    ids += [("evidence id", e.id) for e in request.evidence]
    if request.issuer.url:
        ids.append(("issuer url", request.issuer.url))
    return ids


def build_credential(request: CredentialRequest) -> dict[str, Any]:
    """The unsigned OpenBadgeCredential for `request` (checked, but not yet schema-validated or signed)."""
    _check(request)
    spec = request.achievement
    issuer: dict[str, Any] = {"id": request.issuer.id, "type": ["Profile"], "name": request.issuer.name}
    if request.issuer.url:
        issuer["url"] = request.issuer.url
    achievement: dict[str, Any] = {
        "id": spec.id,
        "type": ["Achievement"],
        "name": spec.name,
        "description": spec.description,
        "criteria": {"narrative": spec.criteria_narrative},
    }
    if spec.achievement_type:
        achievement["achievementType"] = spec.achievement_type
    if spec.alignments:
        achievement["alignment"] = [_alignment(a) for a in spec.alignments]
    if spec.criteria:
        achievement["resultDescription"] = [_result_description(c) for c in spec.criteria]
    subject: dict[str, Any] = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": identity_hash(request.subject_email, request.subject_salt),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": request.subject_salt,
            }
        ],
        "achievement": achievement,
    }
    if request.results:
        subject["result"] = [
            {"type": ["Result"], "resultDescription": r.criterion_id, "achievedLevel": r.level_id}
            for r in request.results
        ]
    credential: dict[str, Any] = {
        "@context": list(OB_CREDENTIAL_CONTEXT),
        "id": request.credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": spec.name,
        "description": spec.description,
        "issuer": issuer,
        "validFrom": xsd_datetime(request.valid_from),
        "credentialSubject": subject,
        "credentialStatus": request.status.to_json(),
    }
    if request.valid_until is not None:
        credential["validUntil"] = xsd_datetime(request.valid_until)
    if request.evidence:
        credential["evidence"] = [_evidence(e) for e in request.evidence]
    return credential


def _alignment(alignment: CompetencyAlignment) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": ["Alignment"],
        "targetName": alignment.name,
        "targetUrl": alignment.url,
        "targetCode": alignment.competency_id,
        "targetType": "CFItem",
    }
    if alignment.framework:
        item["targetFramework"] = alignment.framework
    return item


def _evidence(evidence: EvidenceRef) -> dict[str, Any]:
    # digestSRI (VC Data Model 2.0 section 5.3, "Integrity of Related Resources"): "sha256-" + base64 digest.
    digest = base64.b64encode(bytes.fromhex(evidence.sha256_hex)).decode()
    item: dict[str, Any] = {
        "id": evidence.id,
        "type": ["Evidence"],
        "name": evidence.name,
        "digestSRI": f"sha256-{digest}",
    }
    if evidence.description:
        item["description"] = evidence.description
    return item


def issue_credential(
    request: CredentialRequest,
    key: SigningKey,
    *,
    verification_method: str | None = None,
    created: datetime | None = None,
) -> dict[str, Any]:
    """Build, schema-validate and sign (eddsa-rdfc-2022) a credential; raises CredentialBuildError."""
    credential = build_credential(request)
    problems = validate_credential(credential)
    if problems:
        raise CredentialBuildError(
            "The credential does not meet the Open Badges 3.0 schema.", problems=tuple(problems)
        )
    return add_proof(
        credential,
        key,
        cryptosuite=RDFC,
        created=created or request.valid_from,
        verification_method=verification_method,
    )


def evidence_digest_matches(credential: dict[str, Any], evidence_id: str, sha256_hex: str) -> bool:
    """True when the credential lists evidence `evidence_id` with exactly this manifest digest."""
    expected = "sha256-" + base64.b64encode(bytes.fromhex(sha256_hex)).decode()
    return any(
        item.get("id") == evidence_id and item.get("digestSRI") == expected
        for item in credential.get("evidence", [])
        if isinstance(item, dict)
    )
