"""Roster: search candidates, see details and the enrolled photo, register walk-ins, import a roster CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QFileDialog, QTableWidgetItem, QWidget

from assessdesk.domain.schedule import Candidate
from assessdesk.gui.forms.ui_roster_page import Ui_RosterPage
from assessdesk.gui.forms.ui_walk_in_dialog import Ui_WalkInDialog
from assessdesk.gui.pages.base import PageEnv
from assessdesk.services import roster
from assessdesk.storage import schedule


class WalkInDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_WalkInDialog()
        self._ui.setupUi(self)

    def values(self) -> dict[str, str]:
        ui = self._ui
        return {"given_name": ui.given_edit.text(), "family_name": ui.family_edit.text(),
                "email": ui.email_edit.text(), "external_id": ui.external_edit.text()}


class RosterPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_RosterPage()
        self._ui.setupUi(self)
        self._env = env
        self._rows: list[Candidate] = []
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        ui = self._ui
        ui.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        ui.candidates_table.itemSelectionChanged.connect(self._on_candidates_table_selection_changed)
        ui.walk_in_button.clicked.connect(self._on_walk_in_button_clicked)
        ui.import_button.clicked.connect(self._on_import_button_clicked)
        ui.candidates_table.horizontalHeader().setStretchLastSection(True)
        from assessdesk.domain.roles import can

        editable = can(env.user.roles, "roster.edit")
        ui.walk_in_button.setVisible(editable)
        ui.import_button.setVisible(editable)

    def refresh(self) -> None:
        env, text = self._env, self._ui.search_edit.text()
        env.runner.db(lambda: roster.find_candidates(env.ctx, actor=env.user, text=text), self._show)

    def _show(self, rows: list[Candidate]) -> None:
        self._rows = rows
        table = self._ui.candidates_table
        table.setRowCount(len(rows))
        for i, c in enumerate(rows):
            status = "walk-in, awaiting registry review" if c.needs_review else ("walk-in" if c.walk_in else "roster")
            for col, text in enumerate((c.full_name, c.external_id or "", c.email or "", status)):
                table.setItem(i, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        self._ui.title_label.setText(f"<h2>Roster</h2>{len(rows)} candidate(s) shown")

    def _on_candidates_table_selection_changed(self) -> None:
        rows = self._ui.candidates_table.selectionModel().selectedRows()
        if not rows:
            return
        c, env = self._rows[rows[0].row()], self._env
        self._ui.details_label.setText(
            f"<b>{c.full_name}</b><br>External id: {c.external_id or '—'}<br>E-mail: {c.email or '—'}<br>"
            f"Id: <code>{c.id}</code>")

        def load() -> tuple[str | None, int]:
            with env.ctx.db.session() as s:
                return schedule.enrolled_photo(s, c.id), len(schedule.attempts_of_candidate(s, c.id))

        env.runner.db(load, self._show_photo)

    def _show_photo(self, result: tuple[str | None, int]) -> None:
        sha, attempts = result
        label, env = self._ui.photo_label, self._env
        self._ui.details_label.setText(self._ui.details_label.text() + f"<br>Attempts: {attempts}")
        if sha is None:
            label.setPixmap(QPixmap())
            label.setText("No enrolled photo")
            return
        env.runner.io(lambda: env.ctx.evidence_store().read_bytes(sha),
                      lambda data: label.setPixmap(QPixmap.fromImage(QImage.fromData(data)).scaled(
                          label.minimumSize(), Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)))

    def _on_walk_in_button_clicked(self) -> None:
        dialog = WalkInDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v, env = dialog.values(), self._env
        env.runner.db(lambda: roster.register_walk_in(env.ctx, actor=env.user, **v),
                      lambda c: (self._ui.search_edit.setText(c.family_name), self.refresh()))

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a roster CSV", "", "CSV files (*.csv);;All files (*)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        env = self._env
        self._ui.status_label.setText(f"Importing {path.name}…")
        env.runner.db(lambda: roster.import_roster(env.ctx, actor=env.user, path=path), self._show_import)

    def _show_import(self, report: roster.RosterImport) -> None:
        if report.errors:
            self._ui.status_label.setText("<b style='color:#a40000'>Nothing was imported. Fix these rows and try "
                                          "again:</b><br>" + "<br>".join(report.errors[:30]))
        else:
            self.refresh()
            self._ui.status_label.setText(f"Imported {report.imported} candidate(s).")
