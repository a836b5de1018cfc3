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
