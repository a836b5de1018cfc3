"""Ratings tables (units x raters, NaN = missing) and their level scale, turned into level codes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assessdesk.domain.errors import InvalidInput

# Whole-number ratings spanning at most this many values are coded through a lookup table; wider: np.unique.
_INTEGER_FAST_PATH_SPAN = 1 << 12


@dataclass(frozen=True)
class LevelScale:
    """The ordered levels a rubric criterion can take, as their point values (e.g. 0, 1, 2, 3, 4).

    Weighted kappas and adjacent agreement measure distance on this scale, so levels nobody used still count:
    a jump from 0 to 4 is four steps even if nobody scored 2. Points must be finite and strictly increasing.
    """

    points: tuple[float, ...]

    def __post_init__(self) -> None:
        pts = tuple(float(p) for p in self.points)
        if not pts:
            raise InvalidInput("a level scale needs at least one level", where="level scale")
        if not all(np.isfinite(pts)):
            raise InvalidInput("level points must be ordinary numbers", where="level scale")
        if any(b <= a for a, b in zip(pts, pts[1:], strict=False)):
            raise InvalidInput(f"levels must be listed from lowest to highest without repeats, got {pts}",
                               where="level scale")
        object.__setattr__(self, "points", pts)

    @classmethod
    def of(cls, scale: LevelScale | Sequence[float] | np.ndarray) -> LevelScale:
        return scale if isinstance(scale, LevelScale) else cls(tuple(np.asarray(scale, dtype=float).ravel()))

    @classmethod
    def integers(cls, low: int, high: int) -> LevelScale:
        """Points low, low+1, ..., high (a typical rubric: `LevelScale.integers(0, 4)`)."""
        return cls(tuple(float(p) for p in range(low, high + 1)))

    def __len__(self) -> int:
        return len(self.points)

    @property
    def array(self) -> np.ndarray:
        return np.asarray(self.points, dtype=float)


ScaleLike = LevelScale | Sequence[float] | np.ndarray | None


def as_ratings(ratings: object, *, min_raters: int = 1) -> np.ndarray:
    """A float64 units x raters array (NaN = missing); refuses infinities and non-2-D input clearly."""
    try:
        a = np.asarray(ratings, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"ratings must be numbers or empty ({exc})", where="ratings") from None
    if a.ndim != 2:
        raise InvalidInput(f"ratings must be a table of units x raters, got {a.ndim} dimension(s)",
                           where="ratings")
    if a.shape[1] < min_raters:
        raise InvalidInput(f"ratings need at least {min_raters} rater column(s), got {a.shape[1]}",
                           where="ratings")
    if np.isinf(a).any():
        u, r = np.argwhere(np.isinf(a))[0]
        raise InvalidInput("ratings must be finite numbers", where=f"ratings unit {u + 1}, rater {r + 1}")
    return a


def missing_share(a: np.ndarray) -> float:
    return float(np.isnan(a).mean()) if a.size else 0.0


def raters_present(a: np.ndarray) -> int:
    """Raters with at least one rating."""
    return int((~np.isnan(a)).any(axis=0).sum())


@dataclass(frozen=True)
class Encoded:
    """Ratings as level codes: `codes[u, r]` indexes `points`; a missing rating has the code `len(points)`.

    Using one past the last level (not -1) for "missing" lets a single bincount count levels and skip gaps.
    """

    codes: np.ndarray
    points: np.ndarray

    @property
    def missing_code(self) -> int:
        return int(self.points.size)


def _first_cell(mask: np.ndarray) -> str:
    u, r = np.argwhere(mask)[0]
    return f"unit {u + 1}, rater {r + 1}"


def _off_scale(a: np.ndarray, mask: np.ndarray, points: np.ndarray) -> InvalidInput:
    u, r = np.argwhere(mask)[0]
    shown = ", ".join(f"{p:g}" for p in points[:12]) + (", ..." if points.size > 12 else "")
    return InvalidInput(f"the rating {a[u, r]:g} is not a level of the scale ({shown})",
                        where=_first_cell(mask), hint="Check the rubric's levels or the file.")


def encode(a: np.ndarray, scale: ScaleLike = None) -> Encoded:
    """Map each rating to the index of its level; with no scale, the levels are the distinct values observed.

    A rating that is not one of the scale's levels is an error (it names the first offending cell), because a
    silent rounding would change every coefficient computed from it.
    """
    present = ~np.isnan(a)
    any_present = bool(present.any())
    # fmin/fmax skip NaN without the masked copy nanmin/nanmax make.
    lo = float(np.fmin.reduce(a, axis=None)) if any_present else 0.0
    hi = float(np.fmax.reduce(a, axis=None)) if any_present else 0.0
    whole = any_present and not ((a != np.floor(a)) & present).any()
    if scale is not None:
        points = LevelScale.of(scale).array
        if any_present and (lo < points[0] or hi > points[-1]):
            raise _off_scale(a, present & ((a < points[0]) | (a > points[-1])), points)
        span = int(points[-1] - points[0]) + 1
        if np.array_equal(points, np.round(points)) and span <= _INTEGER_FAST_PATH_SPAN:
            if not whole and any_present:
                raise _off_scale(a, present & (a != np.floor(a)), points)
            lookup = np.full(span, -1, dtype=np.intp)
            lookup[(points - points[0]).astype(np.intp)] = np.arange(points.size)
            table = np.append(lookup, points.size)
            codes = table[np.where(present, a - points[0], span).astype(np.intp)]
            if (codes < 0).any():
                raise _off_scale(a, codes < 0, points)
            return Encoded(codes, points)
        idx = np.minimum(np.searchsorted(points, np.where(present, a, points[0])), points.size - 1)
        off = present & (points[idx] != a)
        if off.any():
            raise _off_scale(a, off, points)
        return Encoded(np.where(present, idx, points.size), points)
    if not any_present:
        return Encoded(np.zeros(a.shape, dtype=np.intp), np.empty(0))
    span = int(hi - lo) + 1
    if whole and span <= _INTEGER_FAST_PATH_SPAN:
        # Whole-number ratings (rubric points): a bincount finds the used levels without sorting every rating.
        offset = np.where(present, a - lo, span).astype(np.intp)
        used = np.flatnonzero(np.bincount(offset.ravel(), minlength=span + 1)[:span])
        table = np.full(span + 1, used.size, dtype=np.intp)
        table[used] = np.arange(used.size)
        return Encoded(table[offset], used.astype(float) + lo)
    points, inverse = np.unique(a[present], return_inverse=True)
    codes = np.full(a.shape, points.size, dtype=np.intp)
    codes[present] = inverse.ravel()
    return Encoded(codes, points)


def value_counts(enc: Encoded) -> np.ndarray:
    """units x levels matrix: how many raters put each unit at each level (one bincount, no Python loop)."""
    n_units = enc.codes.shape[0]
    width = enc.points.size + 1  # the extra column collects the missing ratings and is dropped
    flat = enc.codes + (np.arange(n_units, dtype=np.intp) * width)[:, None]
    counts = np.bincount(flat.ravel(), minlength=n_units * width).reshape(n_units, width)
    return counts[:, :-1].astype(float)
