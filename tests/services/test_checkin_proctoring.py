"""Roster, consent, photos, the proctor's identity decision, and running an attempt, on a real demo profile."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import InvalidInput, InvalidTransition, PermissionDenied
from assessdesk.services import checkin, proctoring, roster
from assessdesk.services.auth import sign_in
from assessdesk.services.station import open_profile
from assessdesk.storage import schedule


@pytest.fixture
def demo(demo_profile_dir: Path, tmp_path: Path):
    from assessdesk.services.audit_log import ANCHOR

    path = tmp_path / "demo"
    shutil.copytree(demo_profile_dir, path)
    ctx = open_profile(path)
    ctx.secrets.delete(ANCHOR)
    yield ctx
    ctx.close()


def _user(ctx, name: str):
    from assessdesk.services.demo_accounts import DEMO_USERS

    return sign_in(ctx, username=name, password=DEMO_USERS[name][2])


def _first_attempt(ctx, proctor):
    from assessdesk.services.home import day_overview

    return day_overview(ctx, actor=proctor).attempts[0]


def test_search_walk_in_and_csv_import(demo, tmp_path: Path) -> None:
    proctor = _user(demo, "proctor")
    assert [c.family_name for c in roster.find_candidates(demo, actor=proctor, text="nowak")] == ["Nowak"]
    assert roster.find_candidates(demo, actor=proctor, text="C-1003")[0].given_name == "Ayşe"
    assert roster.find_candidates(demo, actor=proctor, text="LUKASZ")[0].given_name == "Łukasz"
    assert roster.find_candidates(demo, actor=proctor, text="nguyen lan")[0].given_name == "Nguyễn"
    walk = roster.register_walk_in(demo, actor=proctor, given_name="Kofi", family_name="Mensah")
    assert walk.walk_in and walk.needs_review
    bad = tmp_path / "bad.csv"
    bad.write_text("external_id,given_name,family_name,email\nX1,Ana,,ana@x.org\nX1,Bo,Li,not-an-email\n"
                   "C-1001,Dup,Licate,\n")
    before = len(roster.find_candidates(demo, actor=proctor, text=""))
    report = roster.import_roster(demo, actor=proctor, path=bad)
    assert report.imported == 0 and len(report.errors) == 4
    assert "bad.csv, row 2, family_name" in report.errors[0]
    assert any("row 3, external_id: 'X1' appears twice" in e for e in report.errors)
    assert any("row 4, external_id: 'C-1001' is already on the roster" in e for e in report.errors)
    assert len(roster.find_candidates(demo, actor=proctor, text="")) == before, "a bad file imports nothing"
    good = tmp_path / "good.csv"
    good.write_text("external_id,given_name,family_name,email\nX1,Ana,Silva,ana@x.org\nX2,Bo,Li,\n")
    assert roster.import_roster(demo, actor=proctor, path=good).imported == 2
    with pytest.raises(PermissionDenied):
        roster.import_roster(demo, actor=_user(demo, "assessor"), path=good)


def test_consent_before_photos_and_refusal_paths(demo) -> None:
    proctor = _user(demo, "proctor")
    attempt = _first_attempt(demo, proctor)
    checkin.check_in(demo, actor=proctor, attempt_id=attempt.id, extra_minutes=15, accommodation_note="dyslexia")
    with pytest.raises(InvalidInput, match="consent"):
        checkin.add_photo(demo, actor=proctor, attempt_id=attempt.id, kind="live_photo", image_bytes=b"jpeg")
    checkin.record_consent(demo, actor=proctor, attempt_id=attempt.id, recording=False, face_comparison=False)
    sha = checkin.add_photo(demo, actor=proctor, attempt_id=attempt.id, kind="id_photo", image_bytes=b"id-jpeg")
    assert demo.evidence_store().read_bytes(sha) == b"id-jpeg"
    with pytest.raises(InvalidInput, match="refused face comparison"):
        checkin.decide_identity(demo, actor=proctor, attempt_id=attempt.id, decision="verified",
                                comparison={"method": "dlib", "similarity": 0.9})
    checkin.decide_identity(demo, actor=proctor, attempt_id=attempt.id, decision="verified")
    with pytest.raises(InvalidInput, match="needs a video recording"):
        proctoring.start(demo, actor=proctor, attempt_id=attempt.id)
    proctoring.void(demo, actor=proctor, attempt_id=attempt.id, reason="no recording consent")
    with demo.db.session() as s:
        assert schedule.get_attempt(s, attempt.id).state is AttemptState.VOIDED


def test_failed_identity_cannot_start(demo) -> None:
    proctor = _user(demo, "proctor")
    attempt = _first_attempt(demo, proctor)
    checkin.check_in(demo, actor=proctor, attempt_id=attempt.id)
    checkin.record_consent(demo, actor=proctor, attempt_id=attempt.id, recording=True, face_comparison=True)
    with pytest.raises(InvalidInput, match="explain"):
        checkin.decide_identity(demo, actor=proctor, attempt_id=attempt.id, decision="verified_override")
    checkin.decide_identity(demo, actor=proctor, attempt_id=attempt.id, decision="not_verified",
                            comparison={"method": "dlib-resnet", "similarity": 0.2, "threshold": 0.6})
    with pytest.raises(InvalidTransition, match="identity_failed"):
        proctoring.start(demo, actor=proctor, attempt_id=attempt.id)


def test_run_pause_incident_end_with_clock(demo, clock_free=None) -> None:
    proctor = _user(demo, "proctor")
    attempt = _first_attempt(demo, proctor)
    checkin.check_in(demo, actor=proctor, attempt_id=attempt.id, extra_minutes=10)
    checkin.record_consent(demo, actor=proctor, attempt_id=attempt.id, recording=True, face_comparison=True)
    checkin.decide_identity(demo, actor=proctor, attempt_id=attempt.id, decision="verified_override",
                            override_reason="new haircut; ID checked by hand")
    proctoring.start(demo, actor=proctor, attempt_id=attempt.id)
    with pytest.raises(InvalidInput, match="reason"):
        proctoring.pause(demo, actor=proctor, attempt_id=attempt.id, reason=" ")
    proctoring.pause(demo, actor=proctor, attempt_id=attempt.id, reason="fire alarm test")
    with pytest.raises(InvalidInput, match="unknown incident code"):
        proctoring.log_incident(demo, actor=proctor, attempt_id=attempt.id, code="aliens")
    proctoring.log_incident(demo, actor=proctor, attempt_id=attempt.id, code="safety_stop", note="alarm")
    proctoring.resume(demo, actor=proctor, attempt_id=attempt.id)
    clock = proctoring.run_clock(demo, attempt.id, time_limit_minutes=30)
    assert clock.running and clock.extra_minutes == 10 and clock.allowed_s == 40 * 60
    assert proctoring.end(demo, actor=proctor, attempt_id=attempt.id) is AttemptState.ENDED
    kinds = [e.event_type for e in proctoring.timeline(demo, attempt.id)]
    assert kinds.index("incident.logged") > kinds.index("attempt.paused")
    with pytest.raises(PermissionDenied):
        proctoring.log_incident(demo, actor=_user(demo, "approver"), attempt_id=attempt.id, code="other", note="x")


def test_check_in_pins_standards_and_refuses_a_forbidden_retake(demo) -> None:
    from assessdesk.domain.outcome import RetakeRefused
    from assessdesk.services import attempts
    from assessdesk.storage import standards as standards_repo

    proctor = _user(demo, "proctor")
    first = _first_attempt(demo, proctor)
    checkin.check_in(demo, actor=proctor, attempt_id=first.id)
    with demo.db.session() as s:
        assert standards_repo.get_pin(s, first.id) is not None, "check-in fixes the standards versions"
    # the candidate fails, and is scheduled again at once: the rubric's cool-down refuses the check-in
    again = attempts.schedule_attempt(demo, actor=proctor, sitting_id=first.sitting_id,
                                      candidate_id=first.candidate.id, credential_id=first.credential_id,
                                      rubric_ref=first.rubric_ref)
    outcome = {"sheet_id": "s1", "total": 3.0, "max_total": 10.0, "threshold": 7.0}  # as scoring records it
    for event in ("identity.verified", "attempt.started", "attempt.ended", "evidence.sealed", "outcome.failed"):
        attempts.transition(demo, actor=proctor, attempt_id=first.id, event_type=event,
                            payload=outcome if event == "outcome.failed" else {})
    with pytest.raises(RetakeRefused) as info:
        checkin.check_in(demo, actor=proctor, attempt_id=again)
    assert "retake" in str(info.value).lower()


def test_identity_recheck_after_a_break(demo) -> None:
    import cv2
    from skimage import data

    proctor = _user(demo, "proctor")
    attempt = _first_attempt(demo, proctor)
    face = cv2.imencode(".jpg", cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR))[1].tobytes()
    checkin.check_in(demo, actor=proctor, attempt_id=attempt.id)
    checkin.record_consent(demo, actor=proctor, attempt_id=attempt.id, recording=True, face_comparison=True)
    checkin.add_photo(demo, actor=proctor, attempt_id=attempt.id, kind="live_photo", image_bytes=face)
    checkin.decide_identity(demo, actor=proctor, attempt_id=attempt.id, decision="verified")
    comparison = checkin.compare_recheck(demo, checkin.photos_of(demo, attempt.id), face)
    assert comparison["reference"] == "live_photo" and comparison["match"]
    with pytest.raises(InvalidInput, match="say what you saw"):
        checkin.recheck_identity(demo, actor=proctor, attempt_id=attempt.id, image_bytes=face, same_person=False)
    checkin.recheck_identity(demo, actor=proctor, attempt_id=attempt.id, image_bytes=face, same_person=False,
                             comparison=comparison, note="different jacket and voice")
    kinds = [e.event_type for e in proctoring.timeline(demo, attempt.id)]
    assert kinds[-2:] == ["identity.rechecked", "incident.logged"]
