"""The self-test: a temporary demo profile, offscreen; every demo role visits every page, then a whole assessment."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop

from assessdesk.gui.app import StationApp, make_qapp


class SelfTestFailed(Exception):
    pass


def wait_until(condition: Callable[[], bool], *, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SelfTestFailed(f"timed out after {timeout_s:.0f} s waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def run_self_test(profile: Path, *, log: Callable[[str], None] = print) -> None:
    from assessdesk.services.demo_accounts import DEMO_USERS

    make_qapp()
    app = StationApp(profile_path=profile, demo=True)
    errors: list[BaseException] = []
    app.runner._on_error = errors.append  # an error dialog would block an unattended run: collect instead
    app.start()
    try:
        wait_until(lambda: app.ctx is not None or bool(errors), timeout_s=120, what="the demo profile")
        for username, (_name, _roles, password) in DEMO_USERS.items():
            dialog = app.sign_in
            dialog._ui.username_edit.setText(username)
            dialog._ui.password_edit.setText(password)
            dialog._ui.sign_in_button.click()
            wait_until(lambda: app.window is not None or bool(errors) or "color" in dialog._ui.message_label.text(),
                       timeout_s=60, what=f"sign-in of {username}")
            if app.window is None:
                raise SelfTestFailed(f"{username} could not sign in: {dialog._ui.message_label.text()}")
            window = app.window
            for spec in list(window._specs):
                window.show_page(spec.key)
                wait_until(lambda: app.runner.pending == 0, timeout_s=60, what=f"page {spec.title}")
                log(f"ok  {username:<10} {spec.title}")
            window.sig_sign_out_requested.emit("user")
            wait_until(lambda: app.runner.pending == 0 and app.sign_in is not None, timeout_s=60, what="sign-out")
        if errors:
            raise SelfTestFailed(f"an error reached the user: {errors[0]!r}")
        from assessdesk.gui.selftest_walk import walk_assessment

        walk_assessment(app, log=log)
        if errors:
            raise SelfTestFailed(f"an error reached the user during the walk: {errors[0]!r}")
        from assessdesk.services.audit_log import verify_audit

        report = verify_audit(app.ctx)
        if not report.ok:
            raise SelfTestFailed("audit log does not verify: " + "; ".join(report.problems))
        log(f"ok  audit log: {report.entries} entries, {report.checkpoints} checkpoints")
        import google_crc32c  # the evidence uploader's chunk checksum: a bundle without its C extension is slow

        if google_crc32c.implementation != "c":
            raise SelfTestFailed("google_crc32c runs without its C extension (missing from the bundle)")
        log("ok  crc32c in hardware")
    finally:
        if app.window is not None:
            app.window.close()
        if app.sign_in is not None:
            app.sign_in.close()
        app.shutdown()
