"""An exercise from set-up to certification through the services: blind scoring, results, certification, the
gate on live score sheets (uncertified, expired, revoked, registry-granted), and the exercise report."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from assessdesk.domain.calibration import CertificationState, NotCertified
from assessdesk.domain.errors import InvalidInput, NotFound, PermissionDenied, SeparationOfDuties
from assessdesk.services.calibration import blind, certification, exercises, records, report
from assessdesk.services.calibration.demo import store_registry_certification
from assessdesk.services.users import create_user
from assessdesk.storage.tables import EventRow

RUBRIC = "RUB-FORKLIFT@1"
REFERENCE = [
    {"FL-1": 3, "FL-2": 3, "FL-3": 2, "FL-4": 3, "FL-5": 2, "FL-6": 3},
    {"FL-1": 1, "FL-2": 2, "FL-3": 1, "FL-4": 0, "FL-5": 1, "FL-6": 2},
    {"FL-1": 2, "FL-2": 1, "FL-3": 3, "FL-4": 2, "FL-5": 0, "FL-6": 1},
]


def make_exercise(ctx, lead, invited, *, name="Test exercise"):  # type: ignore[no-untyped-def]
    attempt = exercises.recorded_attempts(ctx, actor=lead, rubric_ref=RUBRIC)[0].attempt_id
    drafts = [exercises.BenchmarkDraft("From the bay", REFERENCE[0], attempt_id=attempt),
              exercises.BenchmarkDraft("Clip A", REFERENCE[1], evidence_ref="clip-a.mp4"),
              exercises.BenchmarkDraft("Clip B", REFERENCE[2], evidence_ref="clip-b.mp4")]
    return exercises.create_exercise(ctx, actor=lead, name=name, rubric_ref=RUBRIC, benchmarks=drafts,
                                     assessor_ids=[u.id for u in invited])


def score_all(ctx, user, exercise, shift) -> None:  # type: ignore[no-untyped-def]
    """Score every benchmark: the reference level plus shift(benchmark index, criterion), kept on the scale."""
    for n, b in enumerate(exercise.benchmarks):
        view = blind.open_benchmark_sheet(ctx, actor=user, benchmark_id=b.id)
        assert "reference" not in json.dumps(view.sheet.body()) and view.sheet.scores == ()
        sheet = view.sheet
        for c, level in b.reference.items():
            sheet = sheet.with_score(c, level=min(3, max(0, level + shift(n, c))))
        blind.save_benchmark_draft(ctx, actor=user, sheet=sheet)
        blind.submit_benchmark_sheet(ctx, actor=user, sheet_id=sheet.id)


def test_set_up_score_blind_close_and_certify(ctx, people, newcomer, tmp_path: Path) -> None:
    lead, weak = people["lead"], create_user(ctx, actor=people["admin"], username="weak", display_name="Wes Weak",
                                             password="a-long-password-1", roles=["assessor"])
    with pytest.raises(NotCertified, match="Never certified for RUB-FORKLIFT"):
        certification.check_certified(ctx, assessor=newcomer, assessment_ref=RUBRIC)
    exercise = make_exercise(ctx, lead, [newcomer, weak])
    assert [t.label for t in blind.calibration_tasks(ctx, actor=newcomer)] == ["From the bay", "Clip A", "Clip B"]
    assert exercise.id not in {t.exercise_id for t in blind.calibration_tasks(ctx, actor=people["assessor"])}

    score_all(ctx, newcomer, exercise, lambda n, c: 1 if (n, c) == (1, "FL-3") else 0)
    # blind: before closing, an assessor's view carries no results (nobody's figures, no reference levels)
    mine = exercises.exercise_view(ctx, actor=newcomer, exercise_id=exercise.id)
    assert mine.results is None and [p.scored for p in mine.progress] == [3]
    with pytest.raises(InvalidInput, match="already submitted"):
        blind.open_benchmark_sheet(ctx, actor=newcomer, benchmark_id=exercise.benchmarks[0].id)
    # a lenient, careless assessor: one level up on most criteria, and one benchmark left unscored
    b0 = exercise.benchmarks[0]
    view = blind.open_benchmark_sheet(ctx, actor=weak, benchmark_id=b0.id)
    sheet = view.sheet
    for c, level in b0.reference.items():
        sheet = sheet.with_score(c, level=min(3, level + 1))
    blind.save_benchmark_draft(ctx, actor=weak, sheet=sheet)
    blind.submit_benchmark_sheet(ctx, actor=weak, sheet_id=sheet.id)
    partial = exercise.benchmarks[1]
    draft = blind.open_benchmark_sheet(ctx, actor=weak, benchmark_id=partial.id).sheet.with_score("FL-1", level=1)
    blind.save_benchmark_draft(ctx, actor=weak, sheet=draft)
    with pytest.raises(InvalidInput, match="score every criterion"):
        blind.submit_benchmark_sheet(ctx, actor=weak, sheet_id=draft.id)

    lead_view = exercises.exercise_view(ctx, actor=lead, exercise_id=exercise.id)
    by_name = {r.name: r for r in lead_view.results.assessors}
    good, bad = by_name["Nia Newcomer"], by_name["Wes Weak"]
    assert good.figures.scored == 18 and good.figures.exact == pytest.approx(17 / 18) and good.passed
    assert good.figures.bias == pytest.approx(1 / 18) and good.figures.kappa > 0.9
    assert not bad.passed and bad.figures.scored == 6 and bad.figures.bias > 0
    assert any("scored 6 of 18" in u for u in bad.unmet) and any("exact agreement" in u for u in bad.unmet)
    fl3 = next(c for c in lead_view.results.criteria if c.criterion_id == "FL-3")
    assert fl3.scored == 4 and fl3.mean_deviation > 0

    closed = exercises.close_exercise(ctx, actor=lead, exercise_id=exercise.id)
    assert closed.certified == (newcomer.id,) and not closed.view.exercise.open
    status = certification.check_certified(ctx, assessor=newcomer, assessment_ref="RUB-FORKLIFT@2")
    assert status.current and status.since == ctx.clock.now().date()
    assert (status.valid_until - status.since).days == 364  # 365 days, both ends counted
    with pytest.raises(NotCertified, match="Never certified"):
        certification.check_certified(ctx, assessor=weak, assessment_ref=RUBRIC)
    with pytest.raises(InvalidInput, match="closed"):
        exercises.close_exercise(ctx, actor=lead, exercise_id=exercise.id)
    with pytest.raises(InvalidInput, match="closed"):
        blind.open_benchmark_sheet(ctx, actor=weak, benchmark_id=partial.id)
    # after closing, each assessor sees their own figures only
    own = exercises.exercise_view(ctx, actor=weak, exercise_id=exercise.id).results
    assert [r.name for r in own.assessors] == ["Wes Weak"]

    # every record is an authored event queued for sync: the exercise, its sheets, the certification
    with ctx.db.session() as s:
        assert len(records.benchmark_sheets(s, exercise.id)) == 4
        rows = s.query(EventRow).filter(EventRow.entity_id.in_([exercise.id, status.certification_id])).order_by(
            EventRow.local_seq).all()
        assert [r.event_type for r in rows] == [records.EXERCISE_CREATED, records.CERTIFIED, records.EXERCISE_CLOSED]
        assert {r.author_station for r in rows} == {ctx.station_id}
        from assessdesk.storage.tables import OutboxRow

        assert s.query(OutboxRow).filter(OutboxRow.event_id.in_([r.event_id for r in rows])).count() == 3

    data = report.exercise_report(ctx, actor=lead, exercise_id=exercise.id)
    assert [a.calibrated for a in data.assessors] == [True, False] and data.kappa_threshold == 0.70
    assert any("Wes Weak" in n and "scored 6 of 18" in n for n in data.notes)
    pdf = report.write_report(data, tmp_path / "report.pdf")
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(png)], check=True,
                   timeout=60)
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_set_up_is_checked(ctx, people, newcomer) -> None:
    lead = people["lead"]
    with pytest.raises(SeparationOfDuties, match="reference levels"):
        make_exercise(ctx, lead, [lead])
    with pytest.raises(PermissionDenied):
        make_exercise(ctx, people["assessor"], [newcomer])
    with pytest.raises(InvalidInput, match="only active assessors"):
        make_exercise(ctx, lead, [people["approver"]])
    same = [exercises.BenchmarkDraft(f"B{i}", {f"FL-{k}": 2 for k in range(1, 7)}, evidence_ref=f"c{i}")
            for i in range(3)]
    with pytest.raises(InvalidInput, match="all the same"):
        exercises.create_exercise(ctx, actor=lead, name="x", rubric_ref=RUBRIC, benchmarks=same,
                                  assessor_ids=[newcomer.id])
    with pytest.raises(InvalidInput, match="fewer than the 10"):
        exercises.create_exercise(ctx, actor=lead, name="x", rubric_ref=RUBRIC, benchmarks=[
            exercises.BenchmarkDraft("one", REFERENCE[1], evidence_ref="c")], assessor_ids=[newcomer.id])
    missing = dict(REFERENCE[0])
    del missing["FL-4"]
    with pytest.raises(InvalidInput, match="reference level for"):
        exercises.create_exercise(ctx, actor=lead, name="x", rubric_ref=RUBRIC, benchmarks=[
            exercises.BenchmarkDraft("one", missing, evidence_ref="c")] * 2, assessor_ids=[newcomer.id])
    with pytest.raises(InvalidInput, match="either a recorded attempt or an imported clip"):
        exercises.create_exercise(ctx, actor=lead, name="x", rubric_ref=RUBRIC, benchmarks=[
            exercises.BenchmarkDraft("one", REFERENCE[0])], assessor_ids=[newcomer.id])
    with pytest.raises(NotFound, match="no rubric CHK-WH-AUDIT"):
        exercises.create_exercise(ctx, actor=lead, name="x", rubric_ref="CHK-WH-AUDIT@1", benchmarks=[],
                                  assessor_ids=[newcomer.id])


def test_gate_refuses_uncertified_expired_and_revoked_but_counts_the_registry(ctx, people, newcomer,
                                                                               open_at) -> None:
    from assessdesk.services.scoring import queue, sheets

    gate = certification.certification_gate(ctx)
    with pytest.raises(NotCertified) as refused:
        gate(newcomer, RUBRIC, "any-attempt")
    assert refused.value.status.state is CertificationState.NEVER and "draft is kept" in refused.value.hint

    # the real scoring path: a live sheet by the uncertified assessor is refused and the draft stays
    entry = next(e for e in queue.scoring_queue(ctx, actor=newcomer) if e.credential_id == "CX-TROUBLESHOOT")
    view = sheets.open_sheet(ctx, actor=newcomer, attempt_id=entry.attempt_id)
    sheet = view.sheet
    for c in view.assessment.criteria:
        sheet = sheet.with_score(c.id, level=2)
    sheets.save_draft(ctx, actor=newcomer, sheet=replace(sheet, signoff=True))
    with pytest.raises(NotCertified, match="Nia Newcomer cannot submit this score sheet. Never certified for "
                                           "RUB-CX-CALL"):
        sheets.submit_sheet(ctx, actor=newcomer, sheet_id=sheet.id, certification_gate=gate)

    # a registry certification counts once it is stored as the registry authored it ...
    store_registry_certification(ctx, user_id=newcomer.id, rubric_ref="RUB-CX-CALL", valid_until="2099-12-31")
    assert certification.check_certified(ctx, assessor=newcomer, assessment_ref="RUB-CX-CALL@1").current
    # ... but a `certification.granted` written by a station is not a registry certification
    with ctx.uow(newcomer.id) as uow:
        uow.record(entity_type="certification", entity_id="forged", event_type=records.REGISTRY_GRANTED,
                   payload={"user_id": newcomer.id, "rubric_ref": RUBRIC, "valid_until": "2099-12-31"})
    with pytest.raises(NotCertified):
        gate(newcomer, RUBRIC, "x")

    # the demo assessor is certified today; a year and a bit later the certification has expired
    assert certification.check_certified(ctx, assessor=people["assessor"], assessment_ref=RUBRIC).current
    later = open_at(days_from_now=400)
    try:
        with pytest.raises(NotCertified, match=r"expired on \d{4}-\d\d-\d\d \(it was valid until") as expired:
            certification.certification_gate(later)(people["assessor"], RUBRIC, "x")
        assert expired.value.status.state is CertificationState.EXPIRED
    finally:
        later.close()

    # revoked: the gate says since when and why; checklists are not calibrated and pass
    row = next(r for r in certification.certification_list(ctx, actor=people["lead"])
               if r.user_id == people["assessor2"].id and r.status.rubric_id == "RUB-FORKLIFT")
    certification.revoke_certification(ctx, actor=people["lead"], certification_id=row.status.certification_id,
                                       reason="drifted on second marking")
    with pytest.raises(NotCertified, match="revoked on .*: drifted on second marking"):
        gate(people["assessor2"], RUBRIC, "x")
    with pytest.raises(InvalidInput, match="already revoked"):
        certification.revoke_certification(ctx, actor=people["lead"], certification_id=row.status.certification_id,
                                           reason="again")
    assert certification.check_certified(ctx, assessor=newcomer, assessment_ref="CHK-WH-AUDIT@1").current


def test_status_lists_by_role(ctx, people, newcomer) -> None:
    everyone = certification.certification_list(ctx, actor=people["lead"])
    assert {r.name for r in everyone} >= {"Arturo Assessor", "Beatriz Second", "Lena Lead"}
    assert all(r.status.current for r in everyone)
    mine = certification.certification_list(ctx, actor=newcomer)
    assert {r.user_id for r in mine} == {newcomer.id}
    assert {r.status.rubric_id for r in mine} == {"RUB-FORKLIFT", "RUB-CX-CALL", "RUB-DASHBOARD", "RUB-XFN-PROJECT"}
    assert {r.status.state for r in mine} == {CertificationState.NEVER}
    with pytest.raises(PermissionDenied):
        certification.certification_list(ctx, actor=people["proctor"])
