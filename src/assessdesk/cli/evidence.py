"""`assessdesk evidence list | export | verify`: sealed evidence on this station, packages, offline verification."""

from __future__ import annotations


def register(sub, parent) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("evidence", help="sealed video evidence: list, export packages, verify packages offline")
    ps = p.add_subparsers(dest="evidence_command", required=True)
    ls = ps.add_parser("list", parents=[parent], help="attempts on this station with recorded evidence")
    ls.add_argument("--all", action="store_true", help="include attempts not sealed yet")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)
    ex = ps.add_parser("export", parents=[parent], help="write an attempt's evidence package (folder or .zip)")
    ex.add_argument("attempt_id")
    ex.add_argument("--out", required=True, metavar="PATH", help="a new folder, or a file name ending in .zip")
    ex.add_argument("--json", action="store_true")
    ex.set_defaults(func=_export)
    ve = ps.add_parser("verify", parents=[parent], help="check a package offline (no database, no network)")
    ve.add_argument("path", metavar="PATH", help="the package folder or .zip")
    ve.add_argument("--trusted-keys", metavar="FILE",
                    help="station keys to trust (default: the profile's trusted-keys.json)")
    ve.add_argument("--json", action="store_true")
    ve.set_defaults(func=_verify)


def _list(args) -> int:  # type: ignore[no-untyped-def]
    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.services.evidence.listing import summaries

    ctx = open_ctx(args)
    try:
        rows = summaries(ctx, sealed_only=not args.all)
    finally:
        ctx.close()
    lines = [f"{r.attempt_id}  {'sealed' if r.sealed else 'open  '}  {r.segments:3d} segments  "
             f"{r.duration_s:7.1f} s  {r.artifacts} files  {r.state:<16} {r.candidate}"
             + ("  (recovered)" if r.recovered else "") for r in rows]
    emit([r.as_dict() for r in rows], as_json=args.json, text="\n".join(lines) or "no evidence on this station")
    return 0


def _export(args) -> int:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.services.evidence.package import write_package

    ctx = open_ctx(args)
    try:
        # The command line acts as the station's operator (no signed-in user); the export is audited as such.
        result = write_package(ctx, attempt_id=args.attempt_id, out=Path(args.out))
    finally:
        ctx.close()
    emit({"path": str(result.path), "files": result.files, "bytes": result.bytes,
          "manifest_sha256": result.manifest_sha256}, as_json=args.json,
         text=f"wrote {result.path} ({result.files} files, {result.bytes / 1e6:.1f} MB)")
    return 0


def _trusted_keys(args):  # type: ignore[no-untyped-def]
    """(keys, where they came from, a warning or '')."""
    from pathlib import Path

    from assessdesk.cli._common import profile_path
    from assessdesk.services.evidence.package_files import open_package
    from assessdesk.services.evidence.trusted_keys import PROFILE_FILE, load_trusted_keys, parse_trusted_keys

    if args.trusted_keys:
        return load_trusted_keys(Path(args.trusted_keys)), args.trusted_keys, ""
    profile_copy = profile_path(args) / PROFILE_FILE
    if profile_copy.exists():
        return load_trusted_keys(profile_copy), str(profile_copy), ""
    import json

    raw = open_package(Path(args.path)).read("trusted-keys.json")
    keys = parse_trusted_keys(json.loads(raw)) if raw else {}
    return keys, "the package itself", ("no trusted keys file was given and this machine has no profile: the "
                                        "keys shipped inside the package were used, which shows the package is "
                                        "intact but not who made it. Pass --trusted-keys with the registry's list.")


def _verify(args) -> int:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from assessdesk.cli._common import emit
    from assessdesk.services.evidence.package_files import open_package
    from assessdesk.services.evidence.verify import verify_package

    keys, source, warning = _trusted_keys(args)
    report = verify_package(open_package(Path(args.path)), keys, label=str(args.path))
    data = {**report.as_dict(), "trusted_keys": source, "warning": warning or None}
    if report.ok:
        text = (f"VALID: evidence of attempt {report.attempt}, {report.segments} segments "
                f"({report.duration_s:.1f} s), {report.artifacts} files, {report.photos} photos, "
                f"signed by {report.signer}")
    else:
        text = f"INVALID: {len(report.problems)} problem(s) in {args.path}\n" + "\n".join(
            f"  - [{p.kind}] {p.message}" for p in report.problems)
    text += "".join(f"\n  note: {n}" for n in report.notes)
    if warning:
        text += f"\n  warning: {warning}"
    emit(data, as_json=args.json, text=text)
    return 0 if report.ok else 1
