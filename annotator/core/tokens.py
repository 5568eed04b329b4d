"""Arabic-aware tokens and sentences, with code-point offsets into the stored text.

Agreement counts tokens as its units and the token formats (CoNLL, WebAnno, spaCy, HF)
write them, so both must see the same tokens. Every pattern consumes whole grapheme
clusters, so a token never separates a letter from its diacritics, an emoji from its
skin tone, or the halves of a flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from annotator.core.offsets import BIDI_MARKS


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


def _alternatives(cluster: str, k: dict[str, str]) -> list[str]:
    """The tokens' patterns, in order of priority; ``cluster`` formats one cluster."""
    c = {name: cluster.format(cls) for name, cls in k.items()}
    return [
        rf"(?=https?://|www\.){c['visible']}*{c['url_end']}",
        rf"(?={k['tag']}{k['name']}){c['tag']}{c['name']}+",
        rf"{c['digit']}+(?:{c['number_sep']}{c['digit']}+)*",
        c["emoji"],
        rf"{c['letter']}+",
    ]


# Each alternative matches whole clusters: a cluster whose first character is in the class.
# Runs of separators are matched too (and dropped), so that matching always resumes at a
# cluster boundary.
_EXACT_CLUSTER = r"(?:(?={0})\X)"
_EXACT = regex.compile(
    "|".join(
        (
            rf"(?P<skip>{_EXACT_CLUSTER.format(_CLASSES['ignorable'])}+)",
            *_alternatives(_EXACT_CLUSTER, _CLASSES),
            _EXACT_CLUSTER.format("."),
        )
    ),
    regex.VERSION1 | regex.DOTALL,
)


# The fast path. Matching grapheme clusters is slow (about 4 ms for 5 KB of text), and
# agreement tokenizes every document. Most news text holds only characters of the Arabic,
# Latin-1 and punctuation blocks, where each cluster is one character or a letter with
# its marks. For such text the same pattern written for Python's re, with the character
# classes spelled out, finds the same tokens (a property test checks this) five times
# faster.
def _chars(pattern: str, candidates: list[str]) -> list[str]:
    compiled = regex.compile(pattern, regex.VERSION1 | regex.DOTALL)
    return [c for c in candidates if compiled.fullmatch(c)]


def _re_class(chars: list[str]) -> str:
    return "[" + "".join(f"\\U{ord(c):08x}" for c in chars) + "]"


# Prepended marks (U+0600-U+0605, U+06DD) and spacing marks join clusters in ways the
# fast classes do not model; text holding them takes the exact path.
_SAFE = _chars(
    r"[^\p{GCB=Prepend}\p{GCB=SpacingMark}]",
    [chr(i) for i in (*range(0x700), *range(0x2000, 0x2070), *range(0x20A0, 0x20C1), 0xFEFF)],
)
_FAST_CLASSES = {name: _re_class(_chars(cls, _SAFE)) for name, cls in _CLASSES.items()}
# Here separators never share a cluster with anything visible, so they are simply skipped.
_FAST = re.compile(
    "|".join((*_alternatives("{0}", _FAST_CLASSES), _FAST_CLASSES["visible"])), re.DOTALL
)
_FAST_TEXT = re.compile(_re_class(_SAFE) + "*")
# A mark or joiner that does not follow a letter starts a cluster of its own or joins a
# digit, space or symbol; the fast classes do not model that either.
_STRAY_EXTENDER = re.compile(
    "(?<!" + _FAST_CLASSES["letter"] + ")" + _re_class(_chars(r"\p{GCB=Extend}|\u200d", _SAFE))
)
_HAS_VISIBLE = regex.compile(_CLASSES["visible"])
_GRAPHEME = regex.compile(r"\X", regex.DOTALL)
_SENTENCE_END = frozenset(".!?؟…")
_CLOSING = frozenset("»\"')]”’")


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order; whitespace, bidi marks and ZWSP are not tokens."""
    return [Token(s, e, text[s:e]) for s, e in token_spans(text)]


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token, without building Token objects (agreement needs
    only these, for thousands of documents)."""
    if _FAST_TEXT.fullmatch(text) and not _STRAY_EXTENDER.search(text):
        return [m.span() for m in _FAST.finditer(text)]
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
    out: list[tuple[int, int]] = []
    first = 0
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None:
            out.append((toks[first].start, tok.end))
            break
        line_break = "\n" in text[tok.end : nxt.start] or "\r" in text[tok.end : nxt.start]
        ends = _is_final(tok) or (i > 0 and tok.text in _CLOSING and _is_final(toks[i - 1]))
        continues = _is_final(nxt) or (nxt.text in _CLOSING and nxt.start == tok.end)
        if line_break or (ends and not continues):
            out.append((toks[first].start, tok.end))
            first = i + 1
    return out


def _is_final(tok: Token) -> bool:
    return all(ch in _SENTENCE_END for ch in tok.text)
