"""Files the documents need (fonts) under the shared `resources/` folder; a clear error if one is gone."""

from __future__ import annotations

from pathlib import Path

from assessdesk.domain.errors import ConfigurationError
from assessdesk.trust.resources import resources_root


def resource_path(*parts: str) -> Path:
    """A file under `resources/` (found by `trust.resources`); a ConfigurationError names it when absent."""
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise ConfigurationError(
            f"A file the application needs is missing: resources/{'/'.join(parts)}.",
            hint="Reinstall the application.",
        )
    return path
