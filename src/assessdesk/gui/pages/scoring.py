"""Scoring: the assessor's queue and the score sheet (rubric grid or checklist, notes, sign-off, running total and
predicted outcome); the draft is saved on every change and submitting locks and hashes it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidgetItem, QWidget
from shiboken6 import isValid

from assessdesk.domain.errors import DomainError
from assessdesk.domain.scoring import ScoreSheet, SheetKind, evaluate
from assessdesk.domain.validation_types import MISSING_TEXT, EvidenceKind
from assessdesk.gui.errors import show_error
from assessdesk.gui.forms.ui_scoring_page import Ui_ScoringPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.services.scoring import queue, sheets
from assessdesk.services.scoring.sheets import SheetView
from assessdesk.services.scoring.workflow import SubmitResult

NOTE_SAVE_DELAY_MS = 300  # typing pauses this long before the draft is written (a criterion change writes at once)


class ScoringPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_ScoringPage()
        self._ui.setupUi(self)
        self._env = env
        self._view: SheetView | None = None
        self._sheet: ScoreSheet | None = None
        self._note_for: str | None = None
        self._save_seq = 0
        self.saved_seq = 0  # the last save the db lane confirmed (tests and the crash test wait on it)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._commit_note)
        ui = self._ui
        ui.page_splitter.setStretchFactor(1, 1)
        ui.refresh_button.clicked.connect(self.refresh)
        ui.open_button.clicked.connect(self._on_open_button_clicked)
        ui.queue_list.itemActivated.connect(lambda _item: self._on_open_button_clicked())
        ui.rubric_grid.sig_choice_made.connect(self._on_rubric_grid_sig_choice_made)
        ui.rubric_grid.sig_criterion_changed.connect(self._on_rubric_grid_sig_criterion_changed)
        ui.note_edit.textChanged.connect(self._note_timer.start)
        ui.signoff_check.toggled.connect(self._on_signoff_check_toggled)
        ui.submit_button.clicked.connect(self._on_submit_button_clicked)
        ui.peer_button.clicked.connect(self._on_peer_button_clicked)
        self._set_sheet_enabled(False)

    # queue ------------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        env = self._env
        env.runner.db(lambda: queue.scoring_queue(env.ctx, actor=env.user), self._show_queue)

    def _show_queue(self, entries: list[queue.QueueEntry]) -> None:
        if not isValid(self):  # the page closed (sign-out) while the db lane worked
            return
        lst = self._ui.queue_list
        lst.clear()
        for e in entries:
            draft = " · draft" if e.has_draft else ""
            item = QListWidgetItem(f"{e.candidate_name}\n{e.credential_id} · {e.task}{draft}\n{e.sitting}, {e.on}")
            item.setData(Qt.ItemDataRole.UserRole, e.attempt_id)
            lst.addItem(item)
        if entries:
            lst.setCurrentRow(0)
        self._ui.queue_title_label.setText(f"<h2>Scoring</h2>{len(entries)} attempt(s) waiting for you")

    def _on_open_button_clicked(self) -> None:
        item = self._ui.queue_list.currentItem()
        if item is None:
            return
        attempt_id, env = item.data(Qt.ItemDataRole.UserRole), self._env
        env.runner.db(lambda: sheets.open_sheet(env.ctx, actor=env.user, attempt_id=attempt_id), self.show_view)

    # sheet ------------------------------------------------------------------------------------------------------
    def show_view(self, view: SheetView) -> None:
        if not isValid(self):  # the page closed (sign-out) while the db lane worked
            return
        ui = self._ui
        self._view, self._sheet = view, view.sheet
        task = {"first": "Scoring", "second": "Blind second marking", "moderation": "Moderation",
                "rescore": "Re-score"}[view.sheet.role.value]
        evidence = ", ".join(MISSING_TEXT[EvidenceKind(k)].split(" (")[0] for k in view.required_evidence)
        ui.header_label.setText(
            f"<b>{view.attempt.candidate_name}</b> — {view.credential.name} ({task})<br>"
            f"Scored against <b>{view.assessment.ref}</b> (pinned to the attempt's date {view.attempt.on}) · "
            f"{view.attempt.sitting_title}<br><small>Required before submitting: {evidence}</small>"
            + (f"<br><b style='color:#a40000'>You cannot submit this live sheet yet.</b> {view.certification_refusal}"
               " Your draft is still saved as you score." if view.certification_refusal else ""))
        ui.rubric_grid.set_assessment(view.assessment)
        ui.rubric_grid.show_sheet(view.sheet)
        ui.signoff_check.blockSignals(True)
        ui.signoff_check.setChecked(view.sheet.signoff)
        ui.signoff_check.blockSignals(False)
        ui.peer_button.setVisible(getattr(view.assessment, "peer", None) is not None)
        self._note_for = None
        self._load_note(ui.rubric_grid.current_criterion())
        self._set_sheet_enabled(True)
        ui.status_label.setText("")
        ui.draft_label.setText(f"Draft from {view.sheet.updated_at[11:19]} UTC" if view.sheet.scores else "New draft")
        self._update_total()
        ui.rubric_grid.setFocus()

    def _set_sheet_enabled(self, on: bool) -> None:
        ui = self._ui
        for w in (ui.rubric_grid, ui.note_edit, ui.signoff_check, ui.submit_button):
            w.setEnabled(on)

    def _load_note(self, criterion_id: str | None) -> None:
        self._note_for = criterion_id
        edit = self._ui.note_edit
        edit.blockSignals(True)
        edit.setPlainText(self._sheet.score(criterion_id).note if self._sheet and criterion_id else "")
        edit.blockSignals(False)
        title = next((r.title for r in self._ui.rubric_grid._rows if r.id == criterion_id), "")
        self._ui.note_label.setText(f"&Note for: {title}" if title else "&Note for the current criterion:")

    def _commit_note(self) -> None:
        """Copy the note editor into the sheet (if it changed) and save."""
        self._note_timer.stop()
        if self._sheet is None or self._note_for is None:
            return
        text = self._ui.note_edit.toPlainText()
        if self._sheet.score(self._note_for).note != text:
            self._change(self._sheet.with_score(self._note_for, note=text))

    def _on_rubric_grid_sig_criterion_changed(self, criterion_id: str) -> None:
        self._commit_note()
        self._load_note(criterion_id)

    def _on_rubric_grid_sig_choice_made(self, criterion_id: str, value: object) -> None:
        if self._sheet is None:
            return
        self._commit_note()
        field = "answer" if self._sheet.kind is SheetKind.CHECKLIST else "level"
        self._change(self._sheet.with_score(criterion_id, **{field: value}))

    def _on_signoff_check_toggled(self, on: bool) -> None:
        if self._sheet is not None:
            self._change(replace(self._sheet, signoff=on))

    def _change(self, sheet: ScoreSheet) -> None:
        self._sheet = sheet
        self._update_total()
        self._save()

    def _save(self) -> None:
        env, sheet = self._env, self._sheet
        self._save_seq += 1
        seq = self._save_seq
        self._ui.draft_label.setText("Saving draft…")

        def done(saved: ScoreSheet) -> None:
            self.saved_seq = max(self.saved_seq, seq)
            if seq == self._save_seq:
                stamp = datetime.now().strftime("%H:%M:%S")
                self._ui.draft_label.setText(f"Draft saved {stamp}")

        env.runner.db(lambda: sheets.save_draft(env.ctx, actor=env.user, sheet=sheet), done)

    def _update_total(self) -> None:
        view, sheet = self._view, self._sheet
        if view is None or sheet is None:
            self._ui.total_label.setText("")
            return
        ev = evaluate(view.assessment, sheet, peer_points=view.peer_points)
        unit = "items" if sheet.kind is SheetKind.CHECKLIST else "points"
        text = f"Total <b>{ev.total:g}</b> of {ev.max_total:g} {unit} (pass mark {ev.threshold:g})"
        if getattr(view.assessment, "peer", None) is not None:
            text += " incl. peers" if view.peer_points is not None else " + peer scores still missing"
        if not ev.complete:
            text += f" · {len(ev.unscored)} still to score · predicted: —"
        elif ev.passed:
            text += " · predicted: <b style='color:#0b6b2a'>PASS</b>"
        else:
            why = f" (critical not met: {', '.join(ev.critical_failures)})" if ev.critical_failures else ""
            text += f" · predicted: <b style='color:#a40000'>FAIL</b>{why}"
        self._ui.total_label.setText(text)

    # submit -----------------------------------------------------------------------------------------------------
    def _on_submit_button_clicked(self) -> None:
        if self._sheet is None:
            return
        self._commit_note()
        self._save()
        env, sheet_id = self._env, self._sheet.id
        self._ui.status_label.setText("Submitting…")
        env.runner.db(lambda: sheets.submit_sheet(env.ctx, actor=env.user, sheet_id=sheet_id), self._submitted,
                      self._submit_failed)

    def _submitted(self, result: SubmitResult) -> None:
        if result.outcome is not None:
            what = f"Outcome: <b>{result.outcome.outcome.value}</b>"
            if result.outcome.earliest_retake:
                what += f"; earliest retake {result.outcome.earliest_retake.isoformat()}"
        elif result.second_marking:
            what = f"Sent for a blind second marking ({result.second_marking})."
        else:
            what = "The markers disagree: a moderation case was opened for a lead assessor."
        self._ui.status_label.setText(f"Submitted and locked (sha256 {result.sheet.content_hash[:12]}…). {what}")
        self._view = self._sheet = None
        self._set_sheet_enabled(False)
        self.refresh()

    def _submit_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self._ui.status_label.setText(f"<b style='color:#a40000'>Not submitted.</b> {exc.message} {exc.hint}")
        else:
            show_error(self, exc)

    def _on_peer_button_clicked(self) -> None:
        from assessdesk.gui.dialogs.peer_dialog import PeerDialog

        if self._view is None:
            return
        dialog = PeerDialog(self._env, attempt_id=self._view.attempt.id, parent=self)
        dialog.finished.connect(lambda _code: self._on_open_button_reload())
        dialog.open()

    def _on_open_button_reload(self) -> None:
        if self._view is None:
            return
        self._commit_note()
        env, attempt_id = self._env, self._view.attempt.id
        env.runner.db(lambda: sheets.open_sheet(env.ctx, actor=env.user, attempt_id=attempt_id), self.show_view)
