"""The layer rules of ARCHITECTURE.md, checked mechanically with import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_imports_without_qt() -> None:
    code = ("import sys, assessdesk.services.station, assessdesk.services.auth, assessdesk.storage.database; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt leaked into the core'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
