"""User administration: create, assign roles, reset passwords, deactivate. Admin only, every decision audited."""

from __future__ import annotations

from assessdesk.domain.duties import check_role_grant
from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.ids import new_id
from assessdesk.domain.roles import Role
from assessdesk.domain.users import User, parse_roles, validate_password, validate_username
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext, _hash_password
from assessdesk.storage import users as users_repo


@requires("users.list")
def list_users(ctx: StationContext, *, actor: User) -> list[User]:
    with ctx.db.session() as s:
        return users_repo.list_all(s)


@requires("users.create")
def create_user(ctx: StationContext, *, actor: User, username: str, display_name: str, password: str,
                roles: list[str] | frozenset[Role]) -> User:
    username = validate_username(username.strip().lower())
    if not display_name.strip():
        raise InvalidInput("is required", where="display name")
    validate_password(password)
    role_set = parse_roles([str(r) for r in roles])
    hashed = _hash_password(password)
    with ctx.uow(actor.id) as uow:
        user = users_repo.add(uow.session, user_id=new_id(), username=username, display_name=display_name.strip(),
                              password_hash=hashed, roles=role_set, created_at=uow.now())
        uow.audit(action="user.created", subject_type="user", subject_id=user.id,
                  detail={"roles": sorted(role_set)})
    return user


@requires("users.assign_roles")
def assign_roles(ctx: StationContext, *, actor: User, user_id: str, roles: list[str] | frozenset[Role]) -> User:
    check_role_grant(actor.id, user_id)
    role_set = parse_roles([str(r) for r in roles])
    with ctx.uow(actor.id) as uow:
        user = users_repo.update(uow.session, user_id, roles=role_set)
        uow.audit(action="user.roles_assigned", subject_type="user", subject_id=user_id,
                  detail={"roles": sorted(role_set)})
    return user


@requires("users.reset_password")
def reset_password(ctx: StationContext, *, actor: User, user_id: str, new_password: str) -> User:
    validate_password(new_password)
    hashed = _hash_password(new_password)
    with ctx.uow(actor.id) as uow:
        user = users_repo.update(uow.session, user_id, password_hash=hashed, failed_attempts=0, locked_until=None)
        uow.audit(action="user.password_reset", subject_type="user", subject_id=user_id)
    return user


@requires("users.deactivate")
def set_active(ctx: StationContext, *, actor: User, user_id: str, active: bool) -> User:
    if user_id == actor.id and not active:
        raise InvalidInput("you cannot deactivate your own account", where="deactivate")
    with ctx.uow(actor.id) as uow:
        user = users_repo.update(uow.session, user_id, active=active)
        uow.audit(action="user.activated" if active else "user.deactivated", subject_type="user",
                  subject_id=user_id)
    return user
