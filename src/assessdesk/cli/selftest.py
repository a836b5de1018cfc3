"""`assessdesk self-test`: start the GUI offscreen on a temporary demo profile and walk it; exit 0 only if all worked."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def register(sub, parent) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("self-test", parents=[parent],
                       help="walk the app offscreen on a temporary demo profile (or --profile, a demo profile)")
    p.set_defaults(func=_run)


def _run(args) -> int:  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from assessdesk.gui.selftest import SelfTestFailed, run_self_test

    with tempfile.TemporaryDirectory(prefix="assessdesk-selftest-") as tmp:
        profile = Path(args.profile) if args.profile else Path(tmp) / "demo"
        try:
            run_self_test(profile)
        except SelfTestFailed as exc:
            print(f"self-test FAILED: {exc}", file=sys.stderr)
            return 1
    print("self-test passed")
    return 0
