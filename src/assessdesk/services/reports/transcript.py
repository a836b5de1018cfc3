"""The certificate's second page: every criterion result on one page, shrunk to fit when a rubric is long."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from assessdesk.services.reports._layout import (
    ACCENT,
    BAD,
    GOOD,
    INK,
    MUTED,
    RULE,
    long_date,
    points,
)
from assessdesk.services.reports.fonts import SANS, SANS_BOLD, SERIF_BOLD, draw_text, fit_size
from assessdesk.services.reports.grid import MIN_SCALE, Block, Cell, Grid
from assessdesk.services.reports.models import CertificateData, CriterionResult

_FIXED = (88.0, 100.0, 58.0, 56.0)  # competency, level, points, result


def criteria_grid(criteria: tuple[CriterionResult, ...], *, width: float) -> Grid:
    """Criterion (and what the level means) · competency · level · points · result; shared with the slip."""
    header: tuple[Cell, ...] = tuple(
        (Block(text, SANS_BOLD, 7.8),)
        for text in ("Criterion", "Competency", "Level achieved", "Points", "Result")
    )
    rows = []
    for item in criteria:
        criterion: Cell = (Block(item.criterion),)
        if item.descriptor:
            criterion += (Block(item.descriptor, SANS, 7.3, MUTED),)
        competency: Cell = (Block(item.competency_id or "—", SANS, 8),)
        if item.critical:
            competency += (Block("CRITICAL", SANS_BOLD, 6.2, ACCENT),)
        rows.append(
            (
                criterion,
                competency,
                (Block(item.level, SANS_BOLD),),
                (Block(f"{points(item.points)} / {points(item.max_points)}"),),
                (Block("Met" if item.met else "Not met", SANS_BOLD, 8.5, GOOD if item.met else BAD),),
            )
        )
    return Grid(widths=(width - sum(_FIXED), *_FIXED), rows=tuple(rows), header=header)


def facts_grid(facts: list[tuple[str, str]], *, width: float, label_width: float = 84) -> Grid:
    """Label/value pairs without rules, for the head of a one-page document."""
    rows = tuple(((Block(label, SANS_BOLD, 7.8),), (Block(value, SANS, 9),)) for label, value in facts)
    return Grid(widths=(label_width, width - label_width), rows=rows, rules=False)


def draw_transcript(canvas: Canvas, data: CertificateData, *, page_size: tuple[float, float]) -> None:
    """Draw the transcript page on `canvas` (the caller ends the last page); a very long rubric continues."""
    width, height = page_size
    margin = 48
    body = width - 2 * margin
    canvas.setFillColor(INK)
    draw_text(canvas, margin, height - 62, "Transcript of assessment results", font=SERIF_BOLD, size=19)
    canvas.setFillColor(MUTED)
    line = f"{data.candidate_name}  ·  {data.credential_name}"
    draw_text(
        canvas,
        margin,
        height - 80,
        line,
        font=SANS,
        size=fit_size(line, SANS, size=10, max_width=body, min_size=6),
    )
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.line(margin, height - 90, width - margin, height - 90)

    earned = sum(item.points for item in data.criteria)
    possible = sum(item.max_points for item in data.criteria)
    facts = [
        ("Assessed on", long_date(data.assessed_on)),
        ("Rubric", data.rubric_name or "—"),
        ("Site", data.site_name or "—"),
        ("Total", f"{points(earned)} of {points(possible)} points"),
        ("Pass rule", data.pass_rule or "—"),
    ]
    top, bottom = height - 98, 62
    facts_box = facts_grid(facts, width=body)
    facts_scale = facts_box.fit((top - bottom) * 0.35) or MIN_SCALE
    top -= facts_box.draw(canvas, x=margin, top=top, scale=facts_scale) + 10
    criteria = criteria_grid(data.criteria, width=body)
    scale = criteria.fit(top - bottom)
    _draw_footer(canvas, data, width, margin)
    if scale is not None:
        criteria.draw(canvas, x=margin, top=top, scale=scale)
        return

    def next_page() -> float:
        # Only a rubric far longer than usual gets here: readable continuation pages beat microscopic text.
        canvas.showPage()
        _draw_footer(canvas, data, width, margin)
        canvas.setFillColor(INK)
        heading = f"Transcript of assessment results (continued) — {data.candidate_name}"
        draw_text(canvas, margin, height - 52, heading, font=SANS_BOLD, size=11)
        return height - 64

    criteria.flow(canvas, x=margin, top=top, bottom=bottom, next_page=next_page)


def _draw_footer(canvas: Canvas, data: CertificateData, width: float, margin: float) -> None:
    body = width - 2 * margin
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(margin, 48, width - margin, 48)
    canvas.setFillColor(MUTED)
    ident = f"Credential ID {data.credential_id}  ·  issued by {data.issuer_name}"
    draw_text(
        canvas,
        margin,
        37,
        ident,
        font=SANS,
        size=fit_size(ident, SANS, size=7.5, max_width=body, min_size=4.5),
    )
    verify = f"Verify this credential at {data.verification_url}"
    draw_text(
        canvas,
        margin,
        27,
        verify,
        font=SANS,
        size=fit_size(verify, SANS, size=7.5, max_width=body, min_size=4.5),
    )
