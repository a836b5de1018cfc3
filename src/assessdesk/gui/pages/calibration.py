"""Calibration: an assessor's certifications and blind benchmark sheets; for lead assessors also exercise set-up,
results with charts, the PDF report, the certification list and drift alerts that propose recalibration."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from assessdesk.domain.errors import DomainError
from assessdesk.domain.roles import can
from assessdesk.domain.scoring import ScoreSheet
from assessdesk.domain.standards import ItemKind, Rubric
from assessdesk.gui.errors import show_error
from assessdesk.gui.forms.ui_calibration_page import Ui_CalibrationPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.gui.widgets.bar_chart import Bar
from assessdesk.services.calibration import blind, certification, drift, exercises, report
from assessdesk.services.calibration.records import DriftAlert, Exercise
from assessdesk.services.scoring.sheets import SheetView
from assessdesk.storage import standards as standards_repo
from assessdesk.storage import users as users_repo

RED, GREEN = "#a40000", "#0b6b2a"


@dataclass
class Snapshot:
    """Everything the page shows, read in one go on the db lane."""

    my_rows: list[certification.CertificationRow] = field(default_factory=list)
    tasks: list[blind.CalibrationTask] = field(default_factory=list)
    my_results: list[str] = field(default_factory=list)
    exercises: list[tuple[Exercise, str]] = field(default_factory=list)  # (exercise, progress text)
    certifications: list[certification.CertificationRow] = field(default_factory=list)
    drift: list[drift.DriftRow] = field(default_factory=list)
    alerts: list[DriftAlert] = field(default_factory=list)
    rubrics: list[tuple[str, str]] = field(default_factory=list)  # (ref, title)
    assessors: list[tuple[str, str]] = field(default_factory=list)  # (user id, name)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def _item(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _fill(table: QTableWidget, rows: list[list[str]], data: list[object] | None = None) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.setItem(i, j, _item(text, data[i] if data and j == 0 else None))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)


class CalibrationPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_CalibrationPage()
        self._ui.setupUi(self)
        self._env = env
        self.lead = can(env.user.roles, "calibration.manage")
        self.scorer = can(env.user.roles, "scoring.score")
        self.snapshot = Snapshot()
        self._view: SheetView | None = None
        self._sheet: ScoreSheet | None = None
        self._rubric: Rubric | None = None
        self._drafts: list[exercises.BenchmarkDraft] = []
        self._exercise_view: exercises.ExerciseView | None = None
        ui = self._ui
        tabs = ui.tabs_widget
        for tab, keep in ((ui.drift_tab, self.lead), (ui.setup_tab, self.lead), (ui.exercises_tab, self.lead),
                          (ui.certifications_tab, self.lead or not self.scorer),
                          (ui.mine_tab, self.scorer)):
            if not keep:
                tabs.removeTab(tabs.indexOf(tab))
        ui.revoke_reason_edit.setVisible(self.lead)
        ui.revoke_button.setVisible(self.lead)
        ui.open_task_button.clicked.connect(self._on_open_task_button_clicked)
        ui.tasks_list.itemActivated.connect(lambda _i: self._on_open_task_button_clicked())
        ui.benchmark_grid.sig_choice_made.connect(self._on_benchmark_grid_sig_choice_made)
        ui.submit_benchmark_button.clicked.connect(self._on_submit_benchmark_button_clicked)
        ui.exercises_table.itemSelectionChanged.connect(self._on_exercises_table_selection_changed)
        ui.close_exercise_button.clicked.connect(self._on_close_exercise_button_clicked)
        ui.export_report_button.clicked.connect(self._on_export_report_button_clicked)
        ui.rubric_combo.currentIndexChanged.connect(self._on_rubric_combo_current_index_changed)
        ui.add_benchmark_button.clicked.connect(self._on_add_benchmark_button_clicked)
        ui.remove_benchmark_button.clicked.connect(self._on_remove_benchmark_button_clicked)
        ui.create_exercise_button.clicked.connect(self._on_create_exercise_button_clicked)
        ui.revoke_button.clicked.connect(self._on_revoke_button_clicked)
        ui.check_drift_button.clicked.connect(self.refresh)
        ui.propose_button.clicked.connect(self._on_propose_button_clicked)
        ui.close_alert_button.clicked.connect(self._on_close_alert_button_clicked)
        self._set_sheet_enabled(False)

    # loading ---------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        env, lead, scorer = self._env, self.lead, self.scorer

        def load() -> Snapshot:
            ctx, me = env.ctx, env.user
            snap = Snapshot(my_rows=[r for r in certification.certification_list(ctx, actor=me)
                                     if r.user_id == me.id])
            if scorer:
                snap.tasks = blind.calibration_tasks(ctx, actor=me)
                for e in exercises.list_exercises(ctx, actor=me):
                    if not e.open and me.id in e.assessor_ids:
                        mine = exercises.exercise_view(ctx, actor=me, exercise_id=e.id).results
                        for r in mine.assessors if mine else ():
                            if r.assessor_id == me.id:
                                f = r.figures
                                verdict = "certified" if r.passed else "not certified: " + "; ".join(r.unmet)
                                snap.my_results.append(
                                    f"<b>{e.name}</b> ({e.rubric_ref}, closed {(e.closed_at or '')[:10]}): exact "
                                    f"{_pct(f.exact)}, within one level {_pct(f.adjacent)}, weighted kappa "
                                    f"{'—' if f.kappa is None else f'{f.kappa:.2f}'}, bias "
                                    f"{'—' if f.bias is None else f'{f.bias:+.2f}'} → {verdict}")
            if lead or not scorer:
                snap.certifications = certification.certification_list(ctx, actor=me)
            if lead:
                drift.scan_drift(ctx, actor=me)  # crossing the threshold raises the alert shown on this page
                snap.drift = drift.drift_overview(ctx, actor=me)
                snap.alerts = drift.open_drift_alerts(ctx, actor=me)
                for e in exercises.list_exercises(ctx, actor=me):
                    view = exercises.exercise_view(ctx, actor=me, exercise_id=e.id)
                    done = sum(p.scored for p in view.progress)
                    snap.exercises.append((e, f"{done} of {len(e.benchmarks) * len(e.assessor_ids)} sheets"))
                with ctx.db.session() as s:
                    snap.rubrics = [(f"{i.id}@{i.version}", i.title)
                                    for i in standards_repo.list_items(s, ItemKind.RUBRIC)]
                    snap.assessors = [(u.id, u.display_name) for u in users_repo.list_all(s)
                                      if u.active and can(u.roles, "scoring.score") and u.id != me.id]
            return snap

        env.runner.db(load, self._show)

    def _show(self, snap: Snapshot) -> None:
        self.snapshot, ui = snap, self._ui
        _fill(ui.my_status_table, [[r.status.rubric_id, r.status.state.value, r.status.message()]
                                   for r in snap.my_rows])
        ui.tasks_list.clear()
        for t in snap.tasks:
            item = QListWidgetItem(f"{t.exercise_name}: {t.label} ({t.position} of {t.of}, {t.rubric_ref})"
                                   + (" · draft" if t.has_draft else ""))
            item.setData(Qt.ItemDataRole.UserRole, t.benchmark_id)
            ui.tasks_list.addItem(item)
        if snap.tasks:
            ui.tasks_list.setCurrentRow(0)
        ui.open_task_button.setEnabled(bool(snap.tasks))
        ui.my_results_label.setText("<b>Your exercise results</b><br>" + "<br>".join(snap.my_results)
                                    if snap.my_results else "")
        ui.title_label.setText(f"<h2>Calibration</h2>{len(snap.tasks)} benchmark performance(s) waiting for you"
                               if self.scorer else "<h2>Calibration</h2>")
        if snap.alerts:
            names = {r.assessor_id: r.name for r in snap.drift}
            lines = [f"{names.get(a.assessor_id, a.assessor_id)} on {a.rubric_id}: {a.reading.get('summary', '')}"
                     for a in snap.alerts]
            ui.alert_banner_label.setText(f"<b style='color:{RED}'>⚠ {len(snap.alerts)} drift alert(s) — "
                                          "recalibration proposed:</b><br>" + "<br>".join(lines))
        ui.alert_banner_label.setVisible(bool(snap.alerts))
        if self.lead or snap.certifications:
            _fill(ui.certifications_table,
                  [[r.name, r.status.rubric_id, r.status.state.value, r.status.source.value if r.status.source
                    else "", r.status.message()] for r in snap.certifications],
                  [r.status.certification_id for r in snap.certifications])
        if self.lead:
            self._show_lead(snap)

    def _show_lead(self, snap: Snapshot) -> None:
        ui = self._ui
        selected = self._selected_exercise_id()
        _fill(ui.exercises_table, [[e.name, e.rubric_ref, "open" if e.open else f"closed {e.closed_at[:10]}",
                                    progress] for e, progress in snap.exercises],
              [e.id for e, _ in snap.exercises])
        for i, (e, _) in enumerate(snap.exercises):
            if e.id == selected:
                ui.exercises_table.selectRow(i)
        alerts = {(a.assessor_id, a.rubric_id) for a in snap.alerts}
        _fill(ui.drift_table, [[r.name, r.rubric_id, str(r.reading.attempts), _pct(r.reading.exact),
                                _pct(r.reading.needed), "OPEN — recalibrate" if (r.assessor_id, r.rubric_id)
                                in alerts else ("below" if r.reading.crossed else "")] for r in snap.drift],
              [(r.assessor_id, r.rubric_id) for r in snap.drift])
        combo = ui.rubric_combo
        if combo.count() != len(snap.rubrics):
            combo.blockSignals(True)
            combo.clear()
            for ref, title in snap.rubrics:
                combo.addItem(f"{ref} — {title}", ref)
            combo.blockSignals(False)
            self._on_rubric_combo_current_index_changed(combo.currentIndex())
        checked = self._checked_assessors()
        ui.assessors_list.clear()
        for user_id, name in snap.assessors:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, user_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if user_id in checked else Qt.CheckState.Unchecked)
            ui.assessors_list.addItem(item)

    # blind benchmark sheets ------------------------------------------------------------------------------------
    def _set_sheet_enabled(self, on: bool) -> None:
        self._ui.benchmark_grid.setEnabled(on)
        self._ui.submit_benchmark_button.setEnabled(on)

    def _on_open_task_button_clicked(self) -> None:
        item = self._ui.tasks_list.currentItem()
        if item is None:
            return
        env, benchmark_id = self._env, item.data(Qt.ItemDataRole.UserRole)
        env.runner.db(lambda: blind.open_benchmark_sheet(env.ctx, actor=env.user, benchmark_id=benchmark_id),
                      self.show_benchmark)

    def show_benchmark(self, view: SheetView) -> None:
        ui = self._ui
        self._view, self._sheet = view, view.sheet
        ui.benchmark_header_label.setText(
            f"<b>{view.attempt.candidate_name}</b> — {view.attempt.sitting_title}<br>Score it on "
            f"<b>{view.assessment.ref}</b> as you would a live performance. You will not see the reference "
            "levels until the lead assessor closes the exercise.")
        ui.benchmark_grid.set_assessment(view.assessment)
        ui.benchmark_grid.show_sheet(view.sheet)
        ui.benchmark_status_label.setText("")
        self._set_sheet_enabled(True)
        ui.benchmark_grid.setFocus()

    def _on_benchmark_grid_sig_choice_made(self, criterion_id: str, value: object) -> None:
        if self._sheet is None:
            return
        self._sheet = self._sheet.with_score(criterion_id, level=int(value))  # type: ignore[call-overload]
        env, sheet = self._env, self._sheet
        self._ui.benchmark_status_label.setText("Saving draft…")
        env.runner.db(lambda: blind.save_benchmark_draft(env.ctx, actor=env.user, sheet=sheet),
                      lambda _s: self._ui.benchmark_status_label.setText("Draft saved."))

    def _on_submit_benchmark_button_clicked(self) -> None:
        if self._sheet is None:
            return
        env, sheet = self._env, self._sheet

        def work() -> blind.BenchmarkSubmitted:
            blind.save_benchmark_draft(env.ctx, actor=env.user, sheet=sheet)
            return blind.submit_benchmark_sheet(env.ctx, actor=env.user, sheet_id=sheet.id)

        env.runner.db(work, self._benchmark_submitted, self._say_failed(self._ui.benchmark_status_label))

    def _benchmark_submitted(self, result: blind.BenchmarkSubmitted) -> None:
        self._view = self._sheet = None
        self._set_sheet_enabled(False)
        left = f"{result.remaining} more to go in this exercise." if result.remaining else "Exercise complete."
        self._ui.benchmark_status_label.setText(f"Submitted and locked (sha256 {result.sheet.content_hash[:12]}…). "
                                                + left)
        self.refresh()

    def _say_failed(self, label):  # type: ignore[no-untyped-def]
        def failed(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                label.setText(f"<b style='color:{RED}'>Not done.</b> {exc.message} {exc.hint}")
            else:
                show_error(self, exc)

        return failed

    # results ---------------------------------------------------------------------------------------------------
    def _selected_exercise_id(self) -> str | None:
        rows = self._ui.exercises_table.selectionModel().selectedRows()
        return self._ui.exercises_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _on_exercises_table_selection_changed(self) -> None:
        exercise_id, env = self._selected_exercise_id(), self._env
        if exercise_id:
            env.runner.db(lambda: exercises.exercise_view(env.ctx, actor=env.user, exercise_id=exercise_id),
                          self.show_results)

    def show_results(self, view: exercises.ExerciseView) -> None:
        self._exercise_view, ui, res = view, self._ui, view.results
        e = view.exercise
        ui.close_exercise_button.setEnabled(e.open)
        if res is None:
            return
        p = e.policy
        state = "open (provisional results)" if e.open else f"closed {e.closed_at[:10] if e.closed_at else ''}"
        group = []
        for name, coef in (("Krippendorff's alpha (ordinal)", res.alpha), ("ICC(2,1)", res.icc)):
            group.append(f"{name}: {coef.value:.2f}" if coef.value is not None
                         else f"{name}: not computable ({coef.undefined_reason})")
        ui.results_label.setText(
            f"<b>{e.name}</b> — {view.rubric.title} ({e.rubric_ref}), {state}; {len(e.benchmarks)} benchmark(s).<br>"
            f"Group: {'; '.join(group)}.<br>Thresholds: exact ≥ {_pct(res.exact_needed)}, within one level ≥ "
            f"{_pct(p.min_adjacent)}, weighted kappa ≥ {p.min_kappa:.2f}, at least {p.min_scores} scores; "
            f"certified for {p.valid_days} days.")
        people = res.assessors
        ui.agreement_chart.set_bars(
            [Bar(a.name, a.figures.kappa, a.passed) for a in people], low=0.0, high=1.0, threshold=p.min_kappa,
            threshold_label=f"required {p.min_kappa:.2f}", title="Weighted kappa against the reference")
        limit = max([1.0, *(abs(a.figures.bias) for a in people if a.figures.bias is not None)])
        ui.bias_chart.set_bars(
            [Bar(a.name, a.figures.bias, None) for a in people], low=-limit, high=limit,
            title="Bias in levels (+ lenient, − severe)", value_format="{:+.2f}")
        ui.difficulty_chart.set_bars(
            [Bar(f"{c.criterion_id} {c.title}", c.exact, None if c.exact is None else c.exact >= res.exact_needed,
                 _pct(c.exact)) for c in sorted(res.criteria, key=lambda c: (c.exact is None, c.exact or 0))],
            low=0.0, high=1.0, threshold=res.exact_needed, threshold_label=f"{_pct(res.exact_needed)} exact",
            title="Criterion difficulty: exact agreement with the reference, hardest first", value_format="{:.1f}")
        rows = []
        for a in people:
            f = a.figures
            verdict = ("certified" if not e.open else "would pass") if a.passed else "; ".join(a.unmet)
            rows.append([a.name, f"{f.scored}/{f.expected}", _pct(f.exact), _pct(f.adjacent),
                         "—" if f.kappa is None else f"{f.kappa:.2f}", "—" if f.bias is None else f"{f.bias:+.2f}",
                         verdict])
        _fill(ui.results_table, rows)
        for i, a in enumerate(people):
            ui.results_table.item(i, 6).setForeground(Qt.GlobalColor.darkGreen if a.passed else Qt.GlobalColor.darkRed)

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, "Calibration", text)
        return answer == QMessageBox.StandardButton.Yes

    def _on_close_exercise_button_clicked(self) -> None:
        exercise_id, env = self._selected_exercise_id(), self._env
        if not exercise_id or not self._confirm("Close the exercise? Its results are recorded and every assessor "
                                                "who met all thresholds is certified. This cannot be undone."):
            return

        def done(result: exercises.CloseResult) -> None:
            self.show_results(result.view)
            self._ui.results_label.setText(self._ui.results_label.text() + f"<br><b style='color:{GREEN}'>Closed: "
                                           f"{len(result.certified)} assessor(s) certified until "
                                           f"{result.valid_until}.</b>")
            self.refresh()

        env.runner.db(lambda: exercises.close_exercise(env.ctx, actor=env.user, exercise_id=exercise_id), done,
                      self._say_failed(self._ui.results_label))

    def _on_export_report_button_clicked(self) -> None:
        if self._selected_exercise_id() is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export the exercise report", "calibration-report.pdf",
                                              "PDF files (*.pdf)")
        if path:
            self.export_report(Path(path))

    def export_report(self, path: Path) -> None:
        """Gather on the db lane, render on the io lane (ReportLab), then say where it went."""
        exercise_id, env = self._selected_exercise_id(), self._env
        if exercise_id is None:
            return
        self._ui.results_label.setText(self._ui.results_label.text() + "<br>Rendering the report…")
        env.runner.db(lambda: report.exercise_report(env.ctx, actor=env.user, exercise_id=exercise_id),
                      lambda data: env.runner.io(lambda: report.write_report(data, path), self._report_written))

    def _report_written(self, path: Path) -> None:
        text = self._ui.results_label.text().replace("<br>Rendering the report…", "")
        self._ui.results_label.setText(f"{text}<br>Report written to {path}")

    # set-up ----------------------------------------------------------------------------------------------------
    def _on_rubric_combo_current_index_changed(self, _index: int) -> None:
        ref, env = self._ui.rubric_combo.currentData(), self._env
        if not ref:
            return
        self._drafts.clear()
        self._ui.benchmarks_list.clear()

        def load() -> tuple[Rubric, list[exercises.RecordedAttempt]]:
            with env.ctx.db.session() as s:
                rubric = exercises.load_rubric(s, ref)
            return rubric, exercises.recorded_attempts(env.ctx, actor=env.user, rubric_ref=ref)

        env.runner.db(load, self._show_rubric)

    def _show_rubric(self, loaded: tuple[Rubric, list[exercises.RecordedAttempt]]) -> None:
        self._rubric, attempts = loaded
        ui = self._ui
        ui.reference_grid.set_assessment(self._rubric)
        ui.attempt_combo.clear()
        ui.attempt_combo.addItem("(none: use an imported clip)", None)
        for a in attempts:
            ui.attempt_combo.addItem(a.label, a.attempt_id)

    def _on_add_benchmark_button_clicked(self) -> None:
        ui, rubric = self._ui, self._rubric
        if rubric is None:
            return
        chosen = {k: int(v) for k, v in ui.reference_grid.chosen().items()}
        missing = [c.title for c in rubric.criteria if c.id not in chosen]
        if missing:
            ui.setup_status_label.setText(f"<b style='color:{RED}'>Give a reference level for:</b> "
                                          + "; ".join(missing))
            return
        attempt_id, clip = ui.attempt_combo.currentData(), ui.clip_edit.text().strip()
        label = ui.label_edit.text().strip() or f"Benchmark {len(self._drafts) + 1}"
        draft = exercises.BenchmarkDraft(label, chosen, attempt_id=None if clip else attempt_id,
                                         evidence_ref=clip or None)
        self._drafts.append(draft)
        source = f"clip {clip}" if clip else (ui.attempt_combo.currentText() if attempt_id else "no source yet")
        ui.benchmarks_list.addItem(f"{label} — {source} — reference "
                                   + ", ".join(f"{k} {v}" for k, v in sorted(chosen.items())))
        ui.label_edit.clear()
        ui.clip_edit.clear()
        ui.reference_grid.set_assessment(rubric)
        ui.setup_status_label.setText(f"{len(self._drafts)} benchmark(s) ready.")

    def _on_remove_benchmark_button_clicked(self) -> None:
        row = self._ui.benchmarks_list.currentRow()
        if 0 <= row < len(self._drafts):
            del self._drafts[row]
            self._ui.benchmarks_list.takeItem(row)

    def _checked_assessors(self) -> list[str]:
        lst = self._ui.assessors_list
        return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())
                if lst.item(i).checkState() == Qt.CheckState.Checked]

    def _on_create_exercise_button_clicked(self) -> None:
        ui, env = self._ui, self._env
        name, ref, drafts, invited = ui.name_edit.text(), ui.rubric_combo.currentData(), list(self._drafts), \
            self._checked_assessors()

        def done(e: Exercise) -> None:
            self._drafts.clear()
            ui.benchmarks_list.clear()
            ui.name_edit.clear()
            ui.setup_status_label.setText(f"<b style='color:{GREEN}'>Opened '{e.name}'</b>: {len(e.benchmarks)} "
                                          f"benchmark(s), {len(e.assessor_ids)} assessor(s) invited.")
            self.refresh()

        env.runner.db(lambda: exercises.create_exercise(env.ctx, actor=env.user, name=name, rubric_ref=ref or "",
                                                        benchmarks=drafts, assessor_ids=invited),
                      done, self._say_failed(ui.setup_status_label))

    # certifications and drift ----------------------------------------------------------------------------------
    def _on_revoke_button_clicked(self) -> None:
        ui, env = self._ui, self._env
        rows = ui.certifications_table.selectionModel().selectedRows()
        if not rows:
            return
        cert_id = ui.certifications_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        reason = ui.revoke_reason_edit.text()
        if cert_id:
            env.runner.db(lambda: certification.revoke_certification(env.ctx, actor=env.user,
                                                                     certification_id=cert_id, reason=reason),
                          lambda _r: (ui.revoke_reason_edit.clear(), self.refresh()))

    def _selected_drift(self) -> tuple[str, str] | None:
        rows = self._ui.drift_table.selectionModel().selectedRows()
        return self._ui.drift_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _on_propose_button_clicked(self) -> None:
        """Prefill a recalibration exercise for the selected assessor and rubric."""
        picked, ui = self._selected_drift(), self._ui
        if picked is None:
            return
        assessor_id, rubric_id = picked
        refs = [i for i in range(ui.rubric_combo.count()) if str(ui.rubric_combo.itemData(i)).startswith(
            rubric_id + "@")]
        if refs:
            ui.rubric_combo.setCurrentIndex(refs[-1])
        for i in range(ui.assessors_list.count()):
            item = ui.assessors_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == assessor_id
                               else Qt.CheckState.Unchecked)
        name = next((r.name for r in self.snapshot.drift if r.assessor_id == assessor_id), "")
        ui.name_edit.setText(f"Recalibration: {name}, {rubric_id}")
        ui.tabs_widget.setCurrentWidget(ui.setup_tab)

    def _on_close_alert_button_clicked(self) -> None:
        picked, ui, env = self._selected_drift(), self._ui, self._env
        alert = next((a for a in self.snapshot.alerts if picked == (a.assessor_id, a.rubric_id)), None)
        if alert is None:
            return
        note = ui.alert_note_edit.text()
        env.runner.db(lambda: drift.close_drift_alert(env.ctx, actor=env.user, alert_id=alert.id, note=note),
                      lambda _a: (ui.alert_note_edit.clear(), self.refresh()), self._say_failed(ui.drift_label))
