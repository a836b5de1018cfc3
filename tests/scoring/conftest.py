"""Scoring tests share the standards helpers (tests/standards/standards_support.py) and the issuance helpers that
record real segment files and seal them (tests/issuance/issuance_support.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "standards"))
sys.path.insert(0, str(Path(__file__).parents[1] / "issuance"))
