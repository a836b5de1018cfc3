"""Draws a QR code as one vector path from segno's module matrix: crisp at any zoom and cheap to render."""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

import numpy as np
import segno
from reportlab.lib.colors import Color, black, white
from reportlab.pdfgen.canvas import Canvas

from assessdesk.services.reports._qr_mask import best_masked_matrix

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
    # segno encodes with a fixed mask (fast); the mask the specification asks for is then chosen with numpy.
    matrix = best_masked_matrix(segno.make(data, error=error, mask=0, micro=False))
    # +1 where a run of dark modules starts, -1 just after it ends: starts and ends alternate along each row.
    edges = np.diff(np.pad(matrix, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, cols = np.nonzero(edges)
    rows, starts, lengths = rows[::2].tolist(), cols[::2].tolist(), (cols[1::2] - cols[::2]).tolist()
    return len(matrix), tuple(zip(rows, starts, lengths, strict=True))


def draw_qr(canvas: Canvas, data: str, *, x: float, y: float, size: float, colour: Color = black) -> None:
    """Draw the symbol with its quiet zone inside the square; one rectangle per run of dark modules."""
    width, found = dark_runs(data)
    module = size / (width + 2 * QUIET_ZONE)
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colour)
    # In module units from the symbol's lower-left corner, so each rectangle is written as small integers
    # (ReportLab formatting ~1,800 floats in pure Python cost about a millisecond). Rows overlap by a
    # hair (0.02 module, hence the origin lowered by as much) so rasterisers leave no pale seams between
    # them (they can confuse decoders).
    canvas.transform(module, 0, 0, module, x + QUIET_ZONE * module, y + (QUIET_ZONE - 0.02) * module)
    canvas.addLiteral(
        "\n".join(f"{col} {width - 1 - row} {length} 1.02 re" for row, col, length in found) + "\nf"
    )
    canvas.restoreState()
