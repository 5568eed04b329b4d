"""One screen of a long paragraph draws only the pieces that reach into it (issue 13,
rule 7): the windowed query must give exactly the paragraph's pieces that overlap the
window, in the same order, for any spans (astral characters shift UTF-16 positions)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Annotation
from annotator.core.schema import default_schema
from annotator.ui.spans import SpanIndex

TEXT = "محمد في 🇵🇸 بيروت، and Paris " * 6


@given(
    st.lists(st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 40)), max_size=25),
    st.integers(0, len(TEXT)),
    st.integers(0, 60),
)
def test_the_pieces_of_a_window_are_those_overlapping_it(
    cuts: list[tuple[int, int]], start: int, width: int
) -> None:
    index = SpanIndex(TEXT, default_schema())
    anns = []
    for i, (s, n) in enumerate(cuts):
        e = min(len(TEXT), s + n)
        anns.append(Annotation(f"a{i}", 1, "sara", "PER", s, e, TEXT[s:e], {}))
    index.reset(anns)
    u_start = index.map.to_utf16(start)
    u_end = index.map.to_utf16(min(len(TEXT), start + width))
    expected = [
        p
        for p in index.pieces(0)
        if p.start < max(u_end, u_start + 1) and p.start + p.length > u_start
    ]
    got = [p.annotation.id for p in index.pieces(0, (u_start, u_end))]
    wanted = [p.annotation.id for p in expected]
    assert set(wanted) <= set(got)  # nothing on screen is missed
    assert [i for i in got if i in wanted] == wanted  # in the same order
