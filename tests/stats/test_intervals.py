"""Confidence machinery: the F/t quantiles against scipy, and alpha's bootstrap (seeded, exact replicates)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as scipy_stats

from assessdesk.stats import alpha as alpha_module
from assessdesk.stats import krippendorff_alpha
from assessdesk.stats.fdist import betainc, f_ppf, f_sf, t_two_sided_critical
from assessdesk.stats.scale import encode, value_counts

DFS = [1, 2, 3, 4.5, 7, 18, 29, 31, 147, 5000, 490_000]


@pytest.mark.parametrize("df1", DFS)
def test_f_quantiles_and_tails_match_scipy(df1: float) -> None:
    for df2 in DFS:
        for p in (0.001, 0.025, 0.5, 0.975, 0.999):
            assert f_ppf(p, df1, df2) == pytest.approx(scipy_stats.f.ppf(p, df1, df2), rel=5e-10)
        for f in (0.05, 0.9, 1.0, 2.5, 40.0):
            expected = scipy_stats.f.sf(f, df1, df2)
            if expected > 1e-250:
                assert f_sf(f, df1, df2) == pytest.approx(expected, rel=5e-10)


def test_edges_of_the_f_distribution() -> None:
    assert f_sf(0.0, 3, 4) == 1.0 and f_sf(float("inf"), 3, 4) == 0.0
    assert np.isnan(f_sf(float("nan"), 3, 4))
    assert betainc(0.0, 2, 3) == 0.0 and betainc(1.0, 2, 3) == 1.0
    assert t_two_sided_critical(0.95, 10) == pytest.approx(scipy_stats.t.ppf(0.975, 10), rel=1e-12)
    with pytest.raises(ValueError):
        f_ppf(1.0, 2, 3)


def _table(seed: int, levels: int, n: int = 60) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, levels, size=n)
    x = np.clip(truth[:, None] + rng.integers(-2, 3, size=(n, 6)), 0, levels - 1).astype(float)
    x[rng.random(x.shape) < 0.25] = np.nan
    return x


def test_bootstrap_is_reproducible_from_its_recorded_seed() -> None:
    x = _table(1, 5)
    first = krippendorff_alpha(x, level="ordinal", seed=42)
    assert first.ci.seed == 42 and first.ci.replicates == 1000
    assert krippendorff_alpha(x, level="ordinal", seed=42).ci == first.ci
    assert krippendorff_alpha(x, level="ordinal", seed=43).ci != first.ci
    assert krippendorff_alpha(x, level="ordinal", replicates=0).ci is None
    assert first.ci.low < first.value < first.ci.high


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
@pytest.mark.parametrize("levels", [4, 30])
def test_a_replicate_that_draws_every_unit_once_is_the_estimate(level: str, levels: int) -> None:
    x = _table(2, levels) * 1.5 + 1.0
    enc = encode(x)
    counts = value_counts(enc)
    counts = counts[counts.sum(axis=1) >= 2]
    d = alpha_module.distance_matrix(level, enc.points, counts.sum(axis=0))
    features = alpha_module._unit_features(counts, level, enc.points, d)
    k = np.ones((1, counts.shape[0]))
    replicate = alpha_module._replicate_alphas(k @ features, k, counts, level, enc.points, d)
    assert replicate[0] == pytest.approx(krippendorff_alpha(x, level=level, replicates=0).value, abs=1e-12)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_both_bootstrap_paths_give_the_same_interval(level: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Few levels carry whole per-unit coincidence matrices; many levels use per-unit sums. Same draws, same CI.
    x = _table(3, 8)
    few = krippendorff_alpha(x, level=level, replicates=200)
    monkeypatch.setattr(alpha_module, "_SMALL_LEVELS", 0)
    many = krippendorff_alpha(x, level=level, replicates=200)
    assert many.ci.low == pytest.approx(few.ci.low, abs=1e-9)
    assert many.ci.high == pytest.approx(few.ci.high, abs=1e-9)


def test_bootstrap_interval_covers_the_population_alpha_usually() -> None:
    # 40 small samples from one large population: the 95% interval should cover its alpha most of the time.
    rng = np.random.default_rng(5)
    truth = rng.integers(0, 5, size=20_000)
    population = np.clip(truth[:, None] + rng.integers(-1, 2, size=(20_000, 4)), 0, 4).astype(float)
    target = krippendorff_alpha(population, level="ordinal", replicates=0).value
    covered = 0
    for _ in range(40):
        rows = rng.choice(20_000, size=80, replace=False)
        ci = krippendorff_alpha(population[rows], level="ordinal", replicates=400,
                                seed=int(rng.integers(1 << 30))).ci
        covered += ci.low <= target <= ci.high
    assert covered >= 32  # ~38 expected; 32 leaves room for chance without letting a broken interval pass
