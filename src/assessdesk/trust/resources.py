"""Finds the top-level `resources/` folder from a source checkout, a frozen bundle or an override."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from assessdesk.domain.errors import ConfigurationError

ENV_OVERRIDE = "ASSESSDESK_RESOURCES"
_MARKER = "contexts"  # a folder every real resources/ has; guards against an unrelated 'resources' dir


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        found.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data files here
    if bundle:
        found.append(Path(bundle) / "resources")
    here = Path(__file__).resolve()
    found.extend(parent / "resources" for parent in here.parents)
    return found


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The resources folder: $ASSESSDESK_RESOURCES if set, else the nearest `resources/` above here."""
    override = os.environ.get(ENV_OVERRIDE)
    for candidate in _candidates():
        if (candidate / _MARKER).is_dir():
            return candidate
        if override and candidate == Path(override):
            raise ConfigurationError(
                f"{ENV_OVERRIDE} points at {override}, which holds no '{_MARKER}' folder.",
                hint="Point it at the resources folder of an assessdesk installation.",
            )
    raise ConfigurationError(
        "The assessdesk resources folder (bundled vocabularies, schemas) is missing.",
        hint=f"Reinstall assessdesk or set {ENV_OVERRIDE}.",
    )


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/, e.g. resource_path('contexts', 'manifest.json')."""
    return resources_root().joinpath(*parts)
