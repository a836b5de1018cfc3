"""The `assessdesk` command: with no subcommand it opens the station app; subcommands work headless."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from assessdesk import __version__
from assessdesk.domain.errors import DomainError

# Each name is a module in assessdesk.cli exposing `register(subparsers, parent)`; modules load only what they
# need when their command runs, so `--help` stays fast.
SUBCOMMAND_MODULES = (
    "profile", "demo", "audit", "selftest", "standards", "session", "identity", "evidence",
    "calibration", "credential", "issuer", "sync", "camera",
)


def profile_parent() -> argparse.ArgumentParser:
    """Options every subcommand takes."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--profile", metavar="PATH", help="station profile folder (default: the user's profile, "
                                                           "or the demo profile when none exists)")
    return parent


def build_parser() -> argparse.ArgumentParser:
    parent = profile_parent()
    parser = argparse.ArgumentParser(prog="assessdesk", parents=[parent],
                                     description="Proctored practical skill assessments for micro-credentials.")
    parser.add_argument("--version", action="version", version=f"assessdesk {__version__}")
    parser.add_argument("--demo", action="store_true", help="open (creating if needed) the demo profile")
    parser.add_argument("--camera", metavar="SOURCE",
                        help="camera source: an index (0), a video file path, or 'synthetic'")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(f"assessdesk.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"assessdesk.cli.{name}":
                continue  # that capability has not landed yet
            raise
        module.register(sub, parent)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from assessdesk.cli.gui_launch import launch

            return launch(args)
        return int(args.func(args) or 0)
    except DomainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
