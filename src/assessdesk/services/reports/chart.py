"""A plain horizontal bar chart built from ReportLab graphics shapes, with an optional threshold line."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color

from assessdesk.services.reports._layout import BAD, GOOD, INK, MUTED, RULE
from assessdesk.services.reports.fonts import SANS, SANS_BOLD, runs, text_width

_LABEL_SIZE = 8.0
_BAR = 13.0
_GAP = 7.0


def _text(
    drawing: Drawing,
    x: float,
    y: float,
    text: str,
    *,
    font: str,
    size: float,
    colour: Color,
    anchor: str = "start",
) -> None:
    """Add `text` as one String per font run so names in any script use a font that has their glyphs."""
    if anchor == "end":
        x -= text_width(text, font, size)
    elif anchor == "middle":
        x -= text_width(text, font, size) / 2
    for use, piece in runs(text, font):
        drawing.add(String(x, y, piece, fontName=use, fontSize=size, fillColor=colour))
        x += text_width(piece, use, size)


def _clip(text: str, width: float) -> str:
    if text_width(text, SANS, _LABEL_SIZE) <= width:
        return text
    while text and text_width(text + "…", SANS, _LABEL_SIZE) > width:
        text = text[:-1]
    return text + "…"


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float | None],
    passed: Sequence[bool],
    *,
    width: float,
    threshold: float | None = None,
    threshold_label: str = "",
    value_format: str = "{:.2f}",
    lowest: float = 0.0,
    highest: float = 1.0,
) -> Drawing:
    """Bars for each label (green when `passed`, red otherwise); a None value reads 'not computable'."""
    known = [value for value in values if value is not None]
    low = min([lowest, *known])
    low = math.floor(low * 5) / 5  # axis starts on a 0.2 step so negative kappas still read naturally
    high = max([highest, *known])
    label_width = min(200.0, max([text_width(label, SANS, _LABEL_SIZE) for label in labels] + [40]) + 16)
    plot_left = label_width
    plot_width = width - label_width - 40
    height = 26 + len(labels) * (_BAR + _GAP) + 16
    drawing = Drawing(width, height)
    drawing.initialFontName = SANS  # else the renderer selects Helvetica first, adding an unembedded font
    base = 22.0

    def x_of(value: float) -> float:
        return plot_left + (value - low) / (high - low) * plot_width

    step = 0.2 if high - low <= 2 else 0.5
    tick = low
    for _ in range(40):  # bounded: at most a few dozen gridlines
        if tick > high + 1e-9:
            break
        drawing.add(Line(x_of(tick), base - 3, x_of(tick), height - 14, strokeColor=RULE, strokeWidth=0.4))
        _text(drawing, x_of(tick), base - 13, f"{tick:.1f}", font=SANS, size=7, colour=MUTED, anchor="middle")
        tick = round(tick + step, 6)
    zero = x_of(max(low, 0.0))
    for index, (label, value, ok) in enumerate(zip(labels, values, passed, strict=True)):
        y = height - 16 - (index + 1) * (_BAR + _GAP) + _GAP
        _text(
            drawing,
            plot_left - 6,
            y + 3.5,
            _clip(label, label_width - 10),
            font=SANS,
            size=_LABEL_SIZE,
            colour=INK,
            anchor="end",
        )
        if value is None:
            _text(drawing, zero + 4, y + 3.5, "not computable", font=SANS, size=7.5, colour=MUTED)
            continue
        start, end = sorted((zero, x_of(value)))
        drawing.add(
            Rect(start, y, max(end - start, 0.8), _BAR, fillColor=GOOD if ok else BAD, strokeColor=None)
        )
        _text(drawing, end + 4, y + 3.5, value_format.format(value), font=SANS_BOLD, size=7.5, colour=INK)
    drawing.add(Line(zero, base - 3, zero, height - 14, strokeColor=INK, strokeWidth=0.8))
    if threshold is not None:
        line = Line(x_of(threshold), base - 3, x_of(threshold), height - 10, strokeColor=INK, strokeWidth=1)
        line.strokeDashArray = [3, 2]
        drawing.add(line)
        _text(drawing, x_of(threshold) + 3, height - 9, threshold_label, font=SANS, size=7, colour=INK)
    return drawing
