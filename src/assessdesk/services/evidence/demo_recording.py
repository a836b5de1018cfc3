"""The demo profile's finished attempt: checked in, recorded from the sample clip (read as fast as it decodes, timed
as if live), one incident, a pause, a presence flag for the candidate's absence, and sealed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import cv2

from assessdesk.domain.ids import new_id
from assessdesk.domain.schedule import Sitting
from assessdesk.services import attempts as attempt_service
from assessdesk.services import checkin
from assessdesk.services.capture.filesource import VideoFileSource
from assessdesk.services.evidence.sealing import SealedEvidence
from assessdesk.services.evidence.session import AttemptRecording, RecordingOptions
from assessdesk.services.standards.pinning import pin_attempt
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage import users as users_repo
from assessdesk.trust.resources import resource_path

# A 3 s absence in the clip: flag it after 2 s so the demo timeline shows a presence flag.
DEMO_ABSENCE_SECONDS = 2.0
DEMO_CREDENTIAL, DEMO_RUBRIC = "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1"


def sample_clip() -> Path:
    return Path(resource_path("demo", "sample_clip.mp4"))


def add_recorded_attempt(ctx: StationContext, *, candidate_id: str, on: date,
                         credential_id: str = DEMO_CREDENTIAL, rubric_ref: str = DEMO_RUBRIC) -> SealedEvidence:
    """A sitting the day before `on` with one attempt, recorded from the sample clip and sealed."""
    with ctx.db.session() as s:
        proctor = users_repo.by_username(s, "proctor")[0]  # type: ignore[index]
    with ctx.uow(proctor.id) as uow:
        sitting = schedule.add_sitting(uow.session, Sitting(new_id(), "Forklift pre-use inspection (recorded)",
                                                            "Riverside warehouse, bay 3",
                                                            (on - timedelta(days=1)).isoformat(), "15:00"))
    attempt_id = attempt_service.schedule_attempt(ctx, actor=proctor, sitting_id=sitting.id,
                                                  candidate_id=candidate_id, credential_id=credential_id,
                                                  rubric_ref=rubric_ref)
    with ctx.uow(proctor.id) as uow:
        pin_attempt(uow.session, attempt_id)  # the standards versions in force, as every attempt has
    return record_demo_attempt(ctx, attempt_id=attempt_id)


def record_demo_attempt(ctx: StationContext, *, attempt_id: str, clip: Path | None = None) -> SealedEvidence:
    """Run one attempt end to end from the sample clip and seal it (a few seconds: the clip is not paced)."""
    from assessdesk.services.identity import PresenceSettings

    clip = clip or sample_clip()
    with ctx.db.session() as s:
        proctor = users_repo.by_username(s, "proctor")[0]  # type: ignore[index]
    checkin.check_in(ctx, actor=proctor, attempt_id=attempt_id)
    checkin.record_consent(ctx, actor=proctor, attempt_id=attempt_id, recording=True, face_comparison=True)
    still = _first_frame(clip)
    if still is not None:
        checkin.add_photo(ctx, actor=proctor, attempt_id=attempt_id, kind="live_photo", image_bytes=still)
    checkin.decide_identity(ctx, actor=proctor, attempt_id=attempt_id, decision="verified")
    source = VideoFileSource(clip, loop=False, paced=False)
    options = RecordingOptions(segment_seconds=4.0, simulated_time=True, presence_every_nth=3,
                               presence_settings=PresenceSettings(absence_seconds=DEMO_ABSENCE_SECONDS))
    recording = AttemptRecording(ctx, actor=proctor, attempt_id=attempt_id, source=source, options=options)
    recording.start()
    # Markers land at the video time reached when they are made; waiting on frames keeps them inside the clip.
    _wait_for(recording, 4.0)
    recording.log_incident("assessor_intervention", "Assessor reminded the candidate to wear gloves.")
    _wait_for(recording, 6.0)
    recording.pause("Fire alarm test")
    _wait_for(recording, 7.0)
    recording.resume()
    recording.source_ended.wait(120)
    return recording.end()


def _wait_for(recording: AttemptRecording, seconds: float) -> None:
    import time

    deadline = time.monotonic() + 60
    while recording.video_time() < seconds and not recording.source_ended.is_set() and time.monotonic() < deadline:
        time.sleep(0.005)


def _first_frame(clip: Path) -> bytes | None:
    cap = cv2.VideoCapture(str(clip))
    try:
        ok, frame = cap.read()
    finally:
        cap.release()
    if not ok:
        return None
    ok, jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 85])
    return jpeg.tobytes() if ok else None
