"""One sense per discourse (Gale, Church and Yarowsky 1992): within one document a name
keeps its meaning, so a text the CRF proposes confidently in one place is proposed, with
the same label, wherever else it occurs in the document and nothing of its layer is
proposed there. The CRF weighs each place by its neighbours and often doubts a name in
one sentence that it found in another (لبنان four times of five in one article).

Measured on NewsFANE's documents (benchmarks/bench_learn.py, the next document trained
on the ones before it): of the repeats added, about two in three are right; a higher
threshold finds fewer of them without being more often right (benchmarks/RESULTS.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.learn.strings import Key, Match, StringTable

# A CRF span this probable or more is repeated elsewhere in its document.
REPEAT_MIN_SCORE = 0.5


@dataclass
class Repeats:
    """The texts of one layer the CRF proposed confidently in a document, with their
    label and probability (the likelier where one text got two labels)."""

    known: dict[Key, tuple[str, float]] = field(default_factory=dict)

    def add(self, words: Sequence[str], label: str, score: float) -> None:
        if score < REPEAT_MIN_SCORE:
            return
        key = tuple(words)
        if key not in self.known or self.known[key][1] < score:
            self.known[key] = (label, score)

    def find(self, sequences: Sequence[tuple[Sequence[str], Sequence[bool]]]) -> list[list[Match]]:
        """For each sequence, its folded words and which tokens are taken: the places
        where a known text occurs on tokens none of which is taken, each with the label
        and probability of its text."""
        if not self.known:
            return [[] for _ in sequences]
        table = StringTable.of({key: Counter({lab: 1}) for key, (lab, _) in self.known.items()})
        return [
            [
                Match(m.first, m.end, m.label, self.known[tuple(words[m.first : m.end])][1])
                for m in table.find(words)
                if not any(taken[m.first : m.end])
            ]
            for words, taken in sequences
        ]
