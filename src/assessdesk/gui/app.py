"""The composition root: builds the runner, bus and bridge once, then walks set-up → sign-in → main window."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from assessdesk.gui.bridge import EventBridge
from assessdesk.gui.errors import show_error
from assessdesk.gui.tasks import TaskRunner
from assessdesk.services.events import EventBus


class StationApp(QObject):
    """Owns the one runner, bus and bridge; every window gets them passed in."""

    def __init__(self, *, profile_path: Path, demo: bool, camera: str | None = None) -> None:
        super().__init__()
        self.profile_path = profile_path
        self.demo = demo
        self.camera = camera
        self.bus = EventBus()
        self.runner = TaskRunner(on_error=lambda exc: show_error(self.active_window(), exc))
        self.bridge = EventBridge(self.bus)
        self.ctx = None
        self.sync = None  # the SyncScheduler, once the profile is open
        self.window = None
        self.sign_in = None
        self.wizard = None

    def active_window(self) -> QWidget | None:
        return self.window or self.sign_in or self.wizard

    # start-up -------------------------------------------------------------------------------------------------
    def start(self) -> None:
        if (self.profile_path / "profile.json").exists():
            self._open_profile()
        elif self.demo:
            self._open_profile(build_demo=True)
        else:
            from assessdesk.gui.dialogs.setup_wizard import SetupWizard

            self.wizard = SetupWizard(runner=self.runner, profile_path=self.profile_path)
            self.wizard.sig_created.connect(self._on_wizard_sig_created)
            self.wizard.sig_demo_requested.connect(self._on_wizard_sig_demo_requested)
            self.wizard.show()

    def _on_wizard_sig_created(self, ctx: object) -> None:
        self._profile_ready(ctx)
        self.wizard = None
        self._show_sign_in()

    def _on_wizard_sig_demo_requested(self) -> None:
        from assessdesk.services.paths import demo_profile

        self.wizard = None
        self.profile_path, self.demo = demo_profile(), True
        self.start()

    def _open_profile(self, *, build_demo: bool = False) -> None:
        """Show the sign-in window at once; open (or build) the profile on the db lane meanwhile."""
        path = self.profile_path

        def work():  # type: ignore[no-untyped-def]
            if build_demo and not (path / "profile.json").exists():
                from assessdesk.services.demo import build_demo_profile

                return build_demo_profile(path)
            from assessdesk.services.station import open_profile

            return open_profile(path)

        self._show_sign_in()
        if build_demo:
            self.sign_in.set_message("Preparing the demo profile (first start only)…")
        self.runner.db(work, self._on_profile_opened, self._on_profile_failed)

    def _profile_ready(self, ctx) -> None:  # type: ignore[no-untyped-def]
        """The profile is open: from now on the station syncs whenever a sync is due, signed in or not."""
        from assessdesk.gui.sync_scheduler import SyncScheduler

        self.ctx = ctx
        self.sync = SyncScheduler(ctx, self.runner, self.bus, parent=self)

    def _on_profile_opened(self, ctx: object) -> None:
        self._profile_ready(ctx)
        if self.sign_in is not None and "Preparing" in self.sign_in._ui.message_label.text():
            self.sign_in.set_message("Demo profile ready.")

    def _on_profile_failed(self, exc: BaseException) -> None:
        if self.sign_in is not None:
            self.sign_in.setEnabled(False)
        show_error(self.sign_in, exc)

    # sign-in / main window ----------------------------------------------------------------------------------------
    def _profile_info(self) -> dict:
        try:
            return json.loads((self.profile_path / "profile.json").read_text())
        except (OSError, ValueError):
            return {"demo": self.demo}

    def _show_sign_in(self) -> None:
        from assessdesk.gui.dialogs.sign_in import SignInDialog

        info = self._profile_info()
        is_demo = bool(info.get("demo", self.demo))
        accounts = None
        if is_demo:
            from assessdesk.services.demo_accounts import DEMO_USERS

            accounts = [(u, pw, ", ".join(r)) for u, (_n, r, pw) in DEMO_USERS.items()]
        station = info.get("station_name", "Demo station" if is_demo else "")
        text = f"Station: <b>{station}</b>" + (" — demo profile" if is_demo else "")
        self.sign_in = SignInDialog(runner=self.runner, check=self._check, station_text=text, demo_accounts=accounts)
        self.sign_in.sig_signed_in.connect(self._on_sign_in_sig_signed_in)
        self.sign_in.rejected.connect(self._quit_if_no_window)
        self.sign_in.show()

    def _check(self, username: str, password: str):  # type: ignore[no-untyped-def]  # runs on the db lane
        from assessdesk.domain.errors import ConfigurationError
        from assessdesk.services.auth import sign_in

        if self.ctx is None:  # the open task runs first on the same lane; None here means it failed
            raise ConfigurationError("The station profile could not be opened.", hint="See the earlier message.")
        user = sign_in(self.ctx, username=username, password=password)
        # what the main window needs from the database, read here on the db lane rather than on the GUI thread
        return user, self.ctx.station().name, float(self.ctx.settings()["idle_minutes"])

    def _on_sign_in_sig_signed_in(self, signed_in: tuple) -> None:
        from assessdesk.gui.main_window import MainWindow
        from assessdesk.gui.pages.base import PageEnv

        user, station_name, idle_minutes = signed_in
        ctx = self.ctx
        banner = []
        if ctx.is_demo:
            banner.append("Demo profile: sample data, public demo passwords. Do not use for real assessments.")
        if ctx.secrets.insecure:
            banner.append("No system keyring: this demo keeps its keys in an INSECURE file.")
        idle_ms = int(idle_minutes * 60_000)
        env = PageEnv(ctx=ctx, user=user, runner=self.runner, bus=self.bus, bridge=self.bridge, camera=self.camera,
                      sync=self.sync)
        self.window = MainWindow(env, station_name=station_name, idle_ms=idle_ms, banner=" ".join(banner))
        self.window.sig_sign_out_requested.connect(self._on_window_sig_sign_out_requested)
        self.window.show()
        self.sign_in = None

    def _on_window_sig_sign_out_requested(self, reason: str) -> None:
        from assessdesk.services.auth import sign_out

        window, self.window = self.window, None
        user, ctx = window._env.user, self.ctx
        window.close()
        window.deleteLater()
        self.runner.db(lambda: sign_out(ctx, user=user, reason=reason))
        self._show_sign_in()
        if reason == "idle":
            self.sign_in.set_message("You were signed out after a period of inactivity.")

    def _quit_if_no_window(self) -> None:
        if self.window is None and self.wizard is None:
            QApplication.instance().quit()

    def shutdown(self) -> None:
        if self.sync is not None:
            self.sync.stop()
        self.runner.shutdown()
        if self.ctx is not None:
            self.ctx.close()


def make_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or ["assessdesk"])
    app.setApplicationName("assessdesk")
    app.setOrganizationName("assessdesk")
    return app


def run(*, profile_path: Path, demo: bool, camera: str | None) -> int:
    app = make_qapp()
    station_app = StationApp(profile_path=profile_path, demo=demo, camera=camera)
    station_app.start()
    try:
        return app.exec()
    finally:
        station_app.shutdown()
