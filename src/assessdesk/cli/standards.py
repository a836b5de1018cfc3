"""`assessdesk standards validate | import | export | diff`: the standards library from the command line."""

from __future__ import annotations

import argparse
import os
import sys


def register(sub, parent) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("standards", help="the standards library (competencies, credentials, rubrics, checklists)")
    ps = p.add_subparsers(dest="standards_command", required=True)
    v = ps.add_parser("validate", parents=[parent], help="check a package file; list every problem at once")
    v.add_argument("file")
    v.add_argument("--standalone", action="store_true",
                   help="do not resolve references against the profile's library")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=_validate)
    i = ps.add_parser("import", parents=[parent], help="import a package (all or nothing; importing again is a no-op)")
    i.add_argument("file")
    i.add_argument("--user", required=True, help="user name of an admin or lead assessor (password asked, or "
                                                 "taken from ASSESSDESK_PASSWORD)")
    i.set_defaults(func=_import)
    e = ps.add_parser("export", parents=[parent], help="write the whole library as one package file")
    e.add_argument("--out", required=True, metavar="FILE")
    e.add_argument("--package-id", default="STATION-LIBRARY")
    e.add_argument("--package-version", default=None)
    e.set_defaults(func=_export)
    d = ps.add_parser("diff", parents=[parent], help="what a package would change (against the library, or "
                                                     "against an older package file)")
    d.add_argument("file")
    d.add_argument("--against", metavar="OLD_FILE", help="compare with this package instead of the library")
    d.add_argument("--all", action="store_true", help="list unchanged items too")
    d.set_defaults(func=_diff)


def _print_report(report, as_json: bool = False) -> int:  # type: ignore[no-untyped-def]
    from assessdesk.cli._common import emit

    data = {"file": report.source, "ok": report.ok,
            "problems": [{"pointer": p.where, "reason": p.message} for p in report.problems]}
    text = f"{report.source}: OK" if report.ok else "\n".join(report.lines())
    emit(data, as_json=as_json, text=text)
    return 0 if report.ok else 1


def _has_profile(args: argparse.Namespace) -> bool:
    from assessdesk.cli._common import profile_path

    return (profile_path(args) / "profile.json").exists()


def _validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assessdesk.services.standards.validate import validate_file

    if args.standalone or not _has_profile(args):
        return _print_report(validate_file(Path(args.file)), args.json)
    from assessdesk.cli._common import open_ctx
    from assessdesk.services.standards.library import validate_for_station

    ctx = open_ctx(args)
    try:
        return _print_report(validate_for_station(ctx, Path(args.file)), args.json)
    finally:
        ctx.close()


def _import(args: argparse.Namespace) -> int:
    import getpass
    from pathlib import Path

    from assessdesk.cli._common import open_ctx
    from assessdesk.domain.standards_rules import StandardsInvalid
    from assessdesk.services.auth import sign_in
    from assessdesk.services.standards.library import import_package

    ctx = open_ctx(args)
    try:
        password = os.environ.get("ASSESSDESK_PASSWORD") or getpass.getpass(f"Password for {args.user}: ")
        actor = sign_in(ctx, username=args.user, password=password)
        try:
            result = import_package(ctx, actor=actor, path=Path(args.file))
        except StandardsInvalid as exc:
            for p in exc.problems:
                print(f"{exc.source}: {p.where or '/'}: {p.message}", file=sys.stderr)
            print("nothing was imported", file=sys.stderr)
            return 1
    finally:
        ctx.close()
    if result.changed_anything:
        print(f"imported {result.package_id} {result.package_version}: {len(result.added)} new item version(s)")
        for label in result.added:
            print(f"  + {label}")
    else:
        print(f"{result.package_id} {result.package_version} is already in the library; nothing changed")
    return 0


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assessdesk.cli._common import open_ctx
    from assessdesk.services.standards.library import write_library

    ctx = open_ctx(args)
    try:
        path = write_library(ctx, out=Path(args.out), package_id=args.package_id, version=args.package_version)
    finally:
        ctx.close()
    print(f"wrote {path}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assessdesk.services.standards.diff import diff_documents, index_document, render
    from assessdesk.services.standards.validate import validate_file

    report = validate_file(Path(args.file)) if args.against or not _has_profile(args) else None
    if args.against:
        old = validate_file(Path(args.against))
        if not old.ok:
            return _print_report(old)
        stored = index_document(old.document)
    elif report is not None:
        stored = {}
    else:
        from assessdesk.cli._common import open_ctx
        from assessdesk.services.standards.library import stored_index, validate_for_station

        ctx = open_ctx(args)
        try:
            report = validate_for_station(ctx, Path(args.file))
            stored = stored_index(ctx)
        finally:
            ctx.close()
    if not report.ok:
        return _print_report(report)
    print("\n".join(render(diff_documents(report.document, stored), include_unchanged=args.all)))
    return 0
