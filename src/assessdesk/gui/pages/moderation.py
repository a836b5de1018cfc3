"""Moderation (lead assessor): both markers' sheets side by side with their differences, and the agreed result
recorded with a reason; the agreed sheet is a draft saved on every change, like any score sheet."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidgetItem, QTableWidget, QTableWidgetItem, QWidget
from shiboken6 import isValid

from assessdesk.domain.errors import DomainError
from assessdesk.domain.scoring import Evaluation, ScoreSheet, SheetKind, evaluate
from assessdesk.gui.errors import show_error
from assessdesk.gui.forms.ui_moderation_page import Ui_ModerationPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.services.scoring import queue, sheets
from assessdesk.services.scoring.workflow import SubmitResult

DIFFERENT = QColor("#ffe3b3")


class ModerationPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_ModerationPage()
        self._ui.setupUi(self)
        self._env = env
        self._case: queue.ModerationCase | None = None
        self._sheet: ScoreSheet | None = None
        self.saved_seq = 0
        ui = self._ui
        ui.page_splitter.setStretchFactor(1, 1)
        ui.refresh_button.clicked.connect(self.refresh)
        ui.open_button.clicked.connect(self._on_open_button_clicked)
        ui.queue_list.itemActivated.connect(lambda _i: self._on_open_button_clicked())
        ui.agreed_grid.sig_choice_made.connect(self._on_agreed_grid_sig_choice_made)
        ui.reason_edit.editingFinished.connect(self._on_reason_edit_editing_finished)
        ui.record_button.clicked.connect(self._on_record_button_clicked)
        for table in (ui.first_table, ui.second_table):
            table.horizontalHeader().setStretchLastSection(True)

    def refresh(self) -> None:
        env = self._env
        env.runner.db(lambda: queue.moderation_queue(env.ctx, actor=env.user), self._show_queue)

    def _show_queue(self, entries: list[queue.QueueEntry]) -> None:
        if not isValid(self):  # the page closed (sign-out) while the db lane worked
            return
        lst = self._ui.queue_list
        lst.clear()
        for e in entries:
            item = QListWidgetItem(f"{e.candidate_name}\n{e.credential_id}\n{e.sitting}, {e.on}")
            item.setData(Qt.ItemDataRole.UserRole, e.attempt_id)
            lst.addItem(item)
        if entries:
            lst.setCurrentRow(0)
        self._ui.queue_title_label.setText(f"<h2>Moderation</h2>{len(entries)} case(s) open")

    def _on_open_button_clicked(self) -> None:
        item = self._ui.queue_list.currentItem()
        if item is None:
            return
        attempt_id, env = item.data(Qt.ItemDataRole.UserRole), self._env
        env.runner.db(lambda: queue.moderation_case(env.ctx, actor=env.user, attempt_id=attempt_id), self.show_case)

    def show_case(self, case: queue.ModerationCase) -> None:
        if not isValid(self):  # the page closed (sign-out) while the db lane worked
            return
        ui, view = self._ui, case.draft
        self._case, self._sheet = case, view.sheet
        why = f"<br>Why: {case.reason_opened}" if case.reason_opened else ""
        ui.header_label.setText(f"<b>{view.attempt.candidate_name}</b> — {view.credential.name}, scored against "
                                f"<b>{view.assessment.ref}</b>{why}")
        differ = set(case.comparison.criteria_differ) if case.comparison else set()
        self._fill(ui.first_table, ui.first_total_label, case.first, case.first_evaluation, differ)
        self._fill(ui.second_table, ui.second_total_label, case.second, case.second_evaluation, differ)
        ui.agreed_grid.set_assessment(view.assessment)
        ui.agreed_grid.show_sheet(view.sheet)
        ui.reason_edit.setText(view.sheet.reason)
        ui.record_button.setEnabled(True)
        ui.status_label.setText("")
        self._update_total()
        ui.agreed_grid.setFocus()

    def _fill(self, table: QTableWidget, label, sheet: ScoreSheet | None, ev: Evaluation | None,  # type: ignore[no-untyped-def]
              differ: set[str]) -> None:
        results = ev.results if ev else ()
        table.setRowCount(len(results))
        for i, r in enumerate(results):
            note = sheet.score(r.id).note if sheet else ""
            cells = [r.title + (" (critical)" if r.critical else ""), f"{r.label} ({r.points:g})", note]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if r.id in differ:
                    item.setBackground(QBrush(DIFFERENT))
                table.setItem(i, j, item)
        table.resizeColumnsToContents()
        label.setText(f"Total {ev.total:g} of {ev.max_total:g} · {'pass' if ev.passed else 'fail'}" if ev else
                      "No sheet")

    def _on_agreed_grid_sig_choice_made(self, criterion_id: str, value: object) -> None:
        if self._sheet is None:
            return
        field = "answer" if self._sheet.kind is SheetKind.CHECKLIST else "level"
        self._change(self._sheet.with_score(criterion_id, **{field: value}))

    def _on_reason_edit_editing_finished(self) -> None:
        if self._sheet is not None and self._ui.reason_edit.text() != self._sheet.reason:
            self._change(replace(self._sheet, reason=self._ui.reason_edit.text()))

    def _change(self, sheet: ScoreSheet) -> None:
        self._sheet = sheet
        self._update_total()
        env = self._env

        def done(_saved: ScoreSheet) -> None:
            self.saved_seq += 1
            self._ui.draft_label.setText("Draft saved")

        env.runner.db(lambda: sheets.save_draft(env.ctx, actor=env.user, sheet=sheet), done)

    def _update_total(self) -> None:
        if self._case is None or self._sheet is None:
            return
        view = self._case.draft
        ev = evaluate(view.assessment, self._sheet, peer_points=view.peer_points)
        verdict = "—" if not ev.complete else ("PASS" if ev.passed else "FAIL")
        self._ui.total_label.setText(f"Agreed total <b>{ev.total:g}</b> of {ev.max_total:g} · predicted {verdict}")

    def _on_record_button_clicked(self) -> None:
        if self._sheet is None:
            return
        self._on_reason_edit_editing_finished()
        env, sheet_id = self._env, self._sheet.id
        env.runner.db(lambda: sheets.submit_sheet(env.ctx, actor=env.user, sheet_id=sheet_id), self._recorded,
                      self._failed)

    def _recorded(self, result: SubmitResult) -> None:
        outcome = result.outcome.outcome.value if result.outcome else result.state.value
        self._ui.status_label.setText(f"Agreed result recorded and locked. Outcome: <b>{outcome}</b>.")
        self._case = self._sheet = None
        self._ui.record_button.setEnabled(False)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self._ui.status_label.setText(f"<b style='color:#a40000'>Not recorded.</b> {exc.message} {exc.hint}")
        else:
            show_error(self, exc)
