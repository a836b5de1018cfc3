"""The end-of-session report: gathered from events, shown on screen, written as a PDF that parses back."""

from __future__ import annotations

from pypdf import PdfReader


def test_report_after_check_in_incident_and_void(qtbot, station_app, sign_in) -> None:
    from assessdesk.services import checkin, proctoring
    from assessdesk.services.auth import sign_in as svc_sign_in
    from assessdesk.services.home import day_overview

    ctx = station_app.ctx
    proctor = svc_sign_in(ctx, username="proctor", password="demo-proctor-1")
    day = day_overview(ctx, actor=proctor)
    scheduled = [a for a in day.attempts if a.state.value == "scheduled"]
    first, second = scheduled[0], scheduled[1]
    checkin.check_in(ctx, actor=proctor, attempt_id=first.id)
    checkin.record_consent(ctx, actor=proctor, attempt_id=first.id, recording=True, face_comparison=False)
    checkin.decide_identity(ctx, actor=proctor, attempt_id=first.id, decision="verified_override",
                            override_reason="ID photo is ten years old")
    proctoring.void(ctx, actor=proctor, attempt_id=second.id, reason="candidate did not arrive")

    sign_in(station_app, "proctor", "demo-proctor-1")
    home = station_app.window.current_page()
    qtbot.waitUntil(lambda: home._ui.schedule_tree.topLevelItemCount() >= 1, timeout=10000)
    tree = home._ui.schedule_tree
    for i in range(tree.topLevelItemCount()):
        if tree.topLevelItem(i).data(0, 256) == first.sitting_id:
            tree.setCurrentItem(tree.topLevelItem(i))
    home._ui.session_report_button.click()
    qtbot.waitUntil(lambda: home.report_dialog is not None and "PDF saved" in home.report_dialog._ui.pdf_label.text(),
                    timeout=30000)
    html = home.report_dialog._ui.report_browser.toPlainText()
    assert first.candidate.full_name in html and "verified with override" in html
    path = home.report_dialog._ui.pdf_label.text().split("PDF saved: ", 1)[1]
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert first.candidate.family_name in text and "ID photo is ten years old" in text
    if second.sitting_id == first.sitting_id:
        assert "candidate did not arrive" in html and "Voided" in text, text
