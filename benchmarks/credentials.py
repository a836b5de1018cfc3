"""Certificate rendering rate: our vector QR (segno matrix -> one path) against ReportLab's QrCodeWidget path.

Each run renders full certificates (certificate page + transcript page) with distinct verification URLs, so no
QR code is reused; both paths run in one process, interleaved in rounds so background load hits both alike.
Prints certificates/s and pages/s (wall clock and per CPU-second) and the ratio.
Target: >= 40 certificates/s and >= 2x the widget path (the reference machine: ~17 pages/s on the widget).

    .venv/bin/python benchmarks/credentials.py [--count 60] [--rounds 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import time

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from assessdesk.services.reports.certificate import render_certificate
from assessdesk.services.reports.models import CertificateData
from assessdesk.services.reports.qr import QrDrawer, draw_qr
from assessdesk.services.reports.samples import sample_certificate

PAGES_PER_CERTIFICATE = 2


def widget_qr(canvas: Canvas, data: str, *, x: float, y: float, size: float) -> None:
    """The peer: ReportLab's own QR widget (pure-Python encoder, one rectangle per dark module)."""
    widget = QrCodeWidget(data, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _inputs(count: int, offset: int) -> list[CertificateData]:
    base = sample_certificate()
    stem = base.verification_url.rsplit("/", 1)[0]
    return [
        dataclasses.replace(
            base,
            verification_url=f"{stem}/01958a3c-7d2e-7b41-9f3a-{offset + i:012x}",
            credential_id=f"urn:uuid:01958a3c-7d2e-7b41-9f3a-{offset + i:012x}",
        )
        for i in range(count)
    ]


def _run(items: list[CertificateData], drawer: QrDrawer) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for item in items:
        render_certificate(item, qr_drawer=drawer)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60, help="certificates per path per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    try:
        import _rl_accel  # noqa: F401

        accel = "rl_accel C extension: yes"
    except ImportError:
        accel = "rl_accel C extension: NO (a declared dependency: reinstall the package)"
    render_certificate(sample_certificate())  # registers fonts, warms caches; not timed
    load_before = os.getloadavg()[0]
    totals = {"vector": [0.0, 0.0], "widget": [0.0, 0.0]}
    for round_index in range(args.rounds):
        for name, drawer in (("vector", draw_qr), ("widget", widget_qr)):
            items = _inputs(args.count, offset=(round_index * 2 + (name == "widget")) * args.count)
            wall, cpu = _run(items, drawer)
            totals[name][0] += wall
            totals[name][1] += cpu
    n = args.count * args.rounds
    print(
        f"certificates rendered per path: {n} "
        f"(certificate + transcript = {PAGES_PER_CERTIFICATE} pages each); "
        f"{accel}; 1-minute load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after "
        f"({os.cpu_count()} CPUs)"
    )
    rates = {}
    for name, (wall, cpu) in totals.items():
        rates[name] = (n / wall, n / cpu)
        print(
            f"  {name:>6} QR: {n / wall:6.1f} certificates/s "
            f"({n * PAGES_PER_CERTIFICATE / wall:6.1f} pages/s) "
            f"wall;  {n / cpu:6.1f} certificates per CPU-second"
        )
    wall_ratio = rates["vector"][0] / rates["widget"][0]
    cpu_ratio = rates["vector"][1] / rates["widget"][1]
    print(f"  ratio vector/widget: {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU")
    ok = rates["vector"][0] >= 40 and wall_ratio >= 2
    print(f"  target (>= 40 certificates/s and >= 2x widget): {'met' if ok else 'NOT met'} on this machine")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
