"""The features a CRF sees for each token: Arabic-aware forms, shape and neighbours.

Every form is folded as search and suggestions fold it (``core/arabic.py``): no harakat
or tatweel, one alef, ta marbuta as ha, alef maqsura as ya. Arabic glues clitics to the
word (و "and", ب "by", ل "for", ف, ك, the article ال), so the form with them stripped is a
feature of its own: والمانيا and لالمانيا share the stem المانيا with المانيا.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from annotator.core.arabic import fold_text
from annotator.core.textsearch import stem as light_stem

# Longest first: وال before و, so that "والمانيا" gives "المانيا" then "مانيا".
_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل", "ف", "ك")
_MIN_STEM = 2
_SUFFIXES = (
    "ه",
    "ها",
    "هم",
    "هما",
    "هن",
    "كم",
    "نا",
    "ي",
)  # letters left after a clitic: ب alone before one letter is no clitic


@lru_cache(maxsize=100_000)
def strip_clitics(word: str) -> tuple[str, str]:
    """(the proclitics, the rest) of a folded Arabic word; ("", word) when none fits."""
    for clitic in _CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= _MIN_STEM:
            return clitic, word[len(clitic) :]
    return "", word


def _shape_of(ch: str) -> str:
    cat = unicodedata.category(ch)
    if cat == "Nd":
        return "d"
    if cat[0] == "L":
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u08ff" or "\ufb50" <= ch <= "\ufeff":
            return "a"
        return "X" if ch.isupper() else "x"
    if cat[0] == "M":
        return ""
    return ch


def shape(word: str) -> str:
    """Runs of one kind of character as one: "a" Arabic, "X"/"x" Latin, "d" digits,
    other characters as themselves (so "#a" is a hashtag, "d-d-d" a date)."""
    out: list[str] = []
    for ch in word:
        kind = _shape_of(ch)
        if kind and (not out or out[-1] != kind):
            out.append(kind)
    return "".join(out)


class Word(NamedTuple):
    """What the features need of one word, worked out once per distinct word."""

    form: str  # folded
    clitic: str
    stem: str  # the form without the clitic
    light: str  # the light stem search indexes (core/textsearch.py)
    shape: str


@lru_cache(maxsize=100_000)
def word(text: str) -> Word:
    form = fold_text(text)
    clitic, stem = strip_clitics(form)
    return Word(form, clitic, stem, light_stem(form), shape(text))


class _Features(NamedTuple):
    """What a word gives the features of its own token and of its neighbours'."""

    word: Word
    own: tuple[str, ...]
    before2: tuple[str, ...]  # to the token two places after it (its d = -2)
    before1: tuple[str, ...]
    after1: tuple[str, ...]
    after2: tuple[str, ...]


@lru_cache(maxsize=100_000)
def _features_of(text: str) -> _Features:
    """Worked out once per distinct word, as most tokens of a text are words met before,
    and looked up by the token's text (a string keeps its hash; a tuple of them does
    not)."""
    w = word(text)
    form, stem, light = w.form, w.stem, w.light
    own: tuple[str, ...] = (
        "bias",
        "w=" + form,
        "stem=" + stem,
        "shape=" + w.shape,
        "len=" + str(min(len(form), 8)),
        "p1=" + stem[:1],
        "p2=" + stem[:2],
        "p3=" + stem[:3],
        "s1=" + form[-1:],
        "s2=" + form[-2:],
        "s3=" + form[-3:],
        "light=" + light,
        "lp3=" + light[:3],
        "ls3=" + light[-3:],
    )
    if w.clitic:
        own = (*own, "clitic=" + w.clitic)

    def around(d: int) -> tuple[str, ...]:
        if d in (-1, 1):
            return (f"w{d}={form}", f"stem{d}={stem}", f"light{d}={light}", f"shape{d}={w.shape}")
        return (f"w{d}={form}", f"stem{d}={stem}")

    return _Features(w, own, around(-2), around(-1), around(1), around(2))


def sequence_features(
    words: Sequence[str],
    gazetteer: Sequence[str],
    world: Sequence[str],
    vocabulary: frozenset[str] | set[str],
) -> list[list[str]]:
    """Each token's features. ``words`` are the tokens as written; ``gazetteer[i]`` is the
    tag (B-LABEL, I-LABEL or "") that the project's known spans give token i, and
    ``world[i]`` the tag that the names of the world's places give it (world.py);
    ``vocabulary`` holds the light stems of the words the model learnt from: a word
    outside it is new, as most names the model should find are.

    A feature that most tokens would have with an empty value (no clitic, no gazetteer
    tag beside) is left out rather than given: it would go with every label on every
    token, and the CRF's training time grows with the (feature, label) pairs it meets on
    each token; the bias feature stands for it (benchmarks/RESULTS.md)."""
    ws = [_features_of(w) for w in words]
    new = [w.word.light not in vocabulary for w in ws]
    out: list[list[str]] = []
    n = len(ws)
    for i, w in enumerate(ws):
        f = list(w.own)
        if new[i]:
            f.append("new")
        if world[i]:
            f.append("world=" + world[i])
        if gazetteer[i]:
            f += ("gaz=" + gazetteer[i], "gaz=" + gazetteer[i][0])
        # The neighbours' features, two places before to two after, in that order.
        if i >= 2:
            f += ws[i - 2].before2
        if i >= 1:
            f += ws[i - 1].before1
            if gazetteer[i - 1]:
                f += ("gaz-1=" + gazetteer[i - 1][0], "gaz-1=" + gazetteer[i - 1])
            if new[i - 1]:
                f.append("new-1")
        else:
            f.append("BOS")
        if i + 1 < n:
            f += ws[i + 1].after1
            if gazetteer[i + 1]:
                f += ("gaz1=" + gazetteer[i + 1][0], "gaz1=" + gazetteer[i + 1])
            if new[i + 1]:
                f.append("new1")
        else:
            f.append("EOS")
        if i + 2 < n:
            f += ws[i + 2].after2
        if i > 0:
            f.append(f"bigram={ws[i - 1].word.form}|{w.word.form}")
        out.append(f)
    return out
