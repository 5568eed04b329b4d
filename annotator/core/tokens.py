"""Arabic-aware tokens and sentences, with code-point offsets into the stored text.

Agreement counts tokens as its units and the token formats (CoNLL, WebAnno, spaCy, HF)
write them, so both must see the same tokens. Every pattern below consumes whole
grapheme clusters (``(?=first character)\\X``), so a token can never separate a letter
from its diacritics, an emoji from its skin tone, or the halves of a flag.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from annotator.core.offsets import BIDI_MARKS


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def _cluster(first: str) -> str:
    """One grapheme cluster whose first character matches the class ``first``."""
    return rf"(?:(?={first})\X)"


_BIDI = "".join(BIDI_MARKS)
# Characters that separate tokens and never belong to one: whitespace as str.isspace()
# sees it (regex's \s lacks the information separators U+001C-U+001F), bidi marks and
# the zero-width space.
_IGNORABLE = rf"[\s\x1c-\x1f\u200b{_BIDI}]"
_VISIBLE = rf"[^\s\x1c-\x1f\u200b{_BIDI}]"
# A URL does not end on punctuation that usually closes the sentence around it.
_URL_END = rf"[^\s\x1c-\x1f\u200b{_BIDI}.,;:!?'\")\]}}»،؛؟…]"
# Letters with their marks; tatweel (U+0640) and ZWNJ/ZWJ join them into one word.
_LETTER = r"[\p{L}\p{M}\u0640\u200c\u200d]"
_NAME = r"[\p{L}\p{M}\p{Nd}_\u0640\u200c\u200d]"
# Decimal and thousands separators, Latin and Arabic (U+066B, U+066C).
_NUMBER_SEP = r"[.,\u066b\u066c]"
_DIGIT = _cluster(r"\p{Nd}")
_TOKEN = regex.compile(
    "|".join(
        (
            rf"(?P<skip>{_cluster(_IGNORABLE)}+)",
            rf"(?=https?://|www\.){_cluster(_VISIBLE)}*{_cluster(_URL_END)}",
            rf"(?=[#@]{_NAME}){_cluster('[#@]')}{_cluster(_NAME)}+",
            rf"{_DIGIT}+(?:{_cluster(_NUMBER_SEP)}{_DIGIT}+)*",
            _cluster(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]"),
            rf"{_cluster(_LETTER)}+",
            r"\X",
        )
    ),
    regex.VERSION1,
)
_HAS_VISIBLE = regex.compile(_VISIBLE)
_GRAPHEME = regex.compile(r"\X", regex.DOTALL)
_SENTENCE_END = frozenset(".!?؟…")
_CLOSING = frozenset("»\"')]”’")


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order; whitespace, bidi marks and ZWSP are not tokens."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        if m.lastgroup != "skip":
            tokens.append(Token(m.start(), m.end(), m.group()))
        elif _HAS_VISIBLE.search(m.group()):
            # A combining mark after a space belongs to the space's cluster; the cluster
            # cannot be split, so it becomes a token of its own.
            for c in _GRAPHEME.finditer(text, m.start(), m.end()):
                if _HAS_VISIBLE.search(c.group()):
                    tokens.append(Token(c.start(), c.end(), c.group()))
    return tokens


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
