"""`assessdesk profile create`: make a station profile and its first admin without a window."""

from __future__ import annotations

import getpass
import os
from pathlib import Path


def register(sub, parent) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("profile", help="create station profiles")
    ps = p.add_subparsers(dest="profile_command", required=True)
    c = ps.add_parser("create", parents=[parent], help="create a station profile with its first admin")
    c.add_argument("--admin", required=True, metavar="NAME", help="the first admin's user name")
    c.add_argument("--admin-name", help="the first admin's display name (default: the user name)")
    c.add_argument("--station-name", default="Assessment station")
    c.add_argument("--password-env", metavar="VAR",
                   help="read the admin password from this environment variable instead of prompting")
    c.set_defaults(func=_create)


def _create(args) -> int:  # type: ignore[no-untyped-def]
    from assessdesk.cli._common import profile_path
    from assessdesk.services.station import create_profile

    if args.password_env:
        password = os.environ.get(args.password_env, "")
    else:
        password = getpass.getpass("Password for the first admin: ")
    path = Path(args.profile) if args.profile else profile_path(args)
    ctx = create_profile(path, station_name=args.station_name, admin_username=args.admin,
                         admin_display_name=args.admin_name or args.admin, admin_password=password)
    print(f"Created station profile {path} (station {ctx.station_id}); secrets in: {ctx.secrets.kind}")
    ctx.close()
    return 0
