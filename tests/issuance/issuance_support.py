"""Builds attempts up to 'pending approval' through the real services and events, with sealed evidence on disk."""

from __future__ import annotations

import functools
import json
import socket
import subprocess
from dataclasses import dataclass, replace
from typing import Any

from assessdesk.domain.ids import new_id
from assessdesk.domain.schedule import Candidate, Sitting
from assessdesk.domain.users import User
from assessdesk.services import attempts, users
from assessdesk.services.issuance import issuer
from assessdesk.services.scoring import sheets
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage import station as station_repo
from assessdesk.storage import users as users_repo

BASE_URL = "http://127.0.0.1:8765/"
PASSWORD = "a-long-password-1"
# The demo library's forklift rubric: six criteria FL-1..FL-6 with levels 0-3 (FL-1, FL-2, FL-6 critical at 2);
# these levels total 19 of 27 weighted points against a pass mark of 16.
CREDENTIAL, RUBRIC = "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1"
PASSING_LEVELS = {"FL-1": 2, "FL-2": 3, "FL-3": 2, "FL-4": 3, "FL-5": 2, "FL-6": 2}


@dataclass(frozen=True)
class People:
    admin: User
    proctor: User
    assessor: User
    lead: User
    approver: User
    approver2: User


def make_people(ctx: StationContext, admin: User) -> People:
    made = {}
    for name, roles in (("proctor", ["proctor"]), ("assessor", ["assessor"]),
                        ("lead", ["lead_assessor", "assessor"]), ("approver", ["approver"]),
                        ("approver2", ["approver"])):
        made[name] = users.create_user(ctx, actor=admin, username=name, display_name=name.title(), password=PASSWORD,
                                       roles=roles)
    for name in ("assessor", "lead"):  # the certification gate lets only certified assessors submit live sheets
        certify(ctx, made[name])
    return People(admin=admin, **made)


def certify(ctx: StationContext, user: User, rubric_ref: str = "RUB-FORKLIFT") -> None:
    """A registry certification for the rubric, stored as a sync pull stores one (unless one is current already)."""
    from assessdesk.services.calibration.certification import status_in
    from assessdesk.services.calibration.demo import store_registry_certification

    with ctx.db.session() as s:
        if status_in(s, user_id=user.id, rubric_ref=rubric_ref, today=ctx.clock.now().date()).current:
            return
    store_registry_certification(ctx, user_id=user.id, rubric_ref=rubric_ref, valid_until="2099-12-31")


def add_role(ctx: StationContext, admin: User, user: User, role: str) -> User:
    return users.assign_roles(ctx, actor=admin, user_id=user.id, roles=sorted({*user.roles, role}))


def import_standards(ctx: StationContext, admin: User) -> None:
    from assessdesk.services.standards.demo import import_demo_standards

    import_demo_standards(ctx, actor=admin)


def set_up_issuer(ctx: StationContext, admin: User, *, index_range: tuple[int, int] = (0, 1000)) -> None:
    issuer.create_issuer(ctx, actor=admin, name="Łódź Skills Board", base_url=BASE_URL, index_range=index_range)


def _record(ctx: StationContext, user: User, event_type: str, payload: dict[str, Any], attempt_id: str,
            entity_type: str = "attempt", entity_id: str | None = None) -> None:
    with ctx.uow(user.id) as uow:
        uow.record(entity_type=entity_type, entity_id=entity_id or attempt_id, event_type=event_type,
                   payload=payload)


