"""Hash chains: each link is sha256(previous hash || canonical JSON of the entry), so any edit shows downstream."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from assessdesk.trust.canonical import canonical_json

GENESIS = "0" * 64


def link_hash(prev_hash: str, entry: Any) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical_json(entry)).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    """The first place a chain stops adding up: its position (0-based), the entry's own id, and why."""

    position: int
    entry_id: str
    reason: str


def verify_chain(links: Iterable[tuple[str, Any, str, str]]) -> Iterator[ChainBreak]:
    """Check (entry_id, entry, prev_hash, hash) links in order; yield each break found (stop after the first)."""
    expected_prev = GENESIS
    for position, (entry_id, entry, prev_hash, stored) in enumerate(links):
        if prev_hash != expected_prev:
            yield ChainBreak(position, entry_id, "its previous-hash does not match the entry before it "
                                                 "(an entry was deleted, inserted or moved)")
            return
        if link_hash(prev_hash, entry) != stored:
            yield ChainBreak(position, entry_id, "its content does not match its hash (the entry was changed)")
            return
        expected_prev = stored
