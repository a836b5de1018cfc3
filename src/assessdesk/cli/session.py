"""`assessdesk session list|report`: today's sittings and the proctor's end-of-session report as a PDF."""

from __future__ import annotations

from pathlib import Path


def register(sub, parent) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("session", help="sittings and end-of-session reports")
    ps = p.add_subparsers(dest="session_command", required=True)
    ls = ps.add_parser("list", parents=[parent], help="the sittings on a date (default today)")
    ls.add_argument("--date", help="YYYY-MM-DD")
    ls.set_defaults(func=_list)
    r = ps.add_parser("report", parents=[parent], help="the end-of-session report of one sitting, as a PDF")
    r.add_argument("sitting_id")
    r.add_argument("--out", required=True, metavar="FILE")
    r.add_argument("--as-user", required=True, metavar="NAME",
                   help="sign in as this user (password from ASSESSDESK_PASSWORD, else asked)")
    r.set_defaults(func=_report)


def _list(args) -> int:  # type: ignore[no-untyped-def]
    from assessdesk.cli._common import open_ctx
    from assessdesk.storage import schedule

    ctx = open_ctx(args)
    day = args.date or ctx.clock.now().astimezone().date().isoformat()
    with ctx.db.session() as s:
        for sitting in schedule.sittings_on(s, day):
            print(f"{sitting.id}  {sitting.starts_at}  {sitting.title} — {sitting.site}")
    ctx.close()
    return 0


def _report(args) -> int:  # type: ignore[no-untyped-def]
    import getpass
    import os

    from assessdesk.cli._common import open_ctx
    from assessdesk.services.auth import sign_in
    from assessdesk.services.reports import render_session_report
    from assessdesk.services.session_report import session_report

    ctx = open_ctx(args)
    try:
        password = os.environ.get("ASSESSDESK_PASSWORD") or getpass.getpass(f"Password for {args.as_user}: ")
        user = sign_in(ctx, username=args.as_user, password=password)
        data = session_report(ctx, actor=user, sitting_id=args.sitting_id)
        render_session_report(data, path=Path(args.out))
    finally:
        ctx.close()
    print(f"Wrote {args.out}: {len(data.rows)} candidate(s)")
    return 0
