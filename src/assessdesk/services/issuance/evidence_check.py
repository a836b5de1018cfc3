"""Re-verifies an attempt's sealed evidence before sign-off: the signed manifest, and every file it names."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from assessdesk.domain.errors import DomainError, NotFound
from assessdesk.services.station import StationContext
from assessdesk.trust.manifest_proof import verify_manifest

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class EvidenceCheck:
    """What the approver sees about the evidence: whether it verifies, and every problem found."""

    sealed: bool
    manifest_id: str | None
    manifest_sha256: str | None
    sealed_at: str | None
    files_checked: int
    problems: tuple[str, ...]
    manifest: Mapping[str, Any] | None = None

    @property
    def verified(self) -> bool:
        return self.sealed and not self.problems

    @property
    def summary(self) -> str:
        if not self.sealed:
            return "No sealed evidence: the attempt's evidence was never sealed on a recording station."
        if self.problems:
            return "Evidence does NOT verify: " + "; ".join(self.problems)
        return f"Evidence verified: signed manifest and {self.files_checked} file(s) match their hashes."


def trusted_station_keys(ctx: StationContext) -> dict[str, bytes]:
    """Station keys a manifest may be signed with: the profile's trusted-keys file (the registry's list once synced)
    plus this station's own key, read the way `evidence verify` reads them."""
    from assessdesk.services.evidence.trusted_keys import parse_trusted_keys, station_trusted_keys_document

    return parse_trusted_keys(station_trusted_keys_document(ctx))


def _named_files(node: Any) -> Iterator[str]:
    """Every sha256 the manifest names for a file (segments, artifacts, photos), wherever it nests them."""
    if isinstance(node, Mapping):
        value = node.get("sha256")
        if isinstance(value, str) and _SHA256.match(value):
            yield value
        for key, child in node.items():
            if key != "proof":
                yield from _named_files(child)
    elif isinstance(node, list):
        for child in node:
            yield from _named_files(child)


def check_sealed_evidence(ctx: StationContext, sealed: Mapping[str, Any] | None, sealed_at: str | None
                          ) -> EvidenceCheck:
    """Verify the manifest named by the attempt's `evidence.sealed` event payload (None: never sealed)."""
    if sealed is None:
        return EvidenceCheck(False, None, None, None, 0, ())
    digest = str(sealed.get("manifest_sha256") or sealed.get("sha256") or "")
    manifest_id = sealed.get("manifest_id")
    if not _SHA256.match(digest):
        return EvidenceCheck(True, manifest_id, None, sealed_at, 0,
                             (("the sealing record names no signed manifest, so this evidence was never sealed by a "
                             "recording station"),))
    store = ctx.evidence_store()
    problems: list[str] = []
    try:
        store.verify(digest)
        manifest = json.loads(store.read_bytes(digest))
    except NotFound:
        return EvidenceCheck(True, manifest_id, digest, sealed_at, 0,
                             ("the signed manifest is not on this station yet: sync to fetch the evidence",))
    except (DomainError, ValueError) as exc:
        return EvidenceCheck(True, manifest_id, digest, sealed_at, 0, (f"the manifest is damaged ({exc})",))
    problems += [p.message for p in verify_manifest(manifest, trusted_station_keys(ctx))]
    files = sorted(set(_named_files({k: v for k, v in manifest.items() if k != "proof"})))
    for sha in files:
        try:
            store.verify(sha)
        except NotFound:
            problems.append(f"file {sha[:12]}… named in the manifest is missing")
        except DomainError as exc:
            problems.append(f"file {sha[:12]}… was changed: {exc.message}")
    return EvidenceCheck(True, manifest_id or manifest.get("id"), digest, sealed_at, len(files), tuple(problems),
                         manifest)
