"""A live preview: polls a latest-frame provider on a timer and paints the newest frame, scaled to fit."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class VideoPreview(QWidget):
    """Pull, don't push: the capture thread only fills a one-slot box; this widget takes the newest frame."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._provider: Callable[[int], object] | None = None
        self._image: QImage | None = None
        self._seq = 0
        self._message = "No camera"
        self.frames_shown = 0
        self._timer = QTimer(self)
        self._timer.setInterval(33)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Live camera preview")

    def set_provider(self, provider: Callable[[int], object] | None) -> None:
        """`provider(newer_than)` returns an object with .frame (BGR uint8) and .sequence, or None."""
        self._provider = provider
        self._seq = 0
        if provider is None:
            self._timer.stop()
        else:
            self._timer.start()

    def set_message(self, text: str) -> None:
        """Shown over the picture (e.g. 'Camera lost — reconnecting…'); empty to clear."""
        self._message = text
        self.update()

    def current_frame(self) -> QImage | None:
        return self._image

    def _on_timer_timeout(self) -> None:
        if self._provider is None:
            return
        latest = self._provider(self._seq)
        if latest is None:
            return
        frame: np.ndarray = latest.frame  # type: ignore[attr-defined]
        self._seq = latest.sequence  # type: ignore[attr-defined]
        h, w = frame.shape[:2]
        self._image = QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_BGR888).copy()
        self.frames_shown += 1
        self.update()

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#202020"))
        if self._image is not None:
            scaled = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x, y = (self.width() - scaled.width()) / 2, (self.height() - scaled.height()) / 2
            painter.drawImage(QRectF(x, y, scaled.width(), scaled.height()), self._image)
        if self._message:
            painter.setPen(QColor("#ffffff"))
            painter.drawText(self.rect().adjusted(8, 8, -8, -8), Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter
                             | Qt.TextFlag.TextWordWrap, self._message)
        painter.end()
