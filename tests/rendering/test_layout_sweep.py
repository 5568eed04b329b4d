"""The runs and the spans per paragraph come from one sweep, every FSI's direction
from one pass, and a paragraph's levels skip the explicit-level pass when nothing is
explicit (issue 13, rule 7: linear time); they must equal what the plain definition (or
python-bidi's full steps) gives, for any spans, paragraphs, isolates and embeddings."""

from __future__ import annotations

from itertools import pairwise

from bidi import algorithm as bidi_algorithm
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Annotation
from annotator.rendering.layout import by_paragraph, paragraphs, runs
from annotator.rendering.visual import _as_embeddings, _resolved, is_rtl

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


def _resolved_by_the_library(text: str, rtl: bool) -> list[tuple[str, int, str, int]]:
    """python-bidi's own steps up to I2, every one of them (rules X1-X9 included)."""
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = int(rtl)
    storage["base_dir"] = "R" if rtl else "L"
    bidi_algorithm.get_embedding_levels(_as_embeddings(text), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
        char["type"] = char["type"] or "L"
        char["orig"] = char["orig"] or "L"
    bidi_algorithm.explicit_embed_and_overrides(storage)
    bidi_algorithm.resolve_weak_types(storage)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    return [(c["ch"], c["level"], c["type"], c["index"]) for c in storage["chars"]]


# Also boundary neutrals (ZWJ, soft hyphen, BOM), embeddings and an unassigned code point.
RESOLVED_TEXT = st.text(
    alphabet="\u2066\u2067\u2068\u2069\u202b\u202c\u202dاaב1١ .\n\u200d\u00ad\ufeff\u0378",
    max_size=40,
)


@given(RESOLVED_TEXT, st.booleans())
def test_resolved_levels_match_the_library_steps(text: str, rtl: bool) -> None:
    mine = [(c["ch"], c["level"], c["type"], c["index"]) for c in _resolved(text, rtl)]
    assert mine == _resolved_by_the_library(text, rtl)
