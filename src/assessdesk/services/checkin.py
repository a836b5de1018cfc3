"""Check-in: consent, live and ID photos as evidence, face comparison as an aid, and the proctor's decision."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.users import User
from assessdesk.services import attempts
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage.events import attempt_events

CONSENT_TEXT_VERSION = "consent-2026-01"  # the wording the proctor reads out; bump when it changes
PHOTO_KINDS = ("live_photo", "id_photo")
DECISIONS = ("verified", "not_verified", "verified_override")


@dataclass(frozen=True)
class Consent:
    recording: bool
    face_comparison: bool
    text_version: str
    recorded_by: str
    recorded_at: str


@requires("checkin.perform")
def check_in(ctx: StationContext, *, actor: User, attempt_id: str, extra_minutes: int = 0,
             accommodation_note: str = "") -> None:
    """Refuses a retake the policy forbids (saying why and from when); pins the standards versions in force today."""
    from assessdesk.services.scoring.outcomes import assert_retake_allowed
    from assessdesk.services.standards.pinning import pin_attempt

    if extra_minutes < 0 or extra_minutes > 240:
        raise InvalidInput("must be between 0 and 240 minutes", where="extra time")
    assert_retake_allowed(ctx, attempt_id=attempt_id)  # best effort offline; the registry flags what it finds later
    with ctx.db.write_session() as s, s.begin():
        pin_attempt(s, attempt_id)
    attempts.transition(ctx, actor=actor, attempt_id=attempt_id, event_type="attempt.checked_in",
                        payload={"accommodations": {"extra_minutes": extra_minutes, "note": accommodation_note}})


@requires("checkin.perform")
def record_consent(ctx: StationContext, *, actor: User, attempt_id: str, recording: bool,
                   face_comparison: bool) -> Consent:
    """Recorded before any capture: who asked, when, which text version, and both answers (a refusal too)."""
    with ctx.uow(actor.id) as uow:
        schedule.get_attempt(uow.session, attempt_id)
        ev = uow.record(entity_type="attempt", entity_id=attempt_id, event_type="identity.consent_recorded",
                        payload={"recording": recording, "face_comparison": face_comparison,
                                 "text_version": CONSENT_TEXT_VERSION})
    return Consent(recording, face_comparison, CONSENT_TEXT_VERSION, actor.id, ev.occurred_at)


def consent_of(ctx: StationContext, attempt_id: str) -> Consent | None:
    with ctx.db.session() as s:
        events = [e for e in attempt_events(s, attempt_id) if e.event_type == "identity.consent_recorded"]
    if not events:
        return None
    last = events[-1]
    return Consent(bool(last.payload["recording"]), bool(last.payload["face_comparison"]),
                   last.payload["text_version"], last.author_user or "", last.occurred_at)


@requires("checkin.perform")
def add_photo(ctx: StationContext, *, actor: User, attempt_id: str, kind: str, image_bytes: bytes) -> str:
    """Store a live or ID photo as evidence (content-addressed, encrypted) and link it to the attempt."""
    if kind not in PHOTO_KINDS:
        raise InvalidInput(f"unknown photo kind (use {', '.join(PHOTO_KINDS)})", where=kind)
    if consent_of(ctx, attempt_id) is None:
        raise InvalidInput("Record the candidate's consent before taking any photo.", where="photo")
    blob = ctx.evidence_store().put_bytes(image_bytes)
    with ctx.uow(actor.id) as uow:
        uow.record(entity_type="attempt", entity_id=attempt_id, event_type="evidence.photo_added",
                   payload={"kind": kind, "sha256": blob.sha256, "size": blob.size, "encrypted": blob.encrypted})
    return blob.sha256


def photos_of(ctx: StationContext, attempt_id: str) -> dict[str, str]:
    """kind -> sha256 of the newest photo of each kind, plus 'enrolled_photo' when the candidate has one."""
    with ctx.db.session() as s:
        out = {e.payload["kind"]: e.payload["sha256"] for e in attempt_events(s, attempt_id)
               if e.event_type == "evidence.photo_added"}
        attempt = schedule.get_attempt(s, attempt_id)
        enrolled = schedule.enrolled_photo(s, attempt.candidate.id)
    if enrolled:
        out["enrolled_photo"] = enrolled
    return out


@requires("identity.decide")
def decide_identity(ctx: StationContext, *, actor: User, attempt_id: str, decision: str,
                    override_reason: str = "", comparison: dict[str, Any] | None = None) -> str:
    """The proctor decides; the face score (if any) is recorded with the decision as the aid it was."""
    if decision not in DECISIONS:
        raise InvalidInput(f"must be one of {', '.join(DECISIONS)}", where="identity decision")
    if decision == "verified_override" and not override_reason.strip():
        raise InvalidInput("explain why you verify the identity despite the check", where="override reason")
    consent = consent_of(ctx, attempt_id)
    if consent is None:
        raise InvalidInput("Record the candidate's consent first.", where="identity decision")
    if comparison and not consent.face_comparison:
        raise InvalidInput("The candidate refused face comparison; decide from the ID document alone.",
                           where="identity decision")
    payload = {"decision": decision, "override_reason": override_reason.strip(), "photos": photos_of(ctx, attempt_id),
               "comparison": comparison, "method": "manual" if not comparison else comparison.get("method")}
    event = "identity.failed" if decision == "not_verified" else "identity.verified"
    attempts.transition(ctx, actor=actor, attempt_id=attempt_id, event_type=event, payload=payload)
    return event


def compare_faces(ctx: StationContext, photos: dict[str, str]) -> dict[str, Any]:
    """Compare the live photo with the enrolled photo and/or the ID photo (io lane: decrypts and runs the matcher).

    `photos` is what `photos_of` returned (read on the db lane). The result is stored with the decision.
    """
    from assessdesk.services.identity import compare_photos
    from assessdesk.services.preview import decode

    if "live_photo" not in photos:
        raise InvalidInput("Take the live photo first.", where="face comparison")
    references = [k for k in ("enrolled_photo", "id_photo") if k in photos]
    if not references:
        raise InvalidInput("Photograph the ID document (or enrol a photo) to compare against.",
                           where="face comparison")
    store = ctx.evidence_store()
    live = decode(store.read_bytes(photos["live_photo"]))
    results = []
    for ref in references:
        c = compare_photos(live, decode(store.read_bytes(photos[ref])))
        results.append({"reference": ref, "similarity": c.similarity, "distance": c.distance, "match": c.match,
                        "note": c.note, "faces_live": len(c.photo_a.faces), "faces_reference": len(c.photo_b.faces),
                        "warnings_live": [w.message for w in c.photo_a.warnings],
                        "warnings_reference": [w.message for w in c.photo_b.warnings],
                        "method": c.method, "fallback": c.fallback, "threshold": c.threshold})
    first = results[0]
    return {"method": first["method"], "fallback": first["fallback"], "threshold": first["threshold"],
            "comparisons": results}


@requires("identity.decide")
def recheck_identity(ctx: StationContext, *, actor: User, attempt_id: str, image_bytes: bytes, same_person: bool,
                     comparison: dict[str, Any] | None = None, note: str = "") -> None:
    """After a break: a fresh live photo, compared as at check-in (if consented), and the proctor's confirmation.

    Not the same person is logged as an incident too, so it is on the timeline for review."""
    consent = consent_of(ctx, attempt_id)
    if consent is None:
        raise InvalidInput("This attempt has no consent record.", where="identity re-check")
    if comparison and not consent.face_comparison:
        raise InvalidInput("The candidate refused face comparison; confirm from the ID document alone.",
                           where="identity re-check")
    if not same_person and not note.strip():
        raise InvalidInput("say what you saw", where="identity re-check note")
    blob = ctx.evidence_store().put_bytes(image_bytes)
    with ctx.uow(actor.id) as uow:
        uow.record(entity_type="attempt", entity_id=attempt_id, event_type="evidence.photo_added",
                   payload={"kind": "recheck_photo", "sha256": blob.sha256, "size": blob.size,
                            "encrypted": blob.encrypted})
        uow.record(entity_type="attempt", entity_id=attempt_id, event_type="identity.rechecked",
                   payload={"same_person": same_person, "photo_sha256": blob.sha256, "comparison": comparison,
                            "note": note.strip()})
        if not same_person:
            uow.record(entity_type="attempt", entity_id=attempt_id, event_type="incident.logged",
                       payload={"code": "identity_doubt", "label": "Identity doubt at re-check", "note": note.strip(),
                                "elapsed_s": None, "video_time_s": None})


def compare_recheck(ctx: StationContext, photos: dict[str, str], image_bytes: bytes) -> dict[str, Any]:
    """Compare a re-check frame with the enrolled, ID or check-in photo (io lane)."""
    from assessdesk.services.identity import compare_photos
    from assessdesk.services.preview import decode

    ref = next((k for k in ("enrolled_photo", "id_photo", "live_photo") if k in photos), None)
    if ref is None:  # nothing to compare with: the proctor judges from the ID document, as on a refusal
        return {"reference": None, "similarity": None, "distance": None, "match": False, "method": "manual",
                "fallback": False, "threshold": None,
                "note": "there is no earlier photo of this candidate; compare with the ID document yourself"}
    c = compare_photos(decode(image_bytes), decode(ctx.evidence_store().read_bytes(photos[ref])))
    return {"reference": ref, "similarity": c.similarity, "distance": c.distance, "match": c.match,
            "method": c.method, "fallback": c.fallback, "threshold": c.threshold, "note": c.note}
