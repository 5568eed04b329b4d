"""is_rtl reads a paragraph's direction as the bidi algorithm does, without reading a
long text to its end."""

from __future__ import annotations

from bidi import get_base_level
from hypothesis import given
from hypothesis import strategies as st

from annotator.rendering.visual import is_rtl

PIECES = ["a", "Z", "م", "ب", "1", "٣", " ", ",", "«", "\n", "\u2066", "\u2067", "\u2068", "\u2069"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_direction_is_the_bidi_algorithms(text: str) -> None:
    assert is_rtl(text) == (bool(text) and get_base_level(text) == 1)
