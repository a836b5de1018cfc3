"""RDF Dataset Canonicalization (RDFC-1.0 / URDNA2015, N-Quads) of JSON-LD, refusing undefined terms."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from pyld import jsonld
from pyld.context_resolver import ContextResolver

from assessdesk.trust.contexts import PinnedLoader, pinned_loader
from assessdesk.trust.errors import CanonicalizationError, ContextNotPinned

# pyld has no "safe mode", so undefined terms are caught the way the VC v2 "undefined-terms" context does it:
# a default vocabulary placed *first* in the context array. It only catches what would otherwise be dropped
# silently (a later @vocab, as in the spec's example context, still wins), and when it catches nothing the
# canonical N-Quads are byte-identical to processing without it.
_UNDEFINED_VOCAB = "urn:assessdesk:undefined-term#"
# Likewise relative IRIs would be dropped from the dataset; a sentinel base exposes them.
_RELATIVE_BASE = "urn:assessdesk:relative-iri/"
_SENTINELS = re.compile(r"<(urn:assessdesk:(?:undefined-term#|relative-iri/)[^>]*)>")
_KEYWORDS = frozenset(
    {
        "@base",
        "@container",
        "@context",
        "@direction",
        "@graph",
        "@id",
        "@import",
        "@included",
        "@index",
        "@json",
        "@language",
        "@list",
        "@nest",
        "@none",
        "@prefix",
        "@propagate",
        "@protected",
        "@reverse",
        "@set",
        "@type",
        "@value",
        "@version",
        "@vocab",
    }
)


def _unknown_keywords(value: Any, path: str = "$") -> list[str]:
    """Keys that look like keywords but are not: JSON-LD ignores them, so they would ride along unsigned."""
    found: list[str] = []
    if isinstance(value, Mapping):
        for key, inner in value.items():
            if key.startswith("@") and key not in _KEYWORDS:
                found.append(f"{path}.{key}")
            if key != "@context":
                found.extend(_unknown_keywords(inner, f"{path}.{key}"))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found.extend(_unknown_keywords(inner, f"{path}[{i}]"))
    return found


def canonize(document: Mapping[str, Any], *, loader: PinnedLoader | None = None, strict: bool = True) -> str:
    """Canonical N-Quads of `document`; with strict, any undefined term or relative IRI raises."""
    loader = loader or pinned_loader()
    doc: dict[str, Any] = copy.deepcopy(dict(document))
    if strict:
        odd = _unknown_keywords(doc)
        if odd:
            raise CanonicalizationError(
                "The document has keys JSON-LD ignores: " + ", ".join(odd), terms=tuple(odd)
            )
        contexts = doc.get("@context", [])
        doc["@context"] = [
            {"@vocab": _UNDEFINED_VOCAB},
            *(contexts if isinstance(contexts, list) else [contexts]),
        ]
    options = {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": loader,
        "contextResolver": ContextResolver(loader.resolved_cache, loader),
        "base": _RELATIVE_BASE if strict else "",
    }
    try:
        nquads = jsonld.normalize(doc, options)
    except jsonld.JsonLdError as exc:
        pinned = _find_cause(exc, ContextNotPinned)
        if pinned is not None:
            raise pinned from None
        raise CanonicalizationError(f"The document is not valid JSON-LD: {_describe(exc)}") from None
    if strict:
        leaks = sorted(set(_SENTINELS.findall(nquads)))
        if leaks:
            names = tuple(
                leak.split("#", 1)[-1] if "#" in leak else leak.rsplit("/", 1)[-1] for leak in leaks
            )
            raise CanonicalizationError(
                "The document uses terms or relative references its contexts do not "
                "define: " + ", ".join(names),
                terms=names,
            )
    return str(nquads)


def _find_cause(exc: BaseException, kind: type[BaseException]) -> Any:
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 20:  # bounded walk down the cause chain
        if isinstance(current, kind):
            return current
        current = current.__cause__ or getattr(current, "cause", None) or current.__context__
        seen += 1
    return None


def _describe(exc: BaseException) -> str:
    parts = []
    current: BaseException | None = exc
    for _ in range(6):
        if current is None:
            break
        code = getattr(current, "code", None) or getattr(current, "type", None)
        parts.append(f"{current} ({code})" if code else str(current))
        current = current.__cause__ or getattr(current, "cause", None)
    return " <- ".join(p.splitlines()[0] for p in parts if p)