@functools.lru_cache(maxsize=2)
def _clip(sound: bool) -> bytes:
    """One second of real H.264 in MPEG-TS (what the recorder's ffmpeg encoder writes), with AAC sound if asked."""
    from assessdesk.services.recording.encoders import default_ffmpeg_path

    argv = [str(default_ffmpeg_path()), "-hide_banner", "-loglevel", "error", "-f", "lavfi",
            "-i", "testsrc=size=96x64:rate=10"]
    if sound:
        argv += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000"]
    argv += ["-t", "1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if sound:
        argv += ["-c:a", "aac", "-b:a", "32k"]
    return subprocess.run([*argv, "-f", "mpegts", "pipe:1"], capture_output=True, check=True, timeout=60).stdout


def segment_bytes(tag: str, *, sound: bool = False) -> bytes:
    """A real clip made unique by a trailing MPEG-TS null packet (PID 0x1FFF, which decoders skip) carrying `tag`."""
    return _clip(sound) + bytes([0x47, 0x1F, 0xFF, 0x10]) + tag.encode()[:184].ljust(184, b"\xff")


def record_segments(ctx: StationContext, proctor: User, attempt_id: str, *, segments: int = 2,
                    sound: bool | list[bool] = False) -> list[str]:
    """Store segment files and record them on the attempt as the recording station does (chained events).
    `sound` per segment when a list (its length is then the number of segments)."""
    from assessdesk.services.evidence import records as evidence_records

    tracks = sound if isinstance(sound, list) else [sound] * segments
    segments = len(tracks)
    store, now = ctx.evidence_store(), ctx.now()
    hashes = []
    for i, with_sound in enumerate(tracks):
        blob = store.put_bytes(segment_bytes(f"segment {i} of {attempt_id}", sound=with_sound))
        evidence_records.append_segment(
            ctx, actor_id=proctor.id, attempt_id=attempt_id,
            fields={"index": i, "name": f"seg-{i:06d}.ts", "sha256": blob.sha256, "size": blob.size, "frames": 10,
                    "start_s": float(i), "end_s": i + 0.9, "first_wall": now, "last_wall": now,
                    "encoder": "ffmpeg-libx264", "encoder_version": "test clip", "recovered": False,
                    "reason": "rotate" if i < segments - 1 else "end"},
            stored_sha256=blob.sha256, stored_size=blob.size, encrypted=blob.encrypted)
        hashes.append(blob.sha256)
    return hashes


def seal_evidence(ctx: StationContext, proctor: User, attempt_id: str, *, segments: int = 2) -> dict[str, Any]:
    """Record real segment files on the ended attempt and seal it with the evidence feature: a station-signed
    manifest naming them is stored and `evidence.sealed` recorded."""
    from assessdesk.services.evidence.sealing import seal_attempt

    hashes = record_segments(ctx, proctor, attempt_id, segments=segments)
    sealed = seal_attempt(ctx, actor=proctor, attempt_id=attempt_id)
    return {"manifest": sealed.manifest, "manifest_sha256": sealed.sha256, "segments": hashes}


def recorded_attempt(ctx: StationContext, proctor: User, credential: str, ref: str, *,
                     sound: bool | list[bool] = False, files: dict[str, str] | None = None,
                     tmp_path: Any = None) -> str:
    """A fresh attempt taken to 'ended' with real segment files (with or without a sound track, per segment when a
    list) and attached files (kind -> file name, written under `tmp_path`), then sealed by the evidence feature:
    a signed manifest, as a recording station makes it. It then awaits scores."""
    from assessdesk.services.evidence.artifacts import add_artifact
    from assessdesk.services.evidence.sealing import seal_attempt

    with ctx.uow(proctor.id) as uow:
        sitting = schedule.add_sitting(uow.session, Sitting(new_id(), f"Recorded {credential}", "Bay 3",
                                                            ctx.clock.now().date().isoformat(), "08:00"))
        candidate = schedule.add_candidate(uow.session, Candidate(new_id(), "Rec", f"Candidate {credential}"))
    attempt_id = attempts.schedule_attempt(ctx, actor=proctor, sitting_id=sitting.id, candidate_id=candidate.id,
                                           credential_id=credential, rubric_ref=ref)
    for event_type in ("attempt.checked_in", "identity.verified", "attempt.started", "attempt.ended"):
        attempts.transition(ctx, actor=proctor, attempt_id=attempt_id, event_type=event_type)
    record_segments(ctx, proctor, attempt_id, sound=sound if isinstance(sound, list) else [sound, sound])
    for kind, name in (files or {}).items():
        path = tmp_path / name
        path.write_text(f"{kind} of {attempt_id}", encoding="utf-8")
        add_artifact(ctx, actor=proctor, attempt_id=attempt_id, path=path, kind=kind)
    seal_attempt(ctx, actor=proctor, attempt_id=attempt_id)
    return attempt_id


def sealed_segments(ctx: StationContext, attempt_id: str) -> list[str]:
    """The segment files the attempt's signed manifest names."""
    from assessdesk.services.evidence.sealing import sealed_manifest

    found = sealed_manifest(ctx, attempt_id)
    assert found is not None, "the attempt is not sealed"
    return [s["sha256"] for r in found[0]["recordings"] for s in r["segments"]]


def score(ctx: StationContext, marker: User, attempt_id: str, levels: dict[str, int], *, signoff: bool = True,
          reason: str = "", evidence: Any = None) -> Any:
    """Score through issue 3's real sheet services: open, fill, save, submit (which routes the attempt on).
    `evidence` replaces the scoring station's evidence index (None: the real one reads the signed manifest)."""
    sheet = sheets.open_sheet(ctx, actor=marker, attempt_id=attempt_id).sheet
    for criterion, level in levels.items():
        sheet = sheet.with_score(criterion, level=level)
    sheet = replace(sheet, signoff=signoff, reason=reason)
    sheets.save_draft(ctx, actor=marker, sheet=sheet)
    return sheets.submit_sheet(ctx, actor=marker, sheet_id=sheet.id, evidence=evidence)


def pending_attempt(ctx: StationContext, people: People, *, email: str | None = "lukasz.nowak@example.org",
                    proctor: User | None = None, assessor: User | None = None, second: User | None = None,
                    moderator: User | None = None, seal: bool = True, walk_in: bool = False) -> str:
    """A forklift attempt taken through check-in, identity, recording, sealing and scoring to 'passed' (the approver
    station records the issuance request with its decision). With `second` and `moderator`: a second marking that
    disagrees, then the lead assessor's agreed result. `walk_in`: the candidate is on no roster (the registry learns
    the name from the scheduled attempt)."""
    proctor = proctor or people.proctor
    assessor = assessor or people.assessor
    for marker in (assessor, second):  # the test's own markers (e.g. an assessor who is also an approver)
        if marker is not None:
            certify(ctx, marker)
    with ctx.uow(people.admin.id) as uow:
        sitting = schedule.add_sitting(uow.session, Sitting(new_id(), "Forklift pre-use inspection",
                                                             "Riverside warehouse, bay 3", "2026-01-05", "09:00"))
        candidate = schedule.add_candidate(uow.session, Candidate(new_id(), "Łukasz", "Nowak", "C-1001", email,
                                                                  walk_in=walk_in))
        station_repo.update_settings(uow.session, {"second_marking_sample_rate": 1.0 if second else 0.0})
    attempt_id = attempts.schedule_attempt(ctx, actor=people.admin, sitting_id=sitting.id,
                                           candidate_id=candidate.id, credential_id=CREDENTIAL, rubric_ref=RUBRIC)
    t = attempts.transition
    t(ctx, actor=proctor, attempt_id=attempt_id, event_type="attempt.checked_in",
      payload={"accommodations": {"extra_minutes": 0, "note": ""}})
    _record(ctx, proctor, "identity.consent_recorded", {"recording": True, "face_comparison": True,
                                                        "text_version": "consent-2026-01"}, attempt_id)
    t(ctx, actor=proctor, attempt_id=attempt_id, event_type="identity.verified",
      payload={"decision": "verified", "override_reason": "", "photos": {},
               "comparison": {"method": "lbph", "score": 0.82}, "method": "lbph"})
    t(ctx, actor=proctor, attempt_id=attempt_id, event_type="attempt.started")
    _record(ctx, proctor, "incident.logged", {"code": "equipment_failure", "label": "Equipment failure",
                                              "note": "horn stuck", "elapsed_s": 42.0, "video_time_s": 41.5},
            attempt_id)
    t(ctx, actor=proctor, attempt_id=attempt_id, event_type="attempt.ended")
    if seal:
        seal_evidence(ctx, proctor, attempt_id)
    else:  # a seal that names no signed manifest: the evidence index rightly counts it for nothing, so the
        # scoring here is told a video exists, and sign-off must still refuse the attempt
        t(ctx, actor=proctor, attempt_id=attempt_id, event_type="evidence.sealed",
          payload={"evidence_kinds": ["video.sealed"]})
    score(ctx, assessor, attempt_id, PASSING_LEVELS,
          evidence=None if seal else (lambda _attempt_id: {"video.sealed"}))
    if second is not None:
        score(ctx, second, attempt_id, {c: 0 for c in PASSING_LEVELS})  # far apart: moderation opens
        assert moderator is not None
        score(ctx, moderator, attempt_id, PASSING_LEVELS, reason="agreed after watching the recording")
    return attempt_id


def reload_user(ctx: StationContext, user: User) -> User:
    with ctx.db.session() as s:
        return users_repo.get(s, user.id)


def block_network(monkeypatch) -> list[Any]:
    """Refuse every IP connection (the keyring's D-Bus Unix socket stays usable); returns attempted addresses."""
    attempts_made: list[Any] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts_made.append(address)
            raise OSError("network blocked by the test")
        return real_connect(self, address)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts_made.append(args)
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts_made


def load_json(path: Any) -> Any:
    return json.loads(open(path, encoding="utf-8").read())
