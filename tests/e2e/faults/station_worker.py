"""A station process for SIGKILL scenarios: open the profile, say "ready", then sync over and over until killed."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from assessdesk.domain.clock import FixedClock
from assessdesk.services.station import open_profile
from assessdesk.services.sync import client as _client  # noqa: F401 - imported before "ready", not mid-sync
from assessdesk.services.sync.engine import run_once


def main() -> int:
    ctx = open_profile(Path(sys.argv[1]), clock=FixedClock())
    ctx.evidence_store()
    print("ready", flush=True)
    for attempt in range(40):  # bounded: the harness kills it long before
        run_once(ctx, chunk_size=64 * 1024, rng=random.Random(attempt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
