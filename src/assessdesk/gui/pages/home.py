"""Home: today's sittings and their attempts, read on the db lane."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from assessdesk.gui.forms.ui_home_page import Ui_HomePage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.services.home import DayOverview, day_overview


class HomePage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_HomePage()
        self._ui.setupUi(self)
        self._env = env
        self._ui.refresh_button.clicked.connect(self.refresh)
        self._ui.session_report_button.clicked.connect(self._on_session_report_button_clicked)
        from assessdesk.domain.roles import can

        self._ui.session_report_button.setVisible(can(env.user.roles, "session.report"))
        self.report_dialog = None

    def refresh(self) -> None:
        env = self._env
        self._ui.summary_label.setText("Loading today's schedule…")
        env.runner.db(lambda: day_overview(env.ctx, actor=env.user), self._show)

    def selected_sitting_id(self) -> str | None:
        item = self._ui.schedule_tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None and self._ui.schedule_tree.topLevelItemCount():
            item = self._ui.schedule_tree.topLevelItem(0)
        return item.data(0, 256) if item is not None else None

    def _on_session_report_button_clicked(self) -> None:
        from assessdesk.gui.dialogs.session_report import SessionReportDialog
        from assessdesk.services.session_report import session_report

        env, sitting_id = self._env, self.selected_sitting_id()
        if sitting_id is None:
            return

        def shown(data) -> None:  # type: ignore[no-untyped-def]
            from assessdesk.services.reports import render_session_report

            self.report_dialog = SessionReportDialog(data, self)
            self.report_dialog.show()
            target = env.ctx.profile_dir / "reports" / f"session-{data.session_date}-{sitting_id[:8]}.pdf"

            def write() -> str:
                target.parent.mkdir(exist_ok=True)
                render_session_report(data, path=target)
                return str(target)

            env.runner.io(write, self.report_dialog.set_pdf_path)

        env.runner.db(lambda: session_report(env.ctx, actor=env.user, sitting_id=sitting_id), shown)

    def _show(self, day: DayOverview) -> None:
        tree = self._ui.schedule_tree
        tree.clear()
        by_sitting: dict[str, QTreeWidgetItem] = {}
        for s in day.sittings:
            item = QTreeWidgetItem([s.title, s.starts_at, "", "", s.site])
            item.setData(0, 256, s.id)  # Qt.UserRole
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            tree.addTopLevelItem(item)
            by_sitting[s.id] = item
        for a in day.attempts:
            row = QTreeWidgetItem([a.candidate.full_name, "", a.credential_id, a.state.value.replace("_", " "), ""])
            row.setData(0, 256, a.id)  # Qt.UserRole
            by_sitting[a.sitting_id].addChild(row)
        tree.expandAll()
        for col in range(tree.columnCount()):
            tree.resizeColumnToContents(col)
        if not day.sittings:
            self._ui.summary_label.setText(f"No sessions are scheduled for {day.date}.")
        else:
            self._ui.summary_label.setText(
                f"{len(day.sittings)} session(s) and {len(day.attempts)} attempt(s) on {day.date}.")
