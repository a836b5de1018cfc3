"""This station's view of the revocation status list: drawing indexes from its range, and the signed list copy."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessdesk.domain.clock import parse_iso
from assessdesk.services.issuance import settings
from assessdesk.services.station import StationContext
from assessdesk.storage.tables import EventRow
from assessdesk.trust.statuslist import build_status_list_credential, new_bits, next_free_index, set_bit
from assessdesk.trust.verify import StatusListSnapshot

PUBLISHED_DIR = "published"  # in the profile folder: what a verification page (or sync) serves
STATUS_FILE = "status-list.json"
_RNG = random.SystemRandom()  # random assignment, as Bitstring Status List v1.0 section 6.1 recommends


def _credential_payloads(session: Session, event_type: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(EventRow.payload_json).where(EventRow.entity_type == "credential",
                                                                EventRow.event_type == event_type))
    return [json.loads(r) for r in rows]


def used_indexes(session: Session, list_url: str) -> set[int]:
    """Indexes any station has used on this list (events synced from other stations count too)."""
    return {int(p["status_index"]) for p in _credential_payloads(session, "credential.issued")
            if p.get("status_list_url") == list_url}


def revoked_indexes(session: Session, list_url: str) -> set[int]:
    return {int(p["status_index"]) for p in _credential_payloads(session, "credential.revoked")
            if p.get("status_list_url") == list_url}


def allocate_index(session: Session, current: settings.IssuanceSettings) -> int:
    """A free index from this station's own range; call inside the unit of work that records the issuance, so two
    approvals on one station cannot draw the same index (the write lock is held from BEGIN IMMEDIATE)."""
    return next_free_index(current.index_range(), used_indexes(session, current.status_list_url), rng=_RNG)


def status_file(ctx: StationContext) -> Path:
    return ctx.profile_dir / PUBLISHED_DIR / STATUS_FILE


def publish_status_list(ctx: StationContext) -> dict[str, Any]:
    """Rebuild the signed BitstringStatusListCredential from the revocation events and write this station's copy."""
    from assessdesk.services.issuance.issuer import issuer_signing_key

    current = settings.load(ctx)
    key = issuer_signing_key(ctx)
    bits = new_bits()
    with ctx.db.session() as s:
        for index in revoked_indexes(s, current.status_list_url):
            set_bit(bits, index)
    now = ctx.clock.now().replace(microsecond=0)
    doc = build_status_list_credential(
        list_url=current.status_list_url, issuer={"id": current.issuer_id, "name": current.issuer_name},
        bits=bits, key=key, valid_from=now, valid_until=now + timedelta(days=current.status_list_validity_days))
    path = status_file(ctx)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return doc


def _needs_refresh(doc: dict[str, Any], now: datetime) -> bool:
    """Refresh when less than a third of the copy's validity is left, so verifiers rarely see a stale list."""
    try:
        start, end = parse_iso(doc["validFrom"]), parse_iso(doc["validUntil"])
    except (KeyError, ValueError):
        return True
    return now >= end - (end - start) / 3


def local_status_fetcher(ctx: StationContext) -> Callable[[str], StatusListSnapshot | None]:
    """A status fetcher over this station's own published copy, refreshed (re-signed) when it is getting old and the
    issuer key is here. A list for another URL is simply not available offline: the answer is then 'unknown'."""

    def fetch(url: str) -> StatusListSnapshot | None:
        path = status_file(ctx)
        doc = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
        if (doc is None or _needs_refresh(doc, ctx.clock.now())) and settings.load(ctx).configured:
            doc = publish_status_list(ctx)
        if doc is None or doc.get("id") != url:
            return None
        # This station built the copy itself from every revocation it holds: it was "fetched" when it was built.
        return StatusListSnapshot(doc, parse_iso(doc["validFrom"]))

    return fetch
