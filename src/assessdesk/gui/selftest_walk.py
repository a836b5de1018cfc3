"""The self-test's assessment walk: check-in → record → score → approve (a second person) → the credential verifies."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from assessdesk.domain.attempt import AttemptState
from assessdesk.gui.app import StationApp
from assessdesk.gui.selftest import SelfTestFailed, wait_until


def _sign_in(app: StationApp, username: str, password: str) -> Any:
    dialog = app.sign_in
    dialog._ui.username_edit.setText(username)
    dialog._ui.password_edit.setText(password)
    dialog._ui.sign_in_button.click()
    wait_until(lambda: app.window is not None or "color" in dialog._ui.message_label.text(), timeout_s=60,
               what=f"sign-in of {username}")
    if app.window is None:
        raise SelfTestFailed(f"{username} could not sign in: {dialog._ui.message_label.text()}")
    return app.window


def _sign_out(app: StationApp) -> None:
    app.window.sig_sign_out_requested.emit("user")
    wait_until(lambda: app.runner.pending == 0 and app.sign_in is not None, timeout_s=60, what="sign-out")


def _click(app: StationApp, button: Any, what: str) -> None:
    if not button.isEnabled():
        raise SelfTestFailed(f"'{button.text()}' is disabled at step: {what}")
    button.click()
    wait_until(lambda: app.runner.pending == 0, timeout_s=120, what=what)


def _state(app: StationApp, attempt_id: str) -> AttemptState:
    from assessdesk.storage import schedule

    with app.ctx.db.session() as s:
        return schedule.get_attempt(s, attempt_id).state


def _score(app: StationApp, username: str, password: str, attempt_id: str, log: Callable[[str], None]) -> None:
    """Every criterion at its top level, with the sign-off ticked (through the scoring services)."""
    from assessdesk.services.auth import sign_in
    from assessdesk.services.scoring import sheets

    ctx = app.ctx
    user = sign_in(ctx, username=username, password=password)
    view = sheets.open_sheet(ctx, actor=user, attempt_id=attempt_id)
    sheet = view.sheet
    for criterion in view.assessment.criteria:
        sheet = sheet.with_score(criterion.id, level=max(lv.level for lv in criterion.levels),
                                 note="self-test: performed to standard")
    from dataclasses import replace

    sheet = sheets.save_draft(ctx, actor=user, sheet=replace(sheet, signoff=True))
    sheets.submit_sheet(ctx, actor=user, sheet_id=sheet.id)
    log(f"ok  {username:<10} scored the attempt -> {_state(app, attempt_id).value}")


def walk_assessment(app: StationApp, *, log: Callable[[str], None] = print) -> str:
    """Returns the issued credential's id."""
    window = _sign_in(app, "proctor", "demo-proctor-1")
    checkin = window.show_page("checkin")
    wait_until(lambda: checkin.attempt() is not None and checkin._preview is not None, timeout_s=60,
               what="the check-in page and its camera")
    candidates = [a for a in checkin._attempts if a.state is AttemptState.SCHEDULED and
                  a.credential_id == "LOG-FORKLIFT-PREUSE"]
    if not candidates:
        raise SelfTestFailed("no scheduled forklift attempt to walk through")
    attempt = candidates[0]
    checkin.select_attempt(attempt.id)
    wait_until(lambda: app.runner.pending == 0, timeout_s=60, what="the attempt's details")
    ui = checkin._ui
    _click(app, ui.check_in_button, "check-in")
    wait_until(lambda: ui.consent_group.isEnabled(), timeout_s=60, what="consent to open")
    ui.consent_recording_check.setChecked(True)
    ui.consent_face_check.setChecked(True)
    _click(app, ui.record_consent_button, "consent")
    wait_until(lambda: ui.capture_live_button.isEnabled(), timeout_s=60, what="capture to open")
    _click(app, ui.capture_live_button, "live photo")
    _click(app, ui.capture_id_button, "ID photo")
    ui.verified_radio.setChecked(True)
    _click(app, ui.decide_button, "identity decision")
    log(f"ok  proctor    checked in {attempt.candidate.full_name}, identity verified")

    page = window.show_page("attempt")
    wait_until(lambda: attempt.id in [a.id for a in page._attempts], timeout_s=60, what="the attempt page")
    page._ui.attempt_combo.setCurrentIndex([a.id for a in page._attempts].index(attempt.id))
    wait_until(lambda: page._ui.start_button.isEnabled(), timeout_s=60, what="Start to enable")
    _click(app, page._ui.start_button, "start recording")
    deadline = time.monotonic() + 5
    wait_until(lambda: time.monotonic() > deadline, timeout_s=10, what="a few seconds of recording")
    _click(app, page._ui.end_button, "end and seal")
    if _state(app, attempt.id) is not AttemptState.AWAITING_SCORES:
        raise SelfTestFailed(f"after ending, the attempt is {_state(app, attempt.id).value}")
    log("ok  proctor    recorded, ended and sealed the evidence")
    _sign_out(app)

    _score(app, "assessor", "demo-assessor-1", attempt.id, log)
    if _state(app, attempt.id) is AttemptState.AWAITING_SECOND_MARKING:
        _score(app, "assessor2", "demo-assessor-2", attempt.id, log)
    if _state(app, attempt.id) is not AttemptState.PASSED:
        raise SelfTestFailed(f"after scoring, the attempt is {_state(app, attempt.id).value}, not passed")

    window = _sign_in(app, "approver", "demo-approver-1")
    approvals = window.show_page("approvals")
    wait_until(lambda: attempt.id in [e.attempt_id for e in approvals._queue], timeout_s=60,
               what="the attempt in the approval queue")
    approvals._ui.queue_table.selectRow([e.attempt_id for e in approvals._queue].index(attempt.id))
    wait_until(lambda: approvals._review is not None and approvals._review.inputs.attempt.id == attempt.id,
               timeout_s=120, what="the evidence review")
    _click(app, approvals._ui.approve_button, "approve")
    if _state(app, attempt.id) is not AttemptState.ISSUED:
        raise SelfTestFailed(f"after approval, the attempt is {_state(app, attempt.id).value}")
    from assessdesk.services.issuance import records

    credential = next(c for c in records.list_credentials(app.ctx, actor=window._env.user)
                      if c.attempt_id == attempt.id)
    result = records.verify_issued(app.ctx, actor=window._env.user, credential_id=credential.credential_id)
    if result.status != "valid":
        raise SelfTestFailed(f"the issued credential verifies '{result.status}': {result.summary}")
    log(f"ok  approver   approved; credential {credential.credential_id} verifies valid")
    _sign_out(app)
    return credential.credential_id
