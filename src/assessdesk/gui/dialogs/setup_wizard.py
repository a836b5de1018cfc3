"""First start without a demo: create the station profile and its first admin."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from assessdesk.domain.errors import DomainError
from assessdesk.gui.forms.ui_setup_wizard import Ui_SetupWizard
from assessdesk.gui.tasks import TaskRunner


class SetupWizard(QDialog):
    sig_created = Signal(object)
    """The new StationContext."""
    sig_demo_requested = Signal()
    """The user chose to open the demo instead."""

    def __init__(self, *, runner: TaskRunner, profile_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_SetupWizard()
        self._ui.setupUi(self)
        self._runner = runner
        self._path = profile_path
        self._ui.create_button.clicked.connect(self._on_create_button_clicked)
        self._ui.cancel_button.clicked.connect(self.reject)
        self._ui.demo_button.clicked.connect(self._on_demo_button_clicked)

    def _on_demo_button_clicked(self) -> None:
        self.sig_demo_requested.emit()
        self.accept()

    def _on_create_button_clicked(self) -> None:
        ui = self._ui
        if ui.password_edit.text() != ui.confirm_edit.text():
            ui.message_label.setText("The two passwords differ. Type the same password twice.")
            return
        if not ui.station_name_edit.text().strip():
            ui.message_label.setText("Give the station a name people will recognise.")
            return
        ui.create_button.setEnabled(False)
        ui.message_label.setText("Creating the station profile and its signing key…")
        values = dict(station_name=ui.station_name_edit.text().strip(), admin_username=ui.admin_username_edit.text(),
                      admin_display_name=ui.admin_name_edit.text().strip() or ui.admin_username_edit.text(),
                      admin_password=ui.password_edit.text())

        def work():  # type: ignore[no-untyped-def]
            from assessdesk.services.station import create_profile

            return create_profile(self._path, **values)

        self._runner.db(work, self._on_created, self._on_failed)

    def _on_created(self, ctx: object) -> None:
        self.sig_created.emit(ctx)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._ui.create_button.setEnabled(True)
        self._ui.message_label.setText(str(exc) if isinstance(exc, DomainError) else f"Could not create: {exc}")
