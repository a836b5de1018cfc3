"""The sync page: queued / sent / acknowledged / conflict / quarantined, last good sync and next try, "Sync now",
the clock warning, conflicts with both versions and their resolution, and enrolment for an admin."""

from __future__ import annotations

import json
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from assessdesk.domain.clock import parse_iso
from assessdesk.domain.errors import DomainError
from assessdesk.domain.roles import can
from assessdesk.gui.forms.ui_sync_page import Ui_SyncPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.gui.tasks import TaskRunner
from assessdesk.services.sync import conflicts, engine, enrolment, state
from assessdesk.storage import sync as repo

AUTO_CHECK_MS = 30_000  # how often the page asks whether an automatic sync is due
COUNT_NAMES = (("queued", "Queued"), ("sent", "Sent"), ("acknowledged", "Acknowledged"), ("conflict", "In conflict"),
               ("quarantined", "Quarantined"))


class StepDriver(QObject):
    """Runs engine steps one by one, each on its lane (db or io), feeding results and errors back in; the GUI
    thread only hands steps over, so it never waits and no transaction spans network I/O."""

    sig_step = Signal(str)
    """The label of the step now running (for the progress text)."""

    def __init__(self, runner: TaskRunner, steps: Generator[engine.Step, Any, Any], *,
                 on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._steps, self._on_done, self._on_error = runner, steps, on_done, on_error

    def start(self) -> None:
        self._advance(None, None)

    def _advance(self, result: Any, error: BaseException | None) -> None:
        try:
            step = self._steps.throw(error) if error is not None else self._steps.send(result)
        except StopIteration as stop:
            self._on_done(stop.value)
            return
        except BaseException as exc:  # noqa: BLE001 - the engine let it through: the page shows it
            self._on_error(exc)
            return
        self.sig_step.emit(step.label)
        submit = self._runner.db if step.lane == "db" else self._runner.io
        submit(step.fn, lambda r: self._advance(r, None), lambda e: self._advance(None, e))


class SyncPage(QWidget):
    def _fit_warning(self) -> None:
        """A wrapped label reports a one-line minimum, so a busy layout squeezes it: pin it to its wrapped height."""
        label = self._ui.clock_warning_label
        label.setMinimumHeight(label.heightForWidth(max(label.width(), 300)) if label.text() else 0)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_warning()

    sig_sync_finished = Signal(object)
    """A sync run ended (its SyncReport); the app may refresh other pages."""

    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_SyncPage()
        self._ui.setupUi(self)
        self._env = env
        self._driver: StepDriver | None = None
        self._items: list[repo.OutboxItem] = []
        self._conflicts: dict[str, conflicts.ConflictView] = {}
        ui = self._ui
        ui.sync_progress.hide()
        ui.clock_warning_label.hide()
        ui.enrol_group.hide()
        ui.items_table.horizontalHeader().setStretchLastSection(True)
        ui.sync_now_button.clicked.connect(self._on_sync_now_button_clicked)
        ui.enrol_button.clicked.connect(self._on_enrol_button_clicked)
        ui.items_table.itemSelectionChanged.connect(self._on_items_table_selection_changed)
        ui.keep_mine_button.clicked.connect(lambda: self._resolve("mine"))
        ui.keep_theirs_button.clicked.connect(lambda: self._resolve("theirs"))
        ui.keep_both_button.clicked.connect(lambda: self._resolve("both"))
        self._may_resolve = can(env.user.roles, "sync.resolve_conflict")
        self._timer = QTimer(self)
        self._timer.setInterval(AUTO_CHECK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        self._update_buttons()

    # --- reading -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        env = self._env

        def read() -> tuple[state.SyncStatus, list[repo.OutboxItem], list[conflicts.ConflictView]]:
            st = state.status(env.ctx)
            with env.ctx.db.session() as s:
                items = repo.items(s, statuses=[repo.CONFLICT, repo.QUARANTINED])
            views = conflicts.list_conflicts(env.ctx, actor=env.user)
            return st, items, views

        env.runner.db(read, self._show)

    def _show(self, data: tuple[state.SyncStatus, list[repo.OutboxItem], list[conflicts.ConflictView]]) -> None:
        st, items, views = data
        ui = self._ui
        if st.enrolled:
            ui.registry_label.setText(f"Registry: <b>{st.registry_url}</b>")
        else:
            ui.registry_label.setText("This station is not enrolled with a registry yet: it works on its own, and "
                                      "everything recorded waits in the queue until it is enrolled.")
        ui.enrol_group.setVisible(not st.enrolled and can(self._env.user.roles, "station.enrol"))
        for (key, name), label in zip(COUNT_NAMES, (ui.queued_label, ui.sent_label, ui.acknowledged_label,
                                                    ui.conflict_label, ui.quarantined_label), strict=True):
            count = st.counts.get(key, 0)
            style = ' style="color:#a40000"' if key in ("conflict", "quarantined") and count else ""
            label.setText(f"{name}: <b{style}>{count}</b>")
        ui.timing_label.setText(self._timing(st))
        ui.clock_warning_label.setVisible(st.clock_warning is not None)
        ui.clock_warning_label.setText(st.clock_warning or "")
        self._fit_warning()
        self._items = items
        self._conflicts = {v.event_id: v for v in views}
        table = ui.items_table
        table.setRowCount(len(items))
        for row, item in enumerate(items):
            why = item.detail.get("detail") or item.detail.get("reason") or ""
            cells = ("conflict" if item.status == repo.CONFLICT else "quarantined", item.event_id, item.event_type,
                     str(why), str(item.tries))
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        self._on_items_table_selection_changed()

    @staticmethod
    def _when(text: str | None, empty: str) -> str:
        return parse_iso(text).astimezone().strftime("%Y-%m-%d %H:%M") if text else empty

    def _timing(self, st: state.SyncStatus) -> str:
        parts = [f"Last good sync: <b>{self._when(st.last_good_sync, 'never')}</b>"]
        if st.enrolled:
            parts.append(f"next try: <b>{self._when(st.next_try, 'now')}</b>")
        if st.last_error:
            parts.append(f"<br/>Last problem ({st.failures} in a row): {st.last_error}")
        return " · ".join(parts[:2]) + "".join(parts[2:])  # one line of times, the problem below

    def selected(self) -> repo.OutboxItem | None:
        rows = self._ui.items_table.selectionModel().selectedRows()
        return self._items[rows[0].row()] if rows and rows[0].row() < len(self._items) else None

    def _on_items_table_selection_changed(self) -> None:
        item = self.selected()
        view = self._conflicts.get(item.event_id) if item else None
        ui = self._ui
        if item is not None and view is None:  # quarantined: show what was sent and why it was refused
            ui.mine_text.setPlainText(json.dumps(item.detail, indent=2, ensure_ascii=False))
            ui.theirs_text.setPlainText("The registry refused this record, so it keeps no version of it.")
        elif view is not None:
            ui.mine_text.setPlainText(json.dumps(view.mine, indent=2, ensure_ascii=False))
            ui.theirs_text.setPlainText(json.dumps(view.theirs, indent=2, ensure_ascii=False)
                                        if view.theirs is not None else "")
        else:
            ui.mine_text.clear()
            ui.theirs_text.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.selected()
        conflict = item is not None and item.status == repo.CONFLICT and self._may_resolve
        has_theirs = conflict and item is not None and self._conflicts.get(item.event_id) is not None \
            and self._conflicts[item.event_id].theirs is not None
        ui = self._ui
        ui.keep_mine_button.setEnabled(conflict)
        ui.keep_theirs_button.setEnabled(bool(has_theirs))
        ui.keep_both_button.setEnabled(bool(has_theirs))
        ui.sync_now_button.setEnabled(self._driver is None)

    def _say(self, text: str) -> None:
        self._ui.status_label.setText(text)

    # --- actions -------------------------------------------------------------------------------------------
    def _on_sync_now_button_clicked(self) -> None:
        self._run(engine.requested_steps(self._env.ctx, actor=self._env.user))

    def _on_timer_timeout(self) -> None:
        env = self._env
        if self._driver is None:
            env.runner.db(lambda: state.load_config(env.ctx) is not None and state.due(env.ctx, now=env.ctx.clock.now()),
                          lambda due: self._run(engine.sync_steps(env.ctx)) if due and self._driver is None else None)

    def _run(self, steps: Generator[engine.Step, Any, Any]) -> None:
        self._ui.sync_progress.show()
        self._say("Syncing…")
        self._driver = StepDriver(self._env.runner, steps, on_done=self._on_sync_done, on_error=self._on_sync_error,
                                  parent=self)
        self._driver.sig_step.connect(lambda label: self._say(f"Syncing: {label}…"))
        self._update_buttons()
        self._driver.start()

    def _finish_run(self) -> None:
        self._driver = None
        self._ui.sync_progress.hide()
        self._update_buttons()
        self.refresh()

    def _on_sync_done(self, report: engine.SyncReport) -> None:
        self._finish_run()
        if report.ok:
            self._say(f"Synced: {report.pulled} records received, {report.acknowledged} acknowledged, "
                      f"{report.conflicts} conflicts, {report.quarantined} quarantined, {report.uploaded} evidence "
                      "files uploaded." + (f" {len(report.problems)} notes." if report.problems else ""))
        else:
            self._say(f"<b>Not synced:</b> {report.error} Work goes on offline; nothing is lost.")
        self._env.bus.publish("sync_did_finish", ok=report.ok, report=report.as_dict())
        self.sig_sync_finished.emit(report)

    def _on_sync_error(self, error: BaseException) -> None:
        self._finish_run()
        text = str(error) if isinstance(error, DomainError) else f"Sync stopped: {type(error).__name__}: {error}"
        self._say(f"<b style='color:#a40000'>{text}</b>")
        self._env.bus.publish("sync_did_finish", ok=False, report={"error": text})

    def _on_enrol_button_clicked(self) -> None:
        ui, env = self._ui, self._env
        kinds = [kind for box, kind in ((ui.recording_check, "recording_station"), (ui.scoring_check, "scoring_station"),
                                        (ui.approver_check, "approver_station"),
                                        (ui.lead_check, "lead_assessor_station")) if box.isChecked()]
        if not kinds:
            self._say("<b style='color:#a40000'>Tick at least one thing this station does.</b>")
            return
        try:
            steps = enrolment.enrol_steps(env.ctx, actor=env.user, url=ui.url_edit.text().strip(),
                                          code=ui.code_edit.text().strip(),
                                          ca_file=ui.ca_file_edit.text().strip() or None, kinds=kinds)
        except DomainError as exc:
            self._say(f"<b style='color:#a40000'>{exc}</b>")
            return
        self._say("Enrolling…")
        ui.enrol_button.setEnabled(False)

        def done(result: enrolment.Enrolment) -> None:
            ui.enrol_button.setEnabled(True)
            ui.code_edit.clear()
            self._say(f"Enrolled with {result.organisation or result.registry_url}. {result.queued} records "
                      "recorded so far will go up with the first sync.")
            self.refresh()

        def failed(error: BaseException) -> None:
            ui.enrol_button.setEnabled(True)
            self._say(f"<b style='color:#a40000'>{error}</b>")

        StepDriver(env.runner, steps, on_done=done, on_error=failed, parent=self).start()

    def _resolve(self, choice: str) -> None:
        item, env = self.selected(), self._env
        if item is None:
            return
        env.runner.db(lambda: conflicts.resolve(env.ctx, actor=env.user, event_id=item.event_id, choice=choice),
                      lambda new: (self._say(f"Resolved ({choice})." + (" The new record goes up with the next "
                                                                         "sync." if new else "")), self.refresh()))
