"""Wire models for evidence: which blobs an attempt expects, and which the registry holds."""

from __future__ import annotations

from pydantic import BaseModel, Field

SHA256_PATTERN = r"^[0-9a-f]{64}$"

# Upload-Metadata keys (tus) the registry reads; values are base64 per the tus spec.
META_SHA256 = "sha256"
META_ATTEMPT = "attempt_id"
META_FILENAME = "filename"


class EvidenceItem(BaseModel):
    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int | None = None
    present: bool


class AttemptEvidence(BaseModel):
    """Evidence named by an attempt's evidence events (expected) against blobs the registry has verified."""

    attempt_id: str
    items: list[EvidenceItem]

    @property
    def missing(self) -> list[str]:
        return [i.sha256 for i in self.items if not i.present]


class PresenceQuery(BaseModel):
    sha256: list[str] = Field(max_length=5000)


class PresenceAnswer(BaseModel):
    """The subset of asked hashes the registry holds, verified: safe to purge locally under retention rules."""

    present: list[str]
