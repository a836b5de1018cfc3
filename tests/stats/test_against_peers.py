"""Generated datasets (hypothesis): our coefficients equal the established packages' to 1e-9.

Peers: `krippendorff` (alpha, with missing data), statsmodels (fleiss_kappa, cohens_kappa and its SE; complete
data), pingouin.intraclass_corr (complete data) and scikit-learn's cohen_kappa_score (unweighted and weighted).
Example counts: 300 + 100 (alpha) + 150 (Fleiss) + 200 (Cohen/sklearn) + 150 (Cohen/statsmodels) + 120 (ICC)
= 1,020 datasets, plus the invariance tests' own.
"""

from __future__ import annotations

import warnings

import krippendorff
import numpy as np
import pandas as pd
import pingouin
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import cohens_kappa as sm_cohens_kappa
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss_kappa

from assessdesk.stats import cohen_kappa, fleiss_kappa, intraclass_correlations, krippendorff_alpha

TOL = 1e-9
SETTINGS = {"deadline": None, "derandomize": True, "suppress_health_check": [HealthCheck.too_slow]}


@st.composite
def level_tables(draw: st.DrawFn, *, max_units: int = 25, max_raters: int = 7, max_levels: int = 6,
                 missing: bool = True, min_raters: int = 2) -> np.ndarray:
    """A units x raters table of level codes 0..L-1 (float, NaN = missing when `missing`)."""
    n = draw(st.integers(2, max_units))
    m = draw(st.integers(min_raters, max_raters))
    levels = draw(st.integers(2, max_levels))
    cells = draw(st.lists(st.integers(0, levels - 1), min_size=n * m, max_size=n * m))
    x = np.array(cells, dtype=float).reshape(n, m)
    if missing:
        holes = draw(st.lists(st.booleans(), min_size=n * m, max_size=n * m))
        x[np.array(holes).reshape(n, m) & (draw(st.floats(0, 1)) < 0.8)] = np.nan
    return x


@st.composite
def valued_tables(draw: st.DrawFn) -> np.ndarray:
    """Level codes mapped onto arbitrary increasing non-negative values (interval / ratio data)."""
    codes = draw(level_tables(max_levels=8))
    steps = draw(st.lists(st.floats(0.01, 50.0, allow_nan=False), min_size=8, max_size=8))
    start = draw(st.sampled_from([0.0, 0.5, 3.0]))
    values = start + np.cumsum([0.0] + steps[:-1])
    out = np.full(codes.shape, np.nan)
    present = ~np.isnan(codes)
    out[present] = values[codes[present].astype(int)]
    return out


def _peer_alpha(x: np.ndarray, level: str) -> float | None:
    """krippendorff.alpha, or None where it refuses (one value only / nothing pairable)."""
    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            value = float(krippendorff.alpha(reliability_data=x.T, level_of_measurement=level))
    except ValueError:
        return None
    return value if np.isfinite(value) else None


