"""The sign-in dialog: shown first and fast; the password check runs on the db lane."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from assessdesk.domain.errors import DomainError
from assessdesk.gui.forms.ui_sign_in_dialog import Ui_SignInDialog
from assessdesk.gui.tasks import TaskRunner


class SignInDialog(QDialog):
    sig_signed_in = Signal(object)
    """A user signed in: whatever the check returned (the app's check returns the User and station facts)."""

    def __init__(self, *, runner: TaskRunner, check: Callable[[str, str], object], station_text: str,
                 demo_accounts: list[tuple[str, str, str]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_SignInDialog()
        self._ui.setupUi(self)
        self._runner = runner
        self._check = check
        self._ui.station_label.setText(station_text)
        self._ui.busy_progress.setVisible(False)
        self._ui.demo_group.setVisible(bool(demo_accounts))
        if demo_accounts:
            rows = "".join(f"<tr><td><b>{u}</b></td><td>&nbsp;{p}&nbsp;</td><td>{r}</td></tr>"
                           for u, p, r in demo_accounts)
            self._ui.demo_accounts_label.setText(f"<table>{rows}</table>")
        self._ui.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self._ui.quit_button.clicked.connect(self.reject)
        self._ui.username_edit.setFocus()

    def set_message(self, text: str) -> None:
        self._ui.message_label.setText(text)

    def _on_sign_in_button_clicked(self) -> None:
        username, password = self._ui.username_edit.text().strip(), self._ui.password_edit.text()
        if not username or not password:
            self.set_message("Enter your user name and password.")
            return
        self._set_busy(True)
        self.set_message("Checking…")
        self._runner.db(lambda: self._check(username, password), self._on_done, self._on_failed)

    def _on_done(self, user: object) -> None:
        self._set_busy(False)
        self._ui.password_edit.clear()
        self.set_message("")
        self.sig_signed_in.emit(user)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._ui.password_edit.clear()
        self._ui.password_edit.setFocus()
        text = str(exc) if isinstance(exc, DomainError) else f"Sign-in failed: {exc}"
        self.set_message(f"<span style='color:#a40000'>{text}</span>")

    def _set_busy(self, busy: bool) -> None:
        self._ui.busy_progress.setVisible(busy)
        self._ui.sign_in_button.setEnabled(not busy)
