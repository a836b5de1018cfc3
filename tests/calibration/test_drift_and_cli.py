"""Drift from real second-marked live attempts (issue 3's sheets and moderation): the alert when an assessor's
window falls below the threshold, no duplicate alerts, closing one; and the calibration CLI commands."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from assessdesk.cli import main
from assessdesk.domain.attempt import AttemptState
from assessdesk.services.calibration import certification, drift
from assessdesk.services.scoring import queue, sheets
from assessdesk.storage import station as station_repo


def mark(ctx, user, attempt_id: str, level: int, *, reason: str = ""):  # type: ignore[no-untyped-def]
    view = sheets.open_sheet(ctx, actor=user, attempt_id=attempt_id)
    sheet = view.sheet
    for c in view.assessment.criteria:
        sheet = sheet.with_score(c.id, level=level)
    sheet = sheets.save_draft(ctx, actor=user, sheet=replace(sheet, signoff=True, reason=reason))
    return sheets.submit_sheet(ctx, actor=user, sheet_id=sheet.id, certification_gate=certification.certification_gate(ctx))


@pytest.fixture
def moderated(ctx, people):  # type: ignore[no-untyped-def]
    """The demo's customer-call attempt: first marked at level 2, second marked at 0, moderated to 2."""
    with ctx.uow(None) as uow:
        station_repo.update_settings(uow.session, {"second_marking_sample_rate": 1.0, "calibration": {
            "drift_window": 3, "drift_min_attempts": 1}})
    attempt = next(e for e in queue.scoring_queue(ctx, actor=people["assessor"])
                   if e.credential_id == "CX-TROUBLESHOOT").attempt_id
    assert mark(ctx, people["assessor"], attempt, 2).state is AttemptState.AWAITING_SECOND_MARKING
    assert drift.drift_overview(ctx, actor=people["lead"]) == []  # a single marker says nothing about drift
    assert mark(ctx, people["assessor2"], attempt, 0).state is AttemptState.IN_MODERATION
    assert mark(ctx, people["lead"], attempt, 2, reason="matches the recording").state is AttemptState.PASSED
    return attempt


def test_drift_alert_when_the_window_crosses_the_threshold(ctx, people, moderated) -> None:
    lead = people["lead"]
    rows = {r.name: r for r in drift.drift_overview(ctx, actor=lead)}
    beatriz, arturo = rows["Beatriz Second"], rows["Arturo Assessor"]
    # compared with the agreed (moderated) result, not with each other
    assert (arturo.reading.exact, arturo.reading.crossed) == (1.0, False)
    assert beatriz.reading.exact == 0.0 and beatriz.reading.crossed and beatriz.reading.needed == 0.75
    assert beatriz.reading.attempt_ids == (moderated,) and beatriz.rubric_id == "RUB-CX-CALL"

    raised = drift.scan_drift(ctx, actor=lead)
    assert [(a.assessor_id, a.rubric_id) for a in raised] == [(people["assessor2"].id, "RUB-CX-CALL")]
    assert "recalibrate Beatriz Second on RUB-CX-CALL" == raised[0].reading["proposal"]
    assert drift.scan_drift(ctx, actor=lead) == []  # an open alert is not raised twice
    assert drift.open_drift_alerts(ctx, actor=lead)[0].id == raised[0].id
    closed = drift.close_drift_alert(ctx, actor=lead, alert_id=raised[0].id, note="invited to the next exercise")
    assert not closed.open and closed.note == "invited to the next exercise"
    assert drift.scan_drift(ctx, actor=lead) == []  # nothing new since the closed alert
    with pytest.raises(Exception, match="closed on"):
        drift.close_drift_alert(ctx, actor=lead, alert_id=raised[0].id, note="again")
    with pytest.raises(Exception, match="calibration.manage"):
        drift.scan_drift(ctx, actor=people["assessor"])


def test_cli_status_exercises_report_and_drift(ctx, people, moderated, demo_dir: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv("PW_LEAD", "demo-lead-1")
    monkeypatch.setenv("PW_ASSESSOR", "demo-assessor-1")
    lead = ["--profile", str(demo_dir), "--user", "lead", "--password-env", "PW_LEAD"]
    assert main(["calibration", "status", *lead, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in rows} >= {"Arturo Assessor", "Beatriz Second"} and all(r["state"] == "current"
                                                                                    for r in rows)
    assert main(["calibration", "exercise", "list", *lead, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    closed = next(e for e in listed if e["closed_at"])
    assert closed["certified"] == 2 and closed["rubric_ref"] == "RUB-FORKLIFT@1"
    out = tmp_path / "report.pdf"
    assert main(["calibration", "exercise", "report", closed["id"], "--out", str(out), *lead]) == 0
    assert out.read_bytes().startswith(b"%PDF") and "Wrote the report" in capsys.readouterr().out
    assert main(["calibration", "drift", "--scan", *lead, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["raised"]) == 1 and any(a["crossed"] and a["open_alert"] for a in data["assessors"])
    mine = ["--profile", str(demo_dir), "--user", "assessor", "--password-env", "PW_ASSESSOR"]
    assert main(["calibration", "status", *mine]) == 0
    text = capsys.readouterr().out
    assert "Certified for RUB-FORKLIFT since" in text and "Beatriz" not in text