@settings(max_examples=300, **SETTINGS)
@given(x=level_tables(), level=st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_alpha_matches_krippendorff_package(x: np.ndarray, level: str) -> None:
    ours = krippendorff_alpha(x, level=level, replicates=0)
    peer = _peer_alpha(x, level)
    if peer is None:
        assert ours.value is None and ours.undefined_reason
    else:
        assert ours.value == pytest.approx(peer, abs=TOL)


@settings(max_examples=100, **SETTINGS)
@given(x=valued_tables(), level=st.sampled_from(["interval", "ratio", "ordinal"]))
def test_alpha_matches_krippendorff_package_on_real_values(x: np.ndarray, level: str) -> None:
    ours = krippendorff_alpha(x, level=level, replicates=0)
    peer = _peer_alpha(x, level)
    assume(peer is not None)
    assert ours.value == pytest.approx(peer, abs=TOL)


@settings(max_examples=150, **SETTINGS)
@given(x=level_tables(missing=False, max_raters=9))
def test_fleiss_matches_statsmodels(x: np.ndarray) -> None:
    table, _ = aggregate_raters(x.astype(int))
    with np.errstate(divide="ignore", invalid="ignore"):
        peer = float(sm_fleiss_kappa(table))
    ours = fleiss_kappa(x)
    if np.isfinite(peer):
        assert ours.value == pytest.approx(peer, abs=TOL)
        assert ours.n_units == x.shape[0] and ours.missing_share == 0.0
    else:
        assert ours.value is None


def _sklearn_weights(weights: str) -> str | None:
    return None if weights == "none" else weights


@settings(max_examples=200, **SETTINGS)
@given(x=level_tables(missing=False, max_units=40, min_raters=2, max_raters=2),
       weights=st.sampled_from(["none", "linear", "quadratic"]), extra_levels=st.integers(0, 2))
def test_cohen_matches_sklearn_with_declared_scale(x: np.ndarray, weights: str, extra_levels: int) -> None:
    scale = list(range(int(np.nanmax(x)) + 1 + extra_levels))  # declared levels may include unused ones
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(divide="ignore", invalid="ignore"):
            peer = float(cohen_kappa_score(x[:, 0], x[:, 1], labels=scale, weights=_sklearn_weights(weights)))
    ours = cohen_kappa(x, weights=weights, scale=scale)
    if np.isfinite(peer):
        assert ours.value == pytest.approx(peer, abs=TOL)
    else:
        assert ours.value is None


@settings(max_examples=150, **SETTINGS)
@given(x=level_tables(missing=False, max_units=40, min_raters=2, max_raters=2),
       weights=st.sampled_from(["none", "linear", "quadratic"]),
       points=st.lists(st.integers(1, 9), min_size=6, max_size=6))
def test_cohen_and_its_se_match_statsmodels_on_uneven_scales(x: np.ndarray, weights: str,
                                                             points: list[int]) -> None:
    scale = np.cumsum([0] + points[:-1]).astype(float)  # uneven gaps between the levels' points
    table = np.zeros((6, 6))
    np.add.at(table, (x[:, 0].astype(int), x[:, 1].astype(int)), 1)
    ours = cohen_kappa(scale[x.astype(int)], weights=weights, scale=scale)
    with np.errstate(divide="ignore", invalid="ignore"):
        if weights == "none":
            peer = sm_cohens_kappa(table)
        else:
            peer = sm_cohens_kappa(table, weights=scale, wt=weights)
    if not np.isfinite(peer.kappa):
        assert ours.value is None
        return
    assert ours.value == pytest.approx(peer.kappa, abs=TOL)
    if np.isnan(peer.std_kappa):  # statsmodels takes the root of a rounding-negative zero variance
        assert peer.var_kappa == pytest.approx(0.0, abs=1e-12) and ours.ci.se**2 <= 1e-12
    else:
        assert ours.ci.se == pytest.approx(peer.std_kappa, abs=TOL)


def _pingouin_icc(x: np.ndarray) -> pd.DataFrame:
    n, k = x.shape
    long = pd.DataFrame({"unit": np.repeat(np.arange(n), k), "rater": np.tile(np.arange(k), n),
                         "score": x.ravel()})
    old = dict(pingouin.options)
    pingouin.options["round.column.CI95"] = None  # compare unrounded interval bounds
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pingouin.intraclass_corr(data=long, targets="unit", raters="rater", ratings="score")
    finally:
        pingouin.options.clear()
        pingouin.options.update(old)


@st.composite
def score_tables(draw: st.DrawFn) -> np.ndarray:
    n = draw(st.integers(3, 15))
    k = draw(st.integers(2, 6))
    cells = draw(st.lists(st.integers(0, 20), min_size=n * k, max_size=n * k))
    scale = draw(st.sampled_from([1.0, 0.25, 2.5]))
    return np.array(cells, dtype=float).reshape(n, k) * scale


@settings(max_examples=120, **SETTINGS)
@given(x=score_tables())
def test_icc_matches_pingouin(x: np.ndarray) -> None:
    ours = intraclass_correlations(x)
    peer = _pingouin_icc(x)
    defined = ours["ICC1"].value is not None
    assume(defined)  # undefined tables (no variation between units) are covered in test_undefined.py
    resid = ours["ICC2"].details["MSE"]
    for form, (_, row) in zip(("ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"), peer.iterrows(), strict=True):
        c = ours[form]
        assert c.value == pytest.approx(row["ICC"], abs=TOL), form
        assert c.details["df1"] == row["df1"] and c.details["df2"] == row["df2"]
        if resid > 0:
            assert c.details["F"] == pytest.approx(row["F"], rel=TOL), form
            assert c.details["p_value"] == pytest.approx(row["pval"], abs=TOL), form
            assert c.ci.low == pytest.approx(row["CI95"][0], abs=TOL), form
            assert c.ci.high == pytest.approx(row["CI95"][1], abs=TOL), form
