"""Public verification at the certificate's QR URL: an HTML page that needs no JavaScript (valid / invalid / revoked /
unknown, issuer, holder name as configured, competencies, dates), the credential JSON, and the signed Bitstring
Status List credential.

Where the facts come from: approver stations push `credential.issued` (the signed credential), `credential.revoked`
and `credential.status_list_published` (the status list signed with the issuer key, which stays on approver
stations). The registry never signs credentials; it verifies them with the trusted-issuers file its admin installs
at `<data>/trusted-issuers.json` (the approver station's file, trust.issuers format) and shows the holder as
`<data>/verification.json` says ({"holder_name": "full" | "initials" | "hidden"}, default "full").
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from assessdesk.domain.clock import parse_iso
from assessdesk.registry.auth import RegistryDep
from assessdesk.registry.context import Registry
from assessdesk.registry.tables import candidates, events
from assessdesk.registry.verification_page import render_page
from assessdesk.trust.issuers import TrustedIssuer, load_trusted_issuers
from assessdesk.trust.verify import StatusListSnapshot, VerificationResult, verify_credential

router = APIRouter()
ISSUED, REVOKED, STATUS_PUBLISHED = "credential.issued", "credential.revoked", "credential.status_list_published"
TRUSTED_ISSUERS_FILE = "trusted-issuers.json"
SETTINGS_FILE = "verification.json"
_UUID = re.compile(r"^[0-9a-fA-F-]{32,36}$")


def status_list_entity(url: str) -> str:
    """The entity id a station gives a status list's events: keyed by the URL's path, so the list is found
    whichever host name (or scheme, behind a TLS proxy) the verifier used."""
    return "status-" + hashlib.sha256(urlparse(url).path.encode()).hexdigest()[:40]


@dataclass(frozen=True)
class Verdict:
    result: VerificationResult | None  # None: nothing known under that id
    credential: dict[str, Any] | None
    holder: str | None
    revoked_reason: str | None
    note: str | None
    holder_note: str = "not shown"


def _latest(conn: sa.Connection, entity_type: str, entity_id: str, event_type: str) -> Any:
    return conn.execute(sa.select(events.c.payload, events.c.received_at, events.c.server_seq)
                        .where(events.c.entity_type == entity_type, events.c.entity_id == entity_id,
                               events.c.event_type == event_type)
                        .order_by(events.c.server_seq.desc()).limit(1)).first()


def _settings(registry: Registry) -> dict[str, Any]:
    path = registry.data_dir / SETTINGS_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        return {}


def trusted_issuers(registry: Registry) -> dict[str, TrustedIssuer] | None:
    path = Path(registry.data_dir) / TRUSTED_ISSUERS_FILE
    if not path.exists():
        return None
    return load_trusted_issuers(json.loads(path.read_text(encoding="utf-8")))


def holder_name(name: str | None, mode: str) -> str | None:
    if not name or mode == "hidden":
        return None
    if mode == "initials":
        return " ".join(f"{part[0]}." for part in name.split() if part)
    return name


def verify(registry: Registry, credential_uuid: str, *, now: datetime | None = None) -> Verdict:
    now = now or datetime.now(UTC)
    with registry.engine.connect() as conn:
        issued = _latest(conn, "credential", credential_uuid, ISSUED)
        if issued is None:
            return Verdict(None, None, None, None, None)
        payload = json.loads(issued.payload)
        doc = payload.get("credential") if isinstance(payload.get("credential"), dict) else {}
        revoked = _latest(conn, "credential", credential_uuid, REVOKED)
        name = conn.execute(sa.select(candidates.c.name).where(
            candidates.c.candidate_id == str(payload.get("candidate_id", "")))).scalar()
        status_url = str(((doc.get("credentialStatus") or {}) if isinstance(doc.get("credentialStatus"), dict)
                          else {}).get("statusListCredential", ""))
        listed = _latest(conn, "status_list", status_list_entity(status_url), STATUS_PUBLISHED) if status_url \
            else None
    mode = str(_settings(registry).get("holder_name", "full"))
    holder = holder_name(name, mode)
    holder_note = "not shown (the issuer's setting)" if mode == "hidden" else "not on this registry's roster"
    revoked_reason = json.loads(revoked.payload).get("reason") if revoked is not None else None
    issuers = trusted_issuers(registry)
    if issuers is None:
        return Verdict(None, doc, holder, revoked_reason,
                       "This registry has no trusted-issuer list installed, so it cannot check the signature.",
                       holder_note)

    def fetch(url: str) -> StatusListSnapshot | None:
        if listed is None or urlparse(url).path != urlparse(status_url).path:
            return None
        list_doc = json.loads(listed.payload).get("credential")
        return StatusListSnapshot(list_doc, parse_iso(listed.received_at)) if isinstance(list_doc, dict) else None

    result = verify_credential(doc, trusted_issuers=issuers, status_fetcher=fetch, now=now)
    if revoked is not None and result.status in ("valid", "unknown"):
        # An approver station's authenticated revocation counts even before a fresh list arrives.
        result = VerificationResult("revoked", result.problems, result.credential_id, result.issuer_id,
                                    result.issuer_name, result.achievement_name, result.verification_method,
                                    result.status_checked_at, result.notes)
    return Verdict(result, doc, holder, revoked_reason, None, holder_note)


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept or "application/ld+json" in accept


@router.get("/credentials/{credential_id}", include_in_schema=False)
def credential_page(credential_id: str, request: Request, registry: RegistryDep) -> Response:
    as_json = credential_id.endswith(".json") or _wants_json(request)
    uuid = credential_id.removesuffix(".json").removeprefix("urn:uuid:")
    verdict = verify(registry, uuid) if _UUID.match(uuid) else Verdict(None, None, None, None, None)
    if as_json:
        if verdict.credential is None:
            return JSONResponse({"error": "not_found", "message": "No credential with this id is known here."},
                                status_code=404)
        return Response(json.dumps(verdict.credential, ensure_ascii=False, indent=2),
                        media_type="application/vc+ld+json" if "vc" in request.headers.get("accept", "")
                        else "application/json")
    status = 404 if verdict.credential is None else 200
    return HTMLResponse(render_page(verdict, credential_url=f"{request.url.path.removesuffix('.json')}.json"),
                        status_code=status, headers={"Cache-Control": "no-store"})


@router.get("/status/{list_name}", include_in_schema=False)
def status_list(list_name: str, request: Request, registry: RegistryDep) -> Response:
    with registry.engine.connect() as conn:
        listed = _latest(conn, "status_list", status_list_entity(str(request.url)), STATUS_PUBLISHED)
    if listed is None:
        return JSONResponse({"error": "not_found", "message": "No status list is published at this address."},
                            status_code=404)
    return Response(json.dumps(json.loads(listed.payload)["credential"], ensure_ascii=False),
                    media_type="application/vc+ld+json", headers={"Cache-Control": "max-age=300"})
