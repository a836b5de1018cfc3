"""Word wrapping for the one-page documents: never wider than the column, never loses a character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assessdesk.services.reports.fonts import SANS, text_width
from assessdesk.services.reports.grid import wrap

_TEXT = st.text(alphabet=st.sampled_from(list("abc XYZ ŁłĞğ Ωω Жж 王芳 -/:")), max_size=120)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, width=st.floats(min_value=12, max_value=300))
def test_wrapped_lines_fit_and_keep_every_non_space_character(text: str, width: float) -> None:
    lines = wrap(text, font=SANS, size=9, width=width)
    for line in lines:
        assert len(line) <= 1 or text_width(line, SANS, 9) <= width + 1e-6
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_long_url_breaks_inside_the_word() -> None:
    url = "https://registry.example.org/verify/01958a3c-7d2e-7b41-9f3a-2c5e8d1a6b90"
    lines = wrap(url, font=SANS, size=7, width=120)
    assert len(lines) > 1 and "".join(lines) == url
