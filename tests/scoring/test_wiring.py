"""Scoring wired to the calibration and evidence features: the certification gate is on by default, and the
evidence check reads the attempt's signed evidence manifest."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from standards_support import awaiting_attempt

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.calibration import NotCertified
from assessdesk.services.scoring import sheets
from assessdesk.services.station import open_profile
from assessdesk.storage import station as station_repo
from assessdesk.storage import users as users_repo

FORKLIFT_LEVELS = {"FL-1": 3, "FL-2": 3, "FL-3": 3, "FL-4": 3, "FL-5": 3, "FL-6": 3}


@pytest.fixture
def ctx(demo_profile_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    target = tmp_path / "demo"
    shutil.copytree(demo_profile_dir, target)
    ctx = open_profile(target)
    with ctx.uow(None) as uow:
        station_repo.update_settings(uow.session, {"second_marking_sample_rate": 0.0})
    yield ctx
    ctx.close()


@pytest.fixture
def people(ctx):  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return {n: users_repo.by_username(s, n)[0] for n in ("assessor", "assessor2", "lead", "proctor", "admin")}


def filled(ctx, user, attempt_id: str, levels: dict[str, int] = FORKLIFT_LEVELS, **extra):  # type: ignore[no-untyped-def]
    sheet = sheets.open_sheet(ctx, actor=user, attempt_id=attempt_id).sheet
    for criterion, level in levels.items():
        sheet = sheet.with_score(criterion, level=level)
    return sheets.save_draft(ctx, actor=user, sheet=replace(sheet, signoff=True, **extra))


def test_the_certification_gate_is_on_without_being_passed(ctx, people) -> None:
    from assessdesk.services.calibration.demo import store_registry_certification
    from assessdesk.services.users import create_user

    newcomer = create_user(ctx, actor=people["admin"], username="newcomer", display_name="Nia Newcomer",
                           password="a-long-password-1", roles=["assessor"])
    attempt_id = awaiting_attempt(ctx, "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1")
    view = sheets.open_sheet(ctx, actor=newcomer, attempt_id=attempt_id)
    assert view.certification_refusal == "Nia Newcomer cannot submit this score sheet. Never certified for RUB-FORKLIFT."
    draft = filled(ctx, newcomer, attempt_id)
    with pytest.raises(NotCertified, match="Never certified for RUB-FORKLIFT"):
        sheets.submit_sheet(ctx, actor=newcomer, sheet_id=draft.id)
    store_registry_certification(ctx, user_id=newcomer.id, rubric_ref="RUB-FORKLIFT", valid_until="2099-12-31")
    assert sheets.open_sheet(ctx, actor=newcomer, attempt_id=attempt_id).certification_refusal is None
    assert sheets.submit_sheet(ctx, actor=newcomer, sheet_id=draft.id).state is AttemptState.PASSED


def sealed_attempt(ctx, people, credential: str, ref: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
    from issuance_support import recorded_attempt

    return recorded_attempt(ctx, people["proctor"], credential, ref, **kwargs)


def submitted_event(ctx, sheet_id: str) -> dict:  # type: ignore[type-arg]
    import json

    from assessdesk.storage.tables import EventRow

    with ctx.db.session() as s:
        row = s.query(EventRow).filter_by(entity_type="score_sheet", entity_id=sheet_id).one()
        return json.loads(row.payload_json)


def test_a_signed_manifest_with_video_passes_the_practical_and_the_sheet_records_what_was_seen(ctx, people) -> None:
    from assessdesk.services.scoring.evidence_index import MANIFEST, index_evidence

    a = people["assessor"]
    attempt_id = sealed_attempt(ctx, people, "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1")
    index = index_evidence(ctx, attempt_id=attempt_id)
    assert (index.basis, set(index.kinds), index.segments, index.segments_with_sound) == (
        MANIFEST, {"video.sealed"}, 2, 0)
    assert index.notes == () and "sealed video, 2 segment(s)" in index.summary()
    view = sheets.open_sheet(ctx, actor=a, attempt_id=attempt_id)
    assert view.evidence == index
    result = sheets.submit_sheet(ctx, actor=a, sheet_id=filled(ctx, a, attempt_id).id)
    assert result.state is AttemptState.PASSED
    assert submitted_event(ctx, result.sheet.id)["evidence"] == {
        "basis": "manifest", "kinds": ["video.sealed"], "segments": 2, "segments_with_sound": 0}


CX_LEVELS = {"CX-1": 3, "CX-2": 3, "CX-3": 3, "CX-4": 3}


def test_a_role_play_needs_a_sound_track_on_every_segment(ctx, people) -> None:
    from assessdesk.domain.validation_types import EvidenceMissing
    from assessdesk.services.scoring.evidence_index import index_evidence

    a = people["assessor"]
    silent = sealed_attempt(ctx, people, "CX-TROUBLESHOOT", "RUB-CX-CALL@1", sound=False)
    assert set(index_evidence(ctx, attempt_id=silent).kinds) == {"video.sealed"}
    with pytest.raises(EvidenceMissing, match="a recording of the performance with its sound track"):
        sheets.submit_sheet(ctx, actor=a, sheet_id=filled(ctx, a, silent, CX_LEVELS).id)

    partly = sealed_attempt(ctx, people, "CX-TROUBLESHOOT", "RUB-CX-CALL@1", sound=[True, False])
    index = index_evidence(ctx, attempt_id=partly)
    assert set(index.kinds) == {"video.sealed"} and index.segments_with_sound == 1
    with pytest.raises(EvidenceMissing) as refused:
        sheets.submit_sheet(ctx, actor=a, sheet_id=filled(ctx, a, partly, CX_LEVELS).id)
    assert "Segment(s) 2 of the recording have no sound track" in refused.value.hint  # says where

    heard = sealed_attempt(ctx, people, "CX-TROUBLESHOOT", "RUB-CX-CALL@1", sound=True)
    assert set(index_evidence(ctx, attempt_id=heard).kinds) == {"video.sealed", "video.audio"}
    result = sheets.submit_sheet(ctx, actor=a, sheet_id=filled(ctx, a, heard, CX_LEVELS).id)
    assert result.state is AttemptState.PASSED


def test_attached_files_count_by_kind(ctx, people, tmp_path: Path) -> None:
    from assessdesk.domain.validation_types import EvidenceMissing
    from assessdesk.services.scoring.evidence_index import index_evidence

    a = people["assessor"]
    levels = {"DB-1": 3, "DB-2": 3, "DB-3": 3}
    without = sealed_attempt(ctx, people, "DATA-DASHBOARD-CASE", "RUB-DASHBOARD@1",
                             files={"checklist": "notes.txt"}, tmp_path=tmp_path)
    with pytest.raises(EvidenceMissing, match="case output file"):
        sheets.submit_sheet(ctx, actor=a, sheet_id=filled(ctx, a, without, levels).id)
    case = sealed_attempt(ctx, people, "DATA-DASHBOARD-CASE", "RUB-DASHBOARD@1",
                          files={"case_output": "answer.xlsx", "portfolio_item": "deck.pdf"}, tmp_path=tmp_path)
    index = index_evidence(ctx, attempt_id=case)
    assert set(index.kinds) == {"video.sealed", "artifact.case_output", "artifact.portfolio"}
    assert index.artifacts == {"case_output": 1, "portfolio_item": 1}
    assert sheets.submit_sheet(ctx, actor=a, sheet_id=filled(ctx, a, case, levels).id).outcome is not None


def test_placeholder_seals_count_on_a_demo_profile_only_and_never_silently(ctx, people) -> None:
    from assessdesk.domain.validation_types import EvidenceMissing
    from assessdesk.services.scoring.evidence_index import NONE, PLACEHOLDER, index_evidence
    from assessdesk.storage import audit

    a = people["assessor"]
    attempt_id = awaiting_attempt(ctx, "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1")  # seal payload lists kinds only
    real = replace(ctx, is_demo=False)  # the same station, as a real profile would see it
    index = index_evidence(real, attempt_id=attempt_id)
    assert index.basis == NONE and not index.kinds and "names no signed evidence manifest" in index.notes[0]
    draft = filled(ctx, a, attempt_id)
    with pytest.raises(EvidenceMissing, match="sealed video") as refused:
        sheets.submit_sheet(real, actor=a, sheet_id=draft.id)
    assert "names no signed evidence manifest" in refused.value.hint

    demo = index_evidence(ctx, attempt_id=attempt_id)
    assert demo.basis == PLACEHOLDER and set(demo.kinds) == {"video.sealed"}
    assert demo.summary().startswith("Demo placeholder seal") and "demo data" in demo.notes[0]
    result = sheets.submit_sheet(ctx, actor=a, sheet_id=draft.id)
    assert submitted_event(ctx, result.sheet.id)["evidence"]["basis"] == "placeholder"
    with ctx.db.session() as s:
        assert any(r.action == "scoring.placeholder_evidence_accepted" and r.subject_id == result.sheet.id
                   for r in audit.all_rows(s))


def test_sealed_elsewhere_and_not_fetched_counts_the_seal_record_and_says_so(ctx, people) -> None:
    import json

    from assessdesk.domain.clock import iso
    from assessdesk.domain.events import AuthoredEvent
    from assessdesk.domain.ids import new_id
    from assessdesk.services.scoring.evidence_index import SEAL_RECORD, index_evidence
    from assessdesk.storage.tables import EventRow
    from assessdesk.trust.event_hash import event_hash

    attempt_id = awaiting_attempt(ctx, "LOG-FORKLIFT-PREUSE", "RUB-FORKLIFT@1")
    # a later seal by the recording station, pulled from the registry; its manifest has not been fetched
    event = AuthoredEvent(event_id=new_id(), entity_type="attempt", entity_id=attempt_id,
                          event_type="evidence.sealed", payload={"sha256": "ab" * 32, "segment_count": 3,
                                                                 "artifact_count": 0},
                          author_station="recording-station-elsewhere", author_user=None,
                          occurred_at=iso(ctx.clock.now()))
    with ctx.db.session() as s, s.begin():
        s.add(EventRow(event_id=event.event_id, entity_type=event.entity_type, entity_id=event.entity_id,
                       event_type=event.event_type, payload_json=json.dumps(event.payload, sort_keys=True),
                       author_station=event.author_station, author_user=None, occurred_at=event.occurred_at,
                       content_hash=event_hash(event)))
    index = index_evidence(ctx, attempt_id=attempt_id)
    assert index.basis == SEAL_RECORD and set(index.kinds) == {"video.sealed"} and index.segments == 3
    assert "not on this station yet" in index.notes[0] and "seal record" in index.summary()
