"""The credential certificate (A4 landscape) with a verification QR code, then its one-page transcript."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.reports._layout import (
    ACCENT,
    INK,
    MUTED,
    check_text,
    long_date,
    output,
)
from assessdesk.services.reports.fonts import (
    SANS,
    SANS_BOLD,
    SERIF_BOLD,
    draw_text,
    ensure_fonts,
    fit_size,
    text_width,
)
from assessdesk.services.reports.grid import Block, Grid, wrap
from assessdesk.services.reports.models import CertificateData
from assessdesk.services.reports.qr import QrDrawer, draw_qr
from assessdesk.services.reports.transcript import draw_transcript

PAGE = landscape(A4)
QR_SIZE = 34 * mm  # ~0.7 mm per module for a ~90-character URL: scans from a phone at reading distance

# Compressed page streams are written as binary rather than also ASCII85-armoured: the armour is pure Python
# (1.5-2.5 ms a certificate), makes the streams a quarter larger and no PDF reader needs it. ReportLab reads
# this setting process-wide, so every report rendered in the process is written the same way.
rl_config.useA85 = 0


def render_certificate(
    data: CertificateData, *, path: Path | None = None, qr_drawer: QrDrawer = draw_qr
) -> bytes:
    """Render the certificate and transcript pages; returns the PDF bytes and writes them to `path` if given.

    Equal inputs give byte-identical files, so a certificate's digest can be recorded and checked later.
    """
    _validate(data)
    ensure_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, invariant=1, pageCompression=1, initialFontName=SANS)
    canvas.setTitle(f"{data.credential_name} — {data.candidate_name}")
    canvas.setAuthor(data.issuer_name)
    canvas.setSubject(f"Credential {data.credential_id}; verify at {data.verification_url}")
    canvas.setCreator("assessdesk")
    _draw_certificate(canvas, data, qr_drawer)
    canvas.showPage()
    draw_transcript(canvas, data, page_size=PAGE)
    canvas.showPage()
    canvas.save()
    return output(buffer.getvalue(), path)


def _validate(data: CertificateData) -> None:
    for name in ("candidate_name", "credential_name", "credential_id", "issuer_name", "verification_url"):
        check_text(getattr(data, name), where=f"Certificate {name.replace('_', ' ')}")
    if not data.verification_url.startswith(("https://", "http://")):
        raise InvalidInput(
            "must be a web address starting with https://", where="Certificate verification URL"
        )
    if data.expires_on is not None and data.expires_on < data.issued_on:
        raise InvalidInput("the expiry date is before the issue date", where="Certificate dates")


def _draw_frame(canvas: Canvas, width: float, height: float) -> None:
    """A double rule in gold and navy with small corner squares: formal, but quiet."""
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(2.2)
    canvas.rect(18, 18, width - 36, height - 36)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.rect(25, 25, width - 50, height - 50)
    canvas.setFillColor(ACCENT)
    for cx, cy in ((25, 25), (width - 25, 25), (25, height - 25), (width - 25, height - 25)):
        canvas.rect(cx - 4, cy - 4, 8, 8, stroke=0, fill=1)
    canvas.restoreState()


def _draw_certificate(canvas: Canvas, data: CertificateData, qr_drawer: QrDrawer) -> None:
    width, height = PAGE
    centre = width / 2
    _draw_frame(canvas, width, height)

    canvas.setFillColor(ACCENT)
    draw_text(
        canvas, centre, height - 68, data.issuer_name.upper(), font=SANS_BOLD, size=10.5, align="centre"
    )
    canvas.setFillColor(INK)
    draw_text(
        canvas, centre, height - 112, "Certificate of Competence", font=SERIF_BOLD, size=30, align="centre"
    )
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1)
    canvas.line(centre - 60, height - 126, centre + 60, height - 126)

    canvas.setFillColor(MUTED)
    draw_text(canvas, centre, height - 152, "This certifies that", font=SANS, size=11, align="centre")
    canvas.setFillColor(INK)
    name_size = fit_size(data.candidate_name, SERIF_BOLD, size=28, max_width=width - 220, min_size=14)
    draw_text(
        canvas, centre, height - 188, data.candidate_name, font=SERIF_BOLD, size=name_size, align="centre"
    )
    canvas.setFillColor(MUTED)
    draw_text(
        canvas,
        centre,
        height - 212,
        "has demonstrated, in a proctored practical assessment, the competence of",
        font=SANS,
        size=10.5,
        align="centre",
    )
    canvas.setFillColor(INK)
    title_size = fit_size(data.credential_name, SANS_BOLD, size=16, max_width=width - 220, min_size=9)
    draw_text(
        canvas, centre, height - 236, data.credential_name, font=SANS_BOLD, size=title_size, align="centre"
    )

    _draw_competencies(canvas, data, x=100, y=178, w=width - 200, h=height - 258 - 178)
    _draw_particulars(canvas, data, width)
    _draw_verification(canvas, data, qr_drawer, width)


def _draw_competencies(
    canvas: Canvas, data: CertificateData, *, x: float, y: float, w: float, h: float
) -> None:
    """The competency statements with achieved levels, shrunk to fit if a credential lists many."""
    if not data.competencies:
        return
    canvas.setFillColor(ACCENT)
    draw_text(canvas, x, y + h - 8, "COMPETENCIES DEMONSTRATED", font=SANS_BOLD, size=7)
    draw_text(canvas, x + w, y + h - 8, "LEVEL ACHIEVED", font=SANS_BOLD, size=7, align="right")
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.6)
    canvas.line(x, y + h - 13, x + w, y + h - 13)
    rows = tuple(
        (
            (Block(item.competency_id, SANS, 7.5, MUTED),),
            (Block(item.statement, SANS, 9.5),),
            (Block(item.level, SANS_BOLD, 9.5),),
        )
        for item in data.competencies
    )
    room = h - 14
    shown = len(rows)
    scale = Grid(widths=(84, w - 84 - 104, 104), rows=rows).fit(room)
    while scale is None and shown > 1:  # bounded by the number of competencies
        shown -= 1
        scale = Grid(widths=(84, w - 84 - 104, 104), rows=rows[:shown]).fit(room - 14)
    Grid(widths=(84, w - 84 - 104, 104), rows=rows[:shown]).draw(
        canvas, x=x, top=y + h - 14, scale=scale or 0.6
    )
    if shown < len(rows):
        # The front cannot hold them all; the signed credential and its verification page list every one.
        canvas.setFillColor(MUTED)
        draw_text(
            canvas,
            x,
            y + 2,
            f"… and {len(rows) - shown} more competencies, listed in the verifiable "
            "credential at the address below.",
            font=SANS,
            size=8,
        )


def _draw_particulars(canvas: Canvas, data: CertificateData, width: float) -> None:
    """Dates and id at the left, the approver's line in the middle."""
    lines = (
        ("Issued", long_date(data.issued_on)),
        ("Valid until", long_date(data.expires_on, none="No expiry")),
        ("Assessed", long_date(data.assessed_on)),
        ("Credential ID", data.credential_id),
    )
    y = 140
    for label, value in lines:
        canvas.setFillColor(MUTED)
        draw_text(canvas, 60, y, label.upper(), font=SANS_BOLD, size=6.8)
        canvas.setFillColor(INK)
        size = fit_size(value, SANS, size=9.5, max_width=200, min_size=6)
        draw_text(canvas, 60, y - 11.5, value, font=SANS, size=size)
        y -= 26

    centre = width / 2
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.line(centre - 100, 78, centre + 100, 78)
    canvas.setFillColor(INK)
    signer = data.approver_name or data.issuer_name
    draw_text(canvas, centre, 64, signer, font=SANS_BOLD, size=9.5, align="centre")
    canvas.setFillColor(MUTED)
    role = f"Approved for {data.issuer_name}" if data.approver_name else "Issuer"
    size = fit_size(role, SANS, size=8, max_width=220, min_size=6)
    draw_text(canvas, centre, 52, role, font=SANS, size=size, align="centre")


