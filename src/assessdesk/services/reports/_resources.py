"""Finds the repository's `resources/` folder from a checkout, an installed bundle or ASSESSDESK_RESOURCES."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from assessdesk.domain.errors import ConfigurationError

# Private to reports until a shared resource locator exists; it looks in the same places one would.
_ENV = "ASSESSDESK_RESOURCES"


def resources_dir() -> Path:
    """The `resources/` folder: the env override first, a PyInstaller bundle, then up from here."""
    override = os.environ.get(_ENV)
    if override:
        path = Path(override)
        if path.is_dir():
            return path
        raise ConfigurationError(
            f"The resources folder named by {_ENV} does not exist: {path}.",
            hint=f"Unset {_ENV} or point it at the 'resources' folder of the installation.",
        )
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data files here
    if bundle and (Path(bundle) / "resources").is_dir():
        return Path(bundle) / "resources"
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "resources"
        if (candidate / "fonts").is_dir():
            return candidate
    raise ConfigurationError(
        "The application's resources folder (fonts, artwork) could not be found.",
        hint=f"Reinstall the application, or set {_ENV} to its 'resources' folder.",
    )


def resource_path(*parts: str) -> Path:
    """A file under `resources/`; raises a ConfigurationError naming it when it is missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise ConfigurationError(
            f"A file the application needs is missing: resources/{'/'.join(parts)}.",
            hint="Reinstall the application.",
        )
    return path
