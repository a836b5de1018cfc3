"""The proctor's end-of-session report: a summary, then a candidate table flowing over pages."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from assessdesk.services.reports._layout import (
    BAD,
    INK,
    RULE,
    SHADE,
    WARN,
    check_text,
    clock,
    long_date,
    numbered_canvas,
    output,
    stamp,
    styles,
)
from assessdesk.services.reports.fonts import SANS, ensure_fonts, markup
from assessdesk.services.reports.models import SessionCandidateRow, SessionReportData

PAGE = landscape(A4)
MARGIN = 36
_WIDTHS = (26, 134, 66, 146, 186, 116, 96)  # sums to the 770 pt between the margins
_HEAD = (
    "#",
    "Candidate",
    "Attendance",
    "Identity",
    "Incidents (time in recording)",
    "Presence flags",
    "Status",
)


def render_session_report(data: SessionReportData, *, path: Path | None = None) -> bytes:
    """Render the report; the candidate table repeats its header on every page. Returns the PDF bytes."""
    check_text(data.session_name, where="Session report session name")
    ensure_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=44,
        title=f"End-of-session report — {data.session_name}",
        author=data.proctor_name,
        subject=f"{data.site_name}, {long_date(data.session_date)}",
        creator="assessdesk",
        invariant=1,
        initialFontName=SANS,
    )
    footer = f"{data.session_name} · {data.site_name} · {long_date(data.session_date)}"
    document.build(_story(data), canvasmaker=numbered_canvas(footer))
    return output(buffer.getvalue(), path)


def _story(data: SessionReportData) -> list:
    style = styles()
    story: list = [
        Paragraph(markup("End-of-session report"), style["h1"]),
        Paragraph(
            markup(f"{data.session_name} — {data.site_name}, {long_date(data.session_date)}"), style["body"]
        ),
        Paragraph(
            markup(
                f"Proctor {data.proctor_name} · station {data.station_name} · "
                f"generated {stamp(data.generated_at)}"
            ),
            style["small"],
        ),
        Spacer(1, 10),
        _summary(data),
        Spacer(1, 12),
    ]
    if data.rows:
        story.append(_candidate_table(data.rows))
    else:
        story.append(Paragraph(markup("No candidates were scheduled for this session."), style["body"]))
    return story


def _summary(data: SessionReportData) -> Table:
    rows = data.rows
    present = [row for row in rows if row.attendance.lower() != "absent"]
    figures = [
        ("Scheduled", len(rows)),
        ("Attended", len(present)),
        ("Absent", len(rows) - len(present)),
        ("Identity verified", sum(row.identity_outcome.lower().startswith("verified") for row in rows)),
        ("Verified with override", sum("override" in row.identity_outcome.lower() for row in rows)),
        ("Not verified", sum(row.identity_outcome.lower() in ("not verified", "failed") for row in rows)),
        ("Incidents", sum(len(row.incidents) for row in rows)),
        ("Presence flags", sum(len(row.presence_flags) for row in rows)),
        ("Voided", sum(bool(row.void_reason) for row in rows)),
    ]
    style = styles()
    table = Table(
        [
            [Paragraph(markup(label), style["small"]) for label, _ in figures],
            [Paragraph(str(value), style["h2"]) for _, value in figures],
        ],
        colWidths=[770 / len(figures)] * len(figures),
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("TOPPADDING", (0, 1), (-1, 1), 0),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 0),
            ]
        )
    )
    return table


def _lines(entries: list[str], empty: str = "—") -> str:
    return "<br/>".join(entries) if entries else empty


def _row(number: int, row: SessionCandidateRow) -> list[Paragraph]:
    style = styles()
    cell, small = style["cell"], style["small"]
    candidate = f"<b>{markup(row.candidate_name)}</b>"
    if row.candidate_ref:
        candidate += f"<br/>{markup(row.candidate_ref)}"
    candidate += f'<br/><font size="7" color="#5B6473">{markup(row.credential_name)}</font>'
    identity = f"<b>{markup(row.identity_outcome)}</b>"
    if row.identity_note:
        identity += f'<br/><font size="7.5" color="#5B6473">{markup(row.identity_note)}</font>'
    incidents = _lines(
        [
            f"<b>{clock(item.at_seconds)}</b> {markup(item.code)}"
            + (f" — {markup(item.note)}" if item.note else "")
            for item in row.incidents
        ]
    )
    flags = _lines(
        [
            f"<b>{clock(flag.at_seconds)}</b> {markup(flag.kind)}"
            + (f" ({flag.duration_seconds:.0f} s)" if flag.duration_seconds else "")
            for flag in row.presence_flags
        ]
    )
    attendance = markup(row.attendance)
    if row.attendance.lower() == "absent":
        attendance = f'<font color="#{WARN.hexval()[2:]}"><b>{attendance}</b></font>'
    status = markup(row.attempt_state.replace("_", " ")) if row.attempt_state else "—"
    if row.void_reason:
        status = f'<font color="#{BAD.hexval()[2:]}"><b>Voided</b></font><br/>{markup(row.void_reason)}'
    return [
        Paragraph(str(number), small),
        Paragraph(candidate, cell),
        Paragraph(attendance, cell),
        Paragraph(identity, cell),
        Paragraph(incidents, cell),
        Paragraph(flags, cell),
        Paragraph(status, cell),
    ]


def _candidate_table(rows: tuple[SessionCandidateRow, ...]) -> LongTable:
    style = styles()
    header = [Paragraph(markup(text), style["head"]) for text in _HEAD]
    body = [_row(index, row) for index, row in enumerate(rows, start=1)]
    # splitInRow lets a candidate with a very long incident log continue overleaf instead of failing.
    table = LongTable([header, *body], colWidths=_WIDTHS, repeatRows=1, splitInRow=1)
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # keeps ReportLab's default Helvetica out of the file
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for index, row in enumerate(rows, start=1):
        if row.void_reason or row.identity_outcome.lower() in ("not verified", "failed"):
            commands.append(("BACKGROUND", (0, index), (-1, index), BAD.clone(alpha=0.06)))
    table.setStyle(TableStyle(commands))
    return table
