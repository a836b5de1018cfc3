"""Typed errors raised by the trust layer, worded for the person at the screen."""

from __future__ import annotations

from assessdesk.domain.errors import DomainError


class ContextNotPinned(DomainError):
    """A JSON-LD document asked for a context this station does not carry; nothing is fetched."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"The credential uses a vocabulary this station does not know ({url}).",
            hint="Only credentials built on the bundled W3C and Open Badges 3.0 contexts can be checked.",
        )
        self.url = url


class ContextTampered(DomainError):
    """A bundled context file no longer matches its pinned hash."""

    def __init__(self, url: str, file: str) -> None:
        super().__init__(
            f"The bundled vocabulary file {file} for {url} has been changed.",
            hint="Reinstall assessdesk; credentials cannot be checked until then.",
        )
        self.url = url


class CanonicalizationError(DomainError):
    """A document could not be turned into canonical form (undefined terms, relative IRIs, bad JSON-LD)."""

    def __init__(self, message: str, *, terms: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.terms = terms


class ProofError(DomainError):
    """A proof could not be made or read (as opposed to a signature that simply does not match)."""


class StatusListError(DomainError):
    """A status list is malformed, too short, or its entry does not fit it."""


class StatusIndexesExhausted(DomainError):
    """A station has used every status-list index in its pre-allocated range."""

    def __init__(self, list_url: str, start: int, end: int) -> None:
        super().__init__(
            f"All revocation slots {start}-{end - 1} of {list_url} assigned to this station are used.",
            hint="Sync with the registry to receive a new range before approving more credentials.",
        )
        self.list_url = list_url


class CredentialBuildError(DomainError):
    """The data given for a credential does not make a valid Open Badges 3.0 credential."""

    def __init__(self, message: str, *, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message, hint="; ".join(problems))
        self.problems = problems


class EnvelopeError(DomainError):
    """An encrypted evidence file cannot be opened (wrong format, unknown key, wrong key)."""


class EnvelopeTampered(EnvelopeError):
    """An encrypted evidence file was changed, cut short or reordered; names the first chunk that fails."""

    def __init__(self, chunk_index: int, reason: str) -> None:
        super().__init__(
            f"The encrypted evidence file fails its integrity check at chunk {chunk_index}: {reason}.",
            hint="Do not use this copy; fetch the evidence again from the registry or the recording station.",
        )
        self.chunk_index = chunk_index
