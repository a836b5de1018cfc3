"""What the approver's review reads from the other features: each marker's certification by the calibration rule
(registry grants count, revocations show with their reason, a station cannot forge a grant), and the evidence
present by scoring's evidence index over the verified manifest."""

from __future__ import annotations

from issuance_support import PASSWORD, certify, pending_attempt

from assessdesk.domain.ids import new_id
from assessdesk.services import users
from assessdesk.services.calibration import certification, records
from assessdesk.services.issuance import approval


def test_review_shows_the_certification_as_calibration_decides_it(ctx, people) -> None:
    marker = users.create_user(ctx, actor=people.admin, username=f"marker{new_id()[-6:]}",
                               display_name="Mira Marker", password=PASSWORD, roles=["assessor"])
    certify(ctx, marker)
    attempt_id = pending_attempt(ctx, people, assessor=marker)
    today = ctx.clock.now().date()
    [view] = approval.review(ctx, actor=people.approver, attempt_id=attempt_id).inputs.certifications
    assert (view.assessor_name, view.status) == ("Mira Marker", "current")
    assert view.detail == f"On {today}: Certified for RUB-FORKLIFT since {today}, valid until 2099-12-31."

    # a grant written by a station is not a registry grant, so it changes nothing
    with ctx.uow(marker.id) as uow:
        uow.record(entity_type="certification", entity_id=new_id(), event_type=records.REGISTRY_GRANTED,
                   payload={"user_id": marker.id, "rubric_ref": "RUB-FORKLIFT", "valid_until": "2199-12-31"})
    row = next(r for r in certification.certification_list(ctx, actor=people.lead)
               if r.user_id == marker.id and r.status.rubric_id == "RUB-FORKLIFT")
    assert row.status.valid_until.isoformat() == "2099-12-31"
    certification.revoke_certification(ctx, actor=people.lead, certification_id=row.status.certification_id,
                                       reason="scored from the wrong camera angle")
    [view] = approval.review(ctx, actor=people.approver, attempt_id=attempt_id).inputs.certifications
    assert view.status == "revoked"
    assert view.detail == (f"On {today}: The certification for RUB-FORKLIFT was revoked on {today}: scored from "
                           "the wrong camera angle.")


def test_sign_off_reads_the_evidence_with_scoring_s_index(ctx, people) -> None:
    """A role-play recorded without sound: even if a sheet got through (here the scoring station was told there was
    sound), the approver's review finds the sound track missing from the signed manifest and blocks sign-off."""
    from issuance_support import recorded_attempt, score

    from assessdesk.storage import station as station_repo

    with ctx.uow(people.admin.id) as uow:
        station_repo.update_settings(uow.session, {"second_marking_sample_rate": 0.0})
    certify(ctx, people.assessor, "RUB-CX-CALL")
    attempt_id = recorded_attempt(ctx, people.proctor, "CX-TROUBLESHOOT", "RUB-CX-CALL@1", sound=False)
    score(ctx, people.assessor, attempt_id, {"CX-1": 3, "CX-2": 3, "CX-3": 3, "CX-4": 3},
          evidence=lambda _attempt_id: {"video.sealed", "video.audio"})
    review = approval.review(ctx, actor=people.approver, attempt_id=attempt_id)
    assert review.inputs.evidence.verified
    assert review.inputs.missing_evidence == ("a recording of the performance with its sound track",)
    assert not review.can_approve
