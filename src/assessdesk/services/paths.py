"""Where profiles live by default (per-user data folder), chosen once at start-up and passed in."""

from __future__ import annotations

import os
from pathlib import Path


def data_root() -> Path:
    override = os.environ.get("ASSESSDESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("assessdesk", appauthor=False))


def default_profile() -> Path:
    return data_root() / "profiles" / "station"


def demo_profile() -> Path:
    return data_root() / "profiles" / "demo"
