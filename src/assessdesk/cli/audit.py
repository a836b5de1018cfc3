"""`assessdesk audit verify`: check the audit chain and its signed checkpoints; name the first broken entry."""

from __future__ import annotations


def register(sub, parent) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("audit", help="the station's audit log")
    ps = p.add_subparsers(dest="audit_command", required=True)
    v = ps.add_parser("verify", parents=[parent], help="verify the hash chain and signed checkpoints")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=_verify)


def _verify(args) -> int:  # type: ignore[no-untyped-def]
    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.services.audit_log import verify_audit

    ctx = open_ctx(args)
    try:
        report = verify_audit(ctx)
    finally:
        ctx.close()
    if report.ok:
        text = f"audit log OK: {report.entries} entries, {report.checkpoints} signed checkpoints"
    else:
        first = (f"first broken entry: {report.first_broken_seq} ({report.first_broken_entry or 'n/a'})\n"
                 if report.first_broken_seq is not None else "")
        text = "audit log BROKEN\n" + first + "\n".join(f"  - {p}" for p in report.problems)
    emit(report.as_dict(), as_json=args.json, text=text)
    return 0 if report.ok else 1
