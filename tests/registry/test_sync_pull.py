"""Pull over real HTTP: the routing rule (registry events to all, attempts by assignment and station kind, with
backfill), own events left out, cursor paging."""

from __future__ import annotations

from pathlib import Path

from registry_support import EnrolledStation, ServerThread, enrol

from assessdesk.registry.rosters import import_roster, read_roster_csv
from assessdesk.registry.standards import publish
from assessdesk.services.sync.client import RegistryClient


def pull_all(client: RegistryClient, cursor: int = 0, limit: int = 500) -> tuple[list, int]:
    got = []
    for _ in range(100):
        page = client.pull(cursor, limit=limit)
        got.extend(page.events)
        cursor = page.next_cursor
        if not page.has_more:
            return got, cursor
    raise AssertionError("pull did not drain")


def types(events: list) -> list[str]:
    return [e.event_type for e in events]


def test_registry_events_reach_every_station_and_cursor_pages(server_on: ServerThread, tmp_path: Path) -> None:
    a = enrol(server_on, "recording_station", name="a")
    b = enrol(server_on, "approver_station", name="b")
    publish(server_on.registry, package={"id": "LOG-SAFE", "version": "2026.1", "competencies": []})
    roster = tmp_path / "roster.csv"
    roster.write_text("external_id,name,email\nC1,Ada Lovelace,ada@example.org\nC2,Alan Turing,\n")
    import_roster(server_on.registry, entries=read_roster_csv(roster))
    for station in (a, b):
        got, cursor = pull_all(station.client)
        assert types(got) == ["standards.package_published", "roster.candidate_upserted",
                              "roster.candidate_upserted"]
        assert all(e.author_station == "registry" and e.server_seq for e in got)
        assert got[0].payload["package"]["id"] == "LOG-SAFE"
        assert station.client.pull(cursor).events == []
    paged, _ = pull_all(a.client, limit=1)
    assert types(paged) == types(got)
    # An edited roster row arrives as an edit of the previous version.
    roster.write_text("external_id,name,email\nC1,Ada King,ada@example.org\nC2,Alan Turing,\n")
    assert import_roster(server_on.registry, entries=read_roster_csv(roster)) == (0, 1)
    [edit] = a.client.pull(cursor).events
    assert edit.supersedes == got[1].event_id and edit.base_version == 1 and edit.payload["name"] == "Ada King"


def _attempt(recorder: EnrolledStation, *types_: str, **payload: object) -> tuple[str, list]:
    first = recorder.event(event_type=types_[0])
    made = [first] + [recorder.event(event_type=t, entity_id=first.entity_id, payload=dict(payload))
                      for t in types_[1:]]
    assert all(r.status == "acknowledged" for r in recorder.client.push(made).results)
    return first.entity_id, made


def test_attempts_go_to_the_assigned_scoring_station_with_their_history(server_on: ServerThread) -> None:
    recorder = enrol(server_on, "recording_station", name="rec")
    scorer = enrol(server_on, "scoring_station", name="scorer")
    bystander = enrol(server_on, "scoring_station", name="bystander")
    attempt_id, made = _attempt(recorder, "attempt.scheduled", "attempt.checked_in", "identity.verified",
                                "attempt.started", "attempt.ended")
    assert pull_all(scorer.client)[0] == [] and pull_all(recorder.client)[0] == []  # own events never come back
    sealed = recorder.event(event_type="evidence.sealed", entity_id=attempt_id,
                            payload={"assigned_to": scorer.station_id, "items": [{"sha256": "a" * 64, "size": 3}]})
    recorder.client.push([sealed])
    got, cursor = pull_all(scorer.client)
    assert [e.event_id for e in got] == [e.event_id for e in made] + [sealed.event_id]  # backfilled, in order
    assert pull_all(bystander.client)[0] == []
    # The scorer's sheet goes back to the recording station (it joined the audience by authoring).
    sheet = scorer.event(event_type="scoring.sheet_submitted", entity_type="score_sheet",
                         payload={"attempt_id": attempt_id, "total": 17})
    scorer.client.push([sheet])
    assert types(pull_all(recorder.client)[0]) == ["scoring.sheet_submitted"]
    assert scorer.client.pull(cursor).events == []


def test_pending_approval_reaches_approver_stations_and_moderation_lead_stations(server_on: ServerThread) -> None:
    recorder = enrol(server_on, "recording_station", name="rec")
    scorer = enrol(server_on, "scoring_station", name="scorer")
    approver = enrol(server_on, "approver_station", name="board")
    lead = enrol(server_on, "scoring_station", "lead_assessor_station", name="lead")
    attempt_id, _ = _attempt(recorder, "attempt.scheduled", "attempt.ended", assigned_to=scorer.station_id)
    scorer.client.push([scorer.event(event_type="scoring.moderation_opened", entity_id=attempt_id)])
    lead_got = pull_all(lead.client)[0]
    assert types(lead_got) == ["attempt.scheduled", "attempt.ended", "scoring.moderation_opened"]
    assert pull_all(approver.client)[0] == []
    [passed] = lead.client.push([lead.event(event_type="outcome.passed", entity_id=attempt_id)]).results
    assert passed.status == "acknowledged"
    approver_got = pull_all(approver.client)[0]
    assert types(approver_got) == ["attempt.scheduled", "attempt.ended", "scoring.moderation_opened",
                                   "outcome.passed"]
    approver.client.push([approver.event(event_type="issuance.requested", entity_id=attempt_id)])
    assert types(pull_all(recorder.client)[0]) == ["scoring.moderation_opened", "outcome.passed",
                                                   "issuance.requested"]
    assert types(pull_all(lead.client)[0])[-1] == "issuance.requested"


def test_walk_ins_reported_by_stations_are_listed_with_likely_duplicates_and_merged(
        server_on: ServerThread, tmp_path: Path) -> None:
    from assessdesk.registry.rosters import list_walk_ins, merge_walk_in

    roster = tmp_path / "roster.csv"
    roster.write_text("external_id,name,email\nC1,Ada Lovelace,ada@example.org\n")
    import_roster(server_on.registry, entries=read_roster_csv(roster))
    recorder = enrol(server_on, "recording_station", name="rec")
    other = enrol(server_on, "approver_station", name="other")
    walk_in = {"candidate_id": "w-1", "name": "ada  lovelace", "email": None}
    recorder.client.push([recorder.event(event_type="attempt.checked_in", payload={"walk_in": walk_in})])
    [found] = list_walk_ins(server_on.registry)
    [rostered] = [e for e in pull_all(other.client)[0] if e.event_type == "roster.candidate_upserted"]
    assert found.candidate_id == "w-1" and found.possible_matches == (rostered.entity_id,)
    merge_walk_in(server_on.registry, walk_in_id="w-1", into_candidate_id=rostered.entity_id)
    assert list_walk_ins(server_on.registry) == []
    merged = [e for e in pull_all(recorder.client)[0] if e.event_type == "roster.candidate_merged"]
    assert merged[0].payload["merged_into"] == rostered.entity_id
