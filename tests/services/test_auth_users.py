"""Sign-in, lockout, user administration and the keyring, through the services with a real profile."""

from __future__ import annotations

import os

import pytest

from assessdesk.domain.errors import AccountLocked, AuthenticationFailed, InvalidInput, PermissionDenied
from assessdesk.domain.errors import SeparationOfDuties
from assessdesk.services import auth, users
from assessdesk.services.secrets import keyring_available
from assessdesk.storage import audit

PW = "password-123"


def _audit_actions(station) -> list[tuple[str, str]]:
    with station.db.session() as s:
        return [(r.action, r.outcome) for r in audit.all_rows(s)]


def test_ci_runs_the_real_keyring(station) -> None:
    if os.environ.get("CI") or os.environ.get("ASSESSDESK_REQUIRE_KEYRING"):
        assert keyring_available() and station.secrets.kind == "keyring"
    assert station.signing_key().public_b64() == station.station().public_key


def test_wrong_password_then_lockout_then_reset(station, admin, clock) -> None:
    pat = users.create_user(station, actor=admin, username="pat", display_name="Pat", password=PW, roles=["proctor"])
    for _ in range(4):
        with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
            auth.sign_in(station, username="pat", password="nope-nope-nope")
    with pytest.raises(AccountLocked, match="locked"):
        auth.sign_in(station, username="pat", password="nope-nope-nope")
    with pytest.raises(AccountLocked):
        auth.sign_in(station, username="pat", password=PW)  # even the right password waits out the lock
    clock.advance(minutes=16)
    assert auth.sign_in(station, username="pat", password=PW).id == pat.id
    actions = _audit_actions(station)
    assert ("auth.locked", "ok") in actions and actions.count(("auth.sign_in", "denied")) == 6


def test_unknown_user_and_deactivated(station, admin) -> None:
    with pytest.raises(AuthenticationFailed):
        auth.sign_in(station, username="ghost", password=PW)
    pat = users.create_user(station, actor=admin, username="pat", display_name="Pat", password=PW, roles=["proctor"])
    users.set_active(station, actor=admin, user_id=pat.id, active=False)
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        auth.sign_in(station, username="pat", password=PW)


def test_roles_enforced_in_services_not_buttons(station, admin) -> None:
    pat = users.create_user(station, actor=admin, username="pat", display_name="Pat", password=PW, roles=["proctor"])
    with pytest.raises(PermissionDenied):
        users.create_user(station, actor=pat, username="eve", display_name="Eve", password=PW, roles=["admin"])
    with pytest.raises(SeparationOfDuties):
        users.assign_roles(station, actor=admin, user_id=admin.id, roles=["admin", "approver"])
    with pytest.raises(InvalidInput, match="already taken"):
        users.create_user(station, actor=admin, username="pat", display_name="P2", password=PW, roles=[])
    assert [u.username for u in users.list_users(station, actor=admin)] == ["admin", "pat"]


def test_reset_password_and_sign_out_checkpoint(station, admin) -> None:
    pat = users.create_user(station, actor=admin, username="pat", display_name="Pat", password=PW, roles=["proctor"])
    users.reset_password(station, actor=admin, user_id=pat.id, new_password="another-pass-9")
    auth.sign_in(station, username="pat", password="another-pass-9")
    auth.sign_out(station, user=admin, reason="idle")
    with station.db.session() as s:
        assert audit.all_checkpoints(s)[-1].reason == "sign_out"


def test_every_registered_action_is_guarded_by_a_service() -> None:
    import importlib
    import pkgutil

    import assessdesk.services as services
    from assessdesk.domain.roles import ACTIONS
    from assessdesk.services.authz import GUARDED

    for mod in pkgutil.walk_packages(services.__path__, "assessdesk.services."):
        importlib.import_module(mod.name)
    assert set(GUARDED) == set(ACTIONS), "domain.roles.ACTIONS and the services' @requires must name the same actions"
