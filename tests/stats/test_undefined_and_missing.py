"""Undefined cases give value=None with a reason (never 1.0, never a crash); each missing-data policy holds."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pingouin
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss_kappa

from assessdesk.domain.errors import InvalidInput
from assessdesk.stats import (
    Coefficient,
    agreement_shares,
    assessor_bias,
    cohen_kappa,
    fleiss_kappa,
    intraclass_correlations,
    krippendorff_alpha,
    pairwise_cohen_kappa,
)

nan = np.nan
SETTINGS = {"deadline": None, "derandomize": True, "suppress_health_check": [HealthCheck.too_slow]}


def _all_coefficients(x: np.ndarray) -> list[Coefficient]:
    out = [krippendorff_alpha(x, level=lv) for lv in ("nominal", "ordinal", "interval", "ratio")]
    out += [fleiss_kappa(x), *agreement_shares(x), *intraclass_correlations(x).values()]
    if x.shape[1] == 2:
        out += [cohen_kappa(x, weights=w) for w in ("none", "linear", "quadratic")]
    return out


@pytest.mark.parametrize("x", [
    np.array([[1.0, nan], [nan, 2.0], [3.0, nan]]),    # nobody rated the same unit: nothing pairable
    np.full((4, 3), nan),                               # nothing at all
    np.array([[2.0, 2.0], [nan, 2.0]]),                 # one pairable unit, no variation
], ids=["no-pairable-units", "empty", "single-unit"])
def test_undefined_everywhere_when_nothing_can_be_compared(x: np.ndarray) -> None:
    for c in _all_coefficients(x):
        if c.name in ("exact_agreement", "adjacent_agreement") and c.n_units > 0:
            continue  # two raters agreeing on one unit is a plain 100% agreement, not a reliability claim
        assert c.value is None, c.name
        assert c.undefined_reason and len(c.undefined_reason) > 15, c.name


def test_perfect_agreement_without_variation_is_not_reported_as_one() -> None:
    x = np.full((8, 4), 3.0)
    for c in _all_coefficients(x):
        if c.name in ("exact_agreement", "adjacent_agreement"):
            assert c.value == 1.0  # raw agreement really is 100%; it is not chance-corrected
        else:
            assert c.value is None and "variation" in c.undefined_reason, c.name


def test_cohen_pair_with_no_shared_units_is_undefined() -> None:
    x = np.array([[1, nan], [2, nan], [nan, 1], [nan, 2]])
    c = cohen_kappa(x)
    assert c.value is None and c.n_units == 0 and "share no" in c.undefined_reason
    assert pairwise_cohen_kappa(x).mean() is None


def test_coefficient_refuses_nan_or_both_value_and_reason() -> None:
    with pytest.raises(ValueError):
        Coefficient(name="x", value=float("nan"), n_units=1, n_raters=2, missing_share=0.0)
    with pytest.raises(ValueError):
        Coefficient(name="x", value=0.5, n_units=1, n_raters=2, missing_share=0.0, undefined_reason="no")
    c = krippendorff_alpha(np.array([[1.0, 2.0], [2.0, 2.0], [1.0, 1.0]]))
    with pytest.raises(AttributeError):
        c.value = 1.0  # frozen


def test_ratings_off_the_declared_scale_are_named() -> None:
    x = np.array([[0, 1], [2, 5], [1, 1]], dtype=float)
    with pytest.raises(InvalidInput, match=r"unit 2, rater 2.*rating 5 is not a level"):
        krippendorff_alpha(x, scale=[0, 1, 2, 3, 4])
    with pytest.raises(InvalidInput, match="unit 1, rater 2"):
        fleiss_kappa(np.array([[0, 0.5], [1, 1]]), scale=[0, 1])
    with pytest.raises(InvalidInput, match="finite"):
        fleiss_kappa(np.array([[0, np.inf], [1, 1]]))


# --- missing-data policies -------------------------------------------------------------------------------


def test_icc_drops_incomplete_units_like_pingouin_omit_and_reports_them() -> None:
    rng = np.random.default_rng(7)
    x = rng.integers(0, 10, size=(30, 4)).astype(float) + rng.integers(0, 3, size=(30, 1))
    x[[2, 5, 11, 17], [0, 3, 1, 1]] = nan
    ours = intraclass_correlations(x)
    long = pd.DataFrame({"u": np.repeat(np.arange(30), 4), "r": np.tile(np.arange(4), 30), "s": x.ravel()})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        peer = pingouin.intraclass_corr(data=long, targets="u", raters="r", ratings="s", nan_policy="omit")
    for form, value in zip(("ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"), peer["ICC"], strict=True):
        assert ours[form].value == pytest.approx(value, abs=1e-9)
        assert ours[form].n_units == 26
        assert ours[form].details["units_dropped_incomplete"] == 4
        assert ours[form].missing_share == pytest.approx(4 / 120)


def _fleiss_by_hand(x: np.ndarray) -> float:
    """Fleiss' P-bar and p_c written out unit by unit, for units with different numbers of ratings."""
    levels = np.unique(x[~np.isnan(x)])
    agreements, totals = [], np.zeros(levels.size)
    for row in x:
        r = row[~np.isnan(row)]
        if r.size < 2:
            continue
        n_c = np.array([(r == v).sum() for v in levels])
        agreements.append((n_c * (n_c - 1)).sum() / (r.size * (r.size - 1)))
        totals += n_c
    p = totals / totals.sum()
    return (np.mean(agreements) - (p**2).sum()) / (1 - (p**2).sum())


