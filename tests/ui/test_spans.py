"""The view's span index (Qt-free): pieces per paragraph in UTF-16, lanes, order."""

from __future__ import annotations

from annotator.core.model import Annotation
from annotator.core.schema import default_schema
from annotator.ui.spans import SpanIndex
from tests.present import present

TEXT = "قال 👀 محمد إن «الحصار مستمر»\nوأكد أن غزة صامدة"


def ann(ident: str, label: str, start: int, end: int) -> Annotation:
    return Annotation(ident, 1, "me", label, start, end, TEXT[start:end])


def index(*spans: Annotation) -> SpanIndex:
    idx = SpanIndex(TEXT, default_schema())
    idx.reset(list(spans))
    return idx


def test_pieces_are_in_utf16_units_of_their_paragraph() -> None:
    second = TEXT.index("\n") + 1
    idx = index(ann("p", "PER", 6, 10), ann("c", "CLAIM", 0, len(TEXT)))
    first = {p.annotation.id: (p.start, p.length) for p in idx.pieces(0)}
    assert first["p"] == (7, 4)  # the emoji before it counts two units
    assert first["c"] == (0, second)  # a claim over both paragraphs is cut at the break
    assert [(p.annotation.id, p.start) for p in idx.pieces(1)] == [("c", 0)]


def test_overlapping_bands_take_different_lanes_and_keep_them() -> None:
    claim, quote = ann("c", "CLAIM", 0, 29), ann("q", "QUOTE", 14, 29)
    idx = index(claim, quote)
    lanes = {p.annotation.id: p.lane for p in idx.pieces(0)}
    assert lanes == {"c": 0, "q": 1}
    idx.upsert(ann("q2", "QUOTE", 4, 10))  # overlaps the claim only
    lanes = {p.annotation.id: p.lane for p in idx.pieces(0)}
    assert lanes == {"c": 0, "q": 1, "q2": 1}
    idx.remove("c")
    assert {p.annotation.id: p.lane for p in idx.pieces(0)}["q"] == 1


def test_entities_have_no_lane() -> None:
    assert index(ann("p", "PER", 6, 10)).pieces(0)[0].lane == -1


def test_reading_order_and_stepping_wrap_around() -> None:
    idx = index(ann("b", "PER", 6, 10), ann("a", "CLAIM", 0, 29), ann("z", "LOC", 38, 41))
    assert [a.id for a in idx.in_order()] == ["a", "b", "z"]
    assert present(idx.step_from("b", 0, 1)).id == "z"
    assert present(idx.step_from("z", 0, 1)).id == "a"
    assert present(idx.step_from(None, 5, 1)).id == "b"
    assert present(idx.step_from(None, 5, -1)).id == "a"


def test_paragraphs_around_a_span() -> None:
    idx = index()
    cut = TEXT.index("\n")
    assert idx.paragraphs_around(5, 8) == (0, cut)
    assert idx.paragraphs_around(5, cut + 3) == (0, len(TEXT))
