"""Fixtures for evidence tests: a real station profile with a proctor and attempts ready to record."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assessdesk.domain.ids import new_id
from assessdesk.domain.schedule import Candidate, Sitting
from assessdesk.services import attempts, checkin, users
from assessdesk.storage import schedule

PROCTOR_PASSWORD = "proctor-pass-1"


@pytest.fixture
def proctor(station, admin):
    from assessdesk.services.auth import sign_in
    from assessdesk.services.standards.demo import import_demo_standards

    import_demo_standards(station, actor=admin)  # check-in pins the standards in force, so they must be there

    users.create_user(station, actor=admin, username="pat", display_name="Pat Proctor", password=PROCTOR_PASSWORD,
                      roles=["proctor"])
    users.create_user(station, actor=admin, username="ann", display_name="Ann Approver",
                      password="approver-pass-1", roles=["approver", "assessor"])
    return sign_in(station, username="pat", password=PROCTOR_PASSWORD)


@pytest.fixture
def approver(station, proctor):
    from assessdesk.services.auth import sign_in

    return sign_in(station, username="ann", password="approver-pass-1")


@pytest.fixture
def ready_attempt(station, proctor) -> Callable[..., str]:
    """ready_attempt(photo=True, credential=..., rubric=...) -> a new attempt, checked in, consented, identity
    verified (the forklift practical unless another credential of the demo standards is named)."""

    def make(*, photo: bool = True, candidate: str = "Kim Lee", credential: str = "LOG-FORKLIFT-PREUSE",
             rubric: str = "RUB-FORKLIFT@1") -> str:
        given, family = candidate.split(" ", 1)
        with station.uow(proctor.id) as uow:
            cand = schedule.add_candidate(uow.session, Candidate(new_id(), given, family))
            sitting = schedule.add_sitting(uow.session, Sitting(new_id(), "Forklift check", "Bay 3", "2026-01-05",
                                                                "09:00"))
        attempt_id = attempts.schedule_attempt(station, actor=proctor, sitting_id=sitting.id, candidate_id=cand.id,
                                               credential_id=credential, rubric_ref=rubric)
        checkin.check_in(station, actor=proctor, attempt_id=attempt_id)
        checkin.record_consent(station, actor=proctor, attempt_id=attempt_id, recording=True, face_comparison=True)
        if photo:
            checkin.add_photo(station, actor=proctor, attempt_id=attempt_id, kind="id_photo",
                              image_bytes=b"\xff\xd8\xff\xe0 a stand-in id photo")
        checkin.decide_identity(station, actor=proctor, attempt_id=attempt_id, decision="verified")
        return attempt_id

    return make
