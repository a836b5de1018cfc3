"""The evidence timeline: recorded spans and gaps, pauses, presence flags, incidents and score-sheet moments, a
playhead; click (or arrow keys) to move. Marks are any objects with kind, start_s, end_s and label."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

# Colours chosen to stay apart for the common colour-vision deficiencies; each kind also has its own shape.
COLOURS = {"incident": QColor("#c0392b"), "pause": QColor("#7f8c8d"), "presence": QColor("#e67e22"),
           "score": QColor("#2471a3"), "camera": QColor("#8e44ad")}
HIT_PX = 7


def clock_text(seconds: float) -> str:
    seconds = max(0.0, seconds)
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}:{rest:04.1f}"


class TimelineWidget(QWidget):
    sig_seek_requested = Signal(float)
    """The user clicked or keyed a new position (video seconds)."""
    sig_step_requested = Signal(int)
    """Left/Right arrow: one frame back (-1) or forward (+1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._duration = 0.0
        self._position = 0.0
        self._spans: list[tuple[float, float]] = []
        self._marks: list[Any] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription("Left and Right step one frame; Page Up and Page Down move ten seconds; "
                                      "Home and End go to the start and end.")

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setHeight(self.fontMetrics().height() * 5)
        return hint

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setHeight(self.fontMetrics().height() * 5)
        hint.setWidth(200)
        return hint

    # -- data -----------------------------------------------------------------------------------------------

    def set_recording(self, *, duration: float, spans: Sequence[tuple[float, float]], marks: Sequence[Any]) -> None:
        self._duration = max(0.0, float(duration))
        self._spans = list(spans)
        self._marks = list(marks)
        self._position = 0.0
        self.updateGeometry()
        self.update()

    def set_position(self, seconds: float) -> None:
        self._position = min(max(0.0, seconds), self._duration)
        self.update()

    @property
    def position(self) -> float:
        return self._position

    @property
    def marks(self) -> list[Any]:
        return list(self._marks)

    # -- geometry -------------------------------------------------------------------------------------------

    def _track(self) -> QRectF:
        fm = self.fontMetrics()
        margin = fm.horizontalAdvance("00:00.0") / 2 + 4
        top = fm.height() * 0.6
        return QRectF(margin, top, max(10.0, self.width() - 2 * margin), self.height() - top - fm.height() * 1.4)

    def x_of(self, seconds: float) -> float:
        track = self._track()
        return track.left() + (track.width() * seconds / self._duration if self._duration > 0 else 0.0)

    def seconds_at(self, x: float) -> float:
        track = self._track()
        if track.width() <= 0 or self._duration <= 0:
            return 0.0
        return min(max(0.0, (x - track.left()) / track.width() * self._duration), self._duration)

    def mark_at(self, x: float) -> Any | None:
        """The mark drawn nearest to x, when within a few pixels (points first: they are small targets)."""
        best, best_d = None, HIT_PX + 1.0
        for mark in self._marks:
            start = self.x_of(mark.start_s)
            end = self.x_of(mark.end_s) if mark.end_s is not None else start
            d = 0.0 if start <= x <= end and end > start + 2 else min(abs(x - start), abs(x - end))
            if d < best_d or (d == best_d and mark.end_s is None):
                best, best_d = mark, d
        return best if best_d <= HIT_PX else None

    def _merged_spans(self) -> list[tuple[float, float]]:
        """Segments back to back (a frame interval apart) drawn as one bar: only real gaps should show."""
        merged: list[tuple[float, float]] = []
        for start, end in sorted(self._spans):
            if merged and start - merged[-1][1] <= 0.25:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    # -- painting -------------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = self._track()
        p.setPen(QPen(QColor("#7f8c8d"), 1))
        p.setBrush(QColor("#fdfefe"))
        p.drawRect(track)
        p.setPen(Qt.PenStyle.NoPen)
        for start, end in self._merged_spans():  # recorded video; what is left pale is time without video
            p.fillRect(QRectF(self.x_of(start), track.top() + track.height() * 0.35,
                              max(1.0, self.x_of(end) - self.x_of(start)), track.height() * 0.3), QColor("#5d6d7e"))
        for mark in self._marks:
            if mark.end_s is not None and mark.kind in ("pause", "presence"):
                colour = QColor(COLOURS.get(mark.kind, QColor("black")))
                colour.setAlpha(110)
                band = track.adjusted(0, 0, 0, -track.height() * 0.55) if mark.kind == "presence" else \
                    track.adjusted(0, track.height() * 0.55, 0, 0)
                band.setLeft(self.x_of(mark.start_s))
                band.setRight(max(band.left() + 2, self.x_of(mark.end_s)))
                p.fillRect(band, colour)
        for mark in self._marks:
            self._paint_point(p, track, mark)
        x = self.x_of(self._position)
        p.setPen(QPen(QColor("black"), 2))
        p.drawLine(QPointF(x, track.top() - 3), QPointF(x, track.bottom() + 3))
        p.setPen(QColor("#2c3e50"))
        fm = self.fontMetrics()
        label_y = track.bottom() + fm.ascent() + 2
        p.drawText(QPointF(2, label_y), "0:00.0")
        end_text = clock_text(self._duration)
        p.drawText(QPointF(self.width() - fm.horizontalAdvance(end_text) - 2, label_y), end_text)
        here = clock_text(self._position)
        p.drawText(QPointF(min(max(0.0, x - fm.horizontalAdvance(here) / 2),
                               self.width() - fm.horizontalAdvance(here)), label_y), here)
        if self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()

    def _paint_point(self, p: QPainter, track: QRectF, mark: Any) -> None:
        colour = COLOURS.get(mark.kind, QColor("black"))
        x = self.x_of(mark.start_s)
        p.setPen(QPen(colour, 2))
        p.setBrush(colour)
        if mark.kind == "incident":  # a flag pole with a triangle
            p.drawLine(QPointF(x, track.top()), QPointF(x, track.bottom()))
            p.drawPolygon(QPolygonF([QPointF(x, track.top()), QPointF(x + 7, track.top() + 4),
                                     QPointF(x, track.top() + 8)]))
        elif mark.kind == "score":  # a diamond on the lower edge
            y = track.bottom() - 5
            p.drawPolygon(QPolygonF([QPointF(x, y - 5), QPointF(x + 5, y), QPointF(x, y + 5), QPointF(x - 5, y)]))
        elif mark.kind == "camera":
            p.setPen(QPen(colour, 2, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(x, track.top()), QPointF(x, track.bottom()))
        elif mark.end_s is None:  # a flag still open when the recording ended: a tick
            p.drawLine(QPointF(x, track.top()), QPointF(x, track.center().y()))

    # -- input ----------------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._duration <= 0:
            return super().mousePressEvent(event)
        x = event.position().x()
        mark = self.mark_at(x)
        self.sig_seek_requested.emit(float(mark.start_s) if mark is not None else self.seconds_at(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        mark = self.mark_at(event.position().x())
        if mark is not None:
            QToolTip.showText(event.globalPosition().toPoint(), f"{clock_text(mark.start_s)}  {mark.label}", self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.sig_step_requested.emit(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            delta = -10.0 if key == Qt.Key.Key_PageUp else 10.0
            self.sig_seek_requested.emit(min(max(0.0, self._position + delta), self._duration))
        elif key == Qt.Key.Key_Home:
            self.sig_seek_requested.emit(0.0)
        elif key == Qt.Key.Key_End:
            self.sig_seek_requested.emit(self._duration)
        else:
            super().keyPressEvent(event)
