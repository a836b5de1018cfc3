"""The lead assessor's calibration exercise report: agreement with the reference by assessor and criterion."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from assessdesk.services.reports._layout import (
    BAD,
    GOOD,
    INK,
    RULE,
    SHADE,
    check_text,
    long_date,
    number,
    numbered_canvas,
    output,
    percent,
    styles,
)
from assessdesk.services.reports.chart import bar_chart
from assessdesk.services.reports.fonts import SANS, ensure_fonts, markup
from assessdesk.services.reports.models import CalibrationReportData

PAGE = A4
MARGIN = 42
WIDTH = PAGE[0] - 2 * MARGIN


def render_calibration_report(data: CalibrationReportData, *, path: Path | None = None) -> bytes:
    """Render the report (tables, a bar chart of weighted kappa, group reliability); returns the PDF bytes."""
    check_text(data.exercise_name, where="Calibration report exercise name")
    ensure_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=44,
        title=f"Calibration report — {data.exercise_name}",
        author=data.lead_assessor_name,
        subject=data.rubric_name,
        creator="assessdesk",
        invariant=1,
        initialFontName=SANS,
    )
    document.build(_story(data), canvasmaker=numbered_canvas(f"Calibration report · {data.exercise_name}"))
    return output(buffer.getvalue(), path)


def _reading_alpha(alpha: float | None) -> str:
    # Krippendorff (2004), Content Analysis 2nd ed., §11.4: rely on alpha >= .800;
    # .667-.800 allows tentative conclusions only.
    if alpha is None:
        return "not computable (too few scores)"
    if alpha >= 0.8:
        return "reliable"
    return "acceptable for tentative conclusions only" if alpha >= 0.667 else "not reliable"


def _reading_icc(icc: float | None) -> str:
    # Koo & Li (2016), J Chiropr Med 15(2):155-163: <.5 poor, .5-.75 moderate, .75-.9 good, >.9 excellent.
    if icc is None:
        return "not computable (too few scores)"
    for bound, word in ((0.9, "excellent"), (0.75, "good"), (0.5, "moderate")):
        if icc >= bound:
            return word
    return "poor"


def _bias(value: float) -> str:
    if abs(value) < 0.05:
        return f"{value:+.2f} (neutral)"
    return f"{value:+.2f} ({'lenient' if value > 0 else 'severe'})"


def _table(
    rows: list[list], widths: list[float], status_column: int | None = None, ok: list[bool] | None = None
) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("ALIGN", (1, 1), (-2, -1), "RIGHT"),
        # Plain-string cells would otherwise use Helvetica, which is neither embedded nor multilingual.
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
    ]
    if status_column is not None and ok is not None:
        for index, good in enumerate(ok, start=1):
            commands.append(
                ("TEXTCOLOR", (status_column, index), (status_column, index), GOOD if good else BAD)
            )
    table.setStyle(TableStyle(commands))
    return table


def _story(data: CalibrationReportData) -> list:
    style = styles()
    body, small, head, h2 = style["body"], style["small"], style["head"], style["h2"]
    calibrated = sum(a.calibrated for a in data.assessors)
    story: list = [
        Paragraph(markup("Calibration exercise report"), style["h1"]),
        Paragraph(markup(f"{data.exercise_name} — {data.rubric_name}"), body),
        Paragraph(
            markup(
                f"Held {long_date(data.held_on)} · lead assessor {data.lead_assessor_name} · "
                f"{data.performances} benchmark performances · {len(data.assessors)} assessors, "
                f"{calibrated} calibrated"
            ),
            small,
        ),
        Spacer(1, 8),
        Paragraph("Group reliability", h2),
        _table(
            [
                [Paragraph(t, head) for t in ("Measure", "Value", "Reading")],
                [
                    Paragraph(markup("Krippendorff's alpha (ordinal), all assessors"), body),
                    Paragraph(number(data.group_alpha), body),
                    Paragraph(markup(_reading_alpha(data.group_alpha)), body),
                ],
                [
                    Paragraph(markup(f"Intraclass correlation {data.icc_form}"), body),
                    Paragraph(number(data.group_icc), body),
                    Paragraph(markup(_reading_icc(data.group_icc)), body),
                ],
            ],
            [WIDTH * 0.5, WIDTH * 0.15, WIDTH * 0.35],
        ),
        Paragraph("Agreement with the reference scores, per assessor", h2),
        Paragraph(
            markup(
                f"Quadratic-weighted kappa against the reference; an assessor needs at least "
                f"{data.kappa_threshold:.2f} to be calibrated. Bias is the mean difference in levels "
                "(positive: scores above the reference, i.e. lenient)."
            ),
            small,
        ),
        Spacer(1, 6),
    ]
    assessors = sorted(data.assessors, key=lambda a: (a.weighted_kappa is None, -(a.weighted_kappa or 0)))
    story.append(
        KeepTogether(
            [
                bar_chart(
                    [a.assessor_name for a in assessors],
                    [a.weighted_kappa for a in assessors],
                    [a.calibrated for a in assessors],
                    width=WIDTH,
                    threshold=data.kappa_threshold,
                    threshold_label=f"required {data.kappa_threshold:.2f}",
                    lowest=0.0,
                    highest=1.0,
                )
            ]
        )
    )
    rows = [
        [
            Paragraph(t, head)
            for t in ("Assessor", "Scored", "Exact", "Within one level", "Weighted kappa", "Bias", "Status")
        ]
    ]
    for a in assessors:
        rows.append(
            [
                Paragraph(markup(a.assessor_name), body),
                str(a.performances_scored),
                percent(a.exact_agreement),
                percent(a.adjacent_agreement),
                number(a.weighted_kappa),
                _bias(a.bias),
                "Calibrated" if a.calibrated else "Not calibrated",
            ]
        )
    story += [
        Spacer(1, 6),
        _table(
            rows,
            [WIDTH * w for w in (0.26, 0.09, 0.09, 0.13, 0.12, 0.16, 0.15)],
            status_column=6,
            ok=[a.calibrated for a in assessors],
        ),
    ]

    criteria = sorted(data.criteria, key=lambda c: c.exact_agreement)
    story += [
        Paragraph("Criterion difficulty", h2),
        Paragraph(
            markup(
                "Share of all scores that matched the reference exactly, hardest to score first; the "
                "mean deviation shows which way assessors drift on that criterion."
            ),
            small,
        ),
        Spacer(1, 6),
    ]
    crit_rows = [[Paragraph(t, head) for t in ("Criterion", "Exact agreement", "Mean deviation")]]
    for c in criteria:
        crit_rows.append(
            [Paragraph(markup(c.criterion), body), percent(c.exact_agreement), _bias(c.mean_deviation)]
        )
    story.append(_table(crit_rows, [WIDTH * 0.6, WIDTH * 0.17, WIDTH * 0.23]))
    if data.notes:
        story.append(
            KeepTogether([Paragraph("Notes", h2), *(Paragraph(markup(note), body) for note in data.notes)])
        )
    return story
