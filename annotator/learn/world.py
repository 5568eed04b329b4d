"""Names of the world's countries, regions and cities in Arabic, as a feature.

A project of a few dozen articles has seen few of the places the next article names;
the names of places are known beforehand. ``resources/places_ar.tsv`` lists them
(made by tools/make_places.py from CLDR's country names and GeoNames' cities of more
than 15,000 people). They give a token the feature "a city's name" or "a country's
name"; which label that means (LOC, GPE, Nation, Population-Center...) the CRF learns
from the project, as label sets differ.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from annotator.core.arabic import fold_text
from annotator.core.bundled import RESOURCES
from annotator.learn.features import strip_clitics
from annotator.learn.strings import Key, StringTable

_MIN_LETTERS = 3  # shorter names (له, Leh) are mostly ordinary words
# A place name that the project's texts hold at least this often, and in a span less
# than this share of the times, is an ordinary word there (كان is Cannes, and "was").
COMMON_MIN_SEEN = 2
COMMON_MAX_SHARE = 0.5


@cache
def world_names() -> StringTable:
    """Folded token sequences of the names, each with its kind."""
    names: dict[tuple[str, ...], str] = {}
    data = RESOURCES / "places_ar.tsv"
    for line in data.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, _, name = line.partition("\t")
            # A name that is both (a city-state) is a country: countries come first.
            names.setdefault(_key(name), kind)
    kept = {key: kind for key, kind in names.items() if sum(map(len, key)) >= _MIN_LETTERS}
    return StringTable.of({key: Counter({kind: 1}) for key, kind in kept.items()})


def _key(name: str) -> tuple[str, ...]:
    # Place names are words and spaces; folding them whole then splitting is the
    # tokenizer's result, many times faster for tens of thousands of names.
    return tuple(fold_text(name).split())


class Place(NamedTuple):
    """A place name found among a sequence's folded words."""

    key: Key  # its words as found: as written, or without their clitics
    first: int  # token index
    end: int
    kind: str


def places(words: Sequence[str]) -> list[Place]:
    """The place names among the folded ``words``: those found as written, then those
    found after a clitic (لالمانيا); the second may overlap the first."""
    table = world_names()
    out: list[Place] = []
    for form in (list(words), [strip_clitics(w)[1] for w in words]):
        out += (
            Place(tuple(form[m.first : m.end]), m.first, m.end, m.label) for m in table.find(form)
        )
    return out


def world_tags(words: Sequence[str], common: frozenset[Key] = frozenset()) -> list[str]:
    """BIO tags of the place names among the folded ``words``, found as written or after
    a clitic (لالمانيا), except the names in ``common`` (see common_names)."""
    return place_tags(places(words), len(words), common)


def place_tags(found: Iterable[Place], length: int, common: frozenset[Key]) -> list[str]:
    """world_tags of a sequence of ``length`` words whose places() are ``found``."""
    tags = [""] * length
    for p in found:
        if p.key in common or any(tags[p.first : p.end]):
            continue
        tags[p.first] = "B-" + p.kind
        for k in range(p.first + 1, p.end):
            tags[k] = "I-" + p.kind
    return tags


def common_names(sequences: Iterable[tuple[Iterable[Place], Sequence[bool]]]) -> frozenset[Key]:
    """The place names the training texts mostly use as ordinary words, from (the
    places() of a sequence's folded words, whether each word is inside a span) pairs."""
    seen: Counter[Key] = Counter()
    inside: Counter[Key] = Counter()
    for found, in_span in sequences:
        for p in found:
            seen[p.key] += 1
            inside[p.key] += all(in_span[p.first : p.end])
    return frozenset(
        k for k, n in seen.items() if n >= COMMON_MIN_SEEN and inside[k] / n < COMMON_MAX_SHARE
    )
