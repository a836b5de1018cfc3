"""The `assessdesk-registry` command: `serve` runs the HTTP server, `admin ...` manages the registry headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from assessdesk import __version__
from assessdesk.domain.errors import DomainError

DEFAULT_PORT = 8470


def common_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data", metavar="DIR", type=Path,
                        default=Path(os.environ.get("ASSESSDESK_REGISTRY_DATA", "registry-data")),
                        help="registry data folder: keys, evidence, and the SQLite database unless --database-url "
                             "(default: $ASSESSDESK_REGISTRY_DATA or ./registry-data)")
    parent.add_argument("--database-url", metavar="URL", default=os.environ.get("ASSESSDESK_REGISTRY_DATABASE_URL"),
                        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default: SQLite under --data)")
    return parent


def _serve(args: argparse.Namespace) -> int:
    import gc

    import uvicorn

    from assessdesk.registry.app import create_app
    from assessdesk.registry.context import open_registry

    registry = open_registry(data_dir=args.data, database_url=args.database_url)
    app = create_app(registry)
    # The server's long-lived objects (modules, app, engine) never become garbage: move them out of the collector's
    # sight, and collect the young generation less often, so full passes stop walking the whole heap every few
    # pushes (about a tenth of a batched push's CPU, docs/registry.md "Push throughput"). Cycles are still collected.
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)
    print(f"assessdesk registry on http://{args.host}:{args.port} (data: {registry.data_dir})", flush=True)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                    proxy_headers=args.proxy_headers, timeout_graceful_shutdown=10)
    finally:
        registry.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    from assessdesk.registry import admin_cli

    common = common_options()
    parser = argparse.ArgumentParser(prog="assessdesk-registry", description="The assessdesk registry server.")
    parser.add_argument("--version", action="version", version=f"assessdesk-registry {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    serve = sub.add_parser("serve", parents=[common], help="run the registry's HTTP server")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--proxy-headers", action="store_true",
                       help="trust X-Forwarded-* from a reverse proxy that terminates TLS")
    serve.set_defaults(func=_serve)
    admin_cli.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DomainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
