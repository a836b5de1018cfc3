"""The QR data mask is chosen with numpy: it must be the mask (and the whole symbol) segno would choose."""

from __future__ import annotations

import io
import random
import string

import numpy as np
import pytest
import segno
from reportlab.pdfgen.canvas import Canvas
from segno.encoder import mask_scores  # segno's own scoring, as the reference

from assessdesk.services.reports._qr_mask import _scores, best_masked_matrix
from assessdesk.services.reports.qr import dark_runs, draw_qr


def _matrix(code: segno.QRCode) -> np.ndarray:
    return np.array([list(row) for row in code.matrix], dtype=np.uint8)


def _verification_urls(count: int, seed: int) -> list[str]:
    """Addresses shaped like the registry's verification URLs, with hosts and ids of varied lengths."""
    rng = random.Random(seed)
    urls = []
    for _ in range(count):
        host = "".join(rng.choices(string.ascii_lowercase + "-", k=rng.randint(4, 40))).strip("-") or "r"
        uuid = "-".join(
            "".join(rng.choices("0123456789abcdef", k=n)) for n in (8, 4, 4, 4, 12)
        )
        path = rng.choice(("verify/", "credentials/verify?id=urn:uuid:", "v/"))
        urls.append(f"https://{host}.example/{path}{uuid}")
    return urls


def test_the_symbol_equals_segnos_own_for_many_verification_urls() -> None:
    masks = set()
    for url in _verification_urls(200, seed=18004):
        expected = segno.make(url, error="m", micro=False)
        width, runs = dark_runs(url)
        rebuilt = np.zeros((width, width), dtype=np.uint8)
        for row, col, length in runs:
            rebuilt[row, col : col + length] = 1
        assert np.array_equal(rebuilt, _matrix(expected)), url
        masks.add(expected.mask)
    assert len(masks) >= 5  # so most addresses were re-masked from the starting mask, to several masks


@pytest.mark.parametrize("version", range(1, 41))
def test_every_version_and_level_from_each_starting_mask(version: int) -> None:
    rng = random.Random(version)
    data = "".join(rng.choices(string.ascii_letters + string.digits, k=rng.randint(1, 12)))
    error = rng.choice("lmqh")
    expected = _matrix(segno.make(data, version=version, error=error, micro=False))
    for start in (version % 8, (version + 3) % 8):  # across the versions, every mask is a starting mask
        code = segno.make(data, version=version, error=error, mask=start, micro=False)
        assert np.array_equal(best_masked_matrix(code), expected), (version, error, start)


def test_penalty_scores_equal_segnos_including_overlapping_finder_like_patterns() -> None:
    rng = np.random.default_rng(7)
    motifs = [
        np.array([int(c) for c in text], dtype=np.uint8)
        for text in (
            "1011101", "10111011101", "1011101011101", "10111010000", "00001011101", "1111111", "0000"
        )
    ]
    for _ in range(40):
        width = int(rng.choice([21, 25, 41, 45, 57]))
        stack = (rng.random((8, width, width)) < rng.uniform(0.2, 0.8)).astype(np.uint8)
        for matrix in stack:
            for _ in range(int(rng.integers(0, 30))):  # plant patterns, overlapping ones and at the edges
                motif = motifs[rng.integers(len(motifs))]
                line, at = int(rng.integers(width)), int(rng.integers(width - len(motif) + 1))
                if rng.random() < 0.5:
                    matrix[line, at : at + len(motif)] = motif
                else:
                    matrix[at : at + len(motif), line] = motif
        got = _scores(stack)
        for matrix, scores in zip(stack, got, strict=True):
            rows = tuple(bytearray(row.tobytes()) for row in matrix)
            assert tuple(scores.tolist()) == mask_scores(rows, width, width)


def test_a_symbol_remasked_from_the_starting_mask_decodes(kit) -> None:
    """One address per mask chosen, so re-masked symbols (and their format information) are read back."""
    by_mask: dict[int, str] = {}
    for url in _verification_urls(200, seed=7810):
        by_mask.setdefault(segno.make(url, error="m", micro=False).mask, url)
    assert len(by_mask) >= 5
    for mask, url in sorted(by_mask.items()):
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(200, 200))
        draw_qr(canvas, url, x=20, y=20, size=160)
        canvas.showPage()
        canvas.save()
        assert kit.decode_qr(kit.render_page(buffer.getvalue(), 0, dpi=144)) == url, mask
