"""The pinned JSON-LD contexts and a loader that serves only them, so proofs never touch the network."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assessdesk.trust.errors import ContextNotPinned, ContextTampered
from assessdesk.trust.resources import resource_path

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

# The exact @context arrays this station issues and accepts, in order: a reordered array is refused before any
# JSON-LD processing, because order decides which protected definitions win.
OB_CREDENTIAL_CONTEXT = (VC_V2, OB_V3P0)
VC_CONTEXT = (VC_V2,)


@dataclass(frozen=True)
class PinnedContext:
    url: str
    file: str
    sha256: str
    document: Mapping[str, Any]


@dataclass
class PinnedLoader:
    """A pyld document loader over a fixed url -> document table; any other URL raises ContextNotPinned.

    It also owns the resolved-context cache pyld uses, so a context resolved by some other loader in the same
    process can never leak into (or out of) this one.
    """

    documents: Mapping[str, Mapping[str, Any]]
    resolved_cache: dict[str, Any] = field(default_factory=dict)

    def __call__(self, url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        try:
            document = self.documents[url]
        except KeyError:
            raise ContextNotPinned(url) from None
        # tag "static": pyld keeps the processed context in resolved_cache, not re-processing it per call
        return {"contextUrl": None, "documentUrl": url, "document": document, "tag": "static"}

    def with_extra(self, extra: Mapping[str, Mapping[str, Any]]) -> PinnedLoader:
        """A new loader that also serves `extra` (tests use this for the specification's example context)."""
        return PinnedLoader({**self.documents, **extra})


def _load_manifest(root: Path) -> tuple[PinnedContext, ...]:
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    pinned = []
    for entry in manifest["contexts"]:
        raw = (root / entry["file"]).read_bytes()
        if hashlib.sha256(raw).hexdigest() != entry["sha256"]:
            raise ContextTampered(entry["url"], entry["file"])
        pinned.append(PinnedContext(entry["url"], entry["file"], entry["sha256"], json.loads(raw)))
    return tuple(pinned)


@lru_cache(maxsize=1)
def pinned_contexts() -> tuple[PinnedContext, ...]:
    """Every bundled context, hash-checked against resources/contexts/manifest.json on first use."""
    return _load_manifest(resource_path("contexts"))


@lru_cache(maxsize=1)
def pinned_loader() -> PinnedLoader:
    """The station-wide loader; one instance so its resolved-context cache is shared across proofs."""
    return PinnedLoader({ctx.url: ctx.document for ctx in pinned_contexts()})


def context_urls(document: Mapping[str, Any]) -> tuple[Any, ...]:
    """The document's @context as a tuple (a single value becomes a 1-tuple)."""
    value = document.get("@context")
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)
