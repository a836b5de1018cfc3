"""`assessdesk credential ...`: headless credential commands (verify; list and export join later)."""

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
    return group


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
