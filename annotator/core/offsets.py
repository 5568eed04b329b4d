"""Offsets: code points (our unit) against UTF-16 units (Qt, WebAnno, doccano), and the
grapheme-cluster and word boundaries that a user's span is snapped to.

Every conversion between units happens here and nowhere else.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property
from itertools import chain

import regex

from annotator.core.bidi import BIDI_MARKS
from annotator.core.tokens import token_spans

_GRAPHEME = regex.compile(r"\X", regex.DOTALL)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# In UTF-8: the bytes that continue a character, and the first bytes of those beyond U+FFFF.
_UTF8_CONTINUATION = bytes(range(0x80, 0xC0))
_UTF8_ASTRAL = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")


def utf16_len(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


def utf8_has_astral(data: bytes) -> bool:
    """Whether UTF-8 text holds a character beyond U+FFFF (where UTF-16 and code points
    part), found without decoding it."""
    return any(b in data for b in _UTF8_ASTRAL)


def _find_all(data: bytes, byte: bytes) -> Iterator[int]:
    """Every index of ``byte`` in ``data`` (a byte search runs at memchr's speed, several
    times a regular expression's)."""
    at = data.find(byte)
    while at >= 0:
        yield at
        at = data.find(byte, at + 1)


class Utf16Map:
    """Converts offsets into one text between code points and UTF-16 code units.

    Only astral characters (outside the BMP) differ, so the map keeps just their
    positions and converts in O(log n).
    """

    def __init__(self, text: str):
        self._place([m.start() for m in _ASTRAL.finditer(text)], len(text))

    @classmethod
    def from_utf8(cls, data: bytes) -> Utf16Map:
        """The map of a text given as UTF-8, without decoding it (exports read texts as
        bytes): with the bytes that continue a character deleted, every character is one
        byte, at its code-point index."""
        leads = data.translate(None, _UTF8_CONTINUATION)
        astral = sorted(chain.from_iterable(_find_all(leads, b) for b in _UTF8_ASTRAL))
        found = cls.__new__(cls)
        found._place(astral, len(leads))
        return found

    def _place(self, astral: list[int], length: int) -> None:
        self._astral = astral
        self._astral_u16 = [i + k for k, i in enumerate(astral)]
        self.length = length

    @property
    def utf16_length(self) -> int:
        return self.length + len(self._astral)

    def to_utf16(self, index: int) -> int:
        """Code-point index to UTF-16 position."""
        return index + bisect_left(self._astral, index)

    def to_utf16_all(self, indexes: list[int]) -> list[int]:
        """``to_utf16`` of each index, at a tenth of the cost of a call each."""
        astral = self._astral
        if not astral:
            return indexes
        return [i + bisect_left(astral, i) for i in indexes]

    def from_utf16(self, position: int, *, snap: bool = False) -> int:
        """UTF-16 position to code-point index.

        A position between the two halves of a surrogate pair is refused, or with
        ``snap`` moved back to the start of that character.
        """
        k = bisect_right(self._astral_u16, position - 1)
        if k and self._astral_u16[k - 1] == position - 1:
            if not snap:
                raise ValueError(f"UTF-16 position {position} splits a surrogate pair")
            return position - k
        return position - k


class Boundaries:
    """Grapheme-cluster and word boundaries of one text, computed once."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def graphemes(self) -> list[int]:
        """Every offset that does not fall inside a grapheme cluster (0 and len included)."""
        out = [0]
        out.extend(m.end() for m in _GRAPHEME.finditer(self.text))
        return out

    @cached_property
    def words(self) -> list[tuple[int, int]]:
        """(start, end) of each word: the tokenizer's tokens (core/tokens.py: a run of
        letters, a number, a hashtag or mention with its sign, a URL, an emoji), but for
        punctuation, which is no word. One rule for what a word is, so that a span
        snapped to words is made of whole tokens for agreement and the token formats."""
        text = self.text
        return [
            (a, b)
            for a, b in token_spans(text)
            if _cluster_kind(text[a:b]) not in ("punct", "space")
            or not _GRAPHEME.fullmatch(text, a, b)  # a hashtag or mention
        ]

    def snap_to_graphemes(self, start: int, end: int) -> tuple[int, int]:
        """Widen [start, end) so that no grapheme cluster is split."""
        g = self.graphemes
        s = g[bisect_right(g, start) - 1]
        e = g[bisect_left(g, end)] if end <= len(self.text) else len(self.text)
        return s, e

    def snap_to_words(self, start: int, end: int) -> tuple[int, int]:
        """Widen [start, end) to whole words wherever an edge falls inside one."""
        words = self.words
        starts = [w[0] for w in words]
        i = bisect_right(starts, start) - 1
        if i >= 0 and words[i][0] < start < words[i][1]:
            start = words[i][0]
        j = bisect_right(starts, end - 1) - 1
        if j >= 0 and words[j][0] < end < words[j][1]:
            end = words[j][1]
        return start, end

    def word_at(self, index: int) -> tuple[int, int] | None:
        words = self.words
        i = bisect_right([w[0] for w in words], index) - 1
        if i >= 0 and words[i][0] <= index < words[i][1]:
            return words[i]
        return None


def _cluster_kind(cluster: str) -> str:
    """'word', 'space', 'punct' or 'symbol' for one grapheme cluster."""
    ch = cluster[0]
    if ch in BIDI_MARKS:
        return "space"
    cat = unicodedata.category(ch)
    if ch in "\u200c\u200d" or cat[0] in "LMN":
        return "word"
    if cat[0] == "Z" or ch.isspace() or cat == "Cc":
        return "space"
    if cat[0] == "S" or (cat == "Cf" and len(cluster) > 1):
        return "symbol"
    return "punct"


def _is_trimmable(ch: str) -> bool:
    return ch.isspace() or ch in BIDI_MARKS or unicodedata.category(ch) == "Zs"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace and bidi marks."""
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    return start, end


