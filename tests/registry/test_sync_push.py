"""Push over real HTTP: acknowledgement, replay, conflicts kept, stale edits, per-record rejection, author kinds."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from registry_support import EnrolledStation, ServerThread, enrol

from assessdesk.protocol.events import WireEvent
from assessdesk.protocol.sync import ConflictReason, RecordStatus, RejectReason
from assessdesk.registry.tables import conflicts, events
from assessdesk.services.sync.client import RegistryError

REC, SCORE = "recording_station", "scoring_station"


@pytest.fixture
def recorder(server_on: ServerThread) -> EnrolledStation:
    return enrol(server_on, REC, name="front desk")


def test_push_acknowledges_with_increasing_server_seq_and_replays_keep_it(recorder: EnrolledStation) -> None:
    batch = [recorder.event() for _ in range(3)]
    first = recorder.client.push(batch, idempotency_key="k1")
    assert [r.status for r in first.results] == [RecordStatus.ACKNOWLEDGED] * 3
    seqs = [r.server_seq for r in first.results]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3

    again = recorder.client.push(batch, idempotency_key="k1")  # the same batch re-sent after a lost answer
    assert [(r.status, r.server_seq) for r in again.results] == [(RecordStatus.REPLAY, s) for s in seqs]
    mixed = recorder.client.push([batch[1], recorder.event()], idempotency_key="k2")
    assert (mixed.results[0].status, mixed.results[0].server_seq) == (RecordStatus.REPLAY, seqs[1])
    assert mixed.results[1].status == RecordStatus.ACKNOWLEDGED and mixed.results[1].server_seq > seqs[-1]


def test_same_id_different_content_is_a_kept_conflict_never_an_overwrite(recorder: EnrolledStation,
                                                                        server_on: ServerThread) -> None:
    original = recorder.event(payload={"note": "first"})
    recorder.client.push([original])
    forged = WireEvent.from_domain(recorder.event(payload={"note": "second"}))
    forged = forged.model_copy(update={"event_id": original.event_id})
    forged = forged.model_copy(update={"content_hash": _rehash(forged)})

    for _ in range(2):  # re-sending the conflicting record keeps one conflict row
        [result] = recorder.client.push([forged]).results
        assert result.status == RecordStatus.CONFLICT
        assert result.conflict_reason == ConflictReason.DIFFERENT_CONTENT
        assert result.server_event is not None and result.server_event.payload == {"note": "first"}
        assert result.server_event.content_hash == original.content_hash
    with server_on.registry.engine.connect() as conn:
        stored = conn.execute(sa.select(events.c.payload).where(events.c.event_id == original.event_id)).scalar()
        kept = conn.execute(sa.select(conflicts.c.reason, conflicts.c.incoming)
                            .where(conflicts.c.event_id == original.event_id)).all()
    assert json.loads(stored) == {"note": "first"}
    assert len(kept) == 1 and kept[0].reason == "same_id_different_content"
    assert json.loads(kept[0].incoming)["payload"] == {"note": "second"}


def _rehash(event: WireEvent) -> str:
    from assessdesk.protocol.events import event_content_hash

    return event_content_hash(event)


def test_an_edit_of_an_already_edited_event_is_a_stale_base_conflict(recorder: EnrolledStation,
                                                                    server_on: ServerThread) -> None:
    base = recorder.event(event_type="incident.logged", entity_type="incident", payload={"code": "noise"})
    recorder.client.push([base])
    other = enrol(server_on, REC, name="second recorder")
    edit_a = recorder.event(event_type="incident.logged", entity_type="incident", entity_id=base.entity_id,
                            payload={"code": "noise", "note": "fixed"}, supersedes=base.event_id, base_version=1)
    edit_b = other.event(event_type="incident.logged", entity_type="incident", entity_id=base.entity_id,
                         payload={"code": "other"}, supersedes=base.event_id, base_version=1)
    assert recorder.client.push([edit_a]).results[0].status == RecordStatus.ACKNOWLEDGED
    [late] = other.client.push([edit_b]).results
    assert late.status == RecordStatus.CONFLICT and late.conflict_reason == ConflictReason.STALE_BASE
    assert late.server_event is not None and late.server_event.event_id == edit_a.event_id
    # An edit of the current head is fine, and a stale edit answers with the newest head of the chain.
    edit_c = recorder.event(event_type="incident.logged", entity_type="incident", entity_id=base.entity_id,
                            payload={"code": "c"}, supersedes=edit_a.event_id, base_version=2)
    assert recorder.client.push([edit_c]).results[0].status == RecordStatus.ACKNOWLEDGED
    [again] = other.client.push([edit_b]).results
    assert again.server_event is not None and again.server_event.event_id == edit_c.event_id
    # Two edits of the same base inside one batch: the second conflicts.
    edit_d = recorder.event(event_type="incident.logged", entity_type="incident", entity_id=base.entity_id,
                            payload={"code": "d"}, supersedes=edit_c.event_id, base_version=3)
    edit_e = recorder.event(event_type="incident.logged", entity_type="incident", entity_id=base.entity_id,
                            payload={"code": "e"}, supersedes=edit_c.event_id, base_version=3)
    statuses = [r.status for r in recorder.client.push([edit_d, edit_e]).results]
    assert statuses == [RecordStatus.ACKNOWLEDGED, RecordStatus.CONFLICT]


def test_one_bad_record_is_rejected_and_the_rest_of_the_batch_goes_on(recorder: EnrolledStation,
                                                                     server_on: ServerThread) -> None:
    good1, good2 = recorder.event(), recorder.event()
    tampered = WireEvent.from_domain(recorder.event(payload={"a": 1})).model_copy(update={"payload": {"a": 2}})
    someone_else = WireEvent.from_domain(recorder.event()).model_copy(update={"author_station": "not-me"})
    unknown_family = recorder.event(event_type="gossip.told", entity_type="gossip")
    orphan_edit = recorder.event(supersedes="0190c6f2-0000-7000-8000-000000000000", base_version=1)
    other_entity = recorder.event(supersedes=good1.event_id, base_version=1)  # a new entity id: not good1's
    body = {"idempotency_key": "mixed", "events": [
        WireEvent.from_domain(good1).model_dump(), tampered.model_dump(), someone_else.model_dump(),
        {"event_id": "broken", "payload": "not an object"}, WireEvent.from_domain(unknown_family).model_dump(),
        WireEvent.from_domain(orphan_edit).model_dump(), WireEvent.from_domain(other_entity).model_dump(),
        WireEvent.from_domain(good2).model_dump()]}
    response = recorder.client.request("POST", "/v1/sync/push", json=body)
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["acknowledged", "rejected", "rejected", "rejected", "rejected",
                                              "rejected", "rejected", "acknowledged"]
    assert [r["reject_reason"] for r in results[1:7]] == [
        RejectReason.HASH_MISMATCH, RejectReason.WRONG_AUTHOR, RejectReason.MALFORMED,
        RejectReason.UNKNOWN_FAMILY, RejectReason.UNKNOWN_BASE, RejectReason.BAD_BASE]
    assert results[3]["event_id"] == "broken"
    with server_on.registry.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(events)).scalar() == 2


def test_a_station_may_author_only_its_kinds_event_families(server_on: ServerThread) -> None:
    scorer = enrol(server_on, SCORE, name="scorer")
    both = enrol(server_on, REC, SCORE, name="both")
    attempt = scorer.event(event_type="attempt.started")
    sheet = scorer.event(event_type="scoring.sheet_submitted", entity_type="score_sheet",
                         payload={"attempt_id": "a-1"})
    [r1, r2] = scorer.client.push([attempt, sheet]).results
    assert r1.status == RecordStatus.REJECTED and r1.reject_reason == RejectReason.KIND_NOT_ALLOWED
    assert "recording_station" in r1.detail
    assert r2.status == RecordStatus.ACKNOWLEDGED
    registry_family = both.event(event_type="standards.package_published", entity_type="standards_package")
    results = both.client.push([both.event(), registry_family]).results
    assert [r.status for r in results] == [RecordStatus.ACKNOWLEDGED, RecordStatus.REJECTED]


def test_an_idempotency_key_reused_for_another_batch_is_refused(recorder: EnrolledStation) -> None:
    recorder.client.push([recorder.event()], idempotency_key="same")
    with pytest.raises(RegistryError) as caught:
        recorder.client.push([recorder.event()], idempotency_key="same")
    assert caught.value.status == 422 and caught.value.code == "idempotency_key_reused"


def test_repeats_and_edits_inside_one_batch(recorder: EnrolledStation, server_on: ServerThread) -> None:
    """A record sent twice in one batch is a replay of the first; the same id with other content a kept conflict;
    an edit of an event stored earlier in the same batch is accepted."""
    event = recorder.event()
    forged = WireEvent.from_domain(recorder.event(payload={"note": "other"}))
    forged = forged.model_copy(update={"event_id": event.event_id})
    forged = forged.model_copy(update={"content_hash": _rehash(forged)})
    base = recorder.event(event_type="incident.logged", entity_type="incident", payload={"code": "noise"})
    edit = recorder.event(event_type="incident.logged", entity_type="incident", entity_id=base.entity_id,
                          payload={"code": "fixed"}, supersedes=base.event_id, base_version=1)
    results = recorder.client.push([event, event, forged, base, edit]).results
    assert [r.status for r in results] == [RecordStatus.ACKNOWLEDGED, RecordStatus.REPLAY, RecordStatus.CONFLICT,
                                           RecordStatus.ACKNOWLEDGED, RecordStatus.ACKNOWLEDGED]
    assert results[1].server_seq == results[0].server_seq
    assert results[2].server_event is not None and results[2].server_event.content_hash == event.content_hash
    assert results[3].server_seq < results[4].server_seq
    with server_on.registry.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(events)
                            .where(events.c.event_id == event.event_id)).scalar() == 1
