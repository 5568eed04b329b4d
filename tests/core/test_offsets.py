"""Offsets: code points against UTF-16, grapheme clusters, words, span normalisation."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from annotator.core.bidi import BIDI_MARKS
from annotator.core.offsets import (
    Boundaries,
    Utf16Map,
    _trim_clusters,
    normalise_span,
    trim,
    utf16_len,
)

# The pieces of real Arabic news text: letters, diacritics, tatweel, Latin, digits,
# emoji (astral), ZWJ sequences, flags, skin tones and bidi marks.
PIECES = [
    "ا",
    "ل",
    "م",
    "ب",
    "ي",
    "ت",
    "ة",
    "ى",
    "أ",
    "إ",
    "آ",
    "ـ",
    "\u064e",
    "\u0651",
    "\u0650",
    "\u064b",
    " ",
    "\n",
    "،",
    "؟",
    "«",
    "»",
    ".",
    "a",
    "Z",
    "3",
    "٣",
    "#",
    "@",
    "/",
    "👀",
    "👨‍👩‍👧",
    "🇵🇸",
    "👍🏽",
    "\u200d",
    "\u200c",
    "\u200e",
    "\u200f",
    "\u2067",
    "\u2069",
    "\u0903",  # a spacing mark: one cluster with what comes before it
    "http://",
    "a.b/c?",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
# With a prepended sign too (U+0600, one cluster with what follows it, a space included):
# where a stretch of a paragraph may be cut matters only to the test of the edges.
texts_with_prepended = st.lists(st.sampled_from([*PIECES, "\u0600"]), max_size=40).map("".join)


@given(texts)
def test_utf16_conversion_round_trips_at_every_code_point(text: str) -> None:
    m = Utf16Map(text)
    assert m.utf16_length == utf16_len(text) == len(text.encode("utf-16-le")) // 2
    for i in range(len(text) + 1):
        u = m.to_utf16(i)
        assert u == len(text[:i].encode("utf-16-le")) // 2
        assert m.from_utf16(u) == i


@given(st.text() | texts)
def test_the_map_made_from_utf8_bytes_is_the_map_made_from_the_text(text: str) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no text in a project holds one
        return
    from_bytes, from_text = Utf16Map.from_utf8(data), Utf16Map(text)
    every = list(range(len(text) + 1))
    assert from_bytes.utf16_length == from_text.utf16_length
    assert from_bytes.to_utf16_all(every) == [from_text.to_utf16(i) for i in every]


@given(texts)
def test_a_position_inside_a_surrogate_pair_is_refused_or_snapped(text: str) -> None:
    m = Utf16Map(text)
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            inside = m.to_utf16(i) + 1
            try:
                m.from_utf16(inside)
            except ValueError:
                pass
            else:
                raise AssertionError("a split surrogate pair was accepted")
            assert m.from_utf16(inside, snap=True) == i


def test_emoji_shifts_utf16_but_not_code_points() -> None:
    text = "قال الرئيس 👀 إن"
    m = Utf16Map(text)
    assert text.index("إن") == 13
    assert m.to_utf16(13) == 14


@given(texts)
def test_grapheme_boundaries_match_the_regex_definition(text: str) -> None:
    b = Boundaries(text)
    expected = [0] + [m.end() for m in regex.finditer(r"\X", text, flags=regex.DOTALL)]
    assert b.graphemes == expected


def _blank(ch: str) -> bool:
    return ch.isspace() or ch in BIDI_MARKS


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "P"


@given(texts, st.integers(0, 60), st.integers(0, 60), st.booleans())
@example("👨\u200d👩\u200d👧 \u064e", 5, 7, True)  # a harakah on a space: one cluster
@example("👨\u200d👩\u200d👧 \u064e", 5, 7, False)
def test_normalised_span_is_trimmed_and_never_splits_a_cluster(
    text: str, a: int, b: int, exact: bool
) -> None:
    span = normalise_span(text, a, b, exact=exact)
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    g = Boundaries(text).graphemes
    if span is None:
        # Judged by whole clusters: a space carrying a combining mark is still a space.
        selected = [text[x:y] for x, y in itertools.pairwise(g) if lo < hi and x < hi and y > lo]
        assert all(_blank(c[0]) or (not exact and _punctuation(c[0])) for c in selected)
        return
    start, end = span
    assert 0 <= start < end <= len(text)
    g = Boundaries(text).graphemes
    assert start in g and end in g
    assert not _blank(text[start]) and not _blank(text[end - 1])
    if not exact:
        # A hashtag's or mention's sign is the one punctuation a span may start with.
        assert not _punctuation(text[start]) or text[start] in "#@"
        assert not _punctuation(text[end - 1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هينكل، ", "هينكل"),
        ("بحساباتهم؟", "بحساباتهم"),
        ("«الحصار مستمر».", "الحصار مستمر"),
        ("؛ 50٪", "50"),
        ('USA, "quoted" (Gaza)!', 'USA, "quoted" (Gaza'),
        ("#غزة، @user", "#غزة، @user"),
        ("‏(حماس)‎ ", "حماس"),
    ],
)
def test_punctuation_at_the_edges_is_left_out_but_kept_inside(text: str, expected: str) -> None:
    span = normalise_span(text, 0, len(text))
    assert span is not None and text[span[0] : span[1]] == expected


def test_a_selection_of_only_punctuation_makes_no_span_unless_exact() -> None:
    assert normalise_span(" ، «» ", 0, 6) is None
    assert normalise_span(" ، «» ", 0, 6, exact=True) == (1, 5)


def test_snapping_to_words_takes_the_whole_arabic_word_with_its_diacritics() -> None:
    text = "قالَ الرئيسُ إنّ"
    start = text.index("الرئيس") + 2
    assert normalise_span(text, start, start + 2) == (5, 12)
    assert text[5:12] == "الرئيسُ"


def test_exact_mode_keeps_a_span_inside_a_word() -> None:
    text = "وبيروت مدينة"
    assert normalise_span(text, 1, 6, exact=True) == (1, 6)
    assert normalise_span(text, 1, 6) == (0, 6)


def test_emoji_zwj_sequences_and_flags_are_one_unit() -> None:
    text = "a 👨‍👩‍👧 🇵🇸 b"
    family = text.index("👨")
    assert normalise_span(text, family + 1, family + 2, exact=True) == (family, family + 5)
    flag = text.index("🇵🇸")
    assert normalise_span(text, flag + 1, flag + 2) == (flag, flag + 2)


def test_trim_drops_whitespace_and_bidi_marks_at_the_edges() -> None:
    text = " \u200fمرحبا\u200e "
    assert trim(text, 0, len(text)) == (2, 7)


def test_reversed_and_out_of_range_selections_are_ordered_and_clamped() -> None:
    assert normalise_span("abc def", 99, 5) == (4, 7)
    assert normalise_span("   ", 0, 3) is None


def _on_the_whole_text(text: str, a: int, b: int, exact: bool) -> tuple[int, int] | None:
    """normalise_span as worked out on the whole text at once (the plain way)."""
    start, end = sorted((a, b))
    start, end = trim(text, max(0, start), min(len(text), end))
    if start >= end:
        return None
    whole = Boundaries(text)
    start, end = whole.snap_to_graphemes(start, end)
    if exact:
        start, end = _trim_clusters(whole, start, end, punctuation=False)
    else:
        start, end = _trim_clusters(whole, *whole.snap_to_words(start, end))
    return (start, end) if start < end else None


@given(texts_with_prepended, st.integers(0, 60), st.integers(0, 60), st.booleans())
def test_each_edge_on_its_own_paragraph_gives_what_the_whole_text_gives(
    text: str, a: int, b: int, exact: bool
) -> None:
    assert normalise_span(text, a, b, exact=exact) == _on_the_whole_text(text, a, b, exact)
