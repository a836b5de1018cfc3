"""The certificate: two pages, every fact printed, a QR code that decodes to the verification URL."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from assessdesk.domain.errors import InvalidInput
from assessdesk.services.reports.certificate import render_certificate
from assessdesk.services.reports.models import CriterionResult
from assessdesk.services.reports.qr import QUIET_ZONE, dark_runs, draw_qr
from assessdesk.services.reports.samples import sample_certificate


def test_certificate_and_transcript_carry_every_fact(kit) -> None:
    data = sample_certificate()
    pdf = kit.PdfCheck(render_certificate(data))
    assert pdf.pages == 2
    front, transcript = kit.flat_text(pdf.page_text(0)), kit.flat_text(pdf.page_text(1))
    for fact in (
        data.candidate_name,
        data.credential_name,
        data.issuer_name.upper(),
        data.credential_id,
        "12 March 2026",
        "12 March 2029",
        "4 March 2026",
        "Certificate of Competence",
        data.approver_name,
    ):
        assert fact in front, fact
    for item in data.competencies:
        assert item.competency_id in front
        assert item.statement in front
        assert item.level in front
    assert "Transcript of assessment results" in transcript
    for item in data.criteria:
        assert item.criterion in transcript
        assert f"{item.points:g} / {item.max_points:g}" in transcript
    assert "85 of 100 points" in transcript
    assert data.pass_rule in transcript


def test_qr_code_on_the_certificate_decodes_to_the_verification_url(kit) -> None:
    data = sample_certificate()
    page = kit.render_page(render_certificate(data), 0, dpi=200)
    assert kit.decode_qr(page) == data.verification_url


@pytest.mark.parametrize(
    "url",
    [
        "https://r.example/v/1",
        "https://registry.example.org/credentials/verify?id=urn:uuid:01958a3c-7d2e-7b41-9f3a-2c5e8d1a6b90&k=ed25519",
        "https://registry.example.org/" + "x" * 180,
    ],
)
def test_vector_qr_alone_decodes_for_short_and_long_urls(kit, tmp_path: Path, url: str) -> None:
    import io

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(200, 200))
    draw_qr(canvas, url, x=20, y=20, size=160)
    canvas.showPage()
    canvas.save()
    assert kit.decode_qr(kit.render_page(buffer.getvalue(), 0, dpi=144)) == url


def test_qr_runs_cover_exactly_the_dark_modules() -> None:
    import segno

    url = "https://registry.example.org/verify/abc"
    width, runs = dark_runs(url)
    matrix = segno.make(url, error="m", micro=False).matrix
    rebuilt = [[0] * width for _ in range(width)]
    for row, col, length in runs:
        for offset in range(length):
            rebuilt[row][col + offset] = 1
    assert rebuilt == [list(row) for row in matrix]
    assert QUIET_ZONE == 4


def test_equal_inputs_give_identical_bytes_and_the_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out" / "certificate.pdf"
    first = render_certificate(sample_certificate(), path=target)
    assert render_certificate(sample_certificate()) == first
    assert target.read_bytes() == first
    assert [p.name for p in target.parent.iterdir()] == ["certificate.pdf"]  # no temporary file left behind


def _criteria(count: int) -> tuple[CriterionResult, ...]:
    return tuple(
        CriterionResult(
            criterion=f"Criterion number {i} described in a full plain-language sentence",
            level="Competent",
            points=2,
            max_points=3,
            met=True,
            competency_id=f"C-{i:03d}",
        )
        for i in range(1, count + 1)
    )


def test_a_long_rubric_is_scaled_to_keep_the_transcript_on_one_page(kit) -> None:
    pdf = kit.PdfCheck(render_certificate(dataclasses.replace(sample_certificate(), criteria=_criteria(28))))
    assert pdf.pages == 2
    text = kit.flat_text(pdf.page_text(1))
    assert "Criterion number 28 described" in text
    assert "56 of 84 points" in text


def test_a_rubric_too_long_to_read_on_one_page_continues_overleaf_without_losing_rows(kit) -> None:
    pdf = kit.PdfCheck(render_certificate(dataclasses.replace(sample_certificate(), criteria=_criteria(90))))
    assert pdf.pages > 2
    text = kit.flat_text(pdf.text())
    for i in (1, 45, 90):
        assert f"Criterion number {i} described" in text
    assert "(continued)" in text


def test_a_custom_qr_drawer_is_called_with_the_url() -> None:
    calls = []

    def record(canvas: Canvas, data: str, *, x: float, y: float, size: float) -> None:
        calls.append((data, size))

    data = sample_certificate()
    render_certificate(data, qr_drawer=record)
    assert calls and calls[0][0] == data.verification_url
    assert calls[0][1] > 80  # about 34 mm: large enough to scan from paper


@pytest.mark.parametrize(
    "change, where",
    [
        ({"candidate_name": "  "}, "candidate name"),
        ({"verification_url": "registry.example/verify/1"}, "verification URL"),
        ({"expires_on": date(2020, 1, 1)}, "dates"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(change: dict, where: str) -> None:
    with pytest.raises(InvalidInput, match=where):
        render_certificate(dataclasses.replace(sample_certificate(), **change))


def test_page_is_a4_landscape(kit) -> None:
    pdf = kit.PdfCheck(render_certificate(sample_certificate()))
    box = pdf.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(v) for v in landscape(A4))
