"""The organisation this registry serves: set once by `admin init`."""

from __future__ import annotations

import sqlalchemy as sa

from assessdesk.domain.errors import InvalidInput
from assessdesk.domain.ids import new_id
from assessdesk.registry import db
from assessdesk.registry.context import Registry
from assessdesk.registry.tables import organisation


def init_organisation(registry: Registry, *, name: str) -> str:
    if not name.strip():
        raise InvalidInput("give the organisation a name", where="organisation")
    with db.write_transaction(registry.engine) as conn:
        if conn.execute(sa.select(organisation.c.org_id)).first():
            raise InvalidInput("this registry already has an organisation", where="init")
        org_id = new_id()
        conn.execute(organisation.insert().values(org_id=org_id, name=name.strip(), created_at=registry.now()))
    return org_id


def organisation_name(registry: Registry) -> str:
    with registry.engine.connect() as conn:
        return conn.execute(sa.select(organisation.c.name)).scalar() or ""
