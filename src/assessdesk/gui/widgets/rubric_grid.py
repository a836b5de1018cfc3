"""The rubric grid: criteria down, levels across, every level descriptor visible; usable by keyboard alone
(Up/Down move between criteria, a number key picks that level, Left/Right move along the levels, Space picks the
level under the cursor; for checklists Y and N answer)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from assessdesk.domain.scoring import ScoreSheet
from assessdesk.domain.standards import Checklist, Rubric

CHOSEN = QColor("#cfe8d5")
CHOSEN_TEXT = QColor("#0b3d1a")
CRITICAL_MARK = "  (critical)"


@dataclass(frozen=True)
class Choice:
    value: int | str  # a level number, or "yes"/"no"
    heading: str
    text: str


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    critical: bool
    choices: tuple[Choice, ...]


def rows_for(assessment: Rubric | Checklist) -> list[Row]:
    if isinstance(assessment, Checklist):
        return [Row(i.id, i.text, i.critical, (Choice("yes", "Yes (Y)", "Observed / correct"),
                                                Choice("no", "No (N)", "Not observed / wrong")))
                for i in assessment.items]
    return [Row(c.id, c.title, c.critical,
                tuple(Choice(lv.level, f"{lv.level} · {lv.label} · {lv.points * c.weight:g} pt", lv.descriptor)
                      for lv in c.levels)) for c in assessment.criteria]


class RubricGrid(QTableWidget):
    sig_choice_made = Signal(str, object)
    """A criterion got a level (int) or a checklist item an answer ("yes"/"no"), from key or click."""
    sig_criterion_changed = Signal(str)
    """The cursor moved to another criterion (its note is shown for editing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._chosen: dict[str, int | str] = {}
        self._read_only = False
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)  # Tab leaves the grid for the note, as keyboard users expect
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.cellDoubleClicked.connect(self._on_self_cell_double_clicked)
        self.currentCellChanged.connect(self._on_self_current_cell_changed)

    # model ---------------------------------------------------------------------------------------------------
    def set_assessment(self, assessment: Rubric | Checklist, *, read_only: bool = False) -> None:
        self._rows = rows_for(assessment)
        self._read_only = read_only
        self._chosen = {}
        width = max(len(r.choices) for r in self._rows)
        self.clear()
        self.setRowCount(len(self._rows))
        self.setColumnCount(width + 1)
        headings = [c.heading.split(" · ")[1] if " · " in c.heading else c.heading
                    for c in max(self._rows, key=lambda r: len(r.choices)).choices]
        self.setHorizontalHeaderLabels(["Criterion", *headings])
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, 230)
        for i, row in enumerate(self._rows):
            title = QTableWidgetItem(row.title + (CRITICAL_MARK if row.critical else ""))
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            self.setItem(i, 0, title)
            for j, choice in enumerate(row.choices):
                item = QTableWidgetItem(f"{choice.heading}\n{choice.text}")
                item.setToolTip(choice.text)
                self.setItem(i, j + 1, item)
        if self._rows:
            self.setCurrentCell(0, 1)

    def show_sheet(self, sheet: ScoreSheet) -> None:
        self._chosen = {}
        for s in sheet.scores:
            value = s.level if s.level is not None else s.answer
            if value is not None:
                self._chosen[s.criterion_id] = value
        self._paint()

    def chosen(self) -> dict[str, int | str]:
        return dict(self._chosen)

    def current_criterion(self) -> str | None:
        row = self.currentRow()
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_count(self) -> int:
        return len(self._rows)

    # keyboard --------------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        row = self.currentRow()
        if not self._rows or row < 0:
            return super().keyPressEvent(event)
        key, text = event.key(), event.text().lower()
        values = [c.value for c in self._rows[row].choices]
        if text.isdigit() and int(text) in values:
            return self._choose(row, int(text), advance=True)
        if text in ("y", "n") and text.replace("y", "yes").replace("n", "no") in values:
            return self._choose(row, "yes" if text == "y" else "no", advance=True)
        column = self.currentColumn() - 1
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and 0 <= column < len(values):
            return self._choose(row, values[column], advance=False)
        if key == Qt.Key.Key_Left and column <= 0:
            return  # the criterion column is not a level
        super().keyPressEvent(event)

    def _choose(self, row: int, value: int | str, *, advance: bool) -> None:
        if self._read_only:
            return
        criterion = self._rows[row].id
        self._chosen[criterion] = value
        self._paint()
        column = [c.value for c in self._rows[row].choices].index(value) + 1
        self.setCurrentCell(row, column)
        self.sig_choice_made.emit(criterion, value)
        if advance and row + 1 < len(self._rows):
            # Picking a level moves on to the next criterion, so a whole rubric is "digit, digit, digit…".
            self.setCurrentCell(row + 1, column)

    def _paint(self) -> None:
        for i, row in enumerate(self._rows):
            for j, choice in enumerate(row.choices):
                item = self.item(i, j + 1)
                picked = self._chosen.get(row.id) == choice.value
                item.setBackground(QBrush(CHOSEN) if picked else QBrush())
                item.setForeground(QBrush(CHOSEN_TEXT) if picked else QBrush())
                font = item.font()
                font.setBold(picked)
                item.setFont(font)
                prefix = "✔ " if picked else ""
                item.setText(f"{prefix}{choice.heading}\n{choice.text}")
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             f"{row.title}: {choice.heading}{', chosen' if picked else ''}")

    def _on_self_cell_double_clicked(self, row: int, column: int) -> None:
        values = [c.value for c in self._rows[row].choices]
        if 1 <= column <= len(values):
            self._choose(row, values[column - 1], advance=False)

    def _on_self_current_cell_changed(self, row: int, _col: int, previous_row: int, _pcol: int) -> None:
        if row != previous_row and 0 <= row < len(self._rows):
            self.sig_criterion_changed.emit(self._rows[row].id)
