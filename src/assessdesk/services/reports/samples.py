"""Realistic sample inputs for every document: for the demo, the benchmark, tests and docs images."""

from __future__ import annotations

from datetime import UTC, date, datetime

from assessdesk.services.reports.models import (
    AssessorAgreement,
    CalibrationReportData,
    CertificateData,
    CompetencyAchievement,
    CriterionDifficulty,
    CriterionResult,
    IncidentEntry,
    Outcome,
    PresenceFlagEntry,
    RemediationStep,
    ResultSlipData,
    SessionCandidateRow,
    SessionReportData,
)

ISSUER = "Northfield Skills Council"
CREDENTIAL = "Forklift Operation — Pre-use Inspection and Safe Load Handling"
RUBRIC = "Forklift practical assessment, version 3 (effective 1 January 2026)"
PASS_RULE = "At least 70 of 100 points, and every critical criterion at its minimum level."


def sample_criteria(*, failed: bool = False) -> tuple[CriterionResult, ...]:
    """Eight criteria of a forklift rubric; with `failed`, two are below the standard (one critical)."""
    rows = [
        (
            "Completes the pre-use inspection checklist before moving the truck",
            "LOG-SAFE-001",
            "Proficient",
            15,
            15,
            True,
            "Checks forks, mast, chains, tyres, horn and brakes in order and records each.",
        ),
        (
            "Checks the load is stable, secured and within rated capacity",
            "LOG-SAFE-002",
            "Proficient",
            14,
            15,
            True,
            "Reads the data plate and judges the load centre correctly.",
        ),
        (
            "Travels with the forks lowered and tilted back, at a safe speed",
            "LOG-OPS-003",
            "Competent",
            10,
            15,
            True,
            "Keeps forks low; speed slightly high on the corner.",
        ),
        (
            "Keeps clear sight lines and uses the horn at blind corners",
            "LOG-OPS-004",
            "Competent",
            8,
            10,
            False,
            "",
        ),
        (
            "Positions the forks square to the pallet before lifting",
            "LOG-OPS-005",
            "Proficient",
            10,
            10,
            False,
            "",
        ),
        (
            "Stacks the load level and squarely at height",
            "LOG-OPS-006",
            "Competent",
            11,
            15,
            False,
            "Needed two corrections to square the pallet.",
        ),
        (
            "Parks safely: forks down, controls neutral, brake set, key removed",
            "LOG-SAFE-007",
            "Proficient",
            10,
            10,
            True,
            "",
        ),
        ("Reports defects and near misses in plain words", "LOG-COMM-008", "Competent", 7, 10, False, ""),
    ]
    criteria = [
        CriterionResult(
            criterion=c,
            competency_id=cid,
            level=lvl,
            points=p,
            max_points=m,
            critical=crit,
            met=True,
            descriptor=d,
        )
        for c, cid, lvl, p, m, crit, d in rows
    ]
    if failed:
        criteria[2] = CriterionResult(
            criterion=rows[2][0],
            competency_id="LOG-OPS-003",
            level="Not yet competent",
            points=4,
            max_points=15,
            critical=True,
            met=False,
            descriptor="Travelled with raised forks twice; speed unsafe on the corner.",
        )
        criteria[5] = CriterionResult(
            criterion=rows[5][0],
            competency_id="LOG-OPS-006",
            level="Developing",
            points=6,
            max_points=15,
            critical=False,
            met=False,
            descriptor="Pallet overhung the rack beam on the second lift.",
        )
    return tuple(criteria)


def sample_certificate(candidate_name: str = "Łukasz Nguyễn-Ayşe") -> CertificateData:
    return CertificateData(
        candidate_name=candidate_name,
        credential_name=CREDENTIAL,
        competencies=(
            CompetencyAchievement(
                "LOG-SAFE-001",
                "Inspects a counterbalance forklift before use and takes a defective truck out of service.",
                "Proficient",
            ),
            CompetencyAchievement(
                "LOG-SAFE-002",
                "Judges whether a load can be lifted safely from its weight, "
                "load centre and the truck's rated capacity.",
                "Proficient",
            ),
            CompetencyAchievement(
                "LOG-OPS-003",
                "Moves, lifts and stacks loads in a working warehouse without "
                "endangering people, goods or racking.",
                "Competent",
            ),
            CompetencyAchievement(
                "LOG-COMM-008", "Reports defects and near misses so others can act on them.", "Competent"
            ),
        ),
        criteria=sample_criteria(),
        issued_on=date(2026, 3, 12),
        expires_on=date(2029, 3, 12),
        credential_id="urn:uuid:01958a3c-7d2e-7b41-9f3a-2c5e8d1a6b90",
        issuer_name=ISSUER,
        verification_url="https://registry.northfield-skills.example/verify/01958a3c-7d2e-7b41-9f3a-2c5e8d1a6b90",
        assessed_on=date(2026, 3, 4),
        rubric_name=RUBRIC,
        pass_rule=PASS_RULE,
        approver_name="Δημήτρης Παπαδόπουλος",
        site_name="Northfield Training Centre, Bay 2",
    )


