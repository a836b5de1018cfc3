"""PDF documents rendered with ReportLab from plain frozen inputs: certificate, result slip, session and calibration reports."""
