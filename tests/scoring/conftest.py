"""Scoring tests share the standards helpers (tests/standards/standards_support.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "standards"))
