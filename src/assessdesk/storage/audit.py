"""The append-only, hash-chained audit log and its signed checkpoints, at the row level."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessdesk.domain.ids import new_id
from assessdesk.storage.tables import AuditCheckpointRow, AuditRow
from assessdesk.trust.chain import GENESIS, link_hash


def entry_body(row: AuditRow) -> dict[str, Any]:
    """What the chain hashes for one row (the seq is part of it, so moving a row shows)."""
    return {"seq": row.seq, "entry_id": row.entry_id, "at": row.at, "actor": row.actor, "action": row.action,
            "subject_type": row.subject_type, "subject_id": row.subject_id, "outcome": row.outcome,
            "detail": json.loads(row.detail_json)}


def head(session: Session) -> tuple[int, str]:
    last = session.execute(select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)).first()
    return (last[0], last[1]) if last else (0, GENESIS)


def append(session: Session, *, at: str, actor: str | None, action: str, subject_type: str, subject_id: str,
           outcome: str = "ok", detail: dict[str, Any] | None = None) -> AuditRow:
    """Append one entry. `detail` holds ids, hashes and codes only, never personal data."""
    seq, prev = head(session)
    row = AuditRow(seq=seq + 1, entry_id=new_id(), at=at, actor=actor, action=action, subject_type=subject_type,
                   subject_id=subject_id, outcome=outcome, detail_json=json.dumps(detail or {}, sort_keys=True),
                   prev_hash=prev, hash="")
    row.hash = link_hash(prev, entry_body(row))
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class Checkpoint:
    audit_seq: int
    head_hash: str
    reason: str
    signed_at: str
    key_id: str
    signature: str


def checkpoint_body(station_id: str, audit_seq: int, head_hash: str, reason: str, signed_at: str) -> dict[str, Any]:
    return {"station": station_id, "audit_seq": audit_seq, "head_hash": head_hash, "reason": reason,
            "signed_at": signed_at}


def add_checkpoint(session: Session, cp: Checkpoint) -> None:
    session.add(AuditCheckpointRow(audit_seq=cp.audit_seq, head_hash=cp.head_hash, reason=cp.reason,
                                   signed_at=cp.signed_at, key_id=cp.key_id, signature=cp.signature))
    session.flush()


def all_rows(session: Session) -> list[AuditRow]:
    return list(session.scalars(select(AuditRow).order_by(AuditRow.seq)))


def all_checkpoints(session: Session) -> list[Checkpoint]:
    rows = session.scalars(select(AuditCheckpointRow).order_by(AuditCheckpointRow.id))
    return [Checkpoint(r.audit_seq, r.head_hash, r.reason, r.signed_at, r.key_id, r.signature) for r in rows]
