"""Opens the station window: the chosen profile, else the user's profile, else the demo profile."""

from __future__ import annotations

import argparse
from pathlib import Path


def launch(args: argparse.Namespace) -> int:
    from assessdesk.services.paths import default_profile, demo_profile

    if args.profile:
        path, demo = Path(args.profile), False
    elif args.demo or not (default_profile() / "profile.json").exists():
        path, demo = demo_profile(), True
    else:
        path, demo = default_profile(), False
    from assessdesk.gui.app import run

    return run(profile_path=path, demo=demo, camera=args.camera)
