"""The calibration report: assessor agreement, a kappa chart, criterion difficulty, group reliability."""

from __future__ import annotations

import dataclasses

from assessdesk.services.reports.calibration_report import render_calibration_report
from assessdesk.services.reports.models import AssessorAgreement
from assessdesk.services.reports.samples import sample_calibration_report


def test_report_lists_assessors_figures_and_readings(kit) -> None:
    data = sample_calibration_report()
    pdf = kit.PdfCheck(render_calibration_report(data))
    text = kit.flat_text(pdf.text())
    for assessor in data.assessors:
        assert assessor.assessor_name in text
    assert "0.86" in text and "+0.46 (lenient)" in text and "-0.27 (severe)" in text
    assert "Not calibrated" in text
    assert "required 0.60" in text  # the chart's threshold label
    assert "acceptable for tentative conclusions only" in text  # alpha 0.74
    assert "ICC(2,1)" in text and "good" in text  # ICC 0.78
    assert "48%" in text  # hardest criterion
    assert all(pdf.fonts().values())


def test_hardest_criterion_comes_first(kit) -> None:
    data = sample_calibration_report()
    text = kit.flat_text(kit.PdfCheck(render_calibration_report(data)).text())
    hardest = min(data.criteria, key=lambda c: c.exact_agreement).criterion
    easiest = max(data.criteria, key=lambda c: c.exact_agreement).criterion
    assert text.index(hardest) < text.index(easiest)


def test_missing_and_negative_statistics_are_shown_not_crashed(kit) -> None:
    data = sample_calibration_report()
    odd = (
        AssessorAgreement("New Assessor", 1, 0.0, 0.0, None, 0.0, False),
        AssessorAgreement("Contrary Assessor", 6, 0.1, 0.3, -0.35, -1.2, False),
    )
    changed = dataclasses.replace(data, assessors=data.assessors + odd, group_alpha=None, group_icc=0.3)
    text = kit.flat_text(kit.PdfCheck(render_calibration_report(changed)).text())
    assert "not computable" in text
    assert "-0.35" in text and "poor" in text
