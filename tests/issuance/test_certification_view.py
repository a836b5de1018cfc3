"""The approver sees each marker's certification by the calibration feature's rule: registry grants count,
revocations show with their reason, a station cannot forge a registry grant."""

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
