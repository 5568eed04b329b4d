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


def world_tags(words: Sequence[str], common: frozenset[Key] = frozenset()) -> list[str]:
    """BIO tags of the place names among the folded ``words``, found as written or after
    a clitic (لالمانيا), except the names in ``common`` (see common_names)."""
    table = world_names()
    tags = [""] * len(words)
    for form in (list(words), [strip_clitics(w)[1] for w in words]):
        for m in table.find(form):
            if tuple(form[m.first : m.end]) in common or any(tags[m.first : m.end]):
                continue
            tags[m.first] = "B-" + m.label
            for k in range(m.first + 1, m.end):
                tags[k] = "I-" + m.label
    return tags


def common_names(sequences: Iterable[tuple[Sequence[str], Sequence[bool]]]) -> frozenset[Key]:
    """The place names the training texts mostly use as ordinary words, from (folded
    words, whether each is inside a span) pairs."""
    table = world_names()
    seen: Counter[Key] = Counter()
    inside: Counter[Key] = Counter()
    for words, in_span in sequences:
        for form in (list(words), [strip_clitics(w)[1] for w in words]):
            for m in table.find(form):
                key = tuple(form[m.first : m.end])
                seen[key] += 1
                inside[key] += all(in_span[m.first : m.end])
    return frozenset(
        k for k, n in seen.items() if n >= COMMON_MIN_SEEN and inside[k] / n < COMMON_MAX_SHARE
    )
