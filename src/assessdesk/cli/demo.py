"""`assessdesk demo init`: build the demo profile without opening a window."""

from __future__ import annotations

from pathlib import Path


def register(sub, parent) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("demo", help="the demo profile")
    ps = p.add_subparsers(dest="demo_command", required=True)
    i = ps.add_parser("init", parents=[parent], help="create the demo profile (users, standards, candidates)")
    i.set_defaults(func=_init)


def _init(args) -> int:  # type: ignore[no-untyped-def]
    from assessdesk.services.demo import DEMO_USERS, build_demo_profile
    from assessdesk.services.paths import demo_profile

    path = Path(args.profile) if args.profile else demo_profile()
    ctx = build_demo_profile(path)
    print(f"Demo profile ready at {path}")
    for username, (_name, roles, password) in DEMO_USERS.items():
        print(f"  {username:<10} {password:<16} {', '.join(roles)}")
    ctx.close()
    return 0
