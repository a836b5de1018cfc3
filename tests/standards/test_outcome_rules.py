"""Domain rules: pass rule with weights and critical criteria, checklists, peer points, second marking, retakes,
version pinning and the evidence each validation type requires."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from standards_support import demo_doc

from assessdesk.domain.errors import InvalidInput, NotFound
from assessdesk.domain.outcome import Outcome, PriorAttempt, check_retake, decide, remediation_plan
from assessdesk.domain.scoring import (
    PeerForm, ScoreSheet, SheetKind, SheetRole, check_peer_form, evaluate, peer_points,
)
from assessdesk.domain.second_marking import compare, sample_draw, second_marking_reason
from assessdesk.domain.standards import ItemKind, RetakePolicy, in_force, parse_ref
from assessdesk.domain.standards_parse import parse_package, rubric
from assessdesk.domain.validation_types import (
    REQUIRED_EVIDENCE, EvidenceMissing, ValidationType, check_evidence, missing_evidence,
)

PKG = parse_package(demo_doc())
ITEMS = {(i.kind, i.item.id): i.item for i in PKG.items}
FORKLIFT = ITEMS[(ItemKind.RUBRIC, "RUB-FORKLIFT")]
AUDIT = ITEMS[(ItemKind.CHECKLIST, "CHK-WH-AUDIT")]
XFN = ITEMS[(ItemKind.RUBRIC, "RUB-XFN-PROJECT")]


def sheet(assessment, levels: dict[str, int] | None = None, answers: dict[str, str] | None = None) -> ScoreSheet:
    kind = SheetKind.CHECKLIST if answers is not None else SheetKind.RUBRIC
    s = ScoreSheet("s1", "a1", "u1", SheetRole.FIRST, kind, assessment.ref, ())
    for cid, level in (levels or {}).items():
        s = s.with_score(cid, level=level)
    for iid, answer in (answers or {}).items():
        s = s.with_score(iid, answer=answer)
    return s


def all_at(level: int, **overrides: int) -> dict[str, int]:
    return {c.id: overrides.get(c.id.replace("-", "_"), level) for c in FORKLIFT.criteria}


def test_forklift_weights_and_maximum() -> None:
    assert FORKLIFT.max_total == 24 and FORKLIFT.min_total == 16
    ev = evaluate(FORKLIFT, sheet(FORKLIFT, all_at(2)))
    assert ev.total == 16 and ev.passed and decide(ev) is Outcome.PASSED  # weights 2,2,1,1,1,1 x 2 points


def test_a_critical_criterion_below_its_minimum_fails_whatever_the_total() -> None:
    ev = evaluate(FORKLIFT, sheet(FORKLIFT, all_at(3, FL_6=1)))  # 22 of 24 points, but the seat belt was late
    assert ev.total == 22 and ev.critical_failures == ("FL-6",) and not ev.passed
    plan = remediation_plan(ev)
    assert plan[0].criterion_id == "FL-6" and plan[0].critical and "three points of contact" in plan[0].action


def test_below_threshold_fails_and_plan_lists_criteria_below_their_level_critical_first() -> None:
    ev = evaluate(FORKLIFT, sheet(FORKLIFT, all_at(2, FL_3=1, FL_4=0, FL_1=1)))
    assert not ev.passed and decide(ev) is Outcome.FAILED
    assert [r.criterion_id for r in remediation_plan(ev)] == ["FL-1", "FL-3", "FL-4"]


def test_an_incomplete_sheet_never_passes() -> None:
    levels = all_at(3)
    levels.pop("FL-5")
    ev = evaluate(FORKLIFT, sheet(FORKLIFT, levels))
    assert not ev.complete and ev.unscored == ("FL-5",) and not ev.passed


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=6, max_size=6))
def test_pass_rule_matches_its_definition(levels: list[int]) -> None:
    chosen = {c.id: lv for c, lv in zip(FORKLIFT.criteria, levels, strict=True)}
    ev = evaluate(FORKLIFT, sheet(FORKLIFT, chosen))
    total = sum(c.level(chosen[c.id]).points * c.weight for c in FORKLIFT.criteria)
    critical_ok = all(chosen[c.id] >= c.min_level for c in FORKLIFT.criteria if c.critical)
    assert ev.total == pytest.approx(total)
    assert ev.passed is (total >= 16 and critical_ok)
    # Raising any one level never turns a pass into a fail (the rule is monotone).
    for c in FORKLIFT.criteria:
        if chosen[c.id] < 3 and ev.passed:
            assert evaluate(FORKLIFT, sheet(FORKLIFT, {**chosen, c.id: chosen[c.id] + 1})).passed


def test_unknown_level_is_refused() -> None:
    with pytest.raises(InvalidInput, match="no level 7"):
        evaluate(FORKLIFT, sheet(FORKLIFT, {"FL-1": 7}))


def test_checklist_needs_every_critical_item_and_the_share() -> None:
    yes = {i.id: "yes" for i in AUDIT.items}
    assert evaluate(AUDIT, sheet(AUDIT, answers=yes)).passed
    one_no = {**yes, "A-05": "no"}  # 7 of 8 = 87.5% >= 80%
    assert evaluate(AUDIT, sheet(AUDIT, answers=one_no)).passed
    two_no = {**one_no, "A-03": "no"}  # 6 of 8 = 75%
    assert not evaluate(AUDIT, sheet(AUDIT, answers=two_no)).passed
    critical_no = {**yes, "A-01": "no"}
    ev = evaluate(AUDIT, sheet(AUDIT, answers=critical_no))
    assert not ev.passed and ev.critical_failures == ("A-01",)
    with pytest.raises(InvalidInput, match="yes or no"):
        sheet(AUDIT, answers={"A-01": "maybe"})


def test_submitted_sheet_is_locked() -> None:
    s = replace(sheet(FORKLIFT, all_at(2)), submitted_at="2026-01-05T09:00:00.000Z")
    with pytest.raises(InvalidInput, match="locked"):
        s.with_score("FL-1", level=3)


def test_peer_points_need_enough_other_raters_and_ignore_self_scores() -> None:
    comp = XFN.peer
    assert comp is not None and comp.min_peers == 2 and comp.weight_points == 10

    def form(rater: str, p1: int, p2: int) -> PeerForm:
        return PeerForm(f"f-{rater}", "a1", rater, "me", {"P-1": p1, "P-2": p2})

    assert peer_points(comp, [form("x", 5, 5)]) is None
    assert peer_points(comp, [form("x", 5, 5), PeerForm("f", "a1", "me", "me", {"P-1": 5, "P-2": 5})]) is None
    assert peer_points(comp, [form("x", 5, 5), form("y", 3, 3)]) == pytest.approx(8.0)  # mean 4 of 5 x 10
    assert peer_points(comp, [form("x", 1, 1), form("y", 3, 3), form("x", 5, 5)]) == pytest.approx(8.0)  # latest
    with pytest.raises(InvalidInput, match="from 1 to 5"):
        check_peer_form(comp, form("x", 6, 1))
    with pytest.raises(InvalidInput, match="themselves"):
        check_peer_form(comp, PeerForm("f", "a", "me", "me", {"P-1": 1, "P-2": 1}))
    ev = evaluate(XFN, sheet(XFN, {"XF-1": 2, "XF-2": 2}), peer_points=8.0)
    assert ev.total == 16 and ev.max_total == 22 and ev.passed


def test_second_marking_borderline_and_sampled() -> None:
    policy = FORKLIFT.second_marking  # band 2, tolerance 3, sample 20%
    border = evaluate(FORKLIFT, sheet(FORKLIFT, all_at(2, FL_3=0)))  # 14: within 2 of 16
    assert second_marking_reason(policy, border, attempt_id="x", sample_rate=0) == "borderline"
    clear = evaluate(FORKLIFT, sheet(FORKLIFT, all_at(3)))
    assert second_marking_reason(policy, clear, attempt_id="x", sample_rate=0) is None
    assert second_marking_reason(policy, clear, attempt_id="x", sample_rate=1) == "sampled"
    draws = [sample_draw(f"attempt-{i}") for i in range(2000)]
    assert all(0 <= d < 1 for d in draws) and 0.17 < sum(d < 0.2 for d in draws) / 2000 < 0.23
    assert sample_draw("same") == sample_draw("same")


def test_disagreement_beyond_tolerance_outcome_or_critical() -> None:
    a = evaluate(FORKLIFT, sheet(FORKLIFT, all_at(3)))  # 24
    b = evaluate(FORKLIFT, sheet(FORKLIFT, all_at(3, FL_3=1, FL_4=2)))  # 21: 3 apart, both pass
    assert not compare(a, b, tolerance=3).beyond_tolerance
    c = evaluate(FORKLIFT, sheet(FORKLIFT, all_at(3, FL_3=0, FL_4=1)))  # 19: 5 apart
    assert compare(a, c, tolerance=3).beyond_tolerance
    d = evaluate(FORKLIFT, sheet(FORKLIFT, all_at(3, FL_2=1)))  # critical FL-2 missed
    cmp = compare(a, d, tolerance=3)
    assert cmp.beyond_tolerance and cmp.critical_differs == ("FL-2",) and cmp.outcome_differs


POLICY = RetakePolicy(cooldown_days=7, max_attempts=3)
D0 = date(2026, 1, 5)


def test_retake_cooldown_and_maximum() -> None:
    failed = [PriorAttempt("a1", D0, "failed")]
    early = check_retake(POLICY, failed, on=D0 + timedelta(days=6))
    assert not early.allowed and early.earliest == D0 + timedelta(days=7) and "cool-down is 7 days" in early.reason
    assert check_retake(POLICY, failed, on=D0 + timedelta(days=7)).allowed
    three = [PriorAttempt(f"a{i}", D0 + timedelta(days=10 * i), "failed") for i in range(3)]
    done = check_retake(POLICY, three, on=D0 + timedelta(days=100))
    assert not done.allowed and done.earliest is None and done.attempts_used == 3
    voided = [*three[:2], PriorAttempt("v", D0, "failed", voided=True)]
    assert check_retake(POLICY, voided, on=D0 + timedelta(days=100)).allowed


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.sampled_from(["failed", "passed", None]), st.booleans()),
                max_size=6), st.integers(0, 90), st.integers(0, 30), st.one_of(st.none(), st.integers(1, 4)))
def test_retake_decision_matches_its_definition(history, day: int, cooldown: int, limit) -> None:
    policy = RetakePolicy(cooldown, limit)
    prior = [PriorAttempt(f"a{i}", D0 + timedelta(days=d), o, v) for i, (d, o, v) in enumerate(history)]
    decision = check_retake(policy, prior, on=D0 + timedelta(days=day))
    fails = sorted(D0 + timedelta(days=d) for d, o, v in history if o == "failed" and not v)
    expected = not ((limit is not None and len(fails) >= limit)
                    or (fails and D0 + timedelta(days=day) < fails[-1] + timedelta(days=cooldown)))
    assert decision.allowed is expected
    if not decision.allowed and decision.earliest is not None:
        assert check_retake(policy, prior, on=decision.earliest).allowed


def test_version_in_force_is_the_highest_covering_the_date() -> None:
    raw = next(r for r in demo_doc()["rubrics"] if r["id"] == "RUB-FORKLIFT")
    v1 = rubric({**raw, "effective_to": "2026-02-28"})
    v2 = rubric({**raw, "version": 2, "effective_from": "2026-02-01"})
    assert in_force([v1, v2], date(2026, 1, 15)) is v1
    assert in_force([v1, v2], date(2026, 2, 15)) is v2  # overlap: the newer version takes over from its date
    assert in_force([v2, v1], date(2026, 3, 1)) is v2
    with pytest.raises(NotFound, match="in force on 2024-12-31"):
        in_force([v1, v2], date(2024, 12, 31))
    assert parse_ref("RUB-FORKLIFT@2") == ("RUB-FORKLIFT", 2) and parse_ref("RUB-FORKLIFT") == ("RUB-FORKLIFT", None)
    with pytest.raises(InvalidInput):
        parse_ref("RUB@x")


@pytest.mark.parametrize("vtype", list(ValidationType))
def test_each_validation_type_blocks_until_its_evidence_exists(vtype: ValidationType) -> None:
    required = REQUIRED_EVIDENCE[vtype]
    with pytest.raises(EvidenceMissing) as info:
        check_evidence(vtype, set())
    assert set(info.value.missing) == set(required) and "Missing:" in info.value.message
    check_evidence(vtype, {k.value for k in required})
    for k in required:
        partial = {x.value for x in required if x != k}
        if k.value == "video.sealed" and "video.audio" in partial:
            continue
        assert missing_evidence(vtype, partial) == [k]


def test_role_play_needs_sound_not_just_any_video() -> None:
    assert missing_evidence("role_play", {"video.sealed"}) == ["video.audio"]
    assert missing_evidence("proctored_practical", {"video.audio", "signoff.assessor"}) == []
    assert missing_evidence("scenario_audit", {"checklist.completed"}, declared=["video.sealed"]) == ["video.sealed"]
