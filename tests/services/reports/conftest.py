"""Helpers for the reports tests: read PDFs with pypdf, rasterise pages with pypdfium2 (no poppler)."""

from __future__ import annotations

import io
from types import SimpleNamespace

import cv2
import numpy as np
import pytest
from pypdf import PdfReader

NAMES = ("Łukasz", "Nguyễn", "Ayşe", "Ольга", "Δημήτρης")


class PdfCheck:
    """A parsed PDF with the questions the tests ask of it."""

    def __init__(self, data: bytes) -> None:
        assert data.startswith(b"%PDF-"), "not a PDF"
        self.data = data
        self.reader = PdfReader(io.BytesIO(data))

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    def page_text(self, index: int) -> str:
        return self.reader.pages[index].extract_text()

    def text(self) -> str:
        return "\n".join(self.page_text(i) for i in range(self.pages))

    def fonts(self) -> dict[str, bool]:
        """Every font the pages use, by base name, with whether its program is embedded in the file."""
        found: dict[str, bool] = {}
        for page in self.reader.pages:
            for ref in page["/Resources"]["/Font"].values():
                font = ref.get_object()
                descriptor = font.get("/FontDescriptor")
                if descriptor is None and "/DescendantFonts" in font:
                    descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else {}
                embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                found[str(font["/BaseFont"]).lstrip("/")] = embedded
        return found


def flat_text(text: str) -> str:
    """Text with line breaks and runs of spaces folded, for phrases a table may have wrapped."""
    return " ".join(text.split())


def render_page(data: bytes, index: int, *, dpi: int) -> np.ndarray:
    import pypdfium2 as pdfium  # dev dependency: rasterises without poppler

    document = pdfium.PdfDocument(data)
    try:
        bitmap = document[index].render(scale=dpi / 72, grayscale=True)
        return np.ascontiguousarray(bitmap.to_numpy())
    finally:
        document.close()


def decode_qr(image: np.ndarray) -> str:
    """The text of the QR code in `image`, trying OpenCV's classic detector and then its ArUco-based one."""
    for detector in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
        value, _points, _ = detector.detectAndDecode(image)
        if value:
            return value
    return ""


@pytest.fixture
def kit() -> SimpleNamespace:
    """The helpers above (tests import nothing from here: pytest runs in importlib mode)."""
    return SimpleNamespace(
        PdfCheck=PdfCheck, flat_text=flat_text, render_page=render_page, decode_qr=decode_qr, NAMES=NAMES
    )
