"""Helpers shared by subcommands: resolve --profile, print JSON or text."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def profile_path(args: Any) -> Path:
    from assessdesk.services.paths import default_profile, demo_profile

    if getattr(args, "profile", None):
        return Path(args.profile)
    return default_profile() if (default_profile() / "profile.json").exists() else demo_profile()


def open_ctx(args: Any):  # -> StationContext
    from assessdesk.services.station import open_profile

    return open_profile(profile_path(args))


def emit(data: Any, *, as_json: bool, text: str) -> None:
    if as_json:
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
    else:
        print(text)