def test_fleiss_allows_different_numbers_of_raters_per_unit() -> None:
    x = np.array([[1, 1, 1, nan], [1, 2, nan, nan], [2, 2, 2, 2], [3, 3, 1, nan], [3, nan, nan, nan],
                  [2, 3, 3, 3]], dtype=float)
    result = fleiss_kappa(x)
    assert result.value == pytest.approx(_fleiss_by_hand(x), abs=1e-12)
    assert result.n_units == 5 and result.details["units_dropped_single_rating"] == 1
    assert (result.details["raters_per_unit_min"], result.details["raters_per_unit_max"]) == (2, 4)


@settings(max_examples=60, **SETTINGS)
@given(seed=st.integers(0, 10_000))
def test_fleiss_equals_fleiss_1971_when_each_unit_has_the_same_count_from_different_raters(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m, keep = 12, 6, 4
    x = rng.integers(0, 3, size=(n, m)).astype(float)
    for row in x:
        row[rng.choice(m, size=m - keep, replace=False)] = nan
    counts = np.stack([(x == v).sum(axis=1) for v in range(3)], axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        peer = float(sm_fleiss_kappa(counts))
    ours = fleiss_kappa(x, scale=[0, 1, 2]).value
    assert (ours is None and not np.isfinite(peer)) or ours == pytest.approx(peer, abs=1e-9)
    assert ours is None or ours == pytest.approx(_fleiss_by_hand(x), abs=1e-12)


def test_fleiss_standard_error_agrees_with_the_jackknife() -> None:
    rng = np.random.default_rng(11)
    truth = rng.integers(0, 4, size=400)
    x = np.where(rng.random((400, 5)) < 0.6, truth[:, None], rng.integers(0, 4, size=(400, 5))).astype(float)
    x[rng.random((400, 5)) < 0.2] = nan
    full = fleiss_kappa(x)
    leave_one_out = np.array([fleiss_kappa(np.delete(x, i, axis=0)).value for i in range(400)])
    jack = np.sqrt((400 - 1) / 400 * ((leave_one_out - leave_one_out.mean()) ** 2).sum())
    assert full.ci.se == pytest.approx(jack, rel=0.05)


def test_cohen_uses_the_units_both_raters_scored() -> None:
    rng = np.random.default_rng(3)
    x = rng.integers(0, 4, size=(60, 2)).astype(float)
    x[rng.random((60, 2)) < 0.25] = nan
    both = ~np.isnan(x).any(axis=1)
    ours = cohen_kappa(x, weights="quadratic", scale=[0, 1, 2, 3])
    peer = cohen_kappa_score(x[both, 0], x[both, 1], labels=[0, 1, 2, 3], weights="quadratic")
    assert ours.value == pytest.approx(peer, abs=1e-12)
    assert ours.n_units == both.sum()
    assert ours.missing_share == pytest.approx(np.isnan(x).mean())


@settings(max_examples=50, **SETTINGS)
@given(seed=st.integers(0, 10_000), weights=st.sampled_from(["none", "linear", "quadratic"]))
def test_vectorised_pairs_equal_pair_by_pair(seed: int, weights: str) -> None:
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 4, size=(25, 5)).astype(float)
    x[rng.random(x.shape) < 0.3] = nan
    pk = pairwise_cohen_kappa(x, weights=weights, scale=[0, 1, 2, 3])
    for i in range(5):
        for j in range(i + 1, 5):
            one = cohen_kappa(x[:, [i, j]], weights=weights, scale=[0, 1, 2, 3])
            pair = pk.pair(i, j)
            assert (one.value is None and pair.value is None) or one.value == pytest.approx(pair.value, abs=1e-12)
            assert one.n_units == pair.n_units
    assert pk.defined_pairs() <= 10


def test_declared_scale_versus_rank_of_observed_levels() -> None:
    # Levels 0..4 declared, but nobody used 2: by the scale, 1 vs 3 is two steps; by observed ranks it is one.
    x = np.array([[0, 0], [1, 3], [3, 4], [4, 4], [1, 1], [3, 1], [0, 1]], dtype=float)
    ours = cohen_kappa(x, weights="linear", scale=[0, 1, 2, 3, 4]).value
    assert ours == pytest.approx(cohen_kappa_score(x[:, 0], x[:, 1], weights="linear", labels=[0, 1, 2, 3, 4]))
    ranks = cohen_kappa_score(x[:, 0], x[:, 1], weights="linear")  # sklearn's default: observed labels only
    assert abs(ours - ranks) > 0.01


def test_assessor_bias_against_reference() -> None:
    ref = np.array([2, 3, 1, 4, 2, 0], dtype=float)
    x = np.column_stack([ref + 1, ref, ref - [0, 1, 0, 1, 0, 1], np.full(6, nan)])
    x[0, 0] = nan
    out = assessor_bias(x, ref, raters=["lenient", "exact", "harsh", "absent"])
    lenient, exact, harsh, absent = out
    assert (lenient.value, lenient.n_units, lenient.sd, lenient.exact_share) == (1.0, 5, 0.0, 0.0)
    assert lenient.ci.low == lenient.ci.high == 1.0
    assert (exact.value, exact.mean_absolute, exact.exact_share) == (0.0, 0.0, 1.0)
    assert harsh.value == pytest.approx(-0.5) and harsh.mean_absolute == pytest.approx(0.5)
    # t interval with 5 df: mean -0.5, sd 0.5477, t_.975(5) = 2.5706.
    assert harsh.ci.low == pytest.approx(-0.5 - 2.570582 * 0.5477226 / np.sqrt(6), abs=1e-5)
    assert absent.value is None and absent.n_units == 0 and absent.undefined_reason
    with pytest.raises(InvalidInput):
        assessor_bias(x, ref[:3])


def test_agreement_shares_pool_pairs_and_respect_the_scale() -> None:
    x = np.array([[1, 1, 3], [0, 0, nan], [1, 3, nan]], dtype=float)
    exact, adjacent = agreement_shares(x, scale=[0, 1, 2, 3])
    # Pairs: unit 1 has 3 (1 exact), unit 2 has 1 (exact), unit 3 has 1 (1 vs 3: not adjacent on 0..3).
    assert exact.value == pytest.approx(2 / 5) and adjacent.value == pytest.approx(2 / 5)
    observed_exact, observed_adjacent = agreement_shares(x)  # without the scale, 1 and 3 are neighbours
    assert observed_adjacent.value == pytest.approx(5 / 5)
    assert exact.ci.low <= exact.value <= exact.ci.high
