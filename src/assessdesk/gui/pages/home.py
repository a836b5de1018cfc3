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

    def refresh(self) -> None:
        env = self._env
        self._ui.summary_label.setText("Loading today's schedule…")
        env.runner.db(lambda: day_overview(env.ctx, actor=env.user), self._show)

    def _show(self, day: DayOverview) -> None:
        tree = self._ui.schedule_tree
        tree.clear()
        by_sitting: dict[str, QTreeWidgetItem] = {}
        for s in day.sittings:
            item = QTreeWidgetItem([s.title, s.starts_at, "", "", s.site])
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
