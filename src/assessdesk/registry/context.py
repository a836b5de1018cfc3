"""The registry's composition root: settings, engine, keys and blob store built once and handed to the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from assessdesk.domain.clock import Clock, SystemClock, iso
from assessdesk.registry import db
from assessdesk.registry.evidence.blobs import BlobStore, EncryptedFileBlobStore
from assessdesk.registry.keys import RegistryKeys, load_or_create_keys


@dataclass
class Registry:
    """Everything a request or an admin command needs; no module-level state anywhere in the registry."""

    data_dir: Path
    engine: sa.Engine
    keys: RegistryKeys
    blobs: BlobStore
    clock: Clock = field(default_factory=SystemClock)

    def now(self) -> str:
        return iso(self.clock.now())

    def close(self) -> None:
        self.engine.dispose()


def open_registry(*, data_dir: Path, database_url: str | None = None, schema: str | None = None,
                  clock: Clock | None = None, migrate: bool = True) -> Registry:
    """Open (creating when new) the registry at `data_dir`; the database defaults to SQLite inside it."""
    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = db.make_engine(database_url or db.sqlite_url(data_dir), schema=schema)
    if migrate:
        db.upgrade(engine)
    keys = load_or_create_keys(data_dir / "keys")
    blobs = EncryptedFileBlobStore(data_dir / "evidence", key=keys.blob_key)
    return Registry(data_dir=data_dir, engine=engine, keys=keys, blobs=blobs, clock=clock or SystemClock())
