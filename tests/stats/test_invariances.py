"""Invariances: reordering raters or units changes no coefficient; relabelling categories changes no nominal one."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessdesk.stats import (
    ICC_FORMS,
    agreement_shares,
    fleiss_kappa,
    intraclass_correlations,
    krippendorff_alpha,
    pairwise_cohen_kappa,
)

SETTINGS = {"deadline": None, "derandomize": True, "suppress_health_check": [HealthCheck.too_slow]}


@st.composite
def tables_with_permutations(draw: st.DrawFn, *, missing: bool = True):
    n = draw(st.integers(2, 20))
    m = draw(st.integers(2, 6))
    levels = draw(st.integers(2, 5))
    cells = draw(st.lists(st.integers(0, levels - 1), min_size=n * m, max_size=n * m))
    x = np.array(cells, dtype=float).reshape(n, m)
    if missing:
        holes = draw(st.lists(st.booleans(), min_size=n * m, max_size=n * m))
        x[np.array(holes).reshape(n, m) & draw(st.booleans())] = np.nan
    units = np.array(draw(st.permutations(range(n))))
    raters = np.array(draw(st.permutations(range(m))))
    relabel = np.array(draw(st.permutations(range(levels)))) * 3.0 + 1.0  # a non-monotone, non-identity map
    return x, units, raters, relabel


def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-12)


@settings(max_examples=80, **SETTINGS)
@given(data=tables_with_permutations())
def test_reordering_units_or_raters_changes_nothing(data) -> None:
    x, units, raters, _ = data
    for y in (x[units], x[:, raters], x[units][:, raters]):
        for level in ("nominal", "ordinal", "interval", "ratio"):
            assert _same(krippendorff_alpha(x, level=level, replicates=0).value,
                         krippendorff_alpha(y, level=level, replicates=0).value)
        assert _same(fleiss_kappa(x).value, fleiss_kappa(y).value)
        for a, b in zip(agreement_shares(x), agreement_shares(y), strict=True):
            assert _same(a.value, b.value)
    # The bootstrap resamples units, so only a rater reordering keeps the very same interval.
    assert krippendorff_alpha(x).ci == krippendorff_alpha(x[:, raters]).ci


@settings(max_examples=60, **SETTINGS)
@given(data=tables_with_permutations(missing=False))
def test_icc_ignores_unit_and_rater_order(data) -> None:
    x, units, raters, _ = data
    ref = intraclass_correlations(x)
    moved = intraclass_correlations(x[units][:, raters])
    for form in ICC_FORMS:
        assert _same(ref[form].value, moved[form].value)
        if ref[form].ci is not None:
            assert ref[form].ci.low == pytest.approx(moved[form].ci.low, abs=1e-12)


@settings(max_examples=60, **SETTINGS)
@given(data=tables_with_permutations(), weights=st.sampled_from(["none", "linear", "quadratic"]))
def test_pairwise_kappa_follows_the_rater_permutation(data, weights: str) -> None:
    x, units, raters, _ = data
    ref = pairwise_cohen_kappa(x, weights=weights)
    moved = pairwise_cohen_kappa(x[units][:, raters], weights=weights)
    np.testing.assert_allclose(moved.values, ref.values[np.ix_(raters, raters)], atol=1e-12)
    np.testing.assert_array_equal(moved.n, ref.n[np.ix_(raters, raters)])


@settings(max_examples=80, **SETTINGS)
@given(data=tables_with_permutations())
def test_relabelling_categories_changes_no_nominal_statistic(data) -> None:
    x, _, _, relabel = data
    y = np.full(x.shape, np.nan)
    present = ~np.isnan(x)
    y[present] = relabel[x[present].astype(int)]
    assert _same(krippendorff_alpha(x, level="nominal", replicates=0).value,
                 krippendorff_alpha(y, level="nominal", replicates=0).value)
    assert _same(fleiss_kappa(x).value, fleiss_kappa(y).value)
    np.testing.assert_allclose(pairwise_cohen_kappa(y).values, pairwise_cohen_kappa(x).values, atol=1e-12)
    assert _same(agreement_shares(x)[0].value, agreement_shares(y)[0].value)
