"""Running an attempt: start, pause and resume with reasons, end, void; incidents and presence flags on its timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.clock import parse_iso
from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.users import User
from assessdesk.services import attempts
from assessdesk.services.authz import requires
from assessdesk.services.checkin import consent_of
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage.events import attempt_events

DEFAULT_INCIDENT_CODES = {
    "unauthorised_material": "Unauthorised material",
    "left_room": "Candidate left the room",
    "equipment_failure": "Equipment failure",
    "assessor_intervention": "Assessor intervention",
    "safety_stop": "Safety stop",
    "camera_lost": "Camera lost",
    "identity_doubt": "Identity doubt at re-check",
    "other": "Other",
}


def incident_codes(ctx: StationContext) -> dict[str, str]:
    """The station's configurable list of incident reason codes."""
    return dict(ctx.settings().get("incident_codes") or DEFAULT_INCIDENT_CODES)


@requires("attempt.run")
def start(ctx: StationContext, *, actor: User, attempt_id: str, needs_video: bool = True) -> AttemptState:
    consent = consent_of(ctx, attempt_id)
    if needs_video and (consent is None or not consent.recording):
        raise InvalidInput("This assessment needs a video recording and the candidate has not consented to it, "
                           "so it cannot start.", where="start",
                           hint="Ask again, or void the attempt with the reason 'no recording consent'.")
    return attempts.transition(ctx, actor=actor, attempt_id=attempt_id, event_type="attempt.started")


@requires("attempt.run")
def pause(ctx: StationContext, *, actor: User, attempt_id: str, reason: str) -> AttemptState:
    return attempts.transition(ctx, actor=actor, attempt_id=attempt_id, event_type="attempt.paused",
                               payload={"reason": reason})


@requires("attempt.run")
def resume(ctx: StationContext, *, actor: User, attempt_id: str) -> AttemptState:
    return attempts.transition(ctx, actor=actor, attempt_id=attempt_id, event_type="attempt.resumed")


@requires("attempt.run")
def end(ctx: StationContext, *, actor: User, attempt_id: str) -> AttemptState:
    return attempts.transition(ctx, actor=actor, attempt_id=attempt_id, event_type="attempt.ended")


@requires("attempt.void")
def void(ctx: StationContext, *, actor: User, attempt_id: str, reason: str) -> AttemptState:
    return attempts.transition(ctx, actor=actor, attempt_id=attempt_id, event_type="attempt.voided",
                               payload={"reason": reason})


@requires("incident.log")
def log_incident(ctx: StationContext, *, actor: User, attempt_id: str, code: str, note: str = "",
                 video_time_s: float | None = None) -> AuthoredEvent:
    codes = incident_codes(ctx)
    if code not in codes:
        raise InvalidInput(f"unknown incident code (known: {', '.join(codes)})", where=f"incident '{code}'")
    if code == "other" and not note.strip():
        raise InvalidInput("describe what happened", where="incident note")
    clock = run_clock(ctx, attempt_id)
    with ctx.uow(actor.id) as uow:
        return uow.record(entity_type="attempt", entity_id=attempt_id, event_type="incident.logged",
                          payload={"code": code, "label": codes[code], "note": note.strip(),
                                   "elapsed_s": round(clock.elapsed_s, 1), "video_time_s": video_time_s})


def record_presence_flag(ctx: StationContext, *, actor: User, attempt_id: str, kind: str, started_s: float,
                         ended_s: float | None, faces: int) -> AuthoredEvent:
    """Store a presence flag for review; it never ends the attempt. (Raised by the monitor, not a user action.)"""
    with ctx.uow(actor.id) as uow:
        return uow.record(entity_type="attempt", entity_id=attempt_id, event_type="presence.flagged",
                          payload={"kind": kind, "started_s": round(started_s, 1),
                                   "ended_s": None if ended_s is None else round(ended_s, 1), "faces": faces})


@dataclass(frozen=True)
class RunClock:
    """Elapsed assessment time (pauses excluded) and the time allowed."""

    elapsed_s: float
    allowed_s: float | None
    running: bool
    extra_minutes: int

    @property
    def remaining_s(self) -> float | None:
        return None if self.allowed_s is None else self.allowed_s - self.elapsed_s


def run_clock(ctx: StationContext, attempt_id: str, *, time_limit_minutes: float | None = None) -> RunClock:
    with ctx.db.session() as s:
        events = attempt_events(s, attempt_id)
    now = ctx.clock.now()
    elapsed, since, extra = 0.0, None, 0
    for e in events:
        at = parse_iso(e.occurred_at)
        if e.event_type == "attempt.checked_in":
            extra = int(e.payload.get("accommodations", {}).get("extra_minutes", 0))
        elif e.event_type in ("attempt.started", "attempt.resumed"):
            since = at
        elif e.event_type in ("attempt.paused", "attempt.ended", "attempt.voided") and since is not None:
            elapsed += (at - since).total_seconds()
            since = None
    running = since is not None
    if running:
        elapsed += (now - since).total_seconds()
    allowed = None if time_limit_minutes is None else timedelta(minutes=time_limit_minutes + extra).total_seconds()
    return RunClock(elapsed, allowed, running, extra)


def timeline(ctx: StationContext, attempt_id: str) -> list[AuthoredEvent]:
    """Everything that happened to the attempt, in order (for the attempt page, playback and the session report)."""
    with ctx.db.session() as s:
        schedule.get_attempt(s, attempt_id)
        return attempt_events(s, attempt_id)


@dataclass(frozen=True)
class RunRequirements:
    """What the pinned standards ask of a run: the time limit and whether video (and sound) must be recorded."""

    time_limit_minutes: float | None
    needs_video: bool
    needs_audio: bool
    validation_type: str


def run_requirements(ctx: StationContext, attempt_id: str) -> RunRequirements:
    from assessdesk.domain.validation_types import REQUIRED_EVIDENCE, EvidenceKind, ValidationType
    from assessdesk.services.standards.pinning import pin_attempt

    with ctx.db.session() as s, s.begin():
        pinned = pin_attempt(s, attempt_id)
    vtype = ValidationType(pinned.credential.validation_type)
    needed = REQUIRED_EVIDENCE[vtype]
    video = bool(needed & {EvidenceKind.SEALED_VIDEO, EvidenceKind.VIDEO_WITH_AUDIO})
    return RunRequirements(pinned.assessment.time_limit_minutes, video, EvidenceKind.VIDEO_WITH_AUDIO in needed,
                           vtype.value)
