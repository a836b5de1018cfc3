"""The five roles and the action registry: which role may do what, as data that services and tests share."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from assessdesk.domain.errors import PermissionDenied


class Role(StrEnum):
    PROCTOR = "proctor"
    ASSESSOR = "assessor"
    APPROVER = "approver"
    LEAD_ASSESSOR = "lead_assessor"
    ADMIN = "admin"


_ALL = frozenset(Role)

# Every action a service guards, and the roles allowed to take it. Services declare the action they need with
# `services.authz.requires`, and a test checks that this table and the services name the same actions.
ACTIONS: dict[str, frozenset[Role]] = {
    "users.list": frozenset({Role.ADMIN}),
    "users.create": frozenset({Role.ADMIN}),
    "users.assign_roles": frozenset({Role.ADMIN}),
    "users.reset_password": frozenset({Role.ADMIN}),
    "users.deactivate": frozenset({Role.ADMIN}),
    "audit.verify": frozenset({Role.ADMIN, Role.LEAD_ASSESSOR}),
    "sessions.view": _ALL,
    "attempts.schedule": frozenset({Role.PROCTOR, Role.ADMIN}),
    "roster.view": frozenset({Role.PROCTOR, Role.ADMIN, Role.LEAD_ASSESSOR}),
    "roster.edit": frozenset({Role.PROCTOR, Role.ADMIN}),
    "checkin.perform": frozenset({Role.PROCTOR}),
    "identity.decide": frozenset({Role.PROCTOR}),
    "attempt.run": frozenset({Role.PROCTOR}),
    "attempt.void": frozenset({Role.PROCTOR, Role.ADMIN}),
    "incident.log": frozenset({Role.PROCTOR}),
    "session.report": frozenset({Role.PROCTOR, Role.ADMIN, Role.LEAD_ASSESSOR}),
    "evidence.attach": frozenset({Role.PROCTOR}),
    "evidence.view": frozenset({Role.ASSESSOR, Role.APPROVER, Role.LEAD_ASSESSOR}),
    "evidence.export": frozenset({Role.APPROVER, Role.LEAD_ASSESSOR, Role.ADMIN}),
    # Issuance (issue 7): approvers review and sign off; the issuer key is an admin's to create and install.
    "issuance.review": frozenset({Role.APPROVER}),
    "issuance.approve": frozenset({Role.APPROVER}),
    "credential.view": frozenset({Role.APPROVER, Role.ADMIN}),
    "credential.revoke": frozenset({Role.APPROVER}),
    "issuer.manage": frozenset({Role.ADMIN}),
    "issuer.install_key": frozenset({Role.ADMIN}),
    # Standards and scoring (issue 3).
    "standards.view": _ALL,
    "standards.import": frozenset({Role.ADMIN, Role.LEAD_ASSESSOR}),
    "scoring.score": frozenset({Role.ASSESSOR, Role.LEAD_ASSESSOR}),
    "scoring.moderate": frozenset({Role.LEAD_ASSESSOR}),
    "scoring.rescore": frozenset({Role.LEAD_ASSESSOR}),
    "outcomes.result_slip": frozenset({Role.PROCTOR, Role.ASSESSOR, Role.LEAD_ASSESSOR, Role.ADMIN}),
    # Sync and retention (issue 8): anyone may look and press "Sync now" (a work-site proctor must be able to);
    # deciding a conflict, enrolling the station and purging evidence are an admin's (conflicts also a lead's).
    "sync.view": _ALL,
    "sync.run": _ALL,
    "sync.resolve_conflict": frozenset({Role.ADMIN, Role.LEAD_ASSESSOR}),
    "sync.assign_scorer": frozenset({Role.PROCTOR, Role.ADMIN, Role.LEAD_ASSESSOR}),
    "station.enrol": frozenset({Role.ADMIN}),
    "retention.purge": frozenset({Role.ADMIN}),
    # Calibration (issue 6): lead assessors run exercises and watch drift; assessors see their own standing,
    # approvers and admins the certifications behind a sheet (benchmark sheets are scored under scoring.score).
    "calibration.view": frozenset({Role.ASSESSOR, Role.LEAD_ASSESSOR, Role.APPROVER, Role.ADMIN}),
    "calibration.manage": frozenset({Role.LEAD_ASSESSOR}),
}


def allowed_roles(action: str) -> frozenset[Role]:
    try:
        return ACTIONS[action]
    except KeyError:
        raise KeyError(f"unknown action {action!r}: add it to domain.roles.ACTIONS") from None


def can(roles: Iterable[Role | str], action: str) -> bool:
    allowed = allowed_roles(action)
    return any(Role(r) in allowed for r in roles)


def require(roles: Iterable[Role | str], action: str) -> None:
    roles = frozenset(str(r) for r in roles)
    if not can(roles, action):
        raise PermissionDenied(action, roles)
