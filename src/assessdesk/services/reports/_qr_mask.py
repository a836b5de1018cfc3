"""QR mask choice in numpy: segno's pure-Python scoring of all 8 masks was a third of a certificate's time.

ISO/IEC 18004:2015 §7.8.3 asks for the mask with the lowest penalty score (N1..N4). segno encodes the symbol
once with a fixed mask; here the other seven are applied and scored together, scoring exactly as segno's
`mask_scores` does (including its quirks in N3), so the chosen mask and the whole matrix are those of
`segno.make(data)`; the tests compare the two over many inputs and every version.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import segno

_N3_PATTERN = 0b1011101  # dark, light, dark, dark, dark, light, dark as one 7-bit number
_ERROR_BITS = {"L": 0b01, "M": 0b00, "Q": 0b11, "H": 0b10}  # §7.9.1, Table 12


def best_masked_matrix(code: segno.QRCode) -> np.ndarray:
    """The matrix (0/1 uint8) of `code` re-masked with the lowest-penalty mask; `code` may carry any mask."""
    matrix = np.frombuffer(b"".join(code.matrix), dtype=np.uint8).reshape(len(code.matrix), -1)
    _data, info = _regions(matrix.shape[0])
    masks = _masks(matrix.shape[0])
    # Scored as segno scores: format and version modules (and the dark module) still light.
    unmasked = np.where(info, 0, matrix) ^ masks[code.mask]
    candidates = unmasked[None, :, :] ^ masks
    scores = _scores(candidates).sum(axis=1).tolist()
    best = scores.index(min(scores))  # the first of equal scores, as segno keeps it
    if best == code.mask:
        return matrix
    chosen = np.where(info, matrix, candidates[best])  # keeps the version information and the dark module
    _place_format(chosen, _format_bits(code.error, best))
    return chosen


@lru_cache(maxsize=8)
def _regions(width: int) -> tuple[np.ndarray, np.ndarray]:
    """Boolean maps of the data modules (those a mask flips) and of the format/version modules."""
    fixed = np.zeros((width, width), dtype=bool)
    for row, col in ((0, 0), (0, width - 8), (width - 8, 0)):
        fixed[row : row + 8, col : col + 8] = True  # finder patterns with their separators, §6.3.3-4
    fixed[6, :] = fixed[:, 6] = True  # timing patterns, §6.3.5
    centres = _alignment_centres((width - 17) // 4)
    # The three alignment patterns that would overlap a finder pattern are left out (§6.3.6).
    first, last = (centres[0], centres[-1]) if centres else (-1, -1)
    corners = {(first, first), (first, last), (last, first)}
    for row in centres:
        for col in centres:
            if (row, col) not in corners:
                fixed[row - 2 : row + 3, col - 2 : col + 3] = True
    info = np.zeros_like(fixed)
    info[:9, 8] = info[8, :9] = True  # format information by the upper-left finder, §7.9.1
    info[8, width - 8 :] = info[width - 8 :, 8] = True  # its copy (and the dark module at [width-8, 8])
    info[6, 8] = info[8, 6] = False  # timing modules the format information steps over
    if width >= 45:  # version information from version 7, §7.10
        info[: 6, width - 11 : width - 8] = info[width - 11 : width - 8, : 6] = True
    return ~(fixed | info), info


def _alignment_centres(version: int) -> list[int]:
    """Row/column centres of the alignment patterns (ISO/IEC 18004 Annex E), by the table's closed form."""
    if version < 2:
        return []
    count = version // 7 + 2
    step = (version * 8 + count * 3 + 5) // (count * 4 - 4) * 2
    size = version * 4 + 17
    return [6, *reversed([size - 7 - i * step for i in range(count - 1)])]


