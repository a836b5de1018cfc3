"""What the registry sends a station lands there: registry-authored users, roster, certifications and standards
become the station's own lists; an attempt assigned to a scoring station arrives with its history and evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_support import enrol, make_station, offline_attempt

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.errors import AuthenticationFailed, InvalidInput
from assessdesk.domain.roles import Role
from assessdesk.services.sync import evidence, routing, state
from assessdesk.services.sync.engine import run_once
from assessdesk.storage import schedule
from assessdesk.storage.tables import CandidateRow, EventRow, OutboxRow, UserRow


def test_registry_records_become_station_lists(tmp_path: Path, server) -> None:
    from assessdesk.registry import rosters, standards, users
    from assessdesk.services.standards.demo import demo_package_path

    reg = server.registry
    users.upsert_users(reg, specs=[users.UserSpec("rita", "Rita Assessor", "rita@example.org",
                                                  frozenset({"assessor"}))])
    rosters.import_roster(reg, entries=[rosters.RosterEntry("C-77", "Ana María Silva", "ana@example.org")])
    users.certify(reg, username="rita", rubric_ref="RUB-FORKLIFT@1", valid_until="2027-01-01")
    standards.publish(reg, package=json.loads(demo_package_path().read_text()))

    desk = make_station(tmp_path / "desk", "Scoring desk")
    enrol(desk, server)
    report = run_once(desk.ctx)
    assert report.ok and report.pulled == 4 and not report.problems, report.problems
    with desk.ctx.db.session() as s:
        rita = s.query(UserRow).filter_by(username="rita").one()
        assert json.loads(rita.roles_json) == ["assessor"] and rita.password_hash == ""
        cand = s.query(CandidateRow).filter_by(external_id="C-77").one()
        assert (cand.given_name, cand.family_name) == ("Ana María", "Silva")
        assert s.query(EventRow).filter_by(entity_type="certification").count() == 1
        assert s.query(OutboxRow).count() == 0  # pulled records are never queued to go back
        assert all(e.server_seq for e in s.query(EventRow))
    from assessdesk.services.standards.library import list_library

    assert list_library(desk.ctx, actor=desk.admin)  # the published package was imported
    from assessdesk.services.auth import sign_in

    with pytest.raises(AuthenticationFailed):  # passwords never travel: an admin sets one here first
        sign_in(desk.ctx, username="rita", password="anything-at-all")

    # A changed roster entry supersedes the old one; the station follows.
    rosters.import_roster(reg, entries=[rosters.RosterEntry("C-77", "Ana Silva", "ana@example.org")])
    assert run_once(desk.ctx).pulled == 1
    with desk.ctx.db.session() as s:
        assert s.query(CandidateRow).filter_by(external_id="C-77").one().given_name == "Ana"
    desk.ctx.close()


def test_assigned_attempt_reaches_the_scoring_station_with_evidence(tmp_path: Path, server) -> None:
    from assessdesk.services.evidence.sealing import seal_attempt

    site = make_station(tmp_path / "site", "Work site laptop")
    desk = make_station(tmp_path / "desk", "Scoring desk")
    office = make_station(tmp_path / "office", "Approvals office")
    enrol(site, server, "recording_station")
    desk_enrolment = enrol(desk, server, "scoring_station")
    enrol(office, server, "approver_station")
    proctor = site.user("pat", Role.PROCTOR)
    attempt_id = offline_attempt(site, proctor)
    sealed = seal_attempt(site.ctx, actor=proctor, attempt_id=attempt_id)
    assert run_once(site.ctx).ok  # learns the station list too

    choices = routing.known_stations(site.ctx, kind="scoring_station")
    assert [c.name for c in choices] == ["Scoring desk"]
    with pytest.raises(InvalidInput):
        routing.assign_scoring(site.ctx, actor=proctor, attempt_id=attempt_id, station_id="not-a-station")
    routing.assign_scoring(site.ctx, actor=proctor, attempt_id=attempt_id, station_id=desk_enrolment.registry_station_id)
    assert run_once(site.ctx).acknowledged == 1

    report = run_once(desk.ctx)
    assert report.ok and not report.problems, report.problems
    with desk.ctx.db.session() as s:
        attempt = schedule.get_attempt(s, attempt_id)
        assert attempt.state is AttemptState.AWAITING_SCORES
        assert attempt.candidate.needs_review  # not on this station's roster: shown as a walk-in to review
        pulled = s.query(EventRow).filter_by(entity_id=attempt_id).all()
        assert len(pulled) == report.pulled and s.query(OutboxRow).count() == 0
        seqs = [e.server_seq for e in sorted(pulled, key=lambda e: e.local_seq)]
        assert seqs == sorted(seqs)  # applied in the registry's order
    # Evidence comes on demand, verified, and is kept encrypted like local evidence.
    config = state.load_config(desk.ctx)
    with state.open_client(desk.ctx, config) as client:
        evidence.fetch(desk.ctx, client, sha256=sealed.sha256)
    desk.ctx.evidence_store().verify(sealed.sha256)

    assert run_once(office.ctx).pulled == 0  # approvers see an attempt only once it passed
    for st in (site, desk, office):
        st.ctx.close()


def test_a_record_the_station_cannot_project_is_kept_and_does_not_block_the_feed(tmp_path: Path, server) -> None:
    from assessdesk.registry import authoring, db, rosters

    with db.write_transaction(server.registry.engine) as conn:  # a registry bug: a user without a user name
        authoring.append(conn, [authoring.Draft(entity_type="user", entity_id="u-broken", event_type="user.upserted",
                                                payload={"user_id": "u-broken", "roles": ["assessor"]})],
                         now=server.registry.now())
    rosters.import_roster(server.registry, entries=[rosters.RosterEntry("C-9", "Mo Ade", None)])
    desk = make_station(tmp_path / "desk", "Desk")
    enrol(desk, server)
    report = run_once(desk.ctx)
    assert report.ok and report.pulled == 2 and len(report.problems) == 1 and "u-broken" in report.problems[0]
    with desk.ctx.db.session() as s:
        assert s.query(EventRow).filter_by(entity_id="u-broken").count() == 1  # kept, unprojected
        assert s.query(UserRow).filter_by(id="u-broken").count() == 0
        assert s.query(CandidateRow).filter_by(external_id="C-9").count() == 1  # the feed went on
    assert state.status(desk.ctx).problems == report.problems
    assert run_once(desk.ctx).pulled == 0  # the cursor moved past it: not re-applied
    desk.ctx.close()


def test_a_walk_in_reaches_the_registry_for_review_and_the_scoring_station_by_name(tmp_path: Path, server) -> None:
    from assessdesk.registry.rosters import list_walk_ins
    from assessdesk.services import roster

    site = make_station(tmp_path / "site", "Work site laptop")
    desk = make_station(tmp_path / "desk", "Scoring desk")
    enrol(site, server, "recording_station")
    desk_enrolment = enrol(desk, server, "scoring_station")
    proctor = site.user("pat", Role.PROCTOR)
    walk_in = roster.register_walk_in(site.ctx, actor=proctor, given_name="Kofi", family_name="Mensah",
                                      email="kofi@example.org")
    attempt_id = offline_attempt(site, proctor, candidate_id=walk_in.id)
    assert run_once(site.ctx).ok
    routing.assign_scoring(site.ctx, actor=proctor, attempt_id=attempt_id, station_id=desk_enrolment.registry_station_id)
    assert run_once(site.ctx).ok

    listed = [w for w in list_walk_ins(server.registry) if w.candidate_id == walk_in.id]
    assert len(listed) == 1 and listed[0].name == "Kofi Mensah" and listed[0].email == "kofi@example.org"
    assert run_once(desk.ctx).ok
    with desk.ctx.db.session() as s:
        candidate = schedule.get_attempt(s, attempt_id).candidate
    assert (candidate.given_name, candidate.family_name, candidate.email) == ("Kofi", "Mensah", "kofi@example.org")
    assert candidate.walk_in and candidate.needs_review
    for st in (site, desk):
        st.ctx.close()
