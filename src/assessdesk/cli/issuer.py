"""`assessdesk issuer ...`: the organisation's issuer key: create, rotate, export an encrypted key file, install it."""

from __future__ import annotations

import argparse
from typing import Any

from assessdesk.cli.credential import add_sign_in_options, signed_in


def _range(text: str) -> tuple[int, int]:
    start, sep, end = text.partition(":")
    try:
        if not sep:
            raise ValueError
        return int(start), int(end)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not START:END, e.g. 10000:20000") from None


def register(subparsers: Any, parent: argparse.ArgumentParser) -> argparse.ArgumentParser:
    group = subparsers.add_parser("issuer", parents=[parent], help="the issuer key that signs credentials",
                                  description="Manage the organisation's Ed25519 issuer key on this station.")
    group.set_defaults(func=lambda args: (group.print_help(), 2)[1])
    commands = group.add_subparsers(dest="issuer_command", metavar="ACTION")

    create = commands.add_parser("create", parents=[parent], help="make the organisation's first issuer key")
    add_sign_in_options(create)
    create.add_argument("--name", required=True, help="the organisation's name, as credentials show it")
    create.add_argument("--base-url", required=True, metavar="URL",
                        help="verification base URL: QR codes point below it, the status list lives there")
    create.add_argument("--issuer-id", default="", metavar="IRI", help="issuer id (default: <base-url>issuer)")
    create.add_argument("--index-range", type=_range, default=(0, 10_000), metavar="START:END",
                        help="this station's own status-list indexes (default 0:10000)")
    create.set_defaults(func=_create)

    rotate = commands.add_parser("rotate", parents=[parent], help="switch to a new key; old credentials stay valid")
    add_sign_in_options(rotate)
    rotate.set_defaults(func=_rotate)

    export = commands.add_parser("export-key", parents=[parent], help="write the encrypted key file")
    add_sign_in_options(export)
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from this variable")
    export.set_defaults(func=_export)

    install = commands.add_parser("install-key", parents=[parent], help="install an exported key file here")
    add_sign_in_options(install)
    install.add_argument("file", metavar="FILE")
    install.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from this variable")
    install.add_argument("--base-url", metavar="URL", help="verification base URL (default: from the issuer id)")
    install.add_argument("--index-range", type=_range, metavar="START:END",
                         help="this station's own status-list indexes (required the first time)")
    install.set_defaults(func=_install)

    show = commands.add_parser("show", parents=[parent], help="print this station's issuer set-up (no secrets)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)
    return group


def _passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    import getpass
    import os

    from assessdesk.domain.errors import InvalidInput

    if args.passphrase_env:
        return os.environ.get(args.passphrase_env, "")
    first = getpass.getpass("Key file passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise InvalidInput("the two passphrases differ", where="key file passphrase")
    return first


def _run(args: argparse.Namespace, action: Any) -> int:
    from assessdesk.cli._common import open_ctx

    ctx = open_ctx(args)
    try:
        print(action(ctx, signed_in(args, ctx)))
    finally:
        ctx.close()
    return 0


def _create(args: argparse.Namespace) -> int:
    from assessdesk.services.issuance.issuer import create_issuer

    return _run(args, lambda ctx, user: "Created issuer key " + create_issuer(
        ctx, actor=user, name=args.name, base_url=args.base_url, issuer_id=args.issuer_id,
        index_range=args.index_range).key_id)


def _rotate(args: argparse.Namespace) -> int:
    from assessdesk.services.issuance.issuer import rotate_key

    return _run(args, lambda ctx, user: "Now signing with " + rotate_key(ctx, actor=user).key_id
                + "; earlier keys stay in the trusted-issuers file.")


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assessdesk.services.issuance.issuer import export_key

    passphrase = _passphrase(args, confirm=True)
    return _run(args, lambda ctx, user: f"Wrote the encrypted issuer key to "
                f"{export_key(ctx, actor=user, path=Path(args.out), passphrase=passphrase)}")


def _install(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assessdesk.services.issuance.issuer import install_key

    passphrase = _passphrase(args, confirm=False)

    def action(ctx: Any, user: Any) -> str:
        done = install_key(ctx, actor=user, path=Path(args.file), passphrase=passphrase, base_url=args.base_url,
                           index_range=args.index_range)
        return (f"Installed {done.key_id} for {done.issuer_name}; status indexes "
                f"{done.status_index_start}-{done.status_index_end - 1} of {done.status_list_url}.")

    return _run(args, action)


def _show(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit, open_ctx
    from assessdesk.services.issuance.issuer import describe

    ctx = open_ctx(args)
    try:
        info = describe(ctx)
    finally:
        ctx.close()
    text = "\n".join(f"{k}: {v}" for k, v in info.items())
    emit(info, as_json=args.json, text=text)
    return 0
