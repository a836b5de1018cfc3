"""Who may sign off what: the permission matrix, every separation-of-duties negative, and the blocks on sign-off
(evidence that does not verify, missing e-mail, decided attempts, exhausted status indexes)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from issuance_support import PASSING_LEVELS, pending_attempt, score, sealed_segments

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import DomainError, InvalidInput, PermissionDenied, SeparationOfDuties
from assessdesk.domain.ids import new_id
from assessdesk.domain.roles import ACTIONS, Role
from assessdesk.domain.users import User
from assessdesk.services.issuance import approval, issuer, records, settings
from assessdesk.storage import schedule
from assessdesk.storage.events import attempt_events
from assessdesk.trust.errors import StatusIndexesExhausted


def person(*roles: str, name: str = "Someone") -> User:
    """A user with exactly these roles (the guards read roles from the user object, as the services receive it)."""
    return User(new_id(), name.lower().replace(" ", ""), name, frozenset(Role(r) for r in roles))


# (use-case, keyword arguments that fail *after* the permission check when the role is allowed; None: the allowed
# call would change the shared station, so only the refusal is exercised here and the success path elsewhere).
CASES = [
    (approval.approval_queue, {}),
    (approval.review, {"attempt_id": "no-such-attempt"}),
    (approval.approve, {"attempt_id": "no-such-attempt"}),
    (approval.reject, {"attempt_id": "no-such-attempt", "reason": "x"}),
    (records.list_credentials, {}),
    (records.get_credential, {"credential_id": "urn:uuid:none"}),
    (records.export_credential, {"credential_id": "urn:uuid:none"}),
    (records.verify_issued, {"credential_id": "urn:uuid:none"}),
    (records.revoke, {"credential_id": "urn:uuid:none", "reason": "x"}),
    (issuer.create_issuer, {"name": "Again", "base_url": "http://127.0.0.1:8765/"}),
    (issuer.rotate_key, None),
    (issuer.export_key, {"path": "/nonexistent-dir/key.json", "passphrase": "short"}),
    (issuer.install_key, {"path": "/nonexistent-dir/key.json", "passphrase": "x" * 12}),
]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize(("use_case", "kwargs"), CASES, ids=[c[0].__name__ for c in CASES])
def test_permission_matrix(ctx, role: Role, use_case, kwargs) -> None:
    action = use_case.required_action
    actor = person(role.value)
    if role not in ACTIONS[action]:
        with pytest.raises(PermissionDenied, match=action):
            use_case(ctx, actor=actor, **(kwargs or {}))
        with pytest.raises(PermissionDenied):  # a deactivated user is refused whatever the roles
            use_case(ctx, actor=replace(person(*[r.value for r in ACTIONS[action]]), active=False),
                     **(kwargs or {}))
    elif kwargs is not None:
        try:
            use_case(ctx, actor=actor, **kwargs)
        except PermissionDenied:  # pragma: no cover - the assertion below explains
            pytest.fail(f"{role.value} may take '{action}' but was refused")
        except DomainError:
            pass  # refused for the bad input, after the permission check: what this row exercises


@pytest.mark.parametrize("part", ["proctored", "assessed", "moderated"])
def test_an_approver_who_took_part_can_neither_approve_nor_reject(ctx, people, part: str) -> None:
    dual = {"proctored": person("proctor", "approver", name="Pat Both"),
            "assessed": person("assessor", "approver", name="Ash Both"),
            "moderated": person("lead_assessor", "assessor", "approver", name="Mo Both")}[part]
    kwargs = {"proctored": {"proctor": dual}, "assessed": {"assessor": dual},
              "moderated": {"second": person("assessor", name="Second Marker"), "moderator": dual}}[part]
    attempt_id = pending_attempt(ctx, people, **kwargs)

    review = approval.review(ctx, actor=dual, attempt_id=attempt_id)
    assert review.blockers == () and not review.can_approve and not review.can_reject
    assert f"You {part} this attempt" in review.duty_conflict
    queued = {e.attempt_id: e for e in approval.approval_queue(ctx, actor=dual)}
    assert queued[attempt_id].took_part == f"you {part} it"
    with pytest.raises(SeparationOfDuties, match=f"You {part} this attempt"):
        approval.approve(ctx, actor=dual, attempt_id=attempt_id)
    with pytest.raises(SeparationOfDuties, match=f"You {part} this attempt"):
        approval.reject(ctx, actor=dual, attempt_id=attempt_id, reason="conflict of interest test")
    with ctx.db.session() as s:
        assert schedule.get_attempt(s, attempt_id).state is AttemptState.PASSED  # nothing was recorded

    outsider = approval.review(ctx, actor=people.approver, attempt_id=attempt_id)
    assert outsider.can_approve and outsider.duty_conflict is None
    if part == "moderated":
        assert outsider.inputs.deciding_sheet.role == "moderation"
        assert dual.id in outsider.inputs.participants.moderators
    record = approval.approve(ctx, actor=people.approver, attempt_id=attempt_id)
    assert record.attempt_id == attempt_id


def test_sign_off_is_blocked_until_the_evidence_verifies(ctx, people) -> None:
    never_signed = pending_attempt(ctx, people, seal=False)
    review = approval.review(ctx, actor=people.approver, attempt_id=never_signed)
    assert not review.can_approve and any("never sealed" in b for b in review.blockers)
    with pytest.raises(approval.SignOffBlocked):
        approval.approve(ctx, actor=people.approver, attempt_id=never_signed)

    tampered = pending_attempt(ctx, people)
    segments = sealed_segments(ctx, tampered)
    store = ctx.evidence_store()
    path = store.path_of(segments[0])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    store.path_of(segments[1]).unlink()
    review = approval.review(ctx, actor=people.approver, attempt_id=tampered)
    problems = " ".join(review.inputs.evidence.problems)
    assert "was changed" in problems and "missing" in problems and not review.can_approve
    with pytest.raises(approval.SignOffBlocked, match="Evidence does NOT verify"):
        approval.approve(ctx, actor=people.approver, attempt_id=tampered)
    with ctx.db.session() as s:
        assert schedule.get_attempt(s, tampered).state is AttemptState.PASSED


def test_a_candidate_without_e_mail_blocks_issuance_with_a_reason(ctx, people) -> None:
    attempt_id = pending_attempt(ctx, people, email=None)
    with pytest.raises(approval.SignOffBlocked, match="no e-mail address"):
        approval.approve(ctx, actor=people.approver, attempt_id=attempt_id)


def test_reject_ends_the_attempt_or_returns_it_to_moderation(ctx, people) -> None:
    ended = pending_attempt(ctx, people)
    with pytest.raises(InvalidInput, match="reason"):
        approval.reject(ctx, actor=people.approver, attempt_id=ended, reason=" ")
    assert approval.reject(ctx, actor=people.approver, attempt_id=ended,
                           reason="the recording does not show the mast check") is AttemptState.REJECTED
    with ctx.db.session() as s:
        last = attempt_events(s, ended)[-1]
    assert last.event_type == "issuance.rejected" and last.payload["reason"].startswith("the recording")
    with pytest.raises(approval.SignOffBlocked, match="rejected"):
        approval.approve(ctx, actor=people.approver, attempt_id=ended)

    back = pending_attempt(ctx, people)
    assert approval.reject(ctx, actor=people.approver2, attempt_id=back, reason="scores need a second look",
                           back_to_moderation=True) is AttemptState.IN_MODERATION
    assert back not in {e.attempt_id for e in approval.approval_queue(ctx, actor=people.approver)}
    # Moderation then records a new agreed result, and the attempt returns to the queue.
    score(ctx, people.lead, back, PASSING_LEVELS, reason="re-checked against the recording")
    assert back in {e.attempt_id for e in approval.approval_queue(ctx, actor=people.approver)}


def test_exhausted_status_range_stops_issuance_and_records_nothing(ctx, people) -> None:
    first = approval.approve(ctx, actor=people.approver, attempt_id=pending_attempt(ctx, people))
    original = settings.load(ctx)
    attempt_id = pending_attempt(ctx, people)
    with ctx.uow(people.admin.id) as uow:  # this station's range: only the index already used
        settings.save(uow, settings.updated(original, status_index_start=first.status_index,
                                            status_index_end=first.status_index + 1))
    try:
        with pytest.raises(StatusIndexesExhausted):
            approval.approve(ctx, actor=people.approver, attempt_id=attempt_id)
        with ctx.db.session() as s:
            assert schedule.get_attempt(s, attempt_id).state is AttemptState.PASSED
        assert attempt_id not in {r.attempt_id for r in records.list_credentials(ctx, actor=people.admin)}
    finally:
        with ctx.uow(people.admin.id) as uow:
            settings.save(uow, original)


def test_evidence_check_refuses_a_manifest_signed_by_an_unknown_station(ctx) -> None:
    from assessdesk.services.issuance.evidence_check import check_sealed_evidence
    from assessdesk.trust.canonical import canonical_json
    from assessdesk.trust.keys import SigningKey
    from assessdesk.trust.manifest_proof import sign_manifest

    stranger = SigningKey.generate("urn:assessdesk:station:stranger#key-1")
    forged = sign_manifest({"id": "urn:uuid:forged", "segments": []}, stranger, created=ctx.clock.now())
    blob = ctx.evidence_store().put_bytes(canonical_json(forged))
    check = check_sealed_evidence(ctx, {"manifest_sha256": blob.sha256}, None)
    assert not check.verified and "not a station key" in check.summary
