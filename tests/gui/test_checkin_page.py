"""The check-in page with a video file standing in for the camera: the whole flow, refusals, a vanishing camera."""

from __future__ import annotations

import pytest


@pytest.fixture
def proctor_page(qtbot, sign_in, station_app):
    sign_in(station_app, "proctor", "demo-proctor-1")
    page = station_app.window.show_page("checkin")
    qtbot.waitUntil(lambda: page._ui.attempt_combo.count() >= 3, timeout=10000)
    qtbot.waitUntil(lambda: page._preview is not None and page._ui.preview_widget.frames_shown > 2, timeout=20000)
    return page


def _idle(qtbot, app) -> None:
    qtbot.waitUntil(lambda: app.runner.pending == 0, timeout=30000)


def test_whole_check_in_with_face_comparison(qtbot, station_app, proctor_page) -> None:
    page, ui = proctor_page, proctor_page._ui
    attempt_id = page.attempt().id
    assert ui.checkin_group.isEnabled() and not ui.consent_group.isEnabled()
    ui.extra_minutes_spin.setValue(10)
    ui.check_in_button.click()
    _idle(qtbot, station_app)
    qtbot.waitUntil(lambda: ui.consent_group.isEnabled(), timeout=10000)
    assert not ui.capture_live_button.isEnabled(), "no capture before consent"
    ui.consent_recording_check.setChecked(True)
    ui.consent_face_check.setChecked(True)
    ui.record_consent_button.click()
    _idle(qtbot, station_app)
    qtbot.waitUntil(lambda: ui.capture_live_button.isEnabled(), timeout=10000)
    ui.capture_live_button.click()
    _idle(qtbot, station_app)
    ui.capture_id_button.click()
    _idle(qtbot, station_app)
    qtbot.waitUntil(lambda: ui.compare_button.isEnabled(), timeout=10000)
    ui.compare_button.click()
    qtbot.waitUntil(lambda: page._comparison is not None, timeout=60000)
    assert "Method:" in ui.comparison_label.text() and "You decide" in ui.comparison_label.text()
    ui.verified_radio.setChecked(True)
    ui.decide_button.click()
    _idle(qtbot, station_app)
    assert "Identity verified" in ui.status_label.text()
    from assessdesk.services.proctoring import timeline

    events = [e.event_type for e in timeline(station_app.ctx, attempt_id)]
    assert events[-1] == "identity.verified" and "evidence.photo_added" in events


def test_refused_face_comparison_means_manual_check(qtbot, station_app, proctor_page) -> None:
    ui = proctor_page._ui
    ui.check_in_button.click()
    _idle(qtbot, station_app)
    qtbot.waitUntil(lambda: ui.consent_group.isEnabled(), timeout=10000)
    ui.consent_recording_check.setChecked(True)
    ui.consent_face_check.setChecked(False)
    ui.record_consent_button.click()
    _idle(qtbot, station_app)
    qtbot.waitUntil(lambda: "REFUSED" in ui.state_label.text(), timeout=10000)
    ui.capture_live_button.click()
    _idle(qtbot, station_app)
    assert not ui.compare_button.isEnabled(), "no face comparison without consent"
    ui.override_radio.setChecked(True)
    ui.decide_button.click()
    _idle(qtbot, station_app)
    assert station_app.window is not None  # the error went to the dialog, nothing crashed
    ui.override_reason_edit.setText("matched the ID card by eye")
    ui.decide_button.click()
    _idle(qtbot, station_app)
    assert "Identity verified" in ui.status_label.text()


def test_camera_vanishing_mid_preview_says_so(qtbot, station_app, sign_in, monkeypatch, tmp_path) -> None:
    import cv2
    import numpy as np

    from assessdesk.services import preview as preview_module
    from assessdesk.services.capture import VideoFileSource

    clip = tmp_path / "short.avi"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"MJPG"), 10, (160, 120))
    for i in range(15):
        writer.write(np.full((120, 160, 3), i * 10, np.uint8))
    writer.release()
    monkeypatch.setattr(preview_module, "open_source", lambda spec: VideoFileSource(clip, loop=False, paced=True))
    sign_in(station_app, "proctor", "demo-proctor-1")
    page = station_app.window.show_page("checkin")
    qtbot.waitUntil(lambda: "Camera lost" in page._ui.preview_widget._message, timeout=20000)
    assert page._ui.preview_widget.frames_shown > 0 and station_app.window.isVisible()
