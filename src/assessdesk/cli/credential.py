"""`assessdesk credential ...`: headless credential commands: verify a file, list and export issued ones."""

from __future__ import annotations

import argparse
from typing import Any

# Exit codes of `credential verify`, one per answer, so scripts can branch without parsing text.
EXIT_CODES = {"valid": 0, "invalid": 1, "revoked": 3, "unknown": 4}


def register(subparsers: Any, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    group = subparsers.add_parser(
        "credential",
        parents=[parent],
        help="check Open Badges 3.0 credentials",
        description="Work with Open Badges 3.0 credentials.",
    )
    group.set_defaults(func=lambda args: (group.print_help(), 2)[1])
    commands = group.add_subparsers(dest="credential_command", metavar="ACTION")
    verify = commands.add_parser(
        "verify",
        parents=[parent],
        help="verify a credential file offline",
        description="Verify an OpenBadgeCredential: proof, pinned contexts, schema, dates, issuer trust and "
        "revocation status. Answers valid, invalid, revoked or unknown (exit 0, 1, 3, 4).",
    )
    verify.add_argument("file", metavar="FILE", help="the credential (JSON)")
    verify.add_argument(
        "--status-list",
        metavar="FILE",
        help="a copy of its BitstringStatusListCredential (JSON); its file time counts as when "
        "it was fetched. Without it the answer is at best 'unknown'.",
    )
    verify.add_argument(
        "--trusted-issuers",
        metavar="FILE",
        help='trusted issuers and their keys (JSON: {"issuers": [{"id", "name", '
        '"verificationMethods": [{"id", "publicKeyMultibase"}]}]}); without it no '
        "issuer is trusted",
    )
    verify.add_argument("--json", action="store_true", help="print the result as JSON")
    verify.set_defaults(func=verify_command)

    listing = commands.add_parser(
        "list",
        parents=[parent],
        help="list the credentials this station holds",
        description="List issued credentials per candidate, with their state (issued or revoked).",
    )
    add_sign_in_options(listing)
    listing.add_argument("--candidate", metavar="ID", help="only this candidate's credentials (candidate id)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_command)

    export = commands.add_parser(
        "export",
        parents=[parent],
        help="write an issued credential (JSON) and its certificate (PDF)",
        description="Export a credential exactly as signed, and/or its certificate with the transcript.",
    )
    add_sign_in_options(export)
    export.add_argument("credential_id", metavar="ID", help="the credential id (urn:uuid:... or the bare uuid)")
    export.add_argument("--out", metavar="FILE", help="write the signed credential JSON here")
    export.add_argument("--pdf", metavar="FILE", help="write the certificate and transcript PDF here")
    export.set_defaults(func=export_command)
    return group


def add_sign_in_options(parser: argparse.ArgumentParser) -> None:
    """Commands that read or change records act as a signed-in user, as in the app."""
    parser.add_argument("--user", required=True, metavar="NAME", help="your user name on this station")
    parser.add_argument(
        "--password-env",
        metavar="VAR",
        help="read your password from this environment variable instead of prompting",
    )


def signed_in(args: argparse.Namespace, ctx: Any) -> Any:
    """Sign in as --user (audited like the app's sign-in); the password comes from --password-env or a prompt."""
    import getpass
    import os

    from assessdesk.services.auth import sign_in

    if args.password_env:
        password = os.environ.get(args.password_env, "")
    else:
        password = getpass.getpass(f"Password for {args.user}: ")
    return sign_in(ctx, username=args.user, password=password)


def list_command(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.services.issuance.records import list_credentials

    ctx = open_ctx(args)
    try:
        rows = list_credentials(ctx, actor=signed_in(args, ctx), candidate_id=args.candidate)
    finally:
        ctx.close()
    lines, last = [], None
    for r in rows:
        if r.candidate_name != last:
            lines.append(r.candidate_name)
            last = r.candidate_name
        state = f"REVOKED {r.revoked_at[:10]} ({r.revoked_reason})" if r.revoked_at else "issued"
        lines.append(f"  {r.credential_id}  {r.achievement_name}  {r.issued_at[:10]}  {state}")
    text = "\n".join(lines) if rows else "No credentials have been issued on this station."
    emit([r.as_dict() for r in rows], as_json=args.json, text=text)
    return 0


def export_command(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assessdesk.cli._common import open_ctx
    from assessdesk.services.issuance.records import export_credential

    ctx = open_ctx(args)
    try:
        record = export_credential(
            ctx,
            actor=signed_in(args, ctx),
            credential_id=args.credential_id,
            out=Path(args.out) if args.out else None,
            pdf=Path(args.pdf) if args.pdf else None,
        )
    finally:
        ctx.close()
    for label, path in (("credential", args.out), ("certificate", args.pdf)):
        if path:
            print(f"Wrote the {label} of {record.candidate_name} ({record.credential_id}) to {path}")
    return 0


def verify_command(args: argparse.Namespace) -> int:
    import json
    import sys
    from datetime import UTC, datetime
    from pathlib import Path

    from assessdesk.trust.issuers import load_trusted_issuers
    from assessdesk.trust.verify import StatusListSnapshot, verify_credential

    credential = _read_json(Path(args.file), "credential")
    trusted = (
        load_trusted_issuers(_read_json(Path(args.trusted_issuers), "trusted issuers"))
        if args.trusted_issuers
        else {}
    )
    snapshot = None
    if args.status_list:
        path = Path(args.status_list)
        snapshot = StatusListSnapshot(
            _read_json(path, "status list"), datetime.fromtimestamp(path.stat().st_mtime, UTC)
        )

    def fetcher(url: str) -> StatusListSnapshot | None:
        # Only the file given on the command line; a list for another URL is simply not available.
        if snapshot is not None and snapshot.credential.get("id") == url:
            return snapshot
        return None

    result = verify_credential(
        credential, trusted_issuers=trusted, status_fetcher=fetcher, now=datetime.now(UTC)
    )
    if args.json:
        print(
            json.dumps(
                {
                    "status": result.status,
                    "summary": result.summary,
                    "problems": [{"code": p.code, "message": p.message} for p in result.problems],
                    "notes": list(result.notes),
                    "credential_id": result.credential_id,
                    "issuer_id": result.issuer_id,
                    "issuer_name": result.issuer_name,
                    "achievement": result.achievement_name,
                    "verification_method": result.verification_method,
                    "status_checked_at": result.status_checked_at.isoformat()
                    if result.status_checked_at
                    else None,
                },
                indent=2,
            )
        )
    else:
        out = sys.stdout
        print(result.summary, file=out)
        for label, value in (
            ("Credential", result.credential_id),
            ("Achievement", result.achievement_name),
            ("Issuer", result.issuer_name or result.issuer_id),
        ):
            if value:
                print(f"  {label}: {value}", file=out)
        for problem in result.problems:
            print(f"  - [{problem.code}] {problem.message}", file=out)
        for note in result.notes:
            print(f"  note: {note}", file=out)
    return EXIT_CODES[result.status]


def _read_json(path: Any, what: str) -> Any:
    import json

    from assessdesk.domain.errors import InvalidInput

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {path}", where=what) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{path} is not readable JSON ({exc})", where=what) from None
