"""Turns gathered issuance inputs into the Open Badges 3.0 credential request and the certificate's content."""

from __future__ import annotations

import calendar
import secrets
from datetime import date, datetime

from assessdesk.services.issuance.inputs import IssuanceInputs
from assessdesk.services.issuance.settings import IssuanceSettings
from assessdesk.services.issuance.standards_view import CriterionView, PinnedStandards
from assessdesk.services.reports.models import CertificateData, CompetencyAchievement, CriterionResult
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

# OB 3.0 AchievementType enumeration value for a short, assessed credential.
ACHIEVEMENT_TYPE = "MicroCredential"


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (clamped to the month's end: 31 Jan + 1 month = 28/29 Feb)."""
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def _criterion_id(base: str, standards: PinnedStandards, criterion: CriterionView) -> str:
    item_id, _, version = standards.assessment_ref.partition("@")
    return f"{base}rubrics/{item_id}/{version or 'current'}#{criterion.id}"


def _level_id(base: str, standards: PinnedStandards, criterion: CriterionView, key: str) -> str:
    return f"{_criterion_id(base, standards, criterion)}.level-{key}"


def manifest_ref(inputs: IssuanceInputs) -> EvidenceRef:
    evidence = inputs.evidence
    assert evidence.manifest_sha256 is not None
    manifest_id = evidence.manifest_id or f"urn:assessdesk:attempt:{inputs.attempt.id}:evidence-manifest"
    return EvidenceRef(id=str(manifest_id), name="Sealed evidence manifest", sha256_hex=evidence.manifest_sha256,
                       description="The station-signed manifest of the recording, photos and artifacts of the "
                                   "assessment; the digest pins its exact content.")


def credential_request(inputs: IssuanceInputs, cfg: IssuanceSettings, *, status_index: int,
                       issued_at: datetime) -> CredentialRequest:
    """The credential for a reviewed attempt (callers have checked `inputs.blockers()` is empty)."""
    standards = inputs.standards
    assert standards is not None
    base, definition = cfg.verification_base_url, standards.credential
    alignments = tuple(CompetencyAlignment(a.competency_id, standards.competencies[a.competency_id].title,
                                           f"{base}competencies/{a.competency_id}")
                       for a in definition.alignments)
    criteria = tuple(RubricCriterion(
        _criterion_id(base, standards, c), c.title,
        tuple(CriterionLevel(_level_id(base, standards, c, lv.key), lv.label, lv.points, lv.descriptor)
              for lv in c.levels),
        _level_id(base, standards, c, c.required_key) if c.required_key else None) for c in standards.criteria)
    achievement = AchievementSpec(
        id=f"{base}achievements/{definition.id}/{definition.version}", name=definition.name,
        description=definition.description, criteria_narrative=definition.criteria_narrative,
        alignments=alignments, criteria=criteria, achievement_type=ACHIEVEMENT_TYPE)
    achieved = inputs.achieved
    results = tuple(AchievedLevel(_criterion_id(base, standards, c), _level_id(base, standards, c, achieved[c.id]))
                    for c in standards.criteria)
    valid_from = issued_at.replace(microsecond=0)
    valid_until = add_months(valid_from, definition.validity_months) if definition.validity_months else None
    return CredentialRequest(
        issuer=IssuerProfile(cfg.issuer_id, cfg.issuer_name, cfg.issuer_url), achievement=achievement,
        subject_email=inputs.attempt.candidate.email or "", subject_salt=secrets.token_hex(16), results=results,
        evidence=(manifest_ref(inputs),), valid_from=valid_from,
        status=StatusEntryRef(cfg.status_list_url, status_index), valid_until=valid_until)


def _met(criterion: CriterionView, key: str) -> bool:
    if criterion.required_key is None:
        return True
    if key.isdigit() and criterion.required_key.isdigit():
        return int(key) >= int(criterion.required_key)
    return key == criterion.required_key


def certificate_data(inputs: IssuanceInputs, *, credential_id: str, issuer_name: str, verification_url: str,
                     issued_on: date, expires_on: date | None, approver_name: str) -> CertificateData:
    standards = inputs.standards
    assert standards is not None
    achieved = inputs.achieved
    criteria = []
    for c in standards.criteria:
        level = c.level(achieved[c.id])
        criteria.append(CriterionResult(c.title, level.label if level else achieved[c.id],
                                        level.points if level else 0.0, c.max_points, _met(c, achieved[c.id]),
                                        c.competency_id, c.critical, level.descriptor if level else ""))
    competencies = []
    for alignment in standards.credential.alignments:
        competency = standards.competencies[alignment.competency_id]
        mine = [c for c in standards.criteria if c.competency_id == alignment.competency_id]
        levels = [c.level(achieved[c.id]) for c in mine]
        if all(lv is not None and lv.key.isdigit() for lv in levels) and levels:
            # A competency is shown at the level of its weakest criterion.
            label = min((lv for lv in levels if lv is not None), key=lambda lv: int(lv.key)).label
        else:
            label = "Demonstrated" if mine and all(achieved[c.id] == "yes" for c in mine) else "Partly shown"
        competencies.append(CompetencyAchievement(competency.id, competency.statement, label))
    sitting = inputs.sitting
    return CertificateData(
        candidate_name=inputs.attempt.candidate.full_name, credential_name=standards.credential.name,
        competencies=tuple(competencies), criteria=tuple(criteria), issued_on=issued_on, expires_on=expires_on,
        credential_id=credential_id, issuer_name=issuer_name, verification_url=verification_url,
        assessed_on=inputs.assessed_on, rubric_name=f"{standards.assessment_title} ({standards.assessment_ref})",
        pass_rule=standards.pass_rule, approver_name=approver_name, site_name=sitting.site if sitting else "")
