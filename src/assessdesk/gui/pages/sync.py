"""The sync page: queued / sent / acknowledged / conflict / quarantined, last good sync and next try, "Sync now",
the clock warning, conflicts with both versions and their resolution, and enrolment for an admin."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from assessdesk.domain.clock import parse_iso
from assessdesk.domain.errors import DomainError
from assessdesk.domain.roles import can
from assessdesk.gui.forms.ui_sync_page import Ui_SyncPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.gui.sync_scheduler import StepDriver, SyncScheduler
from assessdesk.services.sync import conflicts, describe, engine, enrolment, state
from assessdesk.storage import sync as repo

# status, held-back records, whom each concerns, what each quarantined one carried, conflicts with both versions
Shown = tuple[state.SyncStatus, list[repo.OutboxItem], list[str], dict[str, dict[str, Any]],
              list[conflicts.ConflictView]]

COUNT_NAMES = (("queued", "Queued"), ("sent", "Sent"), ("acknowledged", "Acknowledged"), ("conflict", "In conflict"),
               ("quarantined", "Quarantined"))


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
        # the app's runner, which also syncs automatically while the profile is open; a page built on its own
        # (tests, tools) gets one of its own
        self._sync = env.sync or SyncScheduler(env.ctx, env.runner, env.bus, parent=self)
        self._items: list[repo.OutboxItem] = []
        self._conflicts: dict[str, conflicts.ConflictView] = {}
        self._sent: dict[str, dict[str, Any]] = {}  # quarantined records: what this station sent
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
        self._sync.sig_started.connect(self._on_sync_sig_started)
        self._sync.sig_step.connect(self._on_sync_sig_step)
        self._sync.sig_finished.connect(self._on_sync_done)
        self._sync.sig_failed.connect(self._on_sync_error)
        if self._sync.running():
            self._on_sync_sig_started()
        self._update_buttons()

    # --- reading -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        env = self._env

        def read() -> Shown:
            st = state.status(env.ctx)
            with env.ctx.db.session() as s:
                items = repo.items(s, statuses=[repo.CONFLICT, repo.QUARANTINED])
                subjects = [describe.about(s, i.entity_type, i.entity_id) for i in items]
                sent = {i.event_id: e.payload for i in items if i.status == repo.QUARANTINED
                        and (e := repo.event_by_id(s, i.event_id)) is not None}
            views = conflicts.list_conflicts(env.ctx, actor=env.user)
            return st, items, subjects, sent, views

        env.runner.db(read, self._show)

    def _show(self, data: Shown) -> None:
        st, items, subjects, self._sent, views = data
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
        for row, (item, subject) in enumerate(zip(items, subjects, strict=True)):
            why = item.detail.get("detail") or item.detail.get("reason") or ""
            cells = ("conflict" if item.status == repo.CONFLICT else "quarantined", describe.what(item.event_type),
                     subject, str(why), str(item.tries))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(f"{item.event_type} · record {item.event_id}")  # what support staff ask for
                table.setItem(row, col, cell)
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
            ui.mine_text.setPlainText(describe.fields(self._sent.get(item.event_id)))
            reason = str(item.detail.get("reason") or "refused").replace("_", " ")
            ui.theirs_text.setPlainText(f"The registry refused this record ({reason}): {item.message}\n\n"
                                        "It keeps no version of it.")
        elif view is not None:
            ui.mine_text.setPlainText(describe.fields(view.mine))
            ui.theirs_text.setPlainText(describe.fields(view.theirs) if view.theirs is not None else "")
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
        ui.sync_now_button.setEnabled(not self._sync.running())

    def _say(self, text: str) -> None:
        self._ui.status_label.setText(text)

    # --- actions -------------------------------------------------------------------------------------------
    def _on_sync_now_button_clicked(self) -> None:
        self._sync.run(engine.requested_steps(self._env.ctx, actor=self._env.user))

    def _on_sync_sig_started(self) -> None:
        self._ui.sync_progress.show()
        self._say("Syncing…")
        self._update_buttons()

    def _on_sync_sig_step(self, label: str) -> None:
        self._say(f"Syncing: {label}…")

    def _finish_run(self) -> None:
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
        self.sig_sync_finished.emit(report)

    def _on_sync_error(self, text: str) -> None:
        self._finish_run()
        self._say(f"<b style='color:#a40000'>{text}</b>")

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
