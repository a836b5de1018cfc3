"""Publishing standards packages. For now any JSON object with an `id` and a `version` is accepted; the standards
format's own validation arrives with the standards engineer's validator and will be called from here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from assessdesk.domain.errors import InvalidInput
from assessdesk.registry import authoring, db
from assessdesk.registry.context import Registry
from assessdesk.registry.tables import standards_packages
from assessdesk.trust.canonical import content_hash


def load_package(path: Path) -> dict[str, Any]:
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"cannot read it as JSON ({exc})", where=str(path)) from None
    if not isinstance(package, dict):
        raise InvalidInput("a standards package is a JSON object", where=str(path))
    for key in ("id", "version"):
        if not isinstance(package.get(key), str) or not package[key].strip():
            raise InvalidInput(f"needs a text '{key}'", where=str(path))
    return package


def publish(registry: Registry, *, package: dict[str, Any], actor: str | None = None) -> tuple[str, bool]:
    """Publish a package version; (event id, newly published). A version is immutable: same content is a no-op,
    different content under a published id and version is refused."""
    digest = content_hash(package)
    with db.write_transaction(registry.engine) as conn:
        prior = conn.execute(sa.select(standards_packages).where(
            standards_packages.c.package_id == package["id"], standards_packages.c.version == package["version"]
        )).first()
        if prior is not None:
            if prior.content_hash == digest:
                return prior.event_id, False
            raise InvalidInput("this id and version are already published with different content; publish it "
                               "under a new version", where=f"{package['id']} {package['version']}")
        now = registry.now()
        [event] = authoring.append(conn, [authoring.Draft(
            entity_type="standards_package", entity_id=package["id"], event_type="standards.package_published",
            payload={"package": package, "version": package["version"], "sha256": digest})], now=now,
            author_user=actor)
        conn.execute(standards_packages.insert().values(package_id=package["id"], version=package["version"],
                                                        content_hash=digest, event_id=event.event_id,
                                                        published_at=now))
    return event.event_id, True
