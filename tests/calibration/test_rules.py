"""The pure calibration rules: cited defaults, settings, the pass decision, certification status, drift windows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessdesk.domain.calibration import (
    AgreementFigures,
    CertificationPolicy,
    CertificationRecord,
    CertificationSource,
    CertificationState,
    DriftObservation,
    DriftPolicy,
    certification_status,
    decide,
    drift_reading,
    policies_from_settings,
    rubric_id_of,
)
from assessdesk.domain.errors import InvalidInput

TODAY = date(2026, 6, 1)


def test_defaults_follow_the_cited_tables() -> None:
    cert, drift = policies_from_settings({})
    # NAEP qualifying sets: 90/80/70% exact for 2/3/4-point items; 6+ levels keep 70%.
    assert [cert.exact_needed(n) for n in (2, 3, 4, 5, 6, 9)] == [0.90, 0.80, 0.70, 0.70, 0.70, 0.70]
    # NAEP within-year targets: 85/80/75/75/60% exact.
    assert [drift.exact_needed(n) for n in (2, 3, 4, 5, 6)] == [0.85, 0.80, 0.75, 0.75, 0.60]
    assert (cert.min_kappa, cert.min_adjacent, cert.min_scores, cert.valid_days) == (0.70, 0.90, 10, 365)
    with pytest.raises(InvalidInput, match="two levels"):
        cert.exact_needed(1)


def test_settings_override_and_are_checked() -> None:
    cert, drift = policies_from_settings({"calibration": {"min_exact": 0.8, "min_kappa": 0.6, "valid_days": 30,
                                                          "drift_window": 4, "drift_min_attempts": 2,
                                                          "max_abs_bias": 0.5}})
    assert (cert.exact_needed(4), cert.min_kappa, cert.valid_days, cert.max_abs_bias) == (0.8, 0.6, 30, 0.5)
    assert (drift.window, drift.min_attempts) == (4, 2)
    for bad, where in (({"min_kappa": 1.5}, "min_kappa"), ({"valid_days": 0}, "valid_days"),
                       ({"colour": "red"}, "colour"), ({"drift_window": 2, "drift_min_attempts": 3},
                                                      "drift_min_attempts"), ({"min_exact": True}, "min_exact")):
        with pytest.raises(InvalidInput, match=where):
            policies_from_settings({"calibration": bad})


def test_decide_lists_every_unmet_condition() -> None:
    policy = CertificationPolicy(max_abs_bias=0.5)
    good = AgreementFigures(scored=12, expected=12, exact=0.75, adjacent=0.95, kappa=0.8, bias=0.1)
    assert decide(policy, good, n_levels=4) == (True, ())
    bad = AgreementFigures(scored=8, expected=12, exact=0.5, adjacent=0.8, kappa=None, bias=0.9)
    passed, unmet = decide(policy, bad, n_levels=4)
    assert not passed and len(unmet) == 6
    assert "scored 8 of 12" in unmet[0] and "not computable" in unmet[4] and "+0.90" in unmet[5]
    # exactly at a threshold passes (>=), a hair below does not
    edge = AgreementFigures(scored=10, expected=10, exact=0.7, adjacent=0.9, kappa=0.7, bias=0.0)
    assert decide(CertificationPolicy(), edge, n_levels=4)[0]
    assert not decide(CertificationPolicy(), AgreementFigures(10, 10, 0.69, 0.9, 0.7, 0.0), n_levels=4)[0]


def record(cid: str, granted: date, until: date, *, revoked: date | None = None, rubric: str = "RUB-X",
           user: str = "u1") -> CertificationRecord:
    return CertificationRecord(cid, user, rubric, f"{rubric}@1", granted, until, CertificationSource.STATION,
                               revoked_on=revoked, revoked_reason="drifted" if revoked else "")


def test_status_never_current_expired_revoked_not_yet() -> None:
    status = certification_status([], user_id="u1", rubric_id="RUB-X", today=TODAY)
    assert status.state is CertificationState.NEVER and status.message() == "Never certified for RUB-X."
    cur = record("a", date(2026, 1, 1), date(2026, 12, 31))
    assert certification_status([cur], user_id="u1", rubric_id="RUB-X", today=TODAY).current
    old = record("b", date(2025, 1, 1), date(2026, 5, 15))
    s = certification_status([old], user_id="u1", rubric_id="RUB-X", today=TODAY)
    assert s.state is CertificationState.EXPIRED and s.since == date(2026, 5, 16)
    assert "expired on 2026-05-16 (it was valid until 2026-05-15)" in s.message()
    gone = record("c", date(2026, 1, 1), date(2026, 12, 31), revoked=date(2026, 3, 2))
    s = certification_status([gone], user_id="u1", rubric_id="RUB-X", today=TODAY)
    assert s.state is CertificationState.REVOKED and s.since == date(2026, 3, 2) and "drifted" in s.message()
    later = record("d", date(2026, 7, 1), date(2027, 6, 30))
    s = certification_status([later], user_id="u1", rubric_id="RUB-X", today=TODAY)
    assert s.state is CertificationState.NOT_YET and s.since == date(2026, 7, 1)
    # another user's or another rubric's certification never counts
    assert not certification_status([cur], user_id="u2", rubric_id="RUB-X", today=TODAY).current
    assert not certification_status([cur], user_id="u1", rubric_id="RUB-Y", today=TODAY).current
    # re-certified after a revocation: current again; the most recent ending explains a lapse
    assert certification_status([gone, record("e", date(2026, 4, 1), date(2027, 3, 31))], user_id="u1",
                                rubric_id="RUB-X", today=TODAY).certification_id == "e"
    s = certification_status([gone, old], user_id="u1", rubric_id="RUB-X", today=TODAY)
    assert s.state is CertificationState.EXPIRED and s.certification_id == "b"


@given(st.lists(st.tuples(st.integers(-400, 400), st.integers(0, 800), st.none() | st.integers(0, 800)),
                max_size=6))
def test_status_is_current_exactly_when_some_certification_covers_today(spec) -> None:
    records = []
    for i, (start, length, revoke_after) in enumerate(spec):
        granted = TODAY + timedelta(days=start)
        revoked = granted + timedelta(days=revoke_after) if revoke_after is not None else None
        records.append(record(str(i), granted, granted + timedelta(days=length), revoked=revoked))
    status = certification_status(records, user_id="u1", rubric_id="RUB-X", today=TODAY)
    assert status.current == any(r.current_on(TODAY) for r in records)
    if not status.current and status.state in (CertificationState.EXPIRED, CertificationState.REVOKED):
        assert status.since is not None and status.since <= TODAY


def test_rubric_id_ignores_the_version() -> None:
    assert rubric_id_of("RUB-FORKLIFT@2") == rubric_id_of("RUB-FORKLIFT") == "RUB-FORKLIFT"


def obs(n: int, exact: int, criteria: int = 4) -> DriftObservation:
    return DriftObservation(f"a{n}", f"2026-05-{n + 1:02d}T10:00:00.000Z", criteria, exact, criteria)


def test_drift_window_takes_the_latest_attempts_and_needs_enough_of_them() -> None:
    policy = DriftPolicy(window=3, min_attempts=2)
    early_bad = [obs(1, 0), obs(2, 0)]
    recent_good = [obs(5, 4), obs(6, 4), obs(7, 3)]
    r = drift_reading(early_bad + recent_good, policy, n_levels=4)
    assert r.attempts == 3 and r.attempt_ids == ("a5", "a6", "a7") and not r.crossed
    assert r.exact == pytest.approx(11 / 12)
    r = drift_reading([obs(1, 4), obs(2, 1), obs(3, 2)], policy, n_levels=4)  # 7/12 = 58% < 75%
    assert r.crossed and "below the 75% expected" in r.summary()
    assert not drift_reading([obs(1, 0)], policy, n_levels=4).crossed  # one attempt is not enough to judge
    empty = drift_reading([], policy, n_levels=4)
    assert empty.exact is None and not empty.crossed and empty.summary() == "no second-marked attempts yet"
