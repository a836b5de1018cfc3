"""The end-of-session report on screen (a table per candidate), with the PDF written beside the profile."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QWidget

from assessdesk.gui.forms.ui_session_report_dialog import Ui_SessionReportDialog
from assessdesk.services.reports.models import SessionReportData


def report_html(data: SessionReportData) -> str:
    head = (f"<h2>{escape(data.session_name)}</h2><p>{escape(data.site_name)} · {data.session_date.isoformat()} · "
            f"proctor {escape(data.proctor_name)} · station {escape(data.station_name)}</p>")
    rows = []
    for r in data.rows:
        incidents = "<br>".join(f"{i.at_seconds:.0f} s: {escape(i.code)} {escape(i.note)}" for i in r.incidents)
        flags = "<br>".join(f"{f.at_seconds:.0f} s: {escape(f.kind)}" +
                            (f" ({f.duration_seconds:.0f} s)" if f.duration_seconds else "") for f in r.presence_flags)
        identity = escape(r.identity_outcome) + (f"<br><small>{escape(r.identity_note)}</small>"
                                                 if r.identity_note else "")
        rows.append(f"<tr><td><b>{escape(r.candidate_name)}</b><br><small>{escape(r.credential_name)}</small></td>"
                    f"<td>{escape(r.attendance)}</td><td>{identity}</td><td>{incidents or '—'}</td>"
                    f"<td>{flags or '—'}</td><td>{escape(r.void_reason) or '—'}</td>"
                    f"<td>{escape(r.attempt_state)}</td></tr>")
    table = ("<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr><th>Candidate</th><th>Attendance"
             "</th><th>Identity</th><th>Incidents</th><th>Presence flags</th><th>Voided</th><th>State</th></tr>"
             + "".join(rows) + "</table>")
    return head + table


class SessionReportDialog(QDialog):
    def __init__(self, data: SessionReportData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_SessionReportDialog()
        self._ui.setupUi(self)
        self._ui.report_browser.setHtml(report_html(data))
        self._ui.pdf_label.setText("Writing the PDF…")

    def set_pdf_path(self, path: str) -> None:
        self._ui.pdf_label.setText(f"PDF saved: {path}")
