"""Validates OpenBadgeCredentials against the JSON Schemas listed in resources/schemas/ob3/manifest.json."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import jsonschema

from assessdesk.domain.errors import ConfigurationError
from assessdesk.trust.resources import resource_path


@lru_cache(maxsize=1)
def _validators() -> tuple[tuple[str, Any], ...]:
    root = resource_path("schemas", "ob3")
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    found = []
    for entry in manifest["schemas"]:
        raw = (root / entry["file"]).read_bytes()
        if "sha256" in entry and hashlib.sha256(raw).hexdigest() != entry["sha256"]:
            raise ConfigurationError(
                f"The bundled schema {entry['file']} has been changed.", hint="Reinstall assessdesk."
            )
        schema = json.loads(raw)
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
        found.append((entry["file"], validator_class(schema)))
    if not found:
        raise ConfigurationError("No Open Badges 3.0 schema is bundled.", hint="Reinstall assessdesk.")
    return tuple(found)


def validate_credential(credential: Mapping[str, Any]) -> list[str]:
    """Every schema violation as 'schema file: path: message'; an empty list means the credential passes."""
    problems = []
    for name, validator in _validators():
        for error in sorted(validator.iter_errors(credential), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            problems.append(f"{name}: {where}: {error.message}")
    return problems