def sample_result_slip(*, failed: bool = True) -> ResultSlipData:
    criteria = sample_criteria(failed=failed)
    return ResultSlipData(
        candidate_name="Ольга Смирнова",
        credential_name=CREDENTIAL,
        attempt_id="01958a3c-11aa-7c00-8e55-3f1b2c4d5e6f",
        assessed_on=date(2026, 3, 4),
        outcome=Outcome.FAILED if failed else Outcome.PASSED,
        criteria=criteria,
        total_points=sum(c.points for c in criteria),
        max_points=sum(c.max_points for c in criteria),
        pass_rule=PASS_RULE,
        remediation=(
            RemediationStep(
                criteria[2].criterion,
                "Practise travelling with the forks 15 cm above the floor, "
                "tilted back, at walking pace; a supervisor signs off five clean runs.",
            ),
            RemediationStep(
                criteria[5].criterion,
                "Complete the stacking module (unit 6) and practise ten "
                "lifts at the second beam with a spotter.",
            ),
        )
        if failed
        else (),
        earliest_retake=date(2026, 3, 18) if failed else None,
        attempts_used=1,
        attempts_allowed=3,
        site_name="Northfield Training Centre, Bay 2",
        issuer_name=ISSUER,
        candidate_ref="NF-2026-0142",
    )


def sample_session_report(*, candidates: int = 14) -> SessionReportData:
    names = [
        "Łukasz Kowalski",
        "Nguyễn Thị Lan",
        "Ayşe Yılmaz",
        "Ольга Смирнова",
        "Δημήτρης Παπαδόπουλος",
        "Amira Haddad",
        "王芳",
        "Seán Ó Briain",
        "Jürgen Weiß",
        "Chidi Okafor",
        "María José Núñez",
        "Kalani Akana",
        "Björn Þórsson",
        "Priya Raman",
    ]
    rows = []
    for index in range(candidates):
        name = names[index % len(names)] + ("" if index < len(names) else f" ({index // len(names) + 1})")
        absent = index % 9 == 4
        override = index % 7 == 2
        incidents = (
            ()
            if absent
            else tuple(
                IncidentEntry(at_seconds=95.0 + 431 * k + index * 7, code=code, note=note)
                for k, (code, note) in enumerate(
                    [
                        ("TECH", "Camera knocked; re-aimed within 20 s"),
                        ("CAND", "Candidate asked to repeat the instruction"),
                        ("ENV", "Fire door alarm tested nearby"),
                    ][: index % 4]
                )
            )
        )
        flags = (
            ()
            if absent
            else tuple(
                PresenceFlagEntry(
                    at_seconds=600.0 + 120 * k,
                    kind="face absent" if k % 2 == 0 else "more than one face",
                    duration_seconds=12.0 + k,
                )
                for k in range(index % 3)
            )
        )
        rows.append(
            SessionCandidateRow(
                candidate_name=name,
                credential_name=CREDENTIAL,
                candidate_ref=f"NF-2026-{140 + index:04d}",
                attendance="absent" if absent else ("walk-in" if index == 11 else "present"),
                identity_outcome="not checked"
                if absent
                else ("verified with override" if override else "verified"),
                identity_note=(
                    "Face score 0.41 (low light); ID photo 9 years old, checked date of birth and signature"
                    if override and not absent
                    else ("" if absent else "Face score 0.87")
                ),
                incidents=incidents,
                presence_flags=flags,
                void_reason="Candidate felt unwell and stopped at 14:20; rebooking offered"
                if index == 6
                else "",
                attempt_state="scheduled" if absent else ("voided" if index == 6 else "awaiting_scores"),
            )
        )
    return SessionReportData(
        session_name="Forklift practical — morning sitting",
        site_name="Northfield Training Centre, Bay 2",
        session_date=date(2026, 3, 4),
        proctor_name="Ayşe Demir",
        station_name="NF-BAY2-LAPTOP",
        generated_at=datetime(2026, 3, 4, 13, 5, tzinfo=UTC),
        rows=tuple(rows),
    )


def sample_calibration_report() -> CalibrationReportData:
    assessors = (
        AssessorAgreement("Łukasz Kowalski", 6, 0.79, 0.98, 0.86, 0.08, True),
        AssessorAgreement("Nguyễn Văn Minh", 6, 0.71, 0.96, 0.78, 0.21, True),
        AssessorAgreement("Ayşe Demir", 6, 0.75, 0.94, 0.74, -0.12, True),
        AssessorAgreement("Ольга Иванова", 6, 0.52, 0.85, 0.49, 0.46, False),
        AssessorAgreement("Δημήτρης Νικολάου", 5, 0.67, 0.92, 0.66, -0.27, True),
    )
    criteria = (
        CriterionDifficulty("Travels with the forks lowered and tilted back, at a safe speed", 0.48, 0.31),
        CriterionDifficulty("Stacks the load level and squarely at height", 0.56, 0.18),
        CriterionDifficulty("Reports defects and near misses in plain words", 0.63, -0.22),
        CriterionDifficulty("Keeps clear sight lines and uses the horn at blind corners", 0.70, 0.10),
        CriterionDifficulty("Checks the load is stable, secured and within rated capacity", 0.77, 0.05),
        CriterionDifficulty("Completes the pre-use inspection checklist before moving the truck", 0.90, 0.02),
    )
    return CalibrationReportData(
        exercise_name="Spring 2026 forklift calibration",
        rubric_name=RUBRIC,
        held_on=date(2026, 2, 20),
        lead_assessor_name="Seán Ó Briain",
        performances=6,
        assessors=assessors,
        criteria=criteria,
        group_alpha=0.74,
        group_icc=0.78,
        kappa_threshold=0.6,
        notes=(
            "Ольга Иванова scored consistently above the reference on travel speed and stacking; "
            "a moderation review with the lead assessor is booked before she scores live attempts.",
        ),
    )
