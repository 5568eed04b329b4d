"""Arabic-insensitive matching: fold away what readers and writers vary on.

Folding drops harakat, Quranic marks, tatweel and direction marks, unifies the alef
forms, ta marbuta with ha, alef maqsura with ya, and hamza on waw or ya with hamza alone
(مسؤول, مسئول);
it writes Arabic-Indic digits as 0-9, and lowercases other scripts and drops their
accents. Each folded character keeps the code-point offset it came from, so matches map
back onto the original text. In-document search, suggestions and the project's
full-text index (core/textsearch.py) all fold with this one function.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

_DROPPED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, tanwin, shadda, sukun, …
    + [chr(c) for c in range(0x0610, 0x061B)]  # honorific signs written above a name
    + ["\u0670"]  # superscript alef
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic annotation marks
    + ["\u0640"]  # tatweel
    + [chr(c) for c in range(0x0300, 0x0370)]  # combining accents of Latin and Greek
    # Direction marks and embeddings, which nobody sees or types (NewsFANE's CoNLL puts
    # a left-to-right mark before every token).
    + ["\u061c", "\u200e", "\u200f"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
_REPLACED = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ى": "ي",
    # Writers differ on the hamza's seat (مسؤول or مسئول); alef's hamza goes with the alef.
    "ؤ": "ء",
    "ئ": "ء",
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic (Persian, Urdu)
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
    return _unaccented_lower(ch)


@cache
def _unaccented_lower(ch: str) -> str:
    # é -> e: a letter whose decomposition is a base and combining accents.
    decomposed = unicodedata.normalize("NFD", ch)
    if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
        ch = decomposed[0]
    lowered = ch.lower()
    # Lowercasing that changes the length (e.g. İ) would break the 1:1 offset map.
    return lowered if len(lowered) == 1 else ch


_DROPPED_RE = re.compile("[" + "".join(sorted(_DROPPED)) + "]")


def fold_text(text: str) -> str:
    """``fold(text).text`` without the offsets, at C speed: what an index needs. The
    same steps as fold_char on a whole text: replace, decompose, drop, recompose."""
    for ch, out in _REPLACED.items():
        if ch in text:
            text = text.replace(ch, out)
    if unicodedata.is_normalized("NFD", text):  # nothing to decompose: most Arabic text
        return _DROPPED_RE.sub("", text).lower()
    text = _DROPPED_RE.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", text).lower()


class FoldedText:
    """``fold(text)`` made at C speed (fold_text), its offsets mapped back on demand:
    folding keeps or drops each character, so a folded offset moves by the number of
    dropped characters before it."""

    def __init__(self, text: str):
        self.text = fold_text(text)
        # For the k-th dropped character, the folded offset it would sit at.
        self._dropped_at = [m.start() - k for k, m in enumerate(_DROPPED_RE.finditer(text))]

    def origin(self, offset: int) -> int:
        """The stored text's offset of folded ``offset`` (an end offset takes the marks
        that follow the character before it)."""
        return offset + bisect.bisect_right(self._dropped_at, offset)

    def spans(self, starts: list[int], length: int) -> list[tuple[int, int]]:
        """The stored text's [start, end) of each folded match of ``length`` at the
        ascending ``starts``, in one walk (``origin`` of both ends)."""
        dropped = self._dropped_at
        if not dropped:
            return [(at, at + length) for at in starts]
        out = []
        k = e = 0
        n = len(dropped)
        for at in starts:
            while k < n and dropped[k] <= at:
                k += 1
            e = max(e, k)
            while e < n and dropped[e] <= at + length:
                e += 1
            out.append((at + k, at + length + e))
        return out


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
    that follow its last letter. With ``words``, a match must not sit inside a word.

    The folded text is kept for the last few texts searched: find-as-you-type searches
    one long text again at every key."""
    needle = fold_text(query)
    if not needle:
        return []
    hay = folded_for_search(text)
    folded = hay.text
    found = [m.start() for m in re.finditer(re.escape(needle), folded)]
    if words:
        found = [
            at
            for at in found
            if not (at > 0 and _is_word_char(folded[at - 1]))
            and not (at + len(needle) < len(folded) and _is_word_char(folded[at + len(needle)]))
        ]
    return hay.spans(found, len(needle))


@lru_cache(maxsize=4)
def folded_for_search(text: str) -> FoldedText:
    """The folded text find_all searches, kept for the last few texts (a find bar calls
    it when it opens, so that the first key typed does not fold a long text)."""
    return FoldedText(text)
