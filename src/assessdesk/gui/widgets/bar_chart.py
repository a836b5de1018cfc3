"""A horizontal bar chart painted with QPainter: one labelled bar per row, an optional threshold line, a zero
axis for signed values (bias), and values that cannot be computed shown as such instead of as zero."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

GOOD = QColor("#2e7d4f")
BAD = QColor("#b3261e")
NEUTRAL = QColor("#44617b")
AXIS = QColor("#6b6b6b")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: not computable (drawn as a note, never as a zero-length bar)
    ok: bool | None = None  # True/False colour it good/bad; None: neutral
    text: str = ""  # what is printed after the bar; default: the value


class BarChart(QWidget):
    """Set the bars with `set_bars`; the widget sizes itself to its rows and scales with the font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._low, self._high = 0.0, 1.0
        self._threshold: float | None = None
        self._threshold_label = ""
        self._title = ""
        self._value_format = "{:.2f}"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable by keyboard so a screen reader reads it

    def set_bars(self, bars: list[Bar], *, low: float, high: float, threshold: float | None = None,
                 threshold_label: str = "", title: str = "", value_format: str = "{:.2f}") -> None:
        if high <= low:
            raise ValueError("the chart's high end must be above its low end")
        self._bars, self._low, self._high = list(bars), low, high
        self._threshold, self._threshold_label, self._title = threshold, threshold_label, title
        self._value_format = value_format
        self.setAccessibleName(title or "Bar chart")
        self.setAccessibleDescription("; ".join(f"{b.label}: {self._text(b)}" for b in bars) or "no data")
        self.setMinimumHeight(self.sizeHint().height())  # a squeezed chart would hide bars, never scroll them
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def _text(self, bar: Bar) -> str:
        if bar.text:
            return bar.text
        return "not computable" if bar.value is None else self._value_format.format(bar.value)

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 8

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        header = fm.height() + 6 if self._title else 0
        threshold = fm.height() if self._threshold is not None else 0
        return QSize(360, header + threshold + max(1, len(self._bars)) * self._row_height() + fm.height() + 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _x(self, value: float, left: float, width: float) -> float:
        clamped = min(max(value, self._low), self._high)
        return left + (clamped - self._low) / (self._high - self._low) * width

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        ink = pal.text().color()
        top = 4.0
        if self._title:
            bold = self.font()
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(ink)
            p.drawText(QRectF(6, top, self.width() - 12, fm.height()), Qt.AlignmentFlag.AlignLeft, self._title)
            p.setFont(self.font())
            top += fm.height() + 6
        if self._threshold is not None:
            top += fm.height()
        label_w = min(max((fm.horizontalAdvance(b.label) for b in self._bars), default=40) + 12,
                      int(self.width() * 0.35))
        value_w = max((fm.horizontalAdvance(self._text(b)) for b in self._bars), default=30) + 12
        left, width = 6.0 + label_w, max(40.0, self.width() - label_w - value_w - 12.0)
        row_h = self._row_height()
        bottom = top + len(self._bars) * row_h
        zero = self._x(0.0, left, width) if self._low < 0 < self._high else self._x(self._low, left, width)
        for i, bar in enumerate(self._bars):
            y = top + i * row_h
            p.setPen(ink)
            label = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(QRectF(6, y, label_w - 8, row_h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       label)
            if bar.value is not None:
                x = self._x(bar.value, left, width)
                colour = NEUTRAL if bar.ok is None else (GOOD if bar.ok else BAD)
                p.fillRect(QRectF(min(zero, x), y + 3, max(abs(x - zero), 1.5), row_h - 6), colour)
                end = max(zero, x)
            else:
                end = zero
            p.setPen(ink if bar.value is not None else AXIS)
            p.drawText(QRectF(end + 6, y, value_w + width, row_h), Qt.AlignmentFlag.AlignVCenter, self._text(bar))
        p.setPen(QPen(AXIS, 1))
        p.drawLine(int(zero), int(top), int(zero), int(bottom))
        p.drawLine(int(left), int(bottom), int(left + width), int(bottom))
        for value in (self._low, (self._low + self._high) / 2, self._high):
            x = self._x(value, left, width)
            p.drawText(QRectF(x - 30, bottom + 2, 60, fm.height()), Qt.AlignmentFlag.AlignHCenter,
                       self._value_format.format(value))
        if self._threshold is not None:
            x = self._x(self._threshold, left, width)
            p.setPen(QPen(ink, 1.2, Qt.PenStyle.DashLine))
            p.drawLine(int(x), int(top - 2), int(x), int(bottom))
            p.drawText(QRectF(x - 80, top - fm.height() - 2, 160, fm.height()), Qt.AlignmentFlag.AlignHCenter,
                       self._threshold_label)
        p.end()
