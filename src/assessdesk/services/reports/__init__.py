"""PDF documents from frozen inputs: certificate + transcript, result slip, session and calibration reports.

Each renderer returns the PDF bytes (and writes them atomically to `path=` when given); equal inputs give
byte-identical files. Rendering takes tens of milliseconds: run it on the io lane, never on the GUI thread.
"""

from assessdesk.services.reports.calibration_report import render_calibration_report
from assessdesk.services.reports.certificate import render_certificate
from assessdesk.services.reports.result_slip import render_result_slip
from assessdesk.services.reports.session_report import render_session_report

__all__ = ["render_calibration_report", "render_certificate", "render_result_slip", "render_session_report"]
