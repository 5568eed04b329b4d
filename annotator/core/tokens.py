"""Arabic-aware tokens and sentences, with code-point offsets into the stored text.

Agreement counts tokens as its units and the token formats (CoNLL, WebAnno, spaCy, HF)
write them, so both must see the same tokens. Every pattern consumes whole grapheme
clusters, so a token never separates a letter from its diacritics, an emoji from its
skin tone, or the halves of a flag.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from annotator.core.bidi import BIDI_MARKS


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


_BIDI = "".join(BIDI_MARKS)
# The character classes of the token pattern.
_CLASSES = {
    # Characters that separate tokens and never belong to one: whitespace as
    # str.isspace() sees it (regex's \s lacks the separators U+001C-U+001F), bidi marks
    # and the zero-width space.
    "ignorable": rf"[\s\x1c-\x1f\u200b{_BIDI}]",
    "visible": rf"[^\s\x1c-\x1f\u200b{_BIDI}]",
    # A URL does not end on punctuation that usually closes the sentence around it.
    "url_end": rf"[^\s\x1c-\x1f\u200b{_BIDI}.,;:!?'\")\]}}»،؛؟…]",
    "tag": "[#@]",
    "name": r"[\p{L}\p{M}\p{Nd}_\u0640\u200c\u200d]",
    "digit": r"\p{Nd}",
    # Decimal and thousands separators, Latin and Arabic (U+066B, U+066C).
    "number_sep": r"[.,\u066b\u066c]",
    "emoji": r"[\p{Extended_Pictographic}\p{Regional_Indicator}]",
    # Letters with their marks; tatweel (U+0640) and ZWNJ/ZWJ join them into one word.
    "letter": r"[\p{L}\p{M}\u0640\u200c\u200d]",
}


def _alternatives(one: Callable[[str], str], many: Callable[[str], str], emoji: str) -> list[str]:
    """The tokens' patterns, in order of priority. ``one(name)`` matches one cluster
    starting with a character of the class ``name``, ``many(name)`` one or more."""
    return [
        rf"(?=https?://|www\.)(?:{one('visible')})*{one('url_end')}",
        one("tag") + many("name"),
        rf"{many('digit')}(?:{one('number_sep')}{many('digit')})*",
        emoji,
        many("letter"),
    ]


# Each alternative matches whole clusters: a cluster whose first character is in the class.
# Runs of separators are matched too (and dropped), so that matching always resumes at a
# cluster boundary.
_EXACT_CLUSTER = r"(?:(?={0})\X)"
_EXACT = regex.compile(
    "|".join(
        (
            rf"(?P<skip>{_EXACT_CLUSTER.format(_CLASSES['ignorable'])}+)",
            *_alternatives(
                lambda name: _EXACT_CLUSTER.format(_CLASSES[name]),
                lambda name: _EXACT_CLUSTER.format(_CLASSES[name]) + "+",
                _EXACT_CLUSTER.format(_CLASSES["emoji"]),
            ),
            _EXACT_CLUSTER.format("."),
        )
    ),
    regex.VERSION1 | regex.DOTALL,
)


# The fast path. Matching grapheme clusters is slow (about 4 ms for 5 KB of text), and
# agreement tokenizes every document. In text of the Arabic, Latin, punctuation and emoji
# blocks every cluster is a character followed by extenders (marks, joiners, skin tones,
# variation selectors), an emoji ZWJ sequence or a flag, unless an extender follows a
# separator or a control character. For such text the same pattern written for Python's
# re, with the clusters spelled out, finds the same tokens (a property test checks this)
# several times faster.
def _chars(pattern: str, candidates: list[str]) -> list[str]:
    compiled = regex.compile(pattern, regex.VERSION1 | regex.DOTALL)
    return [c for c in candidates if compiled.fullmatch(c)]


def _re_class(chars: list[str]) -> str:
    ranges: list[list[int]] = []
    for code in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]"


_CANDIDATES = (
    (0x0000, 0x0780),  # Latin, Greek, Cyrillic, Hebrew, Arabic, Arabic Supplement
    (0x08A0, 0x0900),  # Arabic Extended-A
    (0x2000, 0x2C00),  # punctuation, currency, symbols, arrows, dingbats
    (0xFB50, 0xFE10),  # Arabic presentation forms A, variation selectors
    (0xFE20, 0xFF00),  # combining half marks, presentation forms B, BOM
    (0x1F000, 0x1FB00),  # emoji, flags' regional indicators, skin tones
    (0xE0020, 0xE0080),  # tags (subdivision flags)
)


@dataclass(frozen=True)
class _FastPath:
    pattern: re.Pattern[str]
    applies: re.Pattern[str]  # text made only of characters the fast classes know
    breaks: re.Pattern[str]  # an extender after a separator or control character


@cache
def _fast_path() -> _FastPath:
    candidates = [chr(i) for a, b in _CANDIDATES for i in range(a, b)]
    # Prepended and spacing marks, Hangul jamo and Indic conjunct linkers have their own
    # cluster rules; text holding them takes the exact path.
    safe = _chars(
        r"[^\p{GCB=Prepend}\p{GCB=SpacingMark}\p{GCB=L}\p{GCB=V}\p{GCB=T}\p{GCB=LV}"
        r"\p{GCB=LVT}\p{InCB=Linker}]",
        candidates,
    )
    k = {name: _chars(cls, safe) for name, cls in _CLASSES.items()}
    extend = _re_class(_chars(r"\p{GCB=Extend}", safe))
    joining = _chars(r"\p{GCB=Extend}|\u200d", safe)
    extenders = _re_class(joining) + "*"
    pictograph = _re_class(_chars(r"\p{Extended_Pictographic}", safe))
    flag = _re_class(_chars(r"\p{Regional_Indicator}", safe))
    emoji = (
        f"{flag}{flag}{extenders}|{flag}{extenders}"
        f"|{pictograph}{extend}*(?:\u200d{pictograph}{extend}*)*{extenders}"
    )
    # Possessive, so that backtracking never ends a match inside a cluster.
    alternatives = _alternatives(
        lambda name: _re_class(k[name]) + extenders + "+",
        # Clusters of a class, one after another, are a run of the class's characters
        # and extenders that starts with one of the class.
        lambda name: _re_class(k[name]) + _re_class(k[name] + joining) + "*+",
        emoji,
    )
    # Separators never share a cluster with anything visible here, so they are skipped.
    pattern = re.compile("|".join((*alternatives, _re_class(k["visible"]) + extenders)), re.DOTALL)
    control = _re_class(_chars(rf"{_CLASSES['ignorable']}|\p{{GCB=Control}}", safe))
    return _FastPath(
        pattern,
        re.compile(_re_class(safe) + "*"),
        re.compile(control + extenders[:-1]),
    )


_HAS_VISIBLE = regex.compile(_CLASSES["visible"])
_GRAPHEME = regex.compile(r"\X", regex.DOTALL)
_FINAL = re.compile("[.!?؟…]+")  # a token of sentence-final punctuation only
_CLOSING = frozenset("»\"')]”’")


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order; whitespace, bidi marks and ZWSP are not tokens."""
    return [Token(s, e, text[s:e]) for s, e in token_spans(text)]


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token, without building Token objects (agreement needs
    only these, for thousands of documents)."""
    fast = _fast_path()
    if fast.applies.fullmatch(text) and not fast.breaks.search(text):
        return [m.span() for m in fast.pattern.finditer(text)]
    spans: list[tuple[int, int]] = []
    for m in _EXACT.finditer(text):
        if m.lastgroup != "skip":
            spans.append(m.span())
        elif _HAS_VISIBLE.search(text, m.start(), m.end()):
            # A combining mark after a space belongs to the space's cluster; the cluster
            # cannot be split, so it becomes a token of its own.
            spans.extend(
                c.span()
                for c in _GRAPHEME.finditer(text, m.start(), m.end())
                if _HAS_VISIBLE.search(c.group())
            )
    return spans


def sentences(text: str, tokens: list[Token] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence: it ends at a line break or after sentence-final
    punctuation (with any closing quotes or brackets after it). Pass ``tokens`` when
    they are already known."""
    toks = tokenize(text) if tokens is None else tokens
    # Each token's finality is asked up to three times below: work it out once.
    final = [_FINAL.fullmatch(t.text) is not None for t in toks]
    out: list[tuple[int, int]] = []
    first = 0
    last = len(toks) - 1
    for i, tok in enumerate(toks):
        if i == last:
            out.append((toks[first].start, tok.end))
            break
        nxt = toks[i + 1]
        gap = text[tok.end : nxt.start]
        line_break = "\n" in gap or "\r" in gap
        ends = final[i] or (i > 0 and tok.text in _CLOSING and final[i - 1])
        continues = final[i + 1] or (nxt.text in _CLOSING and nxt.start == tok.end)
        if line_break or (ends and not continues):
            out.append((toks[first].start, tok.end))
            first = i + 1
    return out
