"""Arabic-insensitive matching: fold away what readers and writers vary on.

Folding drops harakat, Quranic marks and tatweel, unifies the alef forms, ta marbuta
with ha and alef maqsura with ya, and lowercases other scripts. Each folded character
keeps the code-point offset it came from, so matches map back onto the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DROPPED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, tanwin, shadda, sukun, …
    + ["\u0670"]  # superscript alef
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic annotation marks
    + ["\u0640"]  # tatweel
)
_REPLACED = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ى": "ي",
}


@dataclass(frozen=True)
class Folded:
    """A folded text; ``origin[i]`` is the original offset of folded character ``i``,
    and ``origin[len(text)]`` is the original length."""

    text: str
    origin: tuple[int, ...]


def fold_char(ch: str) -> str:
    if ch in _DROPPED:
        return ""
    replaced = _REPLACED.get(ch)
    if replaced is not None:
        return replaced
    lowered = ch.lower()
    # Lowercasing that changes the length (e.g. İ) would break the 1:1 offset map.
    return lowered if len(lowered) == 1 else ch


_TRANSLATION = {ord(c): None for c in _DROPPED} | {ord(k): v for k, v in _REPLACED.items()}
# Text of these characters lowercases one character at a time as str.lower() does.
_PLAIN = re.compile(r"[\x00-\x7f\u0600-\u06ff]*")


def fold_text(text: str) -> str:
    """``fold(text).text``, several times faster, for when the offsets are not needed
    (the recommenders fold every token they see)."""
    if _PLAIN.fullmatch(text):
        return text.translate(_TRANSLATION).lower()
    return fold(text).text


def fold(text: str) -> Folded:
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        out = fold_char(ch)
        if out:
            chars.append(out)
            origin.append(i)
    origin.append(len(text))
    return Folded("".join(chars), tuple(origin))


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def find_all(text: str, query: str, *, words: bool = False) -> list[tuple[int, int]]:
    """Every non-overlapping match of ``query`` in ``text`` as code-point spans of
    ``text``, ignoring the differences folding removes. A match ends after the marks
    that follow its last letter. With ``words``, a match must not sit inside a word."""
    needle = fold(query).text
    if not needle:
        return []
    hay = fold(text)
    spans: list[tuple[int, int]] = []
    at = hay.text.find(needle)
    while at >= 0:
        end = at + len(needle)
        inside_word = words and (
            (at > 0 and _is_word_char(hay.text[at - 1]))
            or (end < len(hay.text) and _is_word_char(hay.text[end]))
        )
        if inside_word:
            at = hay.text.find(needle, at + 1)
            continue
        spans.append((hay.origin[at], hay.origin[end]))
        at = hay.text.find(needle, end)
    return spans