# A hashtag's or a mention's sign belongs to the word it starts.
_WORD_SIGNS = frozenset("#@＃＠")


def _trim_clusters(
    b: Boundaries, start: int, end: int, *, punctuation: bool = True
) -> tuple[int, int]:
    """Shrink [start, end), whose edges are cluster boundaries, past whole clusters of
    space and, with ``punctuation``, of punctuation (Arabic ، ؛ ؟ « » ٪ and Latin
    , . ; : ! ? " ' ( ) alike), but not past the # or @ that starts a word. Whole
    clusters, because a space can carry a combining mark (a stray harakah after a space)
    and trimming the space alone would split the cluster."""
    text, g = b.text, b.graphemes
    edges = ("space", "punct") if punctuation else ("space",)
    i, j = bisect_left(g, start), bisect_left(g, end)
    while i < j:
        cluster = text[g[i] : g[i + 1]]
        kind = _cluster_kind(cluster)
        if kind == "space" or (
            punctuation and kind == "punct" and not _starts_word(b, cluster, g[i + 1], end)
        ):
            i += 1
        else:
            break
    while j > i and _cluster_kind(text[g[j - 1] : g[j]]) in edges:
        j -= 1
    return g[i], g[j]


def _starts_word(b: Boundaries, cluster: str, after: int, end: int) -> bool:
    return (
        cluster in _WORD_SIGNS
        and after < end
        and _cluster_kind(b.text[after : after + 1]) == "word"
    )


