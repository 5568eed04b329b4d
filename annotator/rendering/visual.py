"""Arabic for displays that neither shape nor reorder it (most terminals, matplotlib).

Text goes through two steps, both on a copy made for display, never on stored text:

1. arabic-reshaper swaps letters for their joined presentation forms. It drops harakat
   (a display that cannot shape cannot place them either; once reordered they would
   land on the wrong letter) and joins lam-alef, so lengths change: offsets never come
   back from shaped text. Styled runs are therefore shaped one by one, a tatweel standing
   in on either side for a neighbour across the run's edge so that joining survives it.
   arabic-reshaper exposes no offset map; a zero-width joiner as the stand-in trips its
   ligature pass (IndexError), a tatweel does not and maps to itself.
2. python-bidi puts the shaped line in visual order. Its pure-Python algorithm is run
   step by step so that each character's run is known after reordering (``get_display``
   only returns the string), which keeps colours on the right characters.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any, TypeVar

import regex
from arabic_reshaper import ArabicReshaper
from arabic_reshaper.letters import (
    LETTERS_ARABIC,
    TATWEEL,
    connects_with_letter_after,
    connects_with_letter_before,
)
from bidi import algorithm as bidi_algorithm

from annotator.core.bidi import BIDI_MARKS

S = TypeVar("S")
_GRAPHEME = regex.compile(r"\X", regex.DOTALL)
# Arabic letters, marks, tatweel and presentation forms, with the joiners between them
# (a joiner at a run's edge may belong to an emoji sequence: it is left alone).
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe"
_ARABIC_RUN = regex.compile(f"[{_ARABIC}](?:[\u200c\u200d]*[{_ARABIC}])*")

# LRI, RLI and PDI as LRE, RLE and PDF.
_ISOLATE_TABLE = str.maketrans({"\u2066": "\u202a", "\u2067": "\u202b", "\u2069": "\u202c"})

_RESHAPER = ArabicReshaper()


def _base_char(text: str, last: bool) -> str:
    """The first (or last) character of ``text`` that is not a combining mark."""
    chars = reversed(text) if last else iter(text)
    return next((c for c in chars if not unicodedata.category(c).startswith("M")), "")


def shape(text: str) -> str:
    """Arabic words in their joined forms; everything else untouched (the reshaper would
    drop the joiners inside an emoji sequence such as 👩‍💻)."""
    shaped: str = _ARABIC_RUN.sub(lambda m: _reshape(m.group()), text)
    return shaped


@lru_cache(maxsize=65536)
def _reshape(word: str) -> str:
    """One run of Arabic reshaped. Remembered: a text repeats its words, and each call
    of the reshaper reads its settings anew (most of the time of `show` on long texts)."""
    return str(_RESHAPER.reshape(word))


def shape_runs(runs: Sequence[tuple[str, S]]) -> list[tuple[str, S]]:
    """Each run shaped on its own, joined to its neighbours as the whole line would be."""
    out: list[tuple[str, S]] = []
    for i, (text, style) in enumerate(runs):
        before = _base_char(runs[i - 1][0], last=True) if i else ""
        after = _base_char(runs[i + 1][0], last=False) if i + 1 < len(runs) else ""
        joins_before = bool(connects_with_letter_after(before, LETTERS_ARABIC))
        joins_after = bool(connects_with_letter_before(after, LETTERS_ARABIC))
        shaped = shape(TATWEEL * joins_before + text + TATWEEL * joins_after)
        out.append((shaped[joins_before : len(shaped) - joins_after], style))
    return out


_ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI
_ISOLATE_CLOSER = "\u2069"  # PDI


def is_rtl(text: str) -> bool:
    """Whether a paragraph's base direction is right to left: its first strong letter
    outside isolates, in its first paragraph (the bidi algorithm's rules P2 and P3, as
    python-bidi's get_base_level has them). It reads only up to that letter: a span's
    text may be a whole article."""
    depth = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "B":
            return False
        if ch in _ISOLATE_OPENERS:
            depth += 1
        elif ch == _ISOLATE_CLOSER:
            depth = max(0, depth - 1)
        elif depth == 0 and kind == "L":
            return False
        elif depth == 0 and kind in ("R", "AL"):
            return True
    return False


def _as_embeddings(text: str) -> str:
    """Isolates (LRI, RLI, FSI … PDI) as the embeddings they resemble, which the pure
    Python algorithm knows; an FSI takes the direction ``is_rtl`` gives the text after
    it up to the next PDI.

    Asking ``is_rtl`` of the rest of the text at each FSI made thousands of them
    quadratic. But ``is_rtl`` of a text stops at its first strong letter (its answer),
    paragraph separator or isolate opener (no: after an opener nothing is at depth 0,
    as no PDI follows before the cut), and the cut is at the first PDI (no). So each
    FSI looks only as far as the first such character after it; as the next FSI is one,
    no character is looked at twice."""
    embedded = text.translate(_ISOLATE_TABLE)
    if "\u2068" not in text:
        return embedded
    out = list(embedded)
    at = text.find("\u2068")
    while at >= 0:
        out[at] = "\u202b" if _first_strong_is_rtl(text, at + 1) else "\u202a"
        at = text.find("\u2068", at + 1)
    return "".join(out)


def _first_strong_is_rtl(text: str, start: int) -> bool:
    for at in range(start, len(text)):  # by index: an islice would walk from the start
        ch = text[at]
        if ch in _ISOLATE_OPENERS or ch == _ISOLATE_CLOSER:
            return False
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind in ("L", "B"):
            return False
    return False


# The bidi types of the explicit embeddings and overrides (isolates come as these).
_EXPLICIT = frozenset(("LRE", "RLE", "LRO", "RLO", "PDF"))


def _resolved(text: str, rtl: bool) -> list[dict[str, Any]]:
    """The characters of a paragraph with their embedding levels (rules up to I2),
    each marked with its logical index."""
    storage = bidi_algorithm.get_empty_storage()
    level = storage["base_level"] = int(rtl)
    storage["base_dir"] = "R" if rtl else "L"
    # What get_embedding_levels builds, in one pass; a type unassigned in this Python's
    # Unicode is L, the spec's default.
    embedded = _as_embeddings(text)
    types = [unicodedata.bidirectional(ch) or "L" for ch in embedded]
    storage["chars"] = [
        {"ch": ch, "level": level, "type": kind, "orig": kind, "index": index}
        for index, (ch, kind) in enumerate(zip(embedded, types, strict=True))
    ]
    if _EXPLICIT.isdisjoint(types):
        # No embedding or override: rules X1-X8 leave every level at the base, and X9
        # only drops the boundary neutrals (what explicit_embed_and_overrides does, at
        # a fraction of its time on a long paragraph).
        storage["chars"] = [c for c in storage["chars"] if c["type"] != "BN"]
        bidi_algorithm.calc_level_runs(storage)
    else:
        bidi_algorithm.explicit_embed_and_overrides(storage)
    bidi_algorithm.resolve_weak_types(storage)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    chars: list[dict[str, Any]] = storage["chars"]
    return chars


@dataclass(frozen=True)
class _Clusters:
    """The grapheme clusters of a text: for each character where its cluster starts,
    and where each cluster of more than one character ends (most are one)."""

    owner: list[int]
    ends: dict[int, int]


def _clusters(text: str) -> _Clusters:
    owner = list(range(len(text)))
    ends = {}
    at = 0
    for length in map(len, _GRAPHEME.findall(text)):
        if length > 1:
            ends[at] = at + length
            owner[at + 1 : at + length] = [at] * (length - 1)
        at += length
    return _Clusters(owner, ends)


def _reordered(
    text: str, chars: list[dict[str, Any]], rtl: bool, clusters: _Clusters
) -> tuple[str, list[int]]:
    """One line's resolved characters in visual order (rules L1, L2 and L4); ``clusters``
    are the paragraph's, found once for all its lines (per line, time would grow with
    the paragraph's length squared)."""
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = int(rtl)
    storage["base_dir"] = "R" if rtl else "L"
    storage["chars"] = chars
    bidi_algorithm.reorder_resolved_levels(storage, False)
    bidi_algorithm.apply_mirroring(storage, False)
    # A right-to-left run comes out reversed code point by code point, and the algorithm
    # drops joiners (rule X9); a cluster (an emoji with its skin tone or joiners, a
    # letter with its marks) must come out whole and in order.
    owner, ends = clusters.owner, clusters.ends
    chars = storage["chars"]
    display: list[str] = []
    order: list[int] = []
    rebuilt: set[int] = set()
    # The direction marks have done their work; a terminal would print some as boxes.
    i = 0
    while i < len(chars):
        c = chars[i]
        a = owner[c["index"]]
        if a not in ends:  # a cluster of one character: as it comes (mirrored brackets too)
            if c["ch"] not in BIDI_MARKS:
                display.append(c["ch"])
                order.append(c["index"])
            i += 1
            continue
        first = i
        while i < len(chars) and owner[chars[i]["index"]] == a:
            i += 1
        kept = sorted(chars[first:i], key=lambda c: int(c["index"]))
        b = ends[a]
        if len(kept) == b - a:
            pairs = [(str(c["ch"]), int(c["index"])) for c in kept]
        elif a not in rebuilt:
            rebuilt.add(a)
            pairs = list(zip(text[a:b], range(a, b), strict=True))
        else:
            continue
        for ch, at in pairs:
            if ch not in BIDI_MARKS:
                display.append(ch)
                order.append(at)
    return "".join(display), order


def visual_order(text: str, rtl: bool) -> tuple[str, list[int]]:
    """``text`` (one line) in visual order, mirrored, without its invisible direction
    marks, and the logical index of each visual character."""
    return _reordered(text, _resolved(text, rtl), rtl, _clusters(text))


def visual_lines(
    text: str, rtl: bool, lines: Sequence[tuple[int, int]]
) -> list[tuple[str, list[int]]]:
    """A paragraph broken into ``lines`` ((start, end) each), every line in visual order
    as ``visual_order`` gives it. Levels are resolved over the whole paragraph, as the
    bidi algorithm asks, so a line reads as it would in the unbroken paragraph."""
    chars = _resolved(text, rtl)
    starts = [c["index"] for c in chars]
    clusters = _clusters(text)
    return [
        _reordered(text, chars[bisect_left(starts, a) : bisect_left(starts, b)], rtl, clusters)
        for a, b in lines
    ]


def visual_paragraph(
    runs: Sequence[tuple[str, S]],
    rtl: bool,
    breaks: Callable[[str], list[tuple[int, int]]],
) -> list[list[tuple[str, S]]]:
    """Styled runs of one paragraph shaped, broken into lines where ``breaks`` says (it
    is given the shaped text, whose widths are the ones shown), each line as styled runs
    in visual order."""
    shaped = shape_runs(runs)
    text = "".join(t for t, _ in shaped)
    owner = [i for i, (t, _) in enumerate(shaped) for _ in t]
    out: list[list[tuple[str, S]]] = []
    for display, order in visual_lines(text, rtl, breaks(text)):
        line: list[tuple[str, S]] = []
        at = 0
        for run, chars in groupby(order, key=owner.__getitem__):
            length = len(list(chars))
            line.append((display[at : at + length], shaped[run][1]))
            at += length
        out.append(line)
    return out


def display_line(text: str, rtl: bool | None = None) -> str:
    """One unstyled line shaped and in visual order (chart labels, legends)."""
    if rtl is None:
        rtl = is_rtl(text)
    return visual_order(shape(text), rtl)[0]
