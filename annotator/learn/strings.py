"""The string-matching recommender (INCEpTION's default): every text annotated before is
proposed wherever it occurs again, with the label it was given most.

Texts are compared as sequences of folded tokens (``core.arabic.fold_text``), so a name is
found whatever its harakat, tatweel or alef. A match's score is how often that text was
annotated with that label out of all the times it occurs in the training texts: a name
that is always annotated scores 1, a common word that was annotated once scores little.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Key = tuple[str, ...]


@dataclass(frozen=True)
class Match:
    first: int  # token index
    end: int  # token index after the last
    label: str
    score: float


@dataclass
class StringTable:
    labels: dict[Key, Counter[str]] = field(default_factory=dict)  # text -> label counts
    seen: Counter[Key] = field(default_factory=Counter)  # text -> occurrences
    longest: int = 0
    # The first tokens of the texts: most tokens begin none, and are passed at once.
    starts: frozenset[str] = frozenset()
    # The beginnings of the texts that a longer one continues: a search stops lengthening
    # a text as soon as no known one goes on from it.
    continued: frozenset[Key] = frozenset()
    # best()'s answers: a text is looked up at each of its places (thousands in a long
    # document, for a few hundred texts). Filled once the table is built (build() counts
    # ``seen`` before any lookup).
    _best: dict[Key, tuple[str, float]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, labels: dict[Key, Counter[str]], seen: Counter[Key] | None = None) -> StringTable:
        return cls(
            labels,
            seen or Counter(),
            max(map(len, labels), default=0),
            frozenset(key[0] for key in labels if key),
            frozenset(key[:n] for key in labels for n in range(1, len(key))),
        )

    @classmethod
    def build(
        cls, sequences: Iterable[tuple[Sequence[str], Iterable[tuple[int, int, str]]]]
    ) -> StringTable:
        """From (folded tokens, spans as token ranges) pairs."""
        data = [(list(words), list(spans)) for words, spans in sequences]
        labels: dict[Key, Counter[str]] = {}
        for words, spans in data:
            _add_spans(labels, words, spans)
        table = cls.of(labels)
        for words, _ in data:
            table._count(words, table.seen)
        return table

    @classmethod
    def without_each_fold(
        cls,
        sequences: Iterable[tuple[Sequence[str], Iterable[tuple[int, int, str]], int]],
        folds: int,
    ) -> list[StringTable]:
        """For each fold k of ``folds``, the table that build makes of the (folded
        tokens, spans, fold) triples of the other folds: each fold's texts and
        occurrences are counted once, and the tables summed from them, rather than
        every sequence counted again for each table it is in."""
        data = [(list(words), list(spans), fold) for words, spans, fold in sequences]
        labels: list[dict[Key, Counter[str]]] = [{} for _ in range(folds)]
        for words, spans, fold in data:
            _add_spans(labels[fold], words, spans)
        # Every text any fold knows: its occurrences in each fold are those the table of
        # any other fold that knows it would count.
        known = cls.of({key: Counter() for part in labels for key in part})
        seen: list[Counter[Key]] = [Counter() for _ in range(folds)]
        for words, _, fold in data:
            known._count(words, seen[fold])
        tables = []
        for k in range(folds):
            others = [f for f in range(folds) if f != k]
            merged: dict[Key, Counter[str]] = {}
            for f in others:
                for key, counts in labels[f].items():
                    merged.setdefault(key, Counter()).update(counts)
            table = cls.of(merged)
            for key in merged:
                table.seen[key] = sum(seen[f][key] for f in others)
            tables.append(table)
        return tables

    def _count(self, words: Sequence[str], seen: Counter[Key]) -> None:
        """Adds to ``seen`` every occurrence in ``words`` of a text the table knows."""
        for i in self._candidates(words):
            for key in self._known_at(words, i):
                seen[key] += 1

    def _candidates(self, words: Sequence[str]) -> list[int]:
        starts = self.starts
        return [i for i, w in enumerate(words) if w in starts]

    def _known_at(self, words: Sequence[str], i: int) -> list[Key]:
        """The known texts that begin at ``words[i]``, shortest first."""
        out = []
        for n in range(1, min(self.longest, len(words) - i) + 1):
            key = tuple(words[i : i + n])
            if key in self.labels:
                out.append(key)
            if key not in self.continued:
                break
        return out

    def score(self, key: Key, label: str) -> float:
        count = self.labels[key][label]
        return count / max(self.seen[key], count)

    def best(self, key: Key) -> tuple[str, float] | None:
        """The label ``key`` was given most (the first by name in a tie) and its score;
        None for a text never annotated."""
        return self._best_of(key) if key in self.labels else None

    def _best_of(self, key: Key) -> tuple[str, float]:
        """best() of a known text."""
        found = self._best.get(key)
        if found is None:
            counts = self.labels[key]
            label = max(sorted(counts), key=lambda lab: counts[lab])
            found = self._best[key] = label, self.score(key, label)
        return found

    def find(
        self, words: Sequence[str], min_score: float = 0.0, at: Sequence[int] | None = None
    ) -> list[Match]:
        """The longest known text at each token, left to right, not overlapping; its best
        label. Texts scoring under ``min_score`` are not proposed (a shorter one may be).
        ``at``: the tokens that begin a known text, in order, when the caller knows them
        (found without reading every word)."""
        out: list[Match] = []
        after = 0  # the end of the last match: matches do not overlap
        for i in self._candidates(words) if at is None else at:
            if i < after:
                continue
            for key in reversed(self._known_at(words, i)):
                label, score = self._best_of(key)
                if score >= min_score:
                    out.append(Match(i, i + len(key), label, score))
                    after = i + len(key)
                    break
        return out

    def tags(self, words: Sequence[str], min_score: float = 0.0) -> list[str]:
        """BIO tags of the matches, "" outside: a CRF feature."""
        tags = [""] * len(words)
        for m in self.find(words, min_score):
            tags[m.first] = "B-" + m.label
            for k in range(m.first + 1, m.end):
                tags[k] = "I-" + m.label
        return tags

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"tokens": list(key), "labels": dict(counts), "seen": self.seen[key]}
            for key, counts in self.labels.items()
        ]

    @classmethod
    def from_json(cls, rows: list[dict[str, Any]]) -> StringTable:
        labels: dict[Key, Counter[str]] = {}
        seen: Counter[Key] = Counter()
        for row in rows:
            key = tuple(str(t) for t in row["tokens"])
            labels[key] = Counter({str(k): int(v) for k, v in row["labels"].items()})
            seen[key] = int(row["seen"])
        return cls.of(labels, seen)


def _add_spans(
    labels: dict[Key, Counter[str]], words: Sequence[str], spans: Iterable[tuple[int, int, str]]
) -> None:
    for first, end, label in spans:
        labels.setdefault(tuple(words[first:end]), Counter())[label] += 1
