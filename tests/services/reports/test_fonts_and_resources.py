"""The embedded fonts render names in many scripts, and the resources folder is found or reported clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessdesk.domain.errors import ConfigurationError
from assessdesk.services.reports import fonts
from assessdesk.services.reports._resources import resource_path
from assessdesk.services.reports.certificate import render_certificate
from assessdesk.services.reports.samples import sample_certificate, sample_session_report
from assessdesk.services.reports.session_report import render_session_report
from assessdesk.trust.resources import resources_root


def test_names_in_five_scripts_are_extractable_and_every_font_is_embedded(kit) -> None:
    name = " ".join(kit.NAMES)  # Polish, Vietnamese, Turkish, Russian, Greek in one name line
    pdf = kit.PdfCheck(render_certificate(sample_certificate(name)))
    text = pdf.text()
    for part in kit.NAMES:
        assert part in text
    used = pdf.fonts()
    assert used, "no fonts found"
    assert all(used.values()), f"fonts not embedded: {used}"
    assert not any("Helvetica" in base or "Times" in base or "Courier" in base for base in used), used
    assert any("DejaVuSans" in base for base in used)


def test_characters_dejavu_lacks_fall_back_to_the_cjk_font(kit) -> None:
    assert fonts.runs("Chen 王芳", fonts.SANS) == [(fonts.SANS, "Chen "), (fonts.FALLBACK, "王芳")]
    pdf = kit.PdfCheck(render_certificate(sample_certificate("王芳 (Wang Fang)")))
    assert "王芳" in pdf.text()
    assert any("DroidSansFallback" in base for base in pdf.fonts())


def test_a_report_without_cjk_text_does_not_embed_the_large_fallback_font(kit) -> None:
    pdf = kit.PdfCheck(render_certificate(sample_certificate("Ayşe Yılmaz")))
    assert not any("DroidSansFallback" in base for base in pdf.fonts())
    session = kit.PdfCheck(render_session_report(sample_session_report(candidates=14)))
    assert any("DroidSansFallback" in base for base in session.fonts())  # the sample sitting has 王芳


def test_fonts_and_their_licences_ship_in_resources() -> None:
    folder = resources_root() / "fonts"
    for name in (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSerif-Bold.ttf",
        "DroidSansFallbackFull.ttf",
    ):
        assert (folder / name).stat().st_size > 100_000
    assert "Bitstream" in (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Apache License" in (folder / "LICENSE-DroidSansFallback.txt").read_text(encoding="utf-8")


@pytest.fixture
def fresh_root():
    """The shared locator caches its answer; clear it around tests that point it elsewhere."""
    resources_root.cache_clear()
    yield
    resources_root.cache_clear()


def test_env_override_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_root) -> None:
    (tmp_path / "contexts").mkdir()
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "x.ttf").write_bytes(b"x")
    monkeypatch.setenv("ASSESSDESK_RESOURCES", str(tmp_path))
    assert resource_path("fonts", "x.ttf") == tmp_path / "fonts" / "x.ttf"


def test_a_missing_font_file_says_which_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_root
) -> None:
    (tmp_path / "contexts").mkdir()
    monkeypatch.setenv("ASSESSDESK_RESOURCES", str(tmp_path))
    with pytest.raises(ConfigurationError, match="resources/fonts/missing.ttf") as caught:
        resource_path("fonts", "missing.ttf")
    assert "Reinstall" in caught.value.hint
