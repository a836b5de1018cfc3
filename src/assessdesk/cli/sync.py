"""`assessdesk enrol URL CODE` and `assessdesk sync run-once|status|conflicts|fetch|purge`: the station's side of
the registry, headless."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    from assessdesk.cli.credential import add_sign_in_options

    enrol = subparsers.add_parser("enrol", parents=[parent], help="enrol this station with a registry",
                                  description="Register this station's public key with the registry, using a "
                                              "one-time code from the registry admin. The token is kept in the "
                                              "keyring; what the station recorded so far goes up with the next sync.")
    enrol.add_argument("url", metavar="URL", help="the registry's address, e.g. https://registry.example.org")
    enrol.add_argument("code", metavar="CODE", help="the one-time enrolment code")
    enrol.add_argument("--ca-file", metavar="FILE", help="trust this CA certificate (a registry with its own CA)")
    enrol.add_argument("--kind", action="append", dest="kinds", metavar="KIND",
                       help="station kind (repeat): recording_station, scoring_station, approver_station, "
                            "lead_assessor_station (default: recording and scoring)")
    enrol.add_argument("--json", action="store_true")
    add_sign_in_options(enrol)
    enrol.set_defaults(func=_enrol)

    group = subparsers.add_parser("sync", parents=[parent], help="sync with the registry",
                                  description="Push what this station recorded, pull what is routed to it.")
    group.set_defaults(func=lambda args: (group.print_help(), 2)[1])
    commands = group.add_subparsers(dest="sync_command", metavar="ACTION")

    run = commands.add_parser("run-once", parents=[parent], help="sync now, once")
    run.add_argument("--user", metavar="NAME", help="sign in as this user (the sync is then audited as theirs)")
    run.add_argument("--password-env", metavar="VAR", help="read the password from this environment variable")
    run.add_argument("--no-evidence", action="store_true", help="records only; upload evidence files later")
    run.add_argument("--json", action="store_true")
    run.set_defaults(func=_run_once)

    status = commands.add_parser("status", parents=[parent], help="queued / sent / acknowledged / conflict / "
                                                                 "quarantined counts, last good sync, next try")
    status.add_argument("--items", action="store_true", help="also list conflict and quarantined records")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=_status)

    conflicts = commands.add_parser("conflicts", parents=[parent], help="records the registry answered with a "
                                                                       "conflict")
    conflicts.set_defaults(func=lambda args: (conflicts.print_help(), 2)[1])
    actions = conflicts.add_subparsers(dest="conflict_command", metavar="ACTION")
    listing = actions.add_parser("list", parents=[parent], help="both versions of every open conflict")
    add_sign_in_options(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_conflicts_list)
    resolve = actions.add_parser("resolve", parents=[parent], help="keep mine, keep theirs, or keep both")
    add_sign_in_options(resolve)
    resolve.add_argument("event_id", metavar="EVENT_ID")
    resolve.add_argument("choice", choices=["mine", "theirs", "both"])
    resolve.set_defaults(func=_conflicts_resolve)

    fetch = commands.add_parser("fetch", parents=[parent], help="download an evidence file routed here")
    fetch.add_argument("sha256", metavar="SHA256")
    fetch.set_defaults(func=_fetch)

    purge = commands.add_parser("purge", parents=[parent], help="purge local evidence the registry confirmed "
                                                               "(retention rule)")
    add_sign_in_options(purge)
    purge.add_argument("--dry-run", action="store_true", help="only say what would go")
    purge.add_argument("--offline", action="store_true", help="do not ask the registry about unconfirmed files")
    purge.add_argument("--json", action="store_true")
    purge.set_defaults(func=_purge)
    return group


def _enrol(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.cli.credential import signed_in
    from assessdesk.services.sync.enrolment import DEFAULT_KINDS, enrol

    ctx = open_ctx(args)
    try:
        done = enrol(ctx, actor=signed_in(args, ctx), url=args.url, code=args.code, ca_file=args.ca_file,
                     kinds=args.kinds or DEFAULT_KINDS)
    finally:
        ctx.close()
    emit(done.__dict__, as_json=args.json,
         text=f"Enrolled with {done.organisation or done.registry_url} as {', '.join(done.kinds)}.\n"
              f"{done.queued} records recorded so far will go up with the next sync "
              f"('assessdesk sync run-once').")
    return 0


def _run_once(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.services.sync.engine import run_once, sync_now

    ctx = open_ctx(args)
    try:
        if args.user:
            from assessdesk.cli.credential import signed_in

            report = sync_now(ctx, actor=signed_in(args, ctx), upload_evidence=not args.no_evidence)
        else:
            report = run_once(ctx, upload_evidence=not args.no_evidence)
    finally:
        ctx.close()
    if report.ok:
        text = (f"Synced: pulled {report.pulled}, acknowledged {report.acknowledged}, conflicts {report.conflicts}, "
                f"quarantined {report.quarantined}, evidence files uploaded {report.uploaded}.")
    else:
        text = f"Sync failed: {report.error}\nWork goes on offline; next try at {report.next_try}."
    text += "".join(f"\nnote: {p}" for p in report.problems[:20])
    emit(report.as_dict(), as_json=args.json, text=text)
    return 0 if report.ok else 1


def _status(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.services.sync.state import status
    from assessdesk.storage import sync as repo

    ctx = open_ctx(args)
    try:
        st = status(ctx)
        data = st.as_dict()
        if args.items:
            with ctx.db.session() as s:
                data["items"] = [i.__dict__ for i in repo.items(s, statuses=[repo.CONFLICT, repo.QUARANTINED])]
    finally:
        ctx.close()
    c = st.counts
    lines = [f"Registry: {st.registry_url or 'not enrolled (the station works standalone)'}",
             (f"Queued {c['queued']} · sent {c['sent']} · acknowledged {c['acknowledged']} · "
              f"conflict {c['conflict']} · quarantined {c['quarantined']}"),
             f"Last good sync: {st.last_good_sync or 'never'} · next try: {st.next_try or 'when asked'}"]
    if st.last_error:
        lines.append(f"Last error: {st.last_error}")
    if st.clock_warning:
        lines.append(f"WARNING: {st.clock_warning}")
    for item in data.get("items", []):
        lines.append(f"  {item['status']:<11} {item['event_id']} {item['event_type']}: "
                     f"{item['detail'].get('reason', '')} {item['detail'].get('detail', '')}")
    emit(data, as_json=args.json, text="\n".join(lines))
    return 0


def _conflicts_list(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.cli.credential import signed_in
    from assessdesk.services.sync.conflicts import list_conflicts

    ctx = open_ctx(args)
    try:
        rows = list_conflicts(ctx, actor=signed_in(args, ctx))
    finally:
        ctx.close()
    text = "\n".join(f"{c.event_id} {c.event_type} ({c.reason}): {c.detail}\n  mine:   {c.mine}\n  theirs: {c.theirs}"
                     for c in rows) or "No open conflicts."
    emit([c.as_dict() for c in rows], as_json=args.json, text=text)
    return 0


def _conflicts_resolve(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import open_ctx
    from assessdesk.cli.credential import signed_in
    from assessdesk.services.sync.conflicts import resolve

    ctx = open_ctx(args)
    try:
        new = resolve(ctx, actor=signed_in(args, ctx), event_id=args.event_id, choice=args.choice)
    finally:
        ctx.close()
    print(f"Resolved ({args.choice})." + (f" New record {new} goes up with the next sync." if new else ""))
    return 0


def _fetch(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import open_ctx
    from assessdesk.services.sync import evidence, state

    ctx = open_ctx(args)
    try:
        config = state.load_config(ctx)
        if config is None:
            raise state.NotEnrolled()
        with state.open_client(ctx, config) as client:
            path = evidence.fetch(ctx, client, sha256=args.sha256.lower())
    finally:
        ctx.close()
    print(f"Stored (encrypted) at {path}.")
    return 0


def _purge(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.cli.credential import signed_in
    from assessdesk.services import retention
    from assessdesk.services.sync import evidence, state
    from assessdesk.services.sync.client import RegistryUnreachable

    ctx = open_ctx(args)
    try:
        actor = signed_in(args, ctx)
        confirmed: set[str] = set()
        config = state.load_config(ctx)
        ask = [] if args.offline or config is None else retention.old_unconfirmed(ctx)
        if ask and config is not None:
            try:
                with state.open_client(ctx, config) as client:
                    confirmed = evidence.present_of(client, ask)
            except RegistryUnreachable as exc:
                print(f"note: {exc}; only files confirmed earlier are purged.")
        report = retention.purge(ctx, actor=actor, dry_run=args.dry_run, confirmed_now=confirmed)
    finally:
        ctx.close()
    verb = "Would purge" if report.dry_run else "Purged"
    emit(report.as_dict(), as_json=args.json,
         text=f"{verb} {len(report.purged)} evidence files ({report.bytes_freed} bytes). Kept: "
              f"{report.kept_recent} recent, {report.kept_active} of attempts in progress, "
              f"{report.kept_unconfirmed} not yet confirmed by the registry.")
    return 0
