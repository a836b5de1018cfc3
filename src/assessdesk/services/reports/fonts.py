"""Registers the embedded TrueType fonts once; splits text so characters DejaVu lacks use the CJK fallback."""

from __future__ import annotations

import threading
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from assessdesk.services.reports._resources import resource_path

SANS = "AssessDesk-Sans"
SANS_BOLD = "AssessDesk-Sans-Bold"
SERIF_BOLD = "AssessDesk-Serif-Bold"
FALLBACK = "AssessDesk-Fallback"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}

_lock = threading.Lock()
_ready = False
_coverage: dict[str, frozenset[int] | dict[int, int]] = {}


def ensure_fonts() -> None:
    """Register every font with ReportLab; safe to call from several io-lane threads at once."""
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        for name, filename in _FILES.items():
            font = TTFont(name, str(resource_path("fonts", filename)))
            pdfmetrics.registerFont(font)
            _coverage[name] = font.face.charToGlyph
        # Lets Paragraph markup say <b>…</b> with the sans family.
        for bold, italic, face in ((0, 0, SANS), (1, 0, SANS_BOLD), (0, 1, SANS), (1, 1, SANS_BOLD)):
            addMapping(SANS, bold, italic, face)
        _ready = True


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """Pieces of `text` with the font each is drawn in: `font` if it has the glyph, else FALLBACK."""
    ensure_fonts()
    if text.isascii():  # every font here covers ASCII: skip the per-character look-up on the common path
        return [(font, text)]
    return list(_mixed_runs(text, font))


@lru_cache(maxsize=4096)
def _mixed_runs(text: str, font: str) -> tuple[tuple[str, str], ...]:
    covered = _coverage[font]
    fallback = _coverage[FALLBACK]
    pieces: list[tuple[str, str]] = []
    for char in text:
        code = ord(char)
        use = FALLBACK if code not in covered and code in fallback and not char.isspace() else font
        if pieces and pieces[-1][0] == use:
            pieces[-1] = (use, pieces[-1][1] + char)
        else:
            pieces.append((use, char))
    return tuple(pieces)


def markup(text: str, font: str = SANS) -> str:
    """Paragraph markup for plain `text`: escaped, with uncovered runs switched to the fallback face."""
    out = []
    for use, piece in runs(text, font):
        safe = escape(piece)
        out.append(safe if use == font else f'<font face="{FALLBACK}">{safe}</font>')
    return "".join(out).replace("\n", "<br/>")


def text_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(piece, use, size) for use, piece in runs(text, font))


def fit_size(text: str, font: str, *, size: float, max_width: float, min_size: float) -> float:
    """The largest size up to `size` at which `text` fits `max_width` (never below `min_size`)."""
    width = text_width(text, font, size)
    if width <= max_width or width == 0:
        return size
    return max(min_size, size * max_width / width)


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, *, font: str, size: float, align: str = "left"
) -> None:
    """Draw one line at baseline `y`; `align` is left, centre or right of `x`."""
    pieces = runs(text, font)
    if align != "left":
        width = sum(pdfmetrics.stringWidth(piece, use, size) for use, piece in pieces)
        x -= width / 2 if align == "centre" else width
    for use, piece in pieces:
        canvas.setFont(use, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, use, size)
