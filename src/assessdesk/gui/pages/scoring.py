"""Scoring: the assessor's queue (live attempts and blind calibration benchmarks) and the score sheet (rubric grid or
checklist, notes with video moments, sign-off, running total and predicted outcome) beside the attempt's recording;
the draft is saved on every change and submitting locks and hashes it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidgetItem, QWidget
from shiboken6 import isValid

from assessdesk.domain.errors import DomainError
from assessdesk.domain.scoring import ScoreSheet, SheetKind, SheetRole, evaluate
from assessdesk.domain.validation_types import MISSING_TEXT, EvidenceKind
from assessdesk.gui.errors import show_error
from assessdesk.gui.forms.ui_scoring_page import Ui_ScoringPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.gui.widgets.timeline import clock_text
from assessdesk.services.calibration import blind
from assessdesk.services.scoring import queue, sheets
from assessdesk.services.scoring.sheets import SheetView
from assessdesk.services.scoring.workflow import SubmitResult

NOTE_SAVE_DELAY_MS = 300  # typing pauses this long before the draft is written (a criterion change writes at once)
ATTEMPT, BENCHMARK = "attempt", "benchmark"  # what a queue item opens


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
        self._benchmark = False  # the open sheet is a calibration benchmark: blind, never a live attempt
        self._engine: Any = None  # gui.pages.playback.PlaybackEngine of the open recording
        self._playing = False
        self._recording_marks: list[Any] = []  # its timeline marks (never another marker's notes)
        self._duration = 0.0
        self.video_time: float | None = None  # the frame on screen, in seconds of the recording
        ui.evidence_panel.setVisible(False)
        ui.watch_button.clicked.connect(self._on_watch_button_clicked)
        ui.mark_moment_button.clicked.connect(self._on_mark_moment_button_clicked)
        ui.play_button.clicked.connect(self._toggle_play)
        ui.step_back_button.clicked.connect(lambda: self._command("step", -1))
        ui.step_forward_button.clicked.connect(lambda: self._command("step", 1))
        ui.timeline.sig_seek_requested.connect(lambda seconds: self._command("seek", seconds))
        ui.timeline.sig_step_requested.connect(lambda frames: self._command("step", frames))
        # Ctrl chords, so digits and letters stay with the rubric grid and the note while the video plays
        for keys, slot in (("Ctrl+P", self._toggle_play), ("Ctrl+,", lambda: self._command("step", -1)),
                           ("Ctrl+.", lambda: self._command("step", 1)),
                           ("Ctrl+M", self._on_mark_moment_button_clicked)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._set_sheet_enabled(False)
        self.destroyed.connect(lambda: self.shutdown())

    # queue ------------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        env = self._env
        env.runner.db(lambda: (queue.scoring_queue(env.ctx, actor=env.user),
                               blind.calibration_tasks(env.ctx, actor=env.user)), self._show_queue)

    def _show_queue(self, found: tuple[list[queue.QueueEntry], list[blind.CalibrationTask]]) -> None:
        if not isValid(self):  # the page closed (sign-out) while the db lane worked
            return
        entries, tasks = found
        lst = self._ui.queue_list
        lst.clear()
        for e in entries:
            draft = " · draft" if e.has_draft else ""
            item = QListWidgetItem(f"{e.candidate_name}\n{e.credential_id} · {e.task}{draft}\n{e.sitting}, {e.on}")
            item.setData(Qt.ItemDataRole.UserRole, (ATTEMPT, e.attempt_id))
            lst.addItem(item)
        for t in tasks:
            draft = " · draft" if t.has_draft else ""
            item = QListWidgetItem(f"{t.label}\n{t.rubric_ref} · {t.task}, {t.position} of {t.of}{draft}\n"
                                   f"{t.exercise_name}")
            item.setData(Qt.ItemDataRole.UserRole, (BENCHMARK, t.benchmark_id))
            lst.addItem(item)
        if entries or tasks:
            lst.setCurrentRow(0)
        extra = f" and {len(tasks)} calibration benchmark(s)" if tasks else ""
        self._ui.queue_title_label.setText(f"<h2>Scoring</h2>{len(entries)} attempt(s){extra} waiting for you")

    def _on_open_button_clicked(self) -> None:
        item = self._ui.queue_list.currentItem()
        if item is None:
            return
        (kind, ref), env = item.data(Qt.ItemDataRole.UserRole), self._env
        self._commit_note()
        if kind == BENCHMARK:
            env.runner.db(lambda: blind.open_benchmark_sheet(env.ctx, actor=env.user, benchmark_id=ref),
                          lambda view: self.show_view(view, benchmark=True))
        else:
            env.runner.db(lambda: sheets.open_sheet(env.ctx, actor=env.user, attempt_id=ref), self.show_view)

    # sheet ------------------------------------------------------------------------------------------------------
    def show_view(self, view: SheetView, *, benchmark: bool = False) -> None:
        if not isValid(self):  # the page closed (sign-out) while the db lane worked
            return
        ui = self._ui
        if self._view is None or self._view.attempt.id != view.attempt.id:
            self._close_recording()
        self._view, self._sheet, self._benchmark = view, view.sheet, benchmark
        if benchmark:  # the benchmark's label and rubric only: never its reference levels
            ui.header_label.setText(
                f"<b>{escape(view.attempt.candidate_name)}</b> — {escape(view.credential.name)} (calibration, blind)"
                f"<br>Scored against <b>{view.assessment.ref}</b> · {escape(view.attempt.sitting_title)}<br><small>"
                "Score it as you would a live attempt. The reference scores stay hidden; your results appear when "
                "the lead assessor closes the exercise.</small>")
        else:
            task = {"first": "Scoring", "second": "Blind second marking", "moderation": "Moderation",
                    "rescore": "Re-score"}[view.sheet.role.value]
            evidence = ", ".join(MISSING_TEXT[EvidenceKind(k)].split(" (")[0] for k in view.required_evidence)
            refusal = view.certification_refusal
            ui.header_label.setText(
                f"<b>{view.attempt.candidate_name}</b> — {view.credential.name} ({task})<br>"
                f"Scored against <b>{view.assessment.ref}</b> (pinned to the attempt's date {view.attempt.on}) · "
                f"{view.attempt.sitting_title}<br><small>Required before submitting: {evidence}</small>"
                + self._evidence_html(view)
                + (f"<br><b style='color:#a40000'>You cannot submit this live sheet yet.</b> {escape(refusal)}"
                   " Your draft is still saved as you score." if refusal else ""))
        ui.rubric_grid.set_assessment(view.assessment)
        ui.rubric_grid.show_sheet(view.sheet)
        ui.signoff_check.blockSignals(True)
        ui.signoff_check.setChecked(view.sheet.signoff)
        ui.signoff_check.blockSignals(False)
        ui.signoff_check.setVisible(not benchmark)
        ui.peer_button.setVisible(not benchmark and getattr(view.assessment, "peer", None) is not None)
        self._note_for = None
        self._load_note(ui.rubric_grid.current_criterion())
        self._set_sheet_enabled(True)
        ui.status_label.setText("")
        ui.draft_label.setText(f"Draft from {view.sheet.updated_at[11:19]} UTC" if view.sheet.scores else "New draft")
        self._update_total()
        self._update_recording_controls()
        ui.rubric_grid.setFocus()

    @staticmethod
    def _evidence_html(view: SheetView) -> str:
        """What the evidence index found, with its caveats (a demo placeholder seal is said to be one)."""
        index = view.evidence
        if index is None:
            return ""
        colour = "#a40000" if index.basis in ("placeholder", "none") else "#333333"
        notes = "".join(f"<br>{escape(n)}" for n in index.notes)
        return f"<br><small style='color:{colour}'>{escape(index.summary())}{notes}</small>"

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
        moment = self._sheet.score(criterion_id).video_time_s if self._sheet and criterion_id else None
        at = f" — points at {clock_text(moment)} in the recording" if moment is not None else ""
        self._ui.note_label.setText(f"&Note for: {escape(title)}{at}" if title else "&Note for the current criterion:")

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

        save = blind.save_benchmark_draft if self._benchmark else sheets.save_draft
        env.runner.db(lambda: save(env.ctx, actor=env.user, sheet=sheet), done)

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
        if self._benchmark:
            env.runner.db(lambda: blind.submit_benchmark_sheet(env.ctx, actor=env.user, sheet_id=sheet_id),
                          self._submitted, self._submit_failed)
            return
        env.runner.db(lambda: sheets.submit_sheet(env.ctx, actor=env.user, sheet_id=sheet_id), self._submitted,
                      self._submit_failed)

    def _submitted(self, result: SubmitResult | blind.BenchmarkSubmitted) -> None:
        if not isValid(self):
            return
        if isinstance(result, blind.BenchmarkSubmitted):
            what = (f"{result.remaining} benchmark(s) of this exercise still to score." if result.remaining
                    else "That was the last benchmark of this exercise for you.")
        elif result.outcome is not None:
            what = f"Outcome: <b>{result.outcome.outcome.value}</b>"
            if result.outcome.earliest_retake:
                what += f"; earliest retake {result.outcome.earliest_retake.isoformat()}"
        elif result.second_marking:
            what = f"Sent for a blind second marking ({result.second_marking})."
        else:
            what = "The markers disagree: a moderation case was opened for a lead assessor."
        self._ui.status_label.setText(f"Submitted and locked (sha256 {result.sheet.content_hash[:12]}…). {what}")
        self._view = self._sheet = None
        self._benchmark = False
        self._close_recording()
        self._set_sheet_enabled(False)
        self._update_recording_controls()
        self.refresh()

    def _submit_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
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

    # recording --------------------------------------------------------------------------------------------------
    def _playable(self) -> bool:
        """A live sheet whose signed manifest is here with video (benchmarks stay clip-free: the recorded attempt's
        timeline could carry the original markers' notes)."""
        view = self._view
        return (view is not None and not self._benchmark and view.evidence is not None
                and view.evidence.basis == "manifest" and view.evidence.has_video)

    def _update_recording_controls(self) -> None:
        ui, open_ = self._ui, self._engine is not None
        ui.watch_button.setEnabled(self._playable() and not open_)
        ui.mark_moment_button.setEnabled(open_ and self._sheet is not None and self.video_time is not None)
        for w in (ui.play_button, ui.step_back_button, ui.step_forward_button, ui.timeline):
            w.setEnabled(open_)

    def _on_watch_button_clicked(self) -> None:
        from assessdesk.services.evidence.playback import open_attempt_playback

        if not self._playable() or self._view is None:
            return
        env, attempt_id = self._env, self._view.attempt.id
        self._ui.evidence_status_label.setText("Opening the recording…")
        self._ui.evidence_panel.setVisible(True)
        env.runner.db(lambda: open_attempt_playback(env.ctx, actor=env.user, attempt_id=attempt_id),
                      lambda playback: self._load_recording(attempt_id, playback), self._recording_failed)

    def _load_recording(self, attempt_id: str, playback: Any) -> None:
        from assessdesk.gui.pages.playback import PlaybackEngine

        if not isValid(self) or self._view is None or self._view.attempt.id != attempt_id:
            playback.player.close()  # the sheet changed while the db lane opened it
            return
        self._close_recording()
        ui, player = self._ui, playback.player
        # Only moderators see the markers' own moments; a first or blind second marker sees the proctor's marks.
        sees_sheets = self._view.sheet.role in (SheetRole.MODERATION, SheetRole.RESCORE)
        self._recording_marks = [m for m in playback.marks if sees_sheets or m.kind != "score"]
        self._duration = player.duration
        ui.evidence_panel.setVisible(True)
        ui.video_view.set_message("" if player.frame_count else "This attempt has no recorded video.")
        self._show_marks()
        self._engine = PlaybackEngine(player)
        self._engine.sig_frame.connect(self._on_engine_frame)
        self._engine.sig_playing.connect(self._on_engine_playing)
        self._engine.sig_error.connect(self._recording_failed)
        ui.evidence_status_label.setText(f"{len(player.segments)} segment(s), {clock_text(player.duration)}. "
                                         "Ctrl+P plays or pauses; Ctrl+M marks the moment for this criterion.")
        self._update_recording_controls()

    def _show_marks(self) -> None:
        """The recording's marks plus this draft's own moments (kind 'score', labelled with the criterion)."""
        from assessdesk.services.evidence.playback import TimelineMark

        titles = {r.id: r.title for r in self._ui.rubric_grid._rows}
        mine = [TimelineMark("score", float(s.video_time_s), None, titles.get(s.criterion_id, s.criterion_id))
                for s in (self._sheet.scores if self._sheet else ()) if s.video_time_s is not None]
        self._ui.timeline.set_recording(duration=self._duration,
                                        spans=self._engine.player.spans() if self._engine else [(0.0, self._duration)],
                                        marks=sorted([*self._recording_marks, *mine], key=lambda m: m.start_s))

    def _recording_failed(self, error: object) -> None:
        if not isValid(self):
            return
        text = error.message if isinstance(error, DomainError) else str(error)
        self._ui.evidence_status_label.setText(f"<b style='color:#a40000'>The recording cannot be played here:</b> "
                                               f"{escape(text)}")
        self._close_recording()
        self._update_recording_controls()

    def _on_engine_frame(self, image: QImage, index: int, seconds: float) -> None:
        ui = self._ui
        self.video_time = seconds
        ui.video_view.set_image(image)
        ui.timeline.set_position(seconds)
        ui.position_label.setText(f"{clock_text(seconds)} / {clock_text(self._duration)}")
        ui.mark_moment_button.setEnabled(self._sheet is not None)

    def _on_engine_playing(self, playing: bool) -> None:
        self._ui.play_button.setText("Pause" if playing else "Pla&y")
        self._playing = playing

    def _toggle_play(self) -> None:
        if self._engine is not None:
            self._engine.command("pause" if self._playing else "play")

    def _command(self, name: str, value: float) -> None:
        if self._engine is not None:
            self._engine.command(name, float(value))

    def _on_mark_moment_button_clicked(self) -> None:
        """Store the video time on screen with the current criterion's note (the playback timeline shows it)."""
        if self._sheet is None or self._engine is None or self.video_time is None:
            return
        criterion = self._note_for or self._ui.rubric_grid.current_criterion()
        if criterion is None:
            return
        self._commit_note()
        self._change(self._sheet.with_score(criterion, video_time_s=round(self.video_time, 3)))
        self._load_note(criterion)
        self._show_marks()
        self._ui.evidence_status_label.setText(f"Marked {clock_text(self.video_time)} for this criterion.")

    def _close_recording(self) -> None:
        engine, self._engine = self._engine, None
        if engine is not None:
            from assessdesk.gui.pages.playback import release_engine

            release_engine(engine)
        self._playing = False
        self.video_time = None
        self._recording_marks = []
        if isValid(self):
            self._ui.evidence_panel.setVisible(False)
            self._ui.video_view.set_image(None)
            self._ui.position_label.setText("")
            self._ui.play_button.setText("Pla&y")

    def shutdown(self) -> None:
        """Stop the decoder thread (sign-out, window closed)."""
        engine, self._engine = self._engine, None
        if engine is not None:
            from assessdesk.gui.pages.playback import release_engine

            release_engine(engine)

    def hideEvent(self, event: Any) -> None:
        if self._engine is not None and self._playing:
            self._engine.command("pause")
        super().hideEvent(event)