def _draw_verification(canvas: Canvas, data: CertificateData, qr_drawer: QrDrawer, width: float) -> None:
    """The QR code at the bottom right, with the address spelled out beside it for those who cannot scan."""
    x = width - 50 - QR_SIZE
    y = 46
    qr_drawer(canvas, data.verification_url, x=x, y=y, size=QR_SIZE)
    right = x - 6
    url_lines = _url_lines(data.verification_url, size=7, width=150)
    if len(url_lines) > 4:  # the QR code and the transcript carry the whole address
        url_lines = [*url_lines[:3], url_lines[3][:-1] + "…"]
    line_y = y + 14 + 9 * (len(url_lines) - 1)
    canvas.setFillColor(INK)
    draw_text(canvas, right, line_y + 26, "Verify this certificate", font=SANS_BOLD, size=8.5, align="right")
    canvas.setFillColor(MUTED)
    draw_text(canvas, right, line_y + 13, "Scan the code, or visit", font=SANS, size=7.5, align="right")
    for line in url_lines:
        draw_text(canvas, right, line_y, line, font=SANS, size=7, align="right")
        line_y -= 9


def _url_lines(url: str, *, size: float, width: float) -> list[str]:
    """Break an address after its slashes where possible, so each line reads as a piece of the address."""
    lines: list[str] = []
    current = ""
    for piece in url.replace("/", "/\n").split("\n"):
        if current and text_width(current + piece, SANS, size) > width:
            lines.append(current)
            current = ""
        current += piece
        if text_width(current, SANS, size) > width:  # a piece longer than the line breaks anywhere
            *full, current = wrap(current, font=SANS, size=size, width=width)
            lines.extend(full)
    return [*lines, current] if current else lines