@lru_cache(maxsize=8)
def _masks(width: int) -> np.ndarray:
    """The 8 data masks of §7.8.2 (Table 10) as (8, width, width) 0/1, limited to the data modules."""
    i, j = np.indices((width, width))
    patterns = (
        (i + j) % 2 == 0,
        i % 2 == 0,
        j % 3 == 0,
        (i + j) % 3 == 0,
        (i // 2 + j // 3) % 2 == 0,
        (i * j) % 2 + (i * j) % 3 == 0,
        ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        ((i + j) % 2 + (i * j) % 3) % 2 == 0,
    )
    data, _info = _regions(width)
    return (np.stack(patterns) & data).astype(np.uint8)


def _scores(candidates: np.ndarray) -> np.ndarray:
    """(N1, N2, N3, N4) for each of the stacked matrices (§7.8.3.1, Table 11), as segno's `mask_scores`."""
    count, width, _ = candidates.shape
    lines = np.concatenate((candidates, candidates.transpose(0, 2, 1)), axis=1)  # rows, then columns
    corner = candidates[:, 1:, 1:]  # the lower-right module of each 2x2 block
    left, up, diagonal = candidates[:, 1:, :-1], candidates[:, :-1, 1:], candidates[:, :-1, :-1]
    n2 = 3 * ((corner == left) & (corner == up) & (corner == diagonal)).sum(axis=(1, 2))
    darks = candidates.sum(axis=(1, 2)).tolist()
    n4 = [10 * int(abs(dark / (width * width) * 100 - 50) / 5) for dark in darks]  # in segno's float steps
    return np.stack((_runs_penalty(lines), n2, _finder_like_penalty(lines), n4), axis=1)


def _runs_penalty(lines: np.ndarray) -> np.ndarray:
    """N1: 3 + (length - 5) for every run of 5 or more same-coloured modules in a row or a column."""
    count, per, width = lines.shape
    padded = np.full((count, per, width + 1), 2, dtype=np.uint8)  # a 2 before each line ends the last run
    padded[:, :, 1:] = lines
    flat = np.append(padded.ravel(), 2)
    starts = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    lengths = np.diff(starts)
    long = lengths >= 5
    owner = starts[:-1][long] // (per * (width + 1))
    return np.bincount(owner, weights=lengths[long] - 2, minlength=count).astype(np.int64)


def _finder_like_penalty(lines: np.ndarray) -> np.ndarray:
    """N3: 40 per 1:1:3:1:1 pattern with 4 light modules on a side, counted as segno's scan counts them.

    segno takes a margin cut short by the edge of the symbol as light, and after counting a pattern resumes
    its search 7 modules on, so a pattern overlapping a counted one (4 or 6 modules later) is not counted.
    """
    count, per, width = lines.shape
    starts = width - 6
    padded = np.zeros((count * per, width + 8), dtype=np.uint16)  # 4 light modules beyond each end
    padded[:, 4:-4] = lines.reshape(count * per, width)
    # The 15 modules from 4 before each possible start, as bits (first module highest), by doubling spans.
    two = (padded[:, :-1] << 1) | padded[:, 1:]
    four = (two[:, :-2] << 2) | two[:, 2:]
    eight = (four[:, :-4] << 4) | four[:, 4:]
    window = ((eight[:, :starts] << 7) | (eight[:, 7 : 7 + starts] & 0x7F)).reshape(count, per, starts)
    found = (window >> 4) & 0x7F == _N3_PATTERN
    counted = found & ((window >> 11 == 0) | (window & 0xF == 0))
    scored = counted
    for _ in range(starts):  # bounded: each pass settles at least one more pattern of an overlapping chain
        skipped = np.zeros_like(counted)
        skipped[:, :, 4:] |= scored[:, :, :-4]
        skipped[:, :, 6:] |= scored[:, :, :-6]
        settled = counted & ~skipped
        if np.array_equal(settled, scored):
            break
        scored = settled
    return 40 * scored.sum(axis=(1, 2))


def _format_bits(error: str, mask: int) -> int:
    """The 15 format-information bits: level and mask, BCH(15,5) check bits, XOR 0x5412 (§7.9.1, Annex C)."""
    value = _ERROR_BITS[error] << 3 | mask
    remainder = value << 10
    for bit in range(14, 9, -1):
        if remainder >> bit & 1:
            remainder ^= 0x537 << (bit - 10)
    return (value << 10 | remainder) ^ 0x5412


def _place_format(matrix: np.ndarray, bits: int) -> None:
    """Write the 15 format bits in both copies, placed as segno places them (ISO/IEC 18004 Figure 25)."""
    for i in range(8):
        low, high = bits >> i & 1, bits >> (14 - i) & 1
        matrix[i + (i >= 6), 8] = low  # the vertical strip steps over the timing module at row 6
        matrix[8, -1 - i] = low
        matrix[8, i + (i >= 6)] = high
        matrix[-1 - i, 8] = high
    matrix[-8, 8] = 1  # the dark module (§7.9.1) shares the strip
