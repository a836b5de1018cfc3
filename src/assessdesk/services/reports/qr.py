"""Draws a QR code as one vector path from segno's module matrix: crisp at any zoom and cheap to render."""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

import segno
from reportlab.lib.colors import Color, black, white
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of light margin the QR specification (ISO/IEC 18004) asks for around the symbol


class QrDrawer(Protocol):
    """Draws a QR code for `data` filling the square with lower-left corner (x, y) and side `size` points."""

    def __call__(self, canvas: Canvas, data: str, *, x: float, y: float, size: float) -> None: ...


@lru_cache(maxsize=256)
def dark_runs(data: str, *, error: str = "m") -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The symbol's width in modules and its dark modules as (row, first column, length) horizontal runs.

    Cached because the GUI renders a certificate for preview and again to save or reprint it.
    """
    # Level M survives a crease or a smudge on paper; segno raises it further when the data leaves room.
    code = segno.make(data, error=error, micro=False)
    matrix = code.matrix
    found: list[tuple[int, int, int]] = []
    for row, cells in enumerate(matrix):
        start = -1
        for col, cell in enumerate(cells):
            if cell and start < 0:
                start = col
            elif not cell and start >= 0:
                found.append((row, start, col - start))
                start = -1
        if start >= 0:
            found.append((row, start, len(cells) - start))
    return len(matrix), tuple(found)


def draw_qr(canvas: Canvas, data: str, *, x: float, y: float, size: float, colour: Color = black) -> None:
    """Draw the symbol with its quiet zone inside the square; one rectangle per run of dark modules."""
    width, found = dark_runs(data)
    module = size / (width + 2 * QUIET_ZONE)
    top = y + size - QUIET_ZONE * module
    left = x + QUIET_ZONE * module
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colour)
    path = canvas.beginPath()
    # Rows overlap by a hair so rasterisers leave no pale seams between them (they can confuse decoders).
    seam = module * 0.02
    for row, col, length in found:
        path.rect(left + col * module, top - (row + 1) * module - seam, length * module, module + seam)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
