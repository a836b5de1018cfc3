"""The end-of-session report: summary figures and a candidate table that flows over pages with its header."""

from __future__ import annotations

import dataclasses

from assessdesk.services.reports.models import IncidentEntry
from assessdesk.services.reports.samples import sample_session_report
from assessdesk.services.reports.session_report import render_session_report


def test_every_candidate_and_event_is_listed(kit) -> None:
    data = sample_session_report(candidates=14)
    pdf = kit.PdfCheck(render_session_report(data))
    text = kit.flat_text(pdf.text())
    for row in data.rows:
        assert row.candidate_name in text
        for incident in row.incidents:
            assert incident.code in text
    assert "Candidate felt unwell" in text and "Voided" in text
    assert "verified with override" in text
    assert "1:42 TECH" in text  # time into the recording, as m:ss
    assert "face absent" in text and "more than one face" in text
    assert all(pdf.fonts().values())


def test_summary_counts_match_the_rows(kit) -> None:
    data = sample_session_report(candidates=14)
    first = kit.flat_text(kit.PdfCheck(render_session_report(data)).page_text(0))
    rows = data.rows
    expected = [
        len(rows),
        sum(r.attendance != "absent" for r in rows),
        sum(r.attendance == "absent" for r in rows),
        sum(r.identity_outcome.startswith("verified") for r in rows),
        sum("override" in r.identity_outcome for r in rows),
        0,
        sum(len(r.incidents) for r in rows),
        sum(len(r.presence_flags) for r in rows),
        sum(bool(r.void_reason) for r in rows),
    ]
    assert expected == [14, 12, 2, 12, 2, 0, 18, 11, 1]  # the sample sitting, counted independently
    assert "Voided " + " ".join(str(n) for n in expected) + " #" in first


def test_long_session_repeats_the_header_on_every_page(kit) -> None:
    data = sample_session_report(candidates=60)
    pdf = kit.PdfCheck(render_session_report(data))
    assert pdf.pages >= 4
    for index in range(pdf.pages):
        page = kit.flat_text(pdf.page_text(index))
        assert "Incidents (time in recording)" in page, f"no header on page {index + 1}"
        assert f"Page {index + 1} of {pdf.pages}" in page


def test_one_candidate_with_a_very_long_incident_log_splits_across_pages(kit) -> None:
    data = sample_session_report(candidates=3)
    log = tuple(IncidentEntry(at_seconds=10.0 * i, code="TECH", note=f"Entry {i}") for i in range(150))
    rows = (dataclasses.replace(data.rows[0], incidents=log), *data.rows[1:])
    pdf = kit.PdfCheck(render_session_report(dataclasses.replace(data, rows=rows)))
    assert pdf.pages >= 3
    assert "Entry 149" in pdf.text()


def test_empty_session_says_so(kit) -> None:
    data = dataclasses.replace(sample_session_report(candidates=1), rows=())
    assert "No candidates were scheduled" in kit.PdfCheck(render_session_report(data)).text()
