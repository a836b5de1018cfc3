"""Issued credentials as authored events (`credential.issued`, `credential.revoked`): list, read, export, verify,
revoke."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessdesk.domain.errors import ConfigurationError, InvalidInput, NotFound
from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.issuance import status
from assessdesk.services.issuance.issuer import trusted_issuers
from assessdesk.services.station import StationContext
from assessdesk.storage import schedule
from assessdesk.storage import users as users_repo
from assessdesk.storage.events import to_event
from assessdesk.storage.tables import EventRow
from assessdesk.trust.verify import VerificationResult, verify_credential

ISSUED, REVOKED = "credential.issued", "credential.revoked"


@dataclass(frozen=True)
class IssuedCredential:
    """One issued credential as listed: who, what, when, and whether it has been revoked."""

    credential_id: str  # urn:uuid:...
    attempt_id: str
    candidate_id: str
    candidate_name: str
    achievement_name: str
    issued_at: str
    valid_until: str | None
    issued_by: str
    status_list_url: str
    status_index: int
    credential_sha256: str
    certificate_sha256: str | None
    verification_url: str
    revoked_at: str | None = None
    revoked_by: str | None = None
    revoked_reason: str | None = None

    @property
    def entity_id(self) -> str:
        return self.credential_id.removeprefix("urn:uuid:")

    @property
    def state(self) -> str:
        return "revoked" if self.revoked_at else "issued"

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "state": self.state}


def _entity_id(credential_id: str) -> str:
    return credential_id.strip().removeprefix("urn:uuid:")


def _fold(session: Session, *, entity_id: str | None = None) -> list[tuple[IssuedCredential, dict[str, Any]]]:
    query = select(EventRow).where(EventRow.entity_type == "credential").order_by(EventRow.local_seq)
    if entity_id is not None:
        query = query.where(EventRow.entity_id == entity_id)
    names = {u.id: u.display_name for u in users_repo.list_all(session)}
    issued: dict[str, tuple[IssuedCredential, dict[str, Any]]] = {}
    for event in map(to_event, session.scalars(query)):
        p = event.payload
        if event.event_type == ISSUED:
            doc = p["credential"]
            try:
                candidate = schedule.get_candidate(session, p["candidate_id"]).full_name
            except NotFound:
                candidate = "(candidate not on this station)"
            subject = doc.get("credentialSubject", {})
            issued[event.entity_id] = (IssuedCredential(
                doc["id"], p["attempt_id"], p["candidate_id"], candidate,
                subject.get("achievement", {}).get("name", ""), doc.get("validFrom", event.occurred_at),
                doc.get("validUntil"), names.get(event.author_user or "", event.author_user or ""),
                p["status_list_url"], int(p["status_index"]), p["credential_sha256"], p.get("certificate_sha256"),
                p.get("verification_url", "")), doc)
        elif event.event_type == REVOKED and event.entity_id in issued:
            record, doc = issued[event.entity_id]
            issued[event.entity_id] = (IssuedCredential(**{
                **record.__dict__, "revoked_at": event.occurred_at,
                "revoked_by": names.get(event.author_user or "", event.author_user),
                "revoked_reason": p.get("reason")}), doc)
    return list(issued.values())


def find_issued(session: Session, credential_id: str) -> tuple[IssuedCredential, dict[str, Any]]:
    found = _fold(session, entity_id=_entity_id(credential_id))
    if not found:
        raise NotFound(f"No credential {credential_id} was issued or received on this station.")
    return found[0]


@requires("credential.view")
def list_credentials(ctx: StationContext, *, actor: User, candidate_id: str | None = None) -> list[IssuedCredential]:
    """Every credential this station holds, by candidate then issue date; optionally only one candidate's."""
    with ctx.db.session() as s:
        found = [rec for rec, _ in _fold(s) if candidate_id is None or rec.candidate_id == candidate_id]
    return sorted(found, key=lambda r: (r.candidate_name.lower(), r.issued_at))


@requires("credential.view")
def get_credential(ctx: StationContext, *, actor: User, credential_id: str) -> tuple[IssuedCredential, dict[str, Any]]:
    with ctx.db.session() as s:
        return find_issued(s, credential_id)


def _write(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@requires("credential.view")
def export_credential(ctx: StationContext, *, actor: User, credential_id: str, out: Path | None = None,
                      pdf: Path | None = None) -> IssuedCredential:
    """Write the signed credential (JSON, exactly as issued) and/or its certificate PDF."""
    if out is None and pdf is None:
        raise InvalidInput("name a JSON file, a PDF file or both", where="export")
    with ctx.db.session() as s:
        record, doc = find_issued(s, credential_id)
    store = ctx.evidence_store()
    if out is not None:
        # The stored bytes, not a re-serialisation: a verifier gets exactly what was signed and recorded.
        data = store.read_bytes(record.credential_sha256) if store.has(record.credential_sha256) else (
            json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode()
        _write(Path(out), data)
    if pdf is not None:
        if not record.certificate_sha256 or not store.has(record.certificate_sha256):
            raise NotFound("The certificate PDF of this credential is not on this station.",
                           hint="Export it from the approver station that issued it.")
        _write(Path(pdf), store.read_bytes(record.certificate_sha256))
    with ctx.uow(actor.id) as uow:
        uow.audit(action="credential.exported", subject_type="credential", subject_id=record.entity_id,
                  detail={"json": out is not None, "pdf": pdf is not None})
    return record


@requires("credential.view")
def verify_issued(ctx: StationContext, *, actor: User, credential_id: str) -> VerificationResult:
    """Verify a stored credential as any verifier would, against this station's trusted issuers and status list."""
    with ctx.db.session() as s:
        _, doc = find_issued(s, credential_id)
    return verify_credential(doc, trusted_issuers=trusted_issuers(ctx), status_fetcher=status.local_status_fetcher(ctx),
                             now=ctx.clock.now())


@requires("credential.revoke")
def revoke(ctx: StationContext, *, actor: User, credential_id: str, reason: str) -> IssuedCredential:
    """Revoke with a reason (audited); the status bit is set and this station's signed list copy rebuilt. The
    revocation event syncs, and the registry republishes the shared list."""
    if not reason.strip():
        raise InvalidInput("say why the credential is withdrawn", where="revocation reason")
    with ctx.uow(actor.id) as uow:
        record, _ = find_issued(uow.session, credential_id)
        if record.revoked_at:
            raise InvalidInput(f"it was already revoked on {record.revoked_at[:10]}", where="revocation")
        uow.record(entity_type="credential", entity_id=record.entity_id, event_type=REVOKED, base_version=1,
                   payload={"reason": reason.strip(), "attempt_id": record.attempt_id,
                            "status_list_url": record.status_list_url, "status_index": record.status_index})
    try:
        status.publish_status_list(ctx)
    except ConfigurationError:
        pass  # no issuer key here: the revocation is recorded and syncs; the registry republishes the list
    with ctx.db.session() as s:
        return find_issued(s, credential_id)[0]
