"""`assessdesk-registry admin ...`: organisation, enrolment codes, stations, standards, rosters, users, keys."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assessdesk.registry.context import Registry

Handler = Callable[[Registry, argparse.Namespace], int]


def _run(handler: Handler) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from assessdesk.registry.context import open_registry

        registry = open_registry(data_dir=args.data, database_url=args.database_url)
        try:
            return handler(registry, args)
        finally:
            registry.close()
    return run


def _print(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, indent=2) if getattr(args, "json", False) else text)


def _init(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.organisation import init_organisation
    from assessdesk.registry.users import UserSpec, upsert_users

    org_id = init_organisation(registry, name=args.organisation)
    upsert_users(registry, specs=[UserSpec(args.admin_username, args.admin_name, args.admin_email,
                                           frozenset({"admin"}))])
    print(f"Organisation '{args.organisation}' ({org_id}) created with admin '{args.admin_username}'.")
    print(f"Registry key: {registry.keys.key_id} — back up {registry.data_dir / 'keys'} somewhere safe.")
    return 0


def _code_issue(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.stations.service import issue_code, parse_kinds

    kinds = parse_kinds(args.kinds.split(",")) if args.kinds else None
    code = issue_code(registry, kinds=kinds, valid_hours=args.valid_hours, note=args.note)
    _print(args, {"code": code, "valid_hours": args.valid_hours},
           f"{code}\n(one use, valid {args.valid_hours:g} hours; type it on the station's enrolment page)")
    return 0


def _code_revoke(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.stations.service import revoke_code

    revoke_code(registry, code=args.code)
    print("Enrolment code revoked.")
    return 0


def _stations_list(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.stations.service import list_stations

    found = list_stations(registry)
    data = [{"station_id": s.station_id, "name": s.name, "kinds": sorted(s.kinds), "enrolled_at": s.enrolled_at,
             "revoked_at": s.revoked_at} for s in found]
    lines = [f"{s.station_id}  {s.name:<24} {','.join(sorted(s.kinds)):<40} "
             f"{'REVOKED ' + s.revoked_at if s.revoked_at else 'active'}" for s in found]
    _print(args, data, "\n".join(lines) or "No stations enrolled yet.")
    return 0


def _stations_revoke(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.stations.service import revoke_station

    revoke_station(registry, station_id=args.station_id, reason=args.reason)
    print(f"Station {args.station_id} revoked: every call it makes is now refused.")
    return 0


def _standards_publish(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.standards import load_package, publish

    package = load_package(args.file)
    event_id, new = publish(registry, package=package)
    print(f"{'Published' if new else 'Already published'}: {package['id']} {package['version']} ({event_id})")
    return 0


def _roster_import(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.rosters import import_roster, read_roster_csv

    added, changed = import_roster(registry, entries=read_roster_csv(args.file))
    print(f"Roster: {added} added, {changed} changed.")
    return 0


def _users_import(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.users import read_users_csv, upsert_users

    created, changed = upsert_users(registry, specs=read_users_csv(args.file))
    print(f"Users: {created} added, {changed} changed.")
    return 0


def _certify(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.users import certify

    cid = certify(registry, username=args.username, rubric_ref=args.rubric, valid_until=args.valid_until)
    print(f"Certification {cid} recorded.")
    return 0


def _walk_ins_list(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.rosters import list_walk_ins

    found = list_walk_ins(registry)
    data = [{"candidate_id": w.candidate_id, "name": w.name, "email": w.email, "station_id": w.station_id,
             "created_at": w.created_at, "possible_matches": list(w.possible_matches)} for w in found]
    lines = [f"{w.candidate_id}  {w.name:<30} {w.email or '-':<30} matches: {', '.join(w.possible_matches) or '-'}"
             for w in found]
    _print(args, data, "\n".join(lines) or "No walk-ins waiting for review.")
    return 0


def _walk_ins_merge(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.rosters import merge_walk_in

    merge_walk_in(registry, walk_in_id=args.walk_in_id, into_candidate_id=args.into)
    print(f"Walk-in {args.walk_in_id} merged into {args.into}.")
    return 0


def _keys_export(registry: Registry, args: argparse.Namespace) -> int:
    from assessdesk.registry.stations.trusted_keys import export_trusted_keys

    text = json.dumps(export_trusted_keys(registry), indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(f"Signed trusted-station-keys list written to {args.out}.")
    else:
        sys.stdout.write(text + "\n")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    admin = sub.add_parser("admin", help="manage the registry (runs on the registry's machine)")
    groups = admin.add_subparsers(dest="admin_command", metavar="WHAT", required=True)

    def command(parent: argparse._SubParsersAction, name: str, handler: Handler, text: str,
                json_flag: bool = False) -> argparse.ArgumentParser:
        p = parent.add_parser(name, parents=[common], help=text, description=text)
        if json_flag:
            p.add_argument("--json", action="store_true", help="print JSON")
        p.set_defaults(func=_run(handler))
        return p

    p = command(groups, "init", _init, "create the organisation and its first admin user")
    p.add_argument("--organisation", required=True)
    p.add_argument("--admin-username", required=True)
    p.add_argument("--admin-name", required=True)
    p.add_argument("--admin-email")

    codes = groups.add_parser("code", help="one-time enrolment codes").add_subparsers(dest="c", required=True)
    p = command(codes, "issue", _code_issue, "issue a one-time enrolment code", json_flag=True)
    p.add_argument("--kinds", help="limit the code to these station kinds (comma list)")
    p.add_argument("--valid-hours", type=float, default=72)
    p.add_argument("--note", default="")
    command(codes, "revoke", _code_revoke, "revoke an unused enrolment code").add_argument("code")

    st = groups.add_parser("stations", help="enrolled stations").add_subparsers(dest="s", required=True)
    command(st, "list", _stations_list, "list stations", json_flag=True)
    p = command(st, "revoke", _stations_revoke, "revoke a station: every later call it makes is refused")
    p.add_argument("station_id")
    p.add_argument("--reason", required=True)

    sd = groups.add_parser("standards", help="standards packages").add_subparsers(dest="s", required=True)
    command(sd, "publish", _standards_publish, "publish a standards package (JSON object with id and version)"
            ).add_argument("file", type=Path)
    ro = groups.add_parser("roster", help="candidate rosters").add_subparsers(dest="s", required=True)
    command(ro, "import", _roster_import, "import a roster CSV: external_id, name, email").add_argument(
        "file", type=Path)
    us = groups.add_parser("users", help="users").add_subparsers(dest="s", required=True)
    command(us, "import", _users_import, "import users CSV: username, display_name, roles (a;b), email"
            ).add_argument("file", type=Path)
    p = command(groups, "certify", _certify, "record an assessor's calibration for a rubric")
    p.add_argument("--username", required=True)
    p.add_argument("--rubric", required=True)
    p.add_argument("--valid-until", required=True, help="date, YYYY-MM-DD")

    wi = groups.add_parser("walk-ins", help="walk-in candidates from stations").add_subparsers(dest="s",
                                                                                              required=True)
    command(wi, "list", _walk_ins_list, "walk-ins waiting for review, with likely duplicates", json_flag=True)
    p = command(wi, "merge", _walk_ins_merge, "merge a walk-in into a roster candidate")
    p.add_argument("walk_in_id")
    p.add_argument("--into", required=True, metavar="CANDIDATE_ID")

    ks = groups.add_parser("keys", help="registry keys").add_subparsers(dest="s", required=True)
    command(ks, "export", _keys_export, "export the signed trusted-station-keys list").add_argument(
        "--out", metavar="FILE")
