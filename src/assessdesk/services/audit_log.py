"""Audit checkpoints (the chain head signed by the station key) and verification of the whole log."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from assessdesk.domain.users import User
from assessdesk.services.authz import requires
from assessdesk.services.station import StationContext
from assessdesk.storage import audit
from assessdesk.storage import station as station_repo
from assessdesk.trust.canonical import canonical_json
from assessdesk.trust.chain import verify_chain
from assessdesk.trust.keys import b64, unb64, verify_signature

ANCHOR = "audit-anchor"  # the newest checkpoint, also kept in the keyring so a rolled-back file shows


def checkpoint(ctx: StationContext, *, reason: str) -> audit.Checkpoint:
    """Sign the current head (after a sealed attempt, a sync, a sign-out) and keep a copy outside the database."""
    key = ctx.signing_key()
    with ctx.uow(None) as uow:
        seq, head_hash = audit.head(uow.session)
        at = uow.now()
        body = audit.checkpoint_body(ctx.station_id, seq, head_hash, reason, at)
        cp = audit.Checkpoint(seq, head_hash, reason, at, key.key_id, b64(key.sign(canonical_json(body))))
        audit.add_checkpoint(uow.session, cp)
    ctx.secrets.set(ANCHOR, json.dumps(asdict(cp)).encode())
    return cp


@dataclass
class AuditReport:
    entries: int = 0
    checkpoints: int = 0
    problems: list[str] = field(default_factory=list)
    first_broken_seq: int | None = None
    first_broken_entry: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {"ok": self.ok, **asdict(self)}


def verify_audit(ctx: StationContext) -> AuditReport:
    report = AuditReport()
    with ctx.db.session() as s:
        rows = audit.all_rows(s)
        cps = audit.all_checkpoints(s)
        station = station_repo.get(s)
    report.entries, report.checkpoints = len(rows), len(cps)

    def broken(seq: int | None, entry: str | None, text: str) -> None:
        report.problems.append(text)
        if report.first_broken_seq is None and seq is not None:
            report.first_broken_seq, report.first_broken_entry = seq, entry

    for position, row in enumerate(rows, start=1):
        if row.seq != position:
            broken(row.seq, row.entry_id, f"entry {row.seq} ({row.entry_id}) is out of sequence: expected {position} "
                                          "(an entry was deleted or inserted before it)")
            break
    for b in verify_chain((r.entry_id, audit.entry_body(r), r.prev_hash, r.hash) for r in rows):
        row = rows[b.position]
        broken(row.seq, row.entry_id, f"entry {row.seq} ({row.entry_id}): {b.reason}")
    by_seq = {r.seq: r for r in rows}
    public = unb64(station.public_key)
    for cp in cps:
        body = audit.checkpoint_body(ctx.station_id, cp.audit_seq, cp.head_hash, cp.reason, cp.signed_at)
        if not verify_signature(public, unb64(cp.signature), canonical_json(body)):
            broken(cp.audit_seq, None, f"checkpoint at entry {cp.audit_seq} has a bad signature")
        elif cp.audit_seq not in by_seq:
            broken(cp.audit_seq, None, f"checkpoint at entry {cp.audit_seq} points past the end of the log "
                                       "(the tail was truncated)")
        elif by_seq[cp.audit_seq].hash != cp.head_hash:
            row = by_seq[cp.audit_seq]
            broken(row.seq, row.entry_id, f"checkpoint at entry {cp.audit_seq} does not match the chain "
                                          "(the chain was recomputed after a change)")
    anchor_raw = ctx.secrets.get(ANCHOR)
    if anchor_raw:
        anchor = audit.Checkpoint(**json.loads(anchor_raw))
        if anchor not in cps:
            broken(anchor.audit_seq, None, f"the newest signed checkpoint (entry {anchor.audit_seq}, kept in the "
                                           "keyring) is missing from the database (checkpoints were removed)")
        if anchor.audit_seq not in by_seq:
            broken(anchor.audit_seq, None, f"the log ends before entry {anchor.audit_seq}, which a signed "
                                           "checkpoint covers (the tail was truncated)")
    return report


@requires("audit.verify")
def audit_report(ctx: StationContext, *, actor: User) -> AuditReport:
    """The same check for a signed-in user (the admin page); the result itself is audited."""
    report = verify_audit(ctx)
    with ctx.uow(actor.id) as uow:
        uow.audit(action="audit.verified", subject_type="station", subject_id=ctx.station_id,
                  outcome="ok" if report.ok else "broken", detail={"entries": report.entries})
    return report
