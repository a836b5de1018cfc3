"""Published worked examples reproduced: Krippendorff (2011), Fleiss (1971), Shrout & Fleiss (1979)."""

from __future__ import annotations

import numpy as np
import pytest

from assessdesk.stats import (
    cohen_kappa,
    fleiss_kappa,
    intraclass_correlations,
    krippendorff_alpha,
    pairwise_cohen_kappa,
)

nan = np.nan

# Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", section C ("Nominal data, any number of
# observers, missing data"): 4 observers x 12 units, values 1..5, blanks = missing. Rows here are units.
KRIPPENDORFF_2011 = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
]).T


@pytest.mark.parametrize(("level", "published"), [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797),
])
def test_krippendorff_2011_worked_example(level: str, published: float) -> None:
    result = krippendorff_alpha(KRIPPENDORFF_2011, level=level)
    assert round(result.value, 3) == published
    # Unit 12 has a single value and is not pairable; the paper's n.. = 40 pairable values over 11 units.
    assert result.n_units == 11
    assert result.details["pairable_values"] == 40
    assert result.n_raters == 4
    assert result.missing_share == pytest.approx(7 / 48)
    assert result.ci is not None and result.ci.low <= result.value <= result.ci.high
    assert result.ci.seed is not None and result.ci.replicates > 0


def test_krippendorff_2011_coincidence_matrix() -> None:
    # Section C's coincidence matrix: row 1 is 7, 4/3, 1/3, 1/3, 0; marginals n_c = 9, 13, 10, 5, 3 (n.. = 40);
    # alpha_nominal = 1 - (n.. - 1) * sum_{c != k} o_ck / (n..^2 - sum_c n_c^2).
    from assessdesk.stats.alpha import coincidences
    from assessdesk.stats.scale import encode, value_counts

    counts = value_counts(encode(KRIPPENDORFF_2011))
    o = coincidences(counts[counts.sum(axis=1) >= 2])
    assert np.allclose(o[0], [7, 4 / 3, 1 / 3, 1 / 3, 0])
    assert np.allclose(o.sum(axis=0), [9, 13, 10, 5, 3])
    n_c = o.sum(axis=0)
    expected = 1 - 39 * (o.sum() - np.trace(o)) / (40**2 - (n_c**2).sum())
    assert krippendorff_alpha(KRIPPENDORFF_2011, level="nominal").value == pytest.approx(expected, abs=1e-12)


# Fleiss, J. L. (1971). "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5),
# Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (depression, personality disorder, schizophrenia,
# neurosis, other), given as how many psychiatrists chose each diagnosis. Published overall kappa = .430.
FLEISS_1971_COUNTS = np.array([
    [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
    [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
    [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
    [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
])


def _expand(counts: np.ndarray) -> np.ndarray:
    """A units x raters table whose per-unit level counts are `counts` (rater order is arbitrary)."""
    return np.array([np.repeat(np.arange(counts.shape[1]), row) for row in counts], dtype=float)


def test_fleiss_1971_table_1() -> None:
    assert FLEISS_1971_COUNTS.sum(axis=1).tolist() == [6] * 30
    result = fleiss_kappa(_expand(FLEISS_1971_COUNTS) + 1)
    assert round(result.value, 3) == 0.430
    assert result.n_units == 30 and result.n_raters == 6 and result.missing_share == 0.0
    # Fleiss (1971): P-bar = .5556 and P_e = .2201 on these data.
    assert (result.value * (1 - 0.2201) + 0.2201) == pytest.approx(0.5556, abs=5e-4)
    assert result.ci.low < 0.430 < result.ci.high


# Shrout, P. E., & Fleiss, J. L. (1979). "Intraclass correlations: uses in assessing rater reliability",
# Psychological Bulletin 86(2), Table 2: 6 targets x 4 judges, and Table 4's ICC estimates.
SHROUT_FLEISS_1979 = np.array([
    [9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7],
], dtype=float)


def test_shrout_fleiss_1979_table_4() -> None:
    icc = intraclass_correlations(SHROUT_FLEISS_1979)
    published = {"ICC1": 0.17, "ICC2": 0.29, "ICC3": 0.71, "ICC1k": 0.44, "ICC2k": 0.62, "ICC3k": 0.91}
    for form, value in published.items():
        assert round(icc[form].value, 2) == value, form
    # Table 3's mean squares: between targets 11.24, within 6.26, between judges 32.49, residual 1.02.
    d = icc["ICC2"].details
    assert (round(d["MSR"], 2), round(d["MSW"], 2), round(d["MSC"], 2), round(d["MSE"], 2)) == (
        11.24, 6.26, 32.49, 1.02)
    assert (d["df1"], d["df2"]) == (5, 15)
    assert icc["ICC1"].details["df2"] == 18
    for form in published:
        assert icc[form].ci.low < icc[form].value < icc[form].ci.high


# Cohen, J. (1960) style 2-rater table used by statsmodels' and SAS's documentation (SAS PROC FREQ, "Kappa
# statistics"): counts [[0, 4, 1], [0, 8, 0], [0, 1, 5]]; SAS reports kappa 0.4842 (ASE 0.1380) and weighted
# (Cicchetti-Allison, i.e. linear) kappa 0.4701 (ASE 0.1457).
def test_sas_two_rater_table() -> None:
    table = [[0, 4, 1], [0, 8, 0], [0, 1, 5]]
    pairs = [(i, j) for i in range(3) for j in range(3) for _ in range(table[i][j])]
    x = np.array(pairs, dtype=float)
    plain = cohen_kappa(x, scale=[0, 1, 2])
    linear = cohen_kappa(x, weights="linear", scale=[0, 1, 2])
    assert (round(plain.value, 4), round(plain.ci.se, 4)) == (0.4842, 0.1380)
    assert (round(linear.value, 4), round(linear.ci.se, 4)) == (0.4701, 0.1457)
    assert round(plain.ci.low, 4) == 0.2137 and round(plain.ci.high, 4) == 0.7547
    assert round(linear.ci.low, 4) == 0.1845 and round(linear.ci.high, 4) == 0.7558


def test_pairwise_matrix_is_symmetric_with_nan_diagonal() -> None:
    pk = pairwise_cohen_kappa(KRIPPENDORFF_2011, scale=[1, 2, 3, 4, 5])
    assert np.allclose(pk.values, pk.values.T, equal_nan=True)
    assert np.isnan(np.diag(pk.values)).all()
    assert pk.n[0, 3] == 9  # observers A and D both coded units 1-9 (A has nothing for 10-12, D for 12)
    assert pk.n[1, 1] == 11  # the diagonal counts a rater's own units
