"""The attempt page: a verified candidate is recorded from the demo clip, paused, resumed, ends with sealed evidence."""

from __future__ import annotations

from assessdesk.domain.attempt import AttemptState


def _verify_first_candidate(app) -> str:
    from assessdesk.services import checkin
    from assessdesk.services.auth import sign_in as svc_sign_in
    from assessdesk.services.home import day_overview

    proctor = svc_sign_in(app.ctx, username="proctor", password="demo-proctor-1")
    attempt = next(a for a in day_overview(app.ctx, actor=proctor).attempts if a.state is AttemptState.SCHEDULED)
    checkin.check_in(app.ctx, actor=proctor, attempt_id=attempt.id)
    checkin.record_consent(app.ctx, actor=proctor, attempt_id=attempt.id, recording=True, face_comparison=True)
    checkin.decide_identity(app.ctx, actor=proctor, attempt_id=attempt.id, decision="verified")
    return attempt.id


def test_run_pause_incident_end_and_seal(qtbot, station_app, sign_in) -> None:
    attempt_id = _verify_first_candidate(station_app)
    sign_in(station_app, "proctor", "demo-proctor-1")
    page = station_app.window.show_page("attempt")
    ui = page._ui
    idle = lambda: qtbot.waitUntil(lambda: station_app.runner.pending == 0, timeout=60000)  # noqa: E731
    assert not ui.start_button.isEnabled(), "nothing is actionable before the state has loaded"
    qtbot.waitUntil(lambda: attempt_id in [a.id for a in page._attempts], timeout=20000)
    page._ui.attempt_combo.setCurrentIndex([a.id for a in page._attempts].index(attempt_id))
    idle()
    qtbot.waitUntil(lambda: ui.start_button.isEnabled(), timeout=20000)
    assert "20 min" in ui.state_label.text(), "the time limit comes from the pinned rubric"
    ui.start_button.click()
    idle()
    qtbot.waitUntil(lambda: ui.preview_widget.frames_shown > 5, timeout=20000)
    assert page.blocks_idle_sign_out(), "no idle sign-out while a recording runs"
    ui.pause_button.click()
    idle()
    assert station_app.window is not None  # refused without a reason: error dialog, nothing broke
    assert ui.pause_button.isEnabled()
    ui.reason_edit.setText("candidate needs first aid")
    ui.pause_button.click()
    idle()
    qtbot.waitUntil(lambda: ui.resume_button.isEnabled(), timeout=10000)
    assert "paused" in ui.timer_detail_label.text()
    ui.resume_button.click()
    idle()
    qtbot.waitUntil(lambda: ui.recheck_button.isEnabled(), timeout=20000)
    ui.recheck_button.click()  # identity re-check after the break: compare, then the proctor confirms
    qtbot.waitUntil(lambda: ui.same_person_button.isVisible(), timeout=60000)
    assert "you decide" in ui.status_label.text()
    ui.same_person_button.click()
    idle()
    assert "re-check recorded" in ui.status_label.text()
    ui.incident_code_combo.setCurrentIndex(ui.incident_code_combo.findData("equipment_failure"))
    ui.incident_note_edit.setText("torch flickered")
    ui.log_incident_button.click()
    idle()
    qtbot.wait(1500)
    ui.end_button.click()
    idle()
    assert "sealed in a signed manifest" in ui.status_label.text()
    from assessdesk.services.proctoring import timeline
    from assessdesk.storage import schedule

    with station_app.ctx.db.session() as s:
        assert schedule.get_attempt(s, attempt_id).state is AttemptState.AWAITING_SCORES
    kinds = [e.event_type for e in timeline(station_app.ctx, attempt_id)]
    for expected in ("attempt.started", "attempt.paused", "attempt.resumed", "identity.rechecked", "incident.logged",
                     "attempt.ended",
                     "evidence.sealed"):
        assert expected in kinds, expected
    incident = next(e for e in timeline(station_app.ctx, attempt_id) if e.event_type == "incident.logged")
    assert incident.payload["video_time_s"] is not None, "incidents are tied to the video time"
