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
    # best()'s answers: a text is looked up at each of its places (thousands in a long
    # document, for a few hundred texts). Filled once the table is built (build() counts
    # ``seen`` before any lookup).
    _best: dict[Key, tuple[str, float] | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def of(cls, labels: dict[Key, Counter[str]], seen: Counter[Key] | None = None) -> StringTable:
        return cls(
            labels,
            seen or Counter(),
            max(map(len, labels), default=0),
            frozenset(key[0] for key in labels if key),
        )

    @classmethod
    def build(
        cls, sequences: Iterable[tuple[Sequence[str], Iterable[tuple[int, int, str]]]]
    ) -> StringTable:
        """From (folded tokens, spans as token ranges) pairs."""
        data = [(list(words), list(spans)) for words, spans in sequences]
        labels: dict[Key, Counter[str]] = {}
        for words, spans in data:
            for first, end, label in spans:
                labels.setdefault(tuple(words[first:end]), Counter())[label] += 1
        table = cls.of(labels)
        for words, _ in data:
            for i in table._candidates(words):
                for n in range(1, min(table.longest, len(words) - i) + 1):
                    key = tuple(words[i : i + n])
                    if key in labels:
                        table.seen[key] += 1
        return table

    def _candidates(self, words: Sequence[str]) -> list[int]:
        starts = self.starts
        return [i for i, w in enumerate(words) if w in starts]

    def score(self, key: Key, label: str) -> float:
        count = self.labels[key][label]
        return count / max(self.seen[key], count)

    def best(self, key: Key) -> tuple[str, float] | None:
        """The label ``key`` was given most (the first by name in a tie) and its score;
        None for a text never annotated."""
        if key in self._best:
            return self._best[key]
        counts = self.labels.get(key)
        found = None
        if counts is not None:
            label = max(sorted(counts), key=lambda lab: counts[lab])
            found = label, self.score(key, label)
        self._best[key] = found
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
            for n in range(min(self.longest, len(words) - i), 0, -1):
                best = self.best(tuple(words[i : i + n]))
                if best is None:
                    continue
                label, score = best
                if score >= min_score:
                    out.append(Match(i, i + n, label, score))
                    after = i + n
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
