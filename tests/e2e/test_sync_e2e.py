"""End to end through a real registry process on 127.0.0.1 and three real station databases: a work-site station
records an attempt (real video from the sample clip) while the registry is down, then syncs; the assessor's
station pulls and scores it; the approver's station pulls it, re-verifies the evidence and issues the credential."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "faults"))
sys.path.insert(0, str(HERE.parent / "sync"))

from registry_process import RegistryProcess
from sync_support import PASSWORD, make_station

from assessdesk.domain.attempt import AttemptState
from assessdesk.domain.clock import SystemClock

PG_URL = os.environ.get("ASSESSDESK_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", pytest.param("postgres", marks=[
    pytest.mark.postgres, pytest.mark.skipif(not PG_URL, reason="ASSESSDESK_TEST_POSTGRES_URL is not set")])]
PASSING_LEVELS = {"FL-1": 2, "FL-2": 3, "FL-3": 2, "FL-4": 3, "FL-5": 2, "FL-6": 2}  # 19 of 27, pass mark 16


@pytest.fixture(params=BACKENDS)
def registry(request: pytest.FixtureRequest, tmp_path: Path):
    url = None
    if request.param == "postgres":
        import uuid

        import sqlalchemy as sa

        # A fresh database per run keeps the registry's own migrations honest.
        name = f"e2e_{uuid.uuid4().hex[:10]}"
        admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = PG_URL.rsplit("/", 1)[0] + f"/{name}"
    proc = RegistryProcess(tmp_path / "registry", database_url=url).start()
    yield proc
    proc.stop()
    if url:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def _user(station, username: str):
    from assessdesk.storage import users as users_repo

    with station.ctx.db.session() as s:
        return users_repo.by_username(s, username)[0]


def test_offline_attempt_reaches_assessor_and_approver(tmp_path: Path, registry: RegistryProcess) -> None:
    from assessdesk.services import attempts, users
    from assessdesk.services.auth import sign_in
    from assessdesk.services.evidence.demo_recording import record_demo_attempt
    from assessdesk.services.issuance import approval, issuer
    from assessdesk.services.scoring import sheets
    from assessdesk.services.standards.demo import demo_package_path
    from assessdesk.services.standards.pinning import pin_attempt
    from assessdesk.services.sync import routing, state, trusted
    from assessdesk.services.sync.engine import run_once
    from assessdesk.services.sync.enrolment import enrol
    from assessdesk.storage import schedule
    from assessdesk.storage import station as station_repo
    from assessdesk.storage.tables import CandidateRow

    # --- the registry admin prepares the organisation -------------------------------------------------------
    (tmp_path / "users.csv").write_text("username,display_name,roles,email\nproctor,Pat Proctor,proctor,\n"
                                        "rita,Rita Assessor,assessor,\nabe,Abe Approver,approver,\n")
    (tmp_path / "roster.csv").write_text("external_id,name,email\nC-1001,Łukasz Nowak,lukasz@example.org\n")
    registry.admin("init", "--organisation", "Łódź Skills Board", "--admin-username", "regadmin",
                   "--admin-name", "Reg Admin")
    registry.admin("users", "import", str(tmp_path / "users.csv"))
    registry.admin("roster", "import", str(tmp_path / "roster.csv"))
    registry.admin("standards", "publish", str(demo_package_path()))
    registry.admin("certify", "--username", "rita", "--rubric", "RUB-FORKLIFT", "--valid-until", "2027-12-31")

    clock = SystemClock()  # the public page judges the status list against the real time
    site = make_station(tmp_path / "site", "Work site laptop", clock=clock)
    desk = make_station(tmp_path / "desk", "Assessor at home", clock=clock)
    office = make_station(tmp_path / "office", "Approvals office", clock=clock)
    for st, kinds in ((site, ["recording_station"]), (desk, ["scoring_station"]), (office, ["approver_station"])):
        enrol(st.ctx, actor=st.admin, url=registry.url, code=registry.code(*kinds), kinds=kinds)
        report = run_once(st.ctx)  # users, roster, standards and the certification arrive
        assert report.ok and report.pulled >= 7, (report.error, report.problems)

    # --- the work site: the registry is down while the attempt is recorded -----------------------------------
    users.reset_password(site.ctx, actor=site.admin, user_id=_user(site, "proctor").id, new_password=PASSWORD)
    proctor = sign_in(site.ctx, username="proctor", password=PASSWORD)
    registry.kill()
    with site.ctx.db.session() as s:
        candidate = s.query(CandidateRow).filter_by(external_id="C-1001").one()
    from assessdesk.domain.ids import new_id
    from assessdesk.domain.schedule import Sitting

    with site.ctx.uow(proctor.id) as uow:
        sitting = schedule.add_sitting(uow.session, Sitting(new_id(), "Forklift pre-use inspection",
                                                             "Quarry gate 2", "2026-01-05", "08:30"))
    attempt_id = attempts.schedule_attempt(site.ctx, actor=proctor, sitting_id=sitting.id,
                                           candidate_id=candidate.id, credential_id="LOG-FORKLIFT-PREUSE",
                                           rubric_ref="RUB-FORKLIFT@1")
    with site.ctx.uow(proctor.id) as uow:
        pin_attempt(uow.session, attempt_id)
    sealed = record_demo_attempt(site.ctx, attempt_id=attempt_id)
    assert sealed.segments >= 2
    offline = run_once(site.ctx)
    assert not offline.ok and state.status(site.ctx).counts["queued"] > 10

    registry.start()
    report = run_once(site.ctx)
    assert report.ok and report.quarantined == 0 and report.conflicts == 0, (report.error, report.problems)
    assert report.uploaded >= sealed.segments + 1  # every segment, the photo and the manifest
    desk_id = next(k.station_id for k in routing.known_stations(site.ctx, kind="scoring_station"))
    routing.assign_scoring(site.ctx, actor=proctor, attempt_id=attempt_id, station_id=desk_id)
    assert run_once(site.ctx).acknowledged == 1
    assert state.status(site.ctx).counts["queued"] == 0

    # --- the assessor's station ----------------------------------------------------------------------------
    with desk.ctx.uow(desk.admin.id) as uow:
        station_repo.update_settings(uow.session, {"second_marking_sample_rate": 0.0})
    report = run_once(desk.ctx)
    assert report.ok and not report.problems, report.problems
    with desk.ctx.db.session() as s:
        assert schedule.get_attempt(s, attempt_id).state is AttemptState.AWAITING_SCORES
    rita = _user(desk, "rita")
    view = sheets.open_sheet(desk.ctx, actor=rita, attempt_id=attempt_id)
    sheet = view.sheet
    for criterion, level in PASSING_LEVELS.items():
        sheet = sheet.with_score(criterion, level=level)
    sheet = replace(sheet, signoff=True)
    sheets.save_draft(desk.ctx, actor=rita, sheet=sheet)
    sheets.submit_sheet(desk.ctx, actor=rita, sheet_id=sheet.id)
    with desk.ctx.db.session() as s:
        assert schedule.get_attempt(s, attempt_id).state is AttemptState.PASSED
    report = run_once(desk.ctx)
    assert report.ok and report.quarantined == 0, report.problems

    # --- the approver's station ----------------------------------------------------------------------------
    report = run_once(office.ctx)
    assert report.ok and not report.problems, report.problems
    with office.ctx.db.session() as s:
        assert schedule.get_attempt(s, attempt_id).state is AttemptState.PASSED
    config = state.load_config(office.ctx)
    with state.open_client(office.ctx, config) as client:
        fetched = trusted.fetch_attempt_evidence(office.ctx, client, attempt_id=attempt_id)
    assert sealed.sha256 in fetched and len(fetched) >= sealed.segments + 1
    assert trusted.bind_manifest_keys(office.ctx, attempt_id)
    abe = _user(office, "abe")
    issuer.create_issuer(office.ctx, actor=office.admin, name="Łódź Skills Board",
                         base_url=f"{registry.url}/", index_range=(0, 1000))
    queue = approval.approval_queue(office.ctx, actor=abe)
    assert [q.attempt_id for q in queue] == [attempt_id]
    review = approval.review(office.ctx, actor=abe, attempt_id=attempt_id)
    assert review.inputs.evidence.verified, review.inputs.evidence.summary
    issued = approval.approve(office.ctx, actor=abe, attempt_id=attempt_id)
    assert issued is not None
    report = run_once(office.ctx)
    assert report.ok and report.quarantined == 0 and report.acknowledged >= 2, (report.problems, report.error)

    # The work site learns the outcome too (it recorded the attempt, so it is in the audience).
    assert run_once(site.ctx).ok
    with site.ctx.db.session() as s:
        assert schedule.get_attempt(s, attempt_id).state is AttemptState.ISSUED

    # --- the public verification page at the certificate's QR address ----------------------------------------
    import shutil

    import httpx

    assert issued.verification_url.startswith(f"{registry.url}/credentials/")
    page = httpx.get(issued.verification_url, timeout=10)
    assert page.status_code == 200 and 'data-result="unknown"' in page.text  # no trusted issuer list yet
    shutil.copy(issuer.trusted_issuers_path(office.ctx), registry.data_dir / "trusted-issuers.json")
    page = httpx.get(issued.verification_url, timeout=10)
    assert 'data-result="valid"' in page.text, page.text
    for text in ("Łódź Skills Board", "Łukasz Nowak", "Competencies", "<script" ):
        assert (text in page.text) is (text != "<script")
    doc = httpx.get(issued.verification_url + ".json", timeout=10).json()
    assert doc["id"] == issued.credential_id and doc["proof"]["type"] == "DataIntegrityProof"
    status_doc = httpx.get(issued.status_list_url, timeout=10).json()
    assert "BitstringStatusListCredential" in status_doc["type"] and status_doc["proof"]
    assert httpx.get(f"{registry.url}/credentials/{new_id()}", timeout=10).status_code == 404

    from assessdesk.services.issuance.records import revoke

    revoke(office.ctx, actor=abe, credential_id=issued.credential_id, reason="identity fraud found on review")
    assert run_once(office.ctx).acknowledged >= 2  # the revocation and the re-signed status list
    page = httpx.get(issued.verification_url, timeout=10)
    assert 'data-result="revoked"' in page.text and "identity fraud" in page.text
    for st in (site, desk, office):
        st.ctx.close()
