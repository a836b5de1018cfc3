"""Compiles forms/*.ui into gui/forms/ui_<name>.py with pyside6-uic (run after editing a form; a test checks drift)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
FORMS = ROOT / "forms"
OUT = Path(__file__).resolve().parent


def uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found: install PySide6-Essentials in this environment")
    return found


def compile_form(ui_file: Path, out_dir: Path = OUT) -> Path:
    target = out_dir / f"ui_{ui_file.stem}.py"
    subprocess.run([uic(), "-g", "python", str(ui_file), "-o", str(target)],
                   check=True, timeout=60)
    return target


def main() -> None:
    for ui_file in sorted(FORMS.glob("*.ui")):
        print(compile_form(ui_file).relative_to(ROOT))


if __name__ == "__main__":
    main()
