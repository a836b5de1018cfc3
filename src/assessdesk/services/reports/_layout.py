"""Shared look of the documents: colours, paragraph styles, dates, numbered pages and writing the file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.reports.fonts import SANS, SANS_BOLD, SERIF_BOLD, draw_text, ensure_fonts

INK = colors.HexColor("#1F2A44")  # deep navy: titles, rules
ACCENT = colors.HexColor("#9C7A3C")  # muted gold: certificate border and ornaments
MUTED = colors.HexColor("#5B6473")  # secondary text
RULE = colors.HexColor("#C9CED6")  # table grid
SHADE = colors.HexColor("#EEF1F5")  # table header / zebra rows
GOOD = colors.HexColor("#2E7D4F")
BAD = colors.HexColor("#B3261E")
WARN = colors.HexColor("#9A6700")

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date | None, *, none: str = "—") -> str:
    """'5 March 2026': no locale and no day/month order to misread across countries."""
    if day is None:
        return none
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def stamp(moment: datetime) -> str:
    zone = moment.strftime(" %Z") if moment.tzinfo else ""
    return f"{long_date(moment.date())}, {moment:%H:%M}{zone}"


def clock(seconds: float) -> str:
    """A time into the recording as m:ss or h:mm:ss."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def number(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def points(value: float) -> str:
    return f"{value:g}"


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles, built once after the fonts are registered."""
    ensure_fonts()
    base = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=12.5, textColor=INK, alignment=TA_LEFT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.2, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.8),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=SANS_BOLD, fontSize=8.5, leading=10.8),
        "head": ParagraphStyle(
            "head", parent=base, fontName=SANS_BOLD, fontSize=8, leading=10, textColor=INK
        ),
        "h1": ParagraphStyle("h1", parent=base, fontName=SERIF_BOLD, fontSize=20, leading=25, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=SANS_BOLD, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=5
        ),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
    }


def check_text(value: str, *, where: str) -> None:
    if not value.strip():
        raise InvalidInput("must not be empty on a printed document", where=where)


def output(data: bytes, path: Path | None) -> bytes:
    """Return the PDF bytes, first writing them to `path` (atomically: a crash never leaves half a file)."""
    if path is not None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return data


def numbered_canvas(footer_left: str) -> Callable[..., Canvas]:
    """A canvas class that writes 'page N of M' and `footer_left` on every page once the total is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            # Hold each finished page until save(), when the page count is known.
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.setFillColor(MUTED)
                self.setStrokeColor(RULE)
                self.setLineWidth(0.5)
                self.line(36, 30, width - 36, 30)
                draw_text(self, 36, 19, footer_left, font=SANS, size=7.5)
                draw_text(
                    self,
                    width - 36,
                    19,
                    f"Page {self._pageNumber} of {total}",
                    font=SANS,
                    size=7.5,
                    align="right",
                )
                super().showPage()
            super().save()

    return NumberedCanvas
