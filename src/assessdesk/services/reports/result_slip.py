"""The candidate's one-page result slip: outcome, criteria, and on a fail the remediation plan and retake."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.reports._layout import (
    ACCENT,
    BAD,
    GOOD,
    INK,
    MUTED,
    RULE,
    check_text,
    long_date,
    output,
    points,
)
from assessdesk.services.reports.fonts import SANS, SANS_BOLD, SERIF_BOLD, draw_text, ensure_fonts, fit_size
from assessdesk.services.reports.grid import Block, Grid, fit_together, wrap
from assessdesk.services.reports.models import Outcome, ResultSlipData
from assessdesk.services.reports.transcript import criteria_grid, facts_grid

PAGE = A4
MARGIN = 48


def render_result_slip(data: ResultSlipData, *, path: Path | None = None) -> bytes:
    """Render the slip on one A4 page (long tables are scaled down; only past legibility they continue).

    Returns the PDF bytes and writes them to `path` if given.
    """
    _validate(data)
    ensure_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, invariant=1, pageCompression=1, initialFontName=SANS)
    canvas.setTitle(f"Assessment result — {data.candidate_name}")
    canvas.setAuthor(data.issuer_name or "assessdesk")
    canvas.setSubject(f"{data.credential_name}; attempt {data.attempt_id}")
    canvas.setCreator("assessdesk")
    _draw(canvas, data)
    canvas.showPage()  # ends the last page; an unusually long rubric or plan may have needed more than one
    canvas.save()
    return output(buffer.getvalue(), path)


def _validate(data: ResultSlipData) -> None:
    check_text(data.candidate_name, where="Result slip candidate name")
    check_text(data.credential_name, where="Result slip credential name")
    if data.max_points <= 0:
        raise InvalidInput("the rubric's maximum points must be above zero", where="Result slip")
    if data.outcome is Outcome.FAILED and data.earliest_retake is None and data.attempts_left() != 0:
        raise InvalidInput("a failed attempt needs the earliest retake date", where="Result slip")


def _draw(canvas: Canvas, data: ResultSlipData) -> None:
    width, height = PAGE
    body = width - 2 * MARGIN
    if data.issuer_name:
        canvas.setFillColor(ACCENT)
        draw_text(canvas, MARGIN, height - 52, data.issuer_name.upper(), font=SANS_BOLD, size=8.5)
    canvas.setFillColor(INK)
    draw_text(canvas, MARGIN, height - 80, "Assessment result", font=SERIF_BOLD, size=22)
    canvas.setFillColor(MUTED)
    draw_text(
        canvas,
        MARGIN,
        height - 97,
        data.credential_name,
        font=SANS,
        size=fit_size(data.credential_name, SANS, size=10.5, max_width=body, min_size=6),
    )
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, height - 106, width - MARGIN, height - 106)

    candidate = data.candidate_name + (f"  (candidate {data.candidate_ref})" if data.candidate_ref else "")
    facts = [("Candidate", candidate), ("Assessed on", long_date(data.assessed_on))]
    if data.site_name:
        facts.append(("Site", data.site_name))
    facts.append(("Attempt", data.attempt_id))
    top = height - 114
    facts_box = facts_grid(facts, width=body)
    top -= facts_box.draw(canvas, x=MARGIN, top=top, scale=facts_box.fit(90) or 0.6) + 10
    top -= _draw_outcome(canvas, data, top=top, width=body) + 14

    bottom = 70
    criteria = criteria_grid(data.criteria, width=body)
    plan = _remediation_grid(data, width=body) if data.remediation else None
    heading = 20.0
    room = top - bottom - heading * (2 if plan else 1) - 6
    scale = fit_together([criteria, plan] if plan else [criteria], room)
    _draw_footer(canvas, data, width)
    if scale is not None:
        top = _heading(canvas, "Results by criterion", top)
        top -= criteria.draw(canvas, x=MARGIN, top=top, scale=scale) + 6
        if plan:
            top = _heading(canvas, "What to practise before your retake", top)
            plan.draw(canvas, x=MARGIN, top=top, scale=scale)
        return

    def next_page() -> float:
        # Only a rubric or plan far longer than usual gets here: readable pages beat microscopic text.
        canvas.showPage()
        _draw_footer(canvas, data, width)
        canvas.setFillColor(INK)
        draw_text(
            canvas,
            MARGIN,
            height - 52,
            f"Assessment result (continued) — {data.candidate_name}",
            font=SANS_BOLD,
            size=11,
        )
        return height - 64

    top = _heading(canvas, "Results by criterion", top)
    top = criteria.flow(canvas, x=MARGIN, top=top, bottom=bottom, next_page=next_page) - 6
    if plan:
        if top - bottom < 80:
            top = next_page()
        top = _heading(canvas, "What to practise before your retake", top)
        plan.flow(canvas, x=MARGIN, top=top, bottom=bottom, next_page=next_page)


def _heading(canvas: Canvas, text: str, top: float) -> float:
    canvas.setFillColor(INK)
    draw_text(canvas, MARGIN, top - 13, text, font=SANS_BOLD, size=11)
    return top - 20


def _draw_outcome(canvas: Canvas, data: ResultSlipData, *, top: float, width: float) -> float:
    """A tinted panel stating the outcome in words, the total, and what happens next."""
    passed = data.outcome is Outcome.PASSED
    colour = GOOD if passed else BAD
    verdict = "Passed" if passed else "Not passed this time"
    total = f"{points(data.total_points)} of {points(data.max_points)} points"
    if passed:
        next_step = (
            "Your credential is issued once an approver has reviewed the evidence and signed it off; "
            "you will receive the certificate then."
        )
    elif data.earliest_retake is not None:
        next_step = f"You may retake this assessment from {long_date(data.earliest_retake)}."
        left = data.attempts_left()
        if left is not None:
            next_step += f" Attempts used: {data.attempts_used} of {data.attempts_allowed}."
    else:
        next_step = "You have used every attempt the retake policy allows; speak to the assessment centre."
    lines = [(f"{total}.  {data.pass_rule}".strip(), SANS, 9, INK)]
    lines += [(line, SANS, 9, INK) for line in wrap(next_step, font=SANS, size=9, width=width - 40)]
    height = 40 + 12 * len(lines)
    canvas.saveState()
    canvas.setFillColor(colour.clone(alpha=0.08))
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(1)
    canvas.roundRect(MARGIN, top - height, width, height, 5, stroke=1, fill=1)
    canvas.setFillColor(colour)
    canvas.rect(MARGIN, top - height, 5, height, stroke=0, fill=1)
    canvas.restoreState()
    canvas.setFillColor(colour)
    draw_text(canvas, MARGIN + 20, top - 26, verdict, font=SANS_BOLD, size=16)
    y = top - 44
    for text, font, size, ink in lines:
        canvas.setFillColor(ink)
        draw_text(
            canvas,
            MARGIN + 20,
            y,
            text,
            font=font,
            size=fit_size(text, font, size=size, max_width=width - 40, min_size=5),
        )
        y -= 12
    return height


def _remediation_grid(data: ResultSlipData, *, width: float) -> Grid:
    header = ((Block("Criterion not met", SANS_BOLD, 7.8),), (Block("What to do", SANS_BOLD, 7.8),))
    rows = tuple(((Block(step.criterion),), (Block(step.action),)) for step in data.remediation)
    return Grid(widths=(width * 0.42, width * 0.58), rows=rows, header=header)


def _draw_footer(canvas: Canvas, data: ResultSlipData, width: float) -> None:
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, 52, width - MARGIN, 52)
    canvas.setFillColor(MUTED)
    note = (
        "This slip records the assessor's result; it is not a credential. Keep it for your records. "
        f"Attempt {data.attempt_id}."
    )
    draw_text(
        canvas,
        MARGIN,
        40,
        note,
        font=SANS,
        size=fit_size(note, SANS, size=7.5, max_width=width - 2 * MARGIN, min_size=4.5),
    )
