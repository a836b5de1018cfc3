"""The station row: who this profile is, its public key and settings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessdesk.domain.errors import ConfigurationError
from assessdesk.storage.tables import StationRow


@dataclass(frozen=True)
class Station:
    id: str
    name: str
    key_id: str
    public_key: str
    is_demo: bool
    settings: dict[str, Any]


def _to_station(row: StationRow) -> Station:
    return Station(row.id, row.name, row.key_id, row.public_key, row.is_demo, json.loads(row.settings_json))


def create(session: Session, *, station_id: str, name: str, created_at: str, key_id: str, public_key: str,
           is_demo: bool, settings: dict[str, Any]) -> Station:
    row = StationRow(id=station_id, name=name, created_at=created_at, key_id=key_id, public_key=public_key,
                     is_demo=is_demo, settings_json=json.dumps(settings, sort_keys=True))
    session.add(row)
    session.flush()
    return _to_station(row)


def get(session: Session) -> Station:
    row = session.scalar(select(StationRow))
    if row is None:
        raise ConfigurationError("This profile has no station record.", hint="Create the profile again.")
    return _to_station(row)


def update_settings(session: Session, changes: dict[str, Any]) -> Station:
    row = session.scalar(select(StationRow))
    assert row is not None
    row.settings_json = json.dumps({**json.loads(row.settings_json), **changes}, sort_keys=True)
    session.flush()
    return _to_station(row)
