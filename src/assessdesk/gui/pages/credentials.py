"""Credentials (approvers, admins): issued credentials per candidate; verify, export JSON or PDF, revoke."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QTableWidgetItem, QWidget

from assessdesk.domain.errors import DomainError
from assessdesk.domain.roles import can
from assessdesk.gui.errors import show_error
from assessdesk.gui.forms.ui_credentials_page import Ui_CredentialsPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.services.issuance import records
from assessdesk.services.issuance.records import IssuedCredential
from assessdesk.trust.verify import VerificationResult

BAD = "#a40000"
GOOD = "#1a6b1a"
ALL = "All candidates"
VERDICT_COLOURS = {"valid": GOOD, "revoked": BAD, "invalid": BAD, "unknown": "#8a5a00"}


class CredentialsPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_CredentialsPage()
        self._ui.setupUi(self)
        self._env = env
        self._all: list[IssuedCredential] = []
        self._shown: list[IssuedCredential] = []
        ui = self._ui
        ui.refresh_button.clicked.connect(lambda: self.refresh())
        ui.candidate_combo.currentIndexChanged.connect(lambda _i: self._fill_table())
        ui.credentials_table.itemSelectionChanged.connect(self._on_credentials_table_selection_changed)
        ui.verify_button.clicked.connect(self._on_verify_button_clicked)
        ui.export_json_button.clicked.connect(lambda: self._export("json"))
        ui.export_pdf_button.clicked.connect(lambda: self._export("pdf"))
        ui.revoke_button.clicked.connect(self._on_revoke_button_clicked)
        ui.credentials_table.horizontalHeader().setStretchLastSection(True)
        ui.credentials_table.verticalHeader().setVisible(False)
        ui.revoke_button.setVisible(can(env.user.roles, "credential.revoke"))
        self._update_buttons()

    def refresh(self, note: str = "") -> None:
        """Reload the list; `note` (the outcome of the last action) stays on screen above the count."""
        env = self._env
        self._say(note or "Loading credentials…")
        env.runner.db(lambda: records.list_credentials(env.ctx, actor=env.user), lambda rows: self._show(rows, note))

    def _show(self, rows: list[IssuedCredential], note: str = "") -> None:
        self._all = rows
        combo = self._ui.candidate_combo
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ALL, None)
        for candidate_id, name in {r.candidate_id: r.candidate_name for r in rows}.items():
            combo.addItem(name, candidate_id)
        combo.setCurrentIndex(max(0, combo.findText(current)))
        combo.blockSignals(False)
        self._fill_table()
        revoked = sum(1 for r in rows if r.revoked_at)
        count = (f"{len(rows)} credential(s) on this station, {revoked} revoked." if rows
                 else "No credentials have been issued on this station yet.")
        self._say(f"{note}<br>{count}" if note else count)

    def _fill_table(self) -> None:
        wanted = self._ui.candidate_combo.currentData()
        self._shown = [r for r in self._all if wanted is None or r.candidate_id == wanted]
        table = self._ui.credentials_table
        table.setRowCount(len(self._shown))
        for row, r in enumerate(self._shown):
            state = f"revoked {r.revoked_at[:10]}" if r.revoked_at else "issued"
            cells = (r.candidate_name, r.achievement_name, r.issued_at[:10], (r.valid_until or "no expiry")[:10],
                     state, r.issued_by, r.credential_id)
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        self._ui.detail_label.setText("")
        self._update_buttons()

    def selected(self) -> IssuedCredential | None:
        rows = self._ui.credentials_table.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        record = self.selected()
        ui = self._ui
        for button in (ui.verify_button, ui.export_json_button, ui.export_pdf_button):
            button.setEnabled(record is not None)
        ui.revoke_button.setEnabled(record is not None and not record.revoked_at)

    def _on_credentials_table_selection_changed(self) -> None:
        record = self.selected()
        self._update_buttons()
        if record is None:
            return
        revoked = (f"<br><b style='color:{BAD}'>Revoked</b> {record.revoked_at[:10]} by "
                   f"{html.escape(record.revoked_by or '?')}: {html.escape(record.revoked_reason or '')}"
                   if record.revoked_at else "")
        self._ui.detail_label.setText(
            f"<b>{html.escape(record.achievement_name)}</b> for {html.escape(record.candidate_name)}<br>"
            f"Verify at: {html.escape(record.verification_url)}<br>"
            f"Status list entry {record.status_index} of {html.escape(record.status_list_url)}{revoked}")

    def _on_verify_button_clicked(self) -> None:
        record, env = self.selected(), self._env
        if record is None:
            return
        self._say("Verifying the signature, contexts, schema, dates and revocation status…")
        env.runner.db(lambda: records.verify_issued(env.ctx, actor=env.user, credential_id=record.credential_id),
                      self._show_verdict, self._failed)

    def _show_verdict(self, result: VerificationResult) -> None:
        colour = VERDICT_COLOURS[result.status]
        notes = "".join(f"<br>{html.escape(n)}" for n in result.notes)
        self._say(f"<b style='color:{colour}'>{html.escape(result.summary)}</b>{notes}")

    def _export(self, kind: str) -> None:
        record, env = self.selected(), self._env
        if record is None:
            return
        suffix = ".json" if kind == "json" else ".pdf"
        default = f"{record.candidate_name} - {record.achievement_name}{suffix}".replace("/", "-")
        name, _ = QFileDialog.getSaveFileName(self, "Export credential", str(Path.home() / default),
                                              "Credential (*.json)" if kind == "json" else "Certificate (*.pdf)")
        if not name:
            return
        target = Path(name)
        env.runner.db(lambda: records.export_credential(env.ctx, actor=env.user, credential_id=record.credential_id,
                                                        **{"out" if kind == "json" else "pdf": target}),
                      lambda _r: self._say(f"Wrote {html.escape(str(target))}."), self._failed)

    def _on_revoke_button_clicked(self) -> None:
        record, env = self.selected(), self._env
        if record is None:
            return
        reason, ok = QInputDialog.getText(
            self, "Revoke credential",
            f"Revoke {record.achievement_name} of {record.candidate_name}?\n"
            "This cannot be undone. Say why (it is kept in the audit log):", QLineEdit.EchoMode.Normal, "")
        if not ok:
            return
        env.runner.db(lambda: records.revoke(env.ctx, actor=env.user, credential_id=record.credential_id,
                                             reason=reason),
                      lambda r: self.refresh(f"<b style='color:{BAD}'>Revoked</b> {html.escape(r.credential_id)}."),
                      self._failed)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, DomainError):
            show_error(self, error)
        self._say(f"<b style='color:{BAD}'>{html.escape(str(error))}</b>")

    def _say(self, text: str) -> None:
        self._ui.status_label.setText(text)
