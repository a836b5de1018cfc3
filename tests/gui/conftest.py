"""GUI fixtures: a StationApp on a copy of the session's demo profile, driven with qtbot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def demo_copy(demo_profile_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(demo_profile_dir, target)
    # Copies share the station id, so an earlier test's keyring anchor would make this copy look rolled back
    # (which the audit check rightly reports). Each test starts from the profile as built: no anchor yet.
    from assessdesk.services.audit_log import ANCHOR
    from assessdesk.services.secrets import open_store
    from assessdesk.services.station import read_profile_file

    info = read_profile_file(target)
    open_store(info["secret_store"], station_id=info["station_id"], profile_dir=target, is_demo=True).delete(ANCHOR)
    return target


@pytest.fixture
def station_app(qtbot, demo_copy: Path):
    from assessdesk.gui.app import StationApp

    app = StationApp(profile_path=demo_copy, demo=True)
    app.start()
    qtbot.waitUntil(lambda: app.ctx is not None, timeout=20000)
    yield app
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in (app.window, app.sign_in, app.wizard):
        if widget is not None:
            widget.close()
            widget.deleteLater()
    app.shutdown()
    # let deferred deletes run now, inside this test, so nothing of it fires into the next one
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture
def sign_in(qtbot):
    """Type a user name and password into the app's sign-in dialog and wait for the answer."""

    def do(app, username: str, password: str) -> None:
        dialog = app.sign_in
        dialog._ui.username_edit.setText(username)
        dialog._ui.password_edit.setText(password)
        dialog._ui.sign_in_button.click()
        qtbot.waitUntil(lambda: app.runner.pending == 0, timeout=20000)

    return do
