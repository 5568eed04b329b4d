"""The runs and the spans per paragraph come from one sweep, and every FSI's direction
from one pass (issue 13, rule 7: linear time); they must equal what the plain definition
gives, for any spans, paragraphs and isolates."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Annotation
from annotator.rendering.layout import by_paragraph, paragraphs, runs
from annotator.rendering.visual import _as_embeddings, is_rtl

TEXT = st.text(alphabet="اب \n", max_size=40)


def spans_in(text: str) -> st.SearchStrategy[list[Annotation]]:
    edge = st.integers(0, len(text))
    pair = st.tuples(edge, edge).filter(lambda p: p[0] < p[1])
    return st.lists(pair, max_size=12).map(
        lambda pairs: [
            Annotation(f"a{i}", 1, "sara", "PER", s, e, text[s:e], {})
            for i, (s, e) in enumerate(pairs)
        ]
    )


@given(st.data())
def test_runs_and_paragraph_spans_match_their_definition(data: st.DataObject) -> None:
    text = data.draw(TEXT)
    anns = data.draw(spans_in(text))
    stretches = paragraphs(text)
    for (start, end), inside in zip(stretches, by_paragraph(anns, stretches), strict=True):
        assert {a.id for a in inside} == {a.id for a in anns if a.start < end and a.end > start}
        for run in runs(inside, start, end):
            expected = sorted(
                (a for a in anns if a.start <= run.start and a.end >= run.end),
                key=lambda s: (s.end - s.start, s.start),
            )
            assert [a.id for a in run.spans] == [a.id for a in expected]
        cut = runs(inside, start, end)
        assert all(a.end == b.start for a, b in pairwise(cut))


def _as_embeddings_by_definition(text: str) -> str:
    """Each FSI as the embedding ``is_rtl`` gives the text after it, up to the next PDI."""
    isolates = {"\u2066": "\u202a", "\u2067": "\u202b", "\u2069": "\u202c"}
    out = []
    for i, ch in enumerate(text):
        if ch == "\u2068":
            ch = "\u202b" if is_rtl(text[i + 1 :].split("\u2069", 1)[0]) else "\u202a"
        out.append(isolates.get(ch, ch))
    return "".join(out)


# Isolates, strong letters of both directions, Arabic and European digits, neutrals and
# paragraph separators.
BIDI_TEXT = st.text(alphabet="\u2066\u2067\u2068\u2069\u2068اaב1١ .\n\u2029", max_size=40)


@given(BIDI_TEXT)
def test_isolates_as_embeddings_match_their_definition(text: str) -> None:
    assert _as_embeddings(text) == _as_embeddings_by_definition(text)
