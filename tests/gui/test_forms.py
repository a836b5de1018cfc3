"""forms/*.ui are the source of truth: the committed ui_*.py must equal a fresh pyside6-uic compile."""

from __future__ import annotations

from pathlib import Path

from assessdesk.gui.forms.compile import FORMS, OUT, compile_form


def _strip(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "Created by: Qt User Interface Compiler" not in line)


def test_compiled_forms_match_sources(tmp_path: Path) -> None:
    sources = sorted(FORMS.glob("*.ui"))
    assert sources
    for ui_file in sources:
        fresh = compile_form(ui_file, tmp_path)
        committed = OUT / fresh.name
        assert committed.exists(), f"{committed.name} missing: run python -m assessdesk.gui.forms.compile"
        assert _strip(fresh.read_text()) == _strip(committed.read_text()), (
            f"{committed.name} drifted from {ui_file.name}: run python -m assessdesk.gui.forms.compile")


def test_top_level_object_names_are_distinct() -> None:
    import re

    names = [re.search(r'<widget class="\w+" name="(\w+)"', f.read_text()).group(1) for f in FORMS.glob("*.ui")]
    assert len(names) == len(set(names)) and "Form" not in names
