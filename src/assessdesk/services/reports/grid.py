"""A small, fast table drawn straight on the canvas, scaled down to fit its box; for the one-page documents.

Platypus tables re-parse and re-wrap every Paragraph cell several times, which made the certificate three
times slower than this; one-page documents need no page flow, so a direct drawer with word wrapping does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from assessdesk.services.reports._layout import INK, RULE, SHADE
from assessdesk.services.reports.fonts import SANS, draw_text, text_width

PAD_X = 5.0
PAD_Y = 3.6
LEADING = 1.28  # line height as a multiple of the font size
MIN_SCALE = 0.6  # below this the text is hard to read on paper; the table flows onto more pages instead
_MAX_TRIES = 12


@dataclass(frozen=True)
class Block:
    """A run of text in one font that starts on a new line within its cell."""

    text: str
    font: str = SANS
    size: float = 8.5
    colour: Color = INK


Cell = tuple[Block, ...]


def wrap(text: str, *, font: str, size: float, width: float) -> list[str]:
    """Break `text` into lines no wider than `width`, at spaces where possible, else between characters."""
    lines: list[str] = []
    space = text_width(" ", font, size)
    for paragraph in text.split("\n"):
        current, current_width = "", 0.0
        for word in paragraph.split(" "):
            # Widths add up exactly (ReportLab applies no kerning), so each word is measured once.
            word_width = text_width(word, font, size)
            if not current or current_width + space + word_width > width:
                if current:
                    lines.append(current)
                current, current_width = "", 0.0
            else:
                current, current_width = current + " ", current_width + space
            # A word wider than the column (a long id, a URL, CJK text without spaces) breaks anywhere.
            while len(word) > 1 and word_width > width - current_width:
                fits, too_long = 1, len(word)  # binary search for the longest prefix that fits
                while too_long - fits > 1:
                    middle = (fits + too_long) // 2
                    if text_width(word[:middle], font, size) <= width - current_width:
                        fits = middle
                    else:
                        too_long = middle
                lines.append(current + word[:fits])
                current, current_width = "", 0.0
                word = word[fits:]
                word_width = text_width(word, font, size)
            current, current_width = current + word, current_width + word_width
        lines.append(current)
    return lines


@dataclass
class _Laid:
    lines: list[list[tuple[Block, list[str]]]]  # per cell: blocks with their lines
    height: float


def _lay_row(row: tuple[Cell, ...], widths: tuple[float, ...], scale: float) -> _Laid:
    cells = []
    tallest = 0.0
    for cell, width in zip(row, widths, strict=True):
        laid = [
            (block, wrap(block.text, font=block.font, size=block.size * scale, width=width - 2 * PAD_X))
            for block in cell
        ]
        cells.append(laid)
        tallest = max(tallest, sum(len(lines) * block.size * scale * LEADING for block, lines in laid))
    return _Laid(cells, tallest + 2 * PAD_Y * scale)


@dataclass(frozen=True)
class Grid:
    """Column widths, an optional header row and body rows; `rules` draws a line under each row."""

    widths: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    header: tuple[Cell, ...] | None = None
    rules: bool = True
    header_fill: Color = SHADE

    def _lay(self, scale: float) -> list[_Laid]:
        rows = ([self.header] if self.header else []) + list(self.rows)
        return [_lay_row(row, self.widths, scale) for row in rows]

    def natural_height(self) -> float:
        """The height drawn at full size."""
        return self.height_at(1.0)

    def height_at(self, scale: float) -> float:
        return sum(row.height for row in self._lay(scale))

    def fit(self, max_height: float) -> float | None:
        """The largest scale (at most 1) at which every row fits `max_height`; None below MIN_SCALE."""
        return fit_together([self], max_height)

    def draw(self, canvas: Canvas, *, x: float, top: float, scale: float = 1.0) -> float:
        """Draw every row at `scale` from `top` down; returns the height used."""
        y = top
        for index, row in enumerate(self._lay(scale)):
            self._draw_row(canvas, row, x=x, y=y, scale=scale, header=self.header is not None and index == 0)
            y -= row.height
        return top - y

    def flow(
        self, canvas: Canvas, *, x: float, top: float, bottom: float, next_page: Callable[[], float]
    ) -> float:
        """Draw at full size, starting a new page (via `next_page`, which returns its top) whenever a row does
        not fit above `bottom`; the header repeats on each page. Returns the y where the table ended."""
        laid = self._lay(1.0)
        header = laid.pop(0) if self.header is not None else None
        y = top
        if header:
            self._draw_row(canvas, header, x=x, y=y, scale=1.0, header=True)
            y -= header.height
        drawn_here = 0
        for row in laid:
            # A row taller than a page is still drawn (clipped at the foot), so the loop always advances.
            if y - row.height < bottom and drawn_here:
                y = next_page()
                drawn_here = 0
                if header:
                    self._draw_row(canvas, header, x=x, y=y, scale=1.0, header=True)
                    y -= header.height
            self._draw_row(canvas, row, x=x, y=y, scale=1.0, header=False)
            y -= row.height
            drawn_here += 1
        return y

    def _draw_row(
        self, canvas: Canvas, row: _Laid, *, x: float, y: float, scale: float, header: bool
    ) -> None:
        width = sum(self.widths)
        if header:
            canvas.setFillColor(self.header_fill)
            canvas.rect(x, y - row.height, width, row.height, stroke=0, fill=1)
        left = x
        for cell, column in zip(row.lines, self.widths, strict=True):
            baseline = y - PAD_Y * scale
            for block, lines in cell:
                size = block.size * scale
                canvas.setFillColor(block.colour)
                for line in lines:
                    baseline -= size * LEADING
                    # Sit the glyphs a little above the line box bottom so descenders stay inside the cell.
                    draw_text(canvas, left + PAD_X, baseline + size * 0.28, line, font=block.font, size=size)
            left += column
        if self.rules or header:
            canvas.setStrokeColor(INK if header else RULE)
            canvas.setLineWidth(0.8 if header else 0.4)
            canvas.line(x, y - row.height, x + width, y - row.height)


def fit_together(grids: list[Grid], max_height: float) -> float | None:
    """One scale (at most 1) at which all `grids` stacked fit `max_height`; None if not even at MIN_SCALE."""
    scale = 1.0
    for _ in range(_MAX_TRIES):
        total = sum(grid.height_at(scale) for grid in grids)
        if total <= max_height:
            return scale
        if scale <= MIN_SCALE:
            return None
        # Wrapped text shrinks faster than linearly, so step by the square root and re-measure.
        scale = max(MIN_SCALE, scale * max(0.6, min(0.97, (max_height / total) ** 0.5)))
    return None