def elide_middle(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else its beginning and end joined
    by " … ", each cut at a space where one is near (so that no word or cluster is cut)."""
    if len(text) <= limit:
        return text
    half = max(1, limit // 2)
    head, tail = text[:half], text[-half:]
    cut = max(head.rfind(" "), head.rfind("\n"))
    head = head[:cut] if cut > half // 2 else head
    cut = min((i for i in (tail.find(" "), tail.find("\n")) if i >= 0), default=-1)
    tail = tail[cut + 1 :] if 0 <= cut < half // 2 else tail
    return f"{head.rstrip()} … {tail.lstrip()}"


def normalise_span(
    text: str, start: int, end: int, *, exact: bool = False
) -> tuple[int, int] | None:
    """The span a user's selection [start, end) becomes: ordered, clamped and snapped to
    whole grapheme clusters. Unless ``exact``, it is also widened to whole words and
    trimmed of space, bidi marks and punctuation at its edges; ``exact`` keeps every
    character selected but the spaces and bidi marks at the edges. None when nothing is
    left to tag (only spaces, or in the default mode only punctuation, were selected).

    Clusters and words never cross a line break, so each edge is worked out on its own
    paragraph: a selection of a whole long document costs two paragraphs, not the text.
    """
    if start > end:
        start, end = end, start
    start, end = max(0, start), min(len(text), end)
    first, last = _paragraph(text, start), _paragraph(text, max(start, end - 1))
    if first == last:
        return _normalise_in(text, first, start, end, exact)
    # The start edge: the first paragraph whose selected part leaves something.
    para = first
    while True:
        head = _normalise_in(text, para, max(start, para[0]), min(end, para[1]), exact)
        if head is not None or para[1] >= end:
            break
        para = _paragraph(text, para[1] + 1)
    if head is None:
        return None
    # The end edge: the last such paragraph (the start's at worst, which has head).
    para = last
    while True:
        tail = _normalise_in(text, para, max(head[0], para[0]), min(end, para[1]), exact)
        if tail is not None or para[0] <= head[0]:
            break
        para = _paragraph(text, para[0] - 1)
    return (head[0], tail[1]) if tail is not None else head


def _paragraph(text: str, index: int) -> tuple[int, int]:
    """[start, end) of the line that holds ``index`` (its line break excluded)."""
    stop = text.find("\n", index)
    return text.rfind("\n", 0, index) + 1, len(text) if stop < 0 else stop


# A space is a grapheme cluster of its own unless a prepended sign (U+0600-U+0605 and
# the like) comes before it or a mark, a joiner or a spacing mark after it.
_JOINS_NEXT = regex.compile(r"\p{GCB=Prepend}")
_JOINS_PREVIOUS = regex.compile(r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}]")


def _alone(text: str, i: int) -> bool:
    """Whether the space at ``i`` is a grapheme cluster of its own."""
    return not (i > 0 and _JOINS_NEXT.match(text, i - 1)) and not (
        i + 1 < len(text) and _JOINS_PREVIOUS.match(text, i + 1)
    )


def _around(text: str, paragraph: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The stretch of ``paragraph`` that holds [start, end), between the nearest spaces
    that are clusters of their own: no cluster or token crosses such a space, so the
    edges are worked out on that stretch alone. A selection in a paragraph of a
    megabyte costs its own words, not the paragraph."""
    lo, hi = paragraph
    a = start
    while (a := text.rfind(" ", lo, a)) >= 0 and not _alone(text, a):
        pass
    b = end - 1
    while (b := text.find(" ", b + 1, hi)) >= 0 and not _alone(text, b):
        pass
    return (lo if a < 0 else a + 1), (hi if b < 0 else b)


def _normalise_in(
    text: str, paragraph: tuple[int, int], start: int, end: int, exact: bool
) -> tuple[int, int] | None:
    """normalise_span of [start, end) within one paragraph, worked out on the stretch of
    its text around the selection."""
    lo, hi = _around(text, paragraph, start, end)
    start, end = trim(text, start, end)
    if start >= end:
        return None
    b = Boundaries(text[lo:hi])
    start, end = b.snap_to_graphemes(start - lo, end - lo)
    if exact:
        start, end = _trim_clusters(b, start, end, punctuation=False)
    else:
        # Widened first, so that a selection of a token's own punctuation (a hashtag's
        # #, a URL's /) gives the token.
        start, end = _trim_clusters(b, *b.snap_to_words(start, end))
    return (start + lo, end + lo) if start < end else None
