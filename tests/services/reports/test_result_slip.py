"""The result slip: one page, the outcome in words, the criteria, and on a fail the plan and retake date."""

from __future__ import annotations

import dataclasses

import pytest

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.reports.models import RemediationStep
from assessdesk.services.reports.result_slip import render_result_slip
from assessdesk.services.reports.samples import sample_result_slip


def test_failed_slip_has_outcome_criteria_plan_and_retake(kit) -> None:
    data = sample_result_slip(failed=True)
    pdf = kit.PdfCheck(render_result_slip(data))
    assert pdf.pages == 1
    text = kit.flat_text(pdf.text())
    assert "Not passed this time" in text
    assert data.candidate_name in text
    assert "74 of 100 points" in text
    assert "You may retake this assessment from 18 March 2026" in text
    assert "Attempts used: 1 of 3" in text
    assert "What to practise before your retake" in text
    for step in data.remediation:
        assert step.action in text
    for item in data.criteria:
        assert item.criterion in text
    assert text.count("Not met") == 2
    assert all(pdf.fonts().values())


def test_passed_slip_says_what_happens_next_and_has_no_plan(kit) -> None:
    text = kit.flat_text(kit.PdfCheck(render_result_slip(sample_result_slip(failed=False))).text())
    assert "Passed" in text
    assert "approver" in text
    assert "What to practise" not in text


def test_no_attempts_left_is_said_plainly(kit) -> None:
    data = dataclasses.replace(sample_result_slip(failed=True), earliest_retake=None, attempts_used=3)
    text = kit.flat_text(kit.PdfCheck(render_result_slip(data)).text())
    assert "used every attempt" in text


def test_a_longer_plan_and_rubric_are_scaled_onto_one_page(kit) -> None:
    base = sample_result_slip(failed=True)
    plan = tuple(
        RemediationStep(f"Criterion {i}", "Practise this step with a supervisor until it is smooth.")
        for i in range(8)
    )
    pdf = kit.PdfCheck(
        render_result_slip(dataclasses.replace(base, remediation=plan, criteria=base.criteria * 2))
    )
    assert pdf.pages == 1
    assert "Criterion 7" in pdf.text()


def test_an_extreme_plan_continues_overleaf_without_losing_steps(kit) -> None:
    base = sample_result_slip(failed=True)
    plan = tuple(
        RemediationStep(
            f"Criterion {i}",
            "Practise this step with a supervisor until it is smooth, "
            "then record three clean repetitions in the log book.",
        )
        for i in range(40)
    )
    pdf = kit.PdfCheck(
        render_result_slip(dataclasses.replace(base, remediation=plan, criteria=base.criteria * 6))
    )
    assert pdf.pages >= 2
    text = pdf.text()
    assert "Criterion 0" in text and "Criterion 39" in text
    assert "(continued)" in text


def test_a_fail_without_retake_date_while_attempts_remain_is_refused() -> None:
    with pytest.raises(InvalidInput, match="retake"):
        render_result_slip(dataclasses.replace(sample_result_slip(failed=True), earliest_retake=None))
