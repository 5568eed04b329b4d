"""One sense per discourse (Gale, Church and Yarowsky 1992): within one document a name
keeps its meaning. So a text the CRF proposes confidently in one place is proposed, with
the same label, wherever else it occurs in the document and nothing of its layer is
proposed there (Repeats); and a text the user annotates is proposed wherever else the
open document has it (Occurrences, the window's), before any retraining. The CRF weighs
each place by its neighbours and often doubts a name in one sentence that it found in
another (لبنان four times of five in one article).

Measured on NewsFANE's documents (benchmarks/bench_learn.py, the next document trained
on the ones before it, documents 11 to 50): the CRF's repeats add 8 right spans and 3
wrong ones (recall 0.494 -> 0.501; every threshold from 0.4 to 0.9 gains a little, a
higher one finds fewer without being more often right); the user's spans proposing
their other places raise the share of spans accepted with one key, going through each
document, from 0.501 to 0.604, with 12 places proposed that were no span of the gold
(benchmarks/RESULTS.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.tokens import Token
from annotator.learn.examples import sequences
from annotator.learn.features import word
from annotator.learn.strings import Key, Match, StringTable

# A CRF span this probable or more is repeated elsewhere in its document.
REPEAT_MIN_SCORE = 0.5
# The source (and an accepted span's suggested_by) of a suggestion made from the user's
# own span of the same text in the open document.
SAME_DOCUMENT = "document"


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


@dataclass(frozen=True)
class Occurrences:
    """A document's tokens and their folded forms, a list per sentence: where else the
    text of a span occurs, found as the user annotates. Made once per document (its
    text never changes), with an index of where each folded word is, so that each edit
    costs what the spans' texts occur, not a reading of the whole document."""

    sentences: list[tuple[Token, ...]]
    words: list[list[str]]
    length: int  # of the text
    starts: dict[int, tuple[int, int]]  # a token's start -> (sentence, token)
    places: dict[str, list[tuple[int, int]]]  # a folded word -> its (sentence, token)s

    @classmethod
    def of(cls, text: str) -> Occurrences:
        seqs = sequences(text)
        words = [[word(t.text).form for t in s] for s in seqs]
        places: dict[str, list[tuple[int, int]]] = {}
        for n, folded in enumerate(words):
            for i, w in enumerate(folded):
                places.setdefault(w, []).append((n, i))
        starts = {t.start: (n, i) for n, s in enumerate(seqs) for i, t in enumerate(s)}
        return cls(seqs, words, len(text), starts, places)

    def elsewhere(
        self, spans: Iterable[tuple[int, int, str]], taken: Iterable[tuple[int, int]] = ()
    ) -> list[tuple[int, int, str]]:
        """(start, end, label) of every other place where the text of one of ``spans``
        occurs (the same folded words, whole tokens), with the label that text was given
        most, touching neither those spans nor the ``taken`` ranges. A span that does
        not begin and end with a token (part of a word) is not looked for."""
        labels: dict[Key, Counter[str]] = {}
        marked: list[tuple[int, int]] = list(taken)
        for start, end, label in spans:
            marked.append((start, end))
            at = self.starts.get(start)
            if at is None:
                continue
            n, i = at
            tokens = self.sentences[n]
            last = next((j for j in range(i, len(tokens)) if tokens[j].end >= end), None)
            if last is not None and tokens[last].end == end:
                labels.setdefault(tuple(self.words[n][i : last + 1]), Counter())[label] += 1
        if not labels:
            return []
        table = StringTable.of(labels)
        # The sentences where a text's first word is, and there the tokens it is at.
        begins: dict[int, list[int]] = {}
        for first in table.starts:
            for n, i in self.places.get(first, ()):
                begins.setdefault(n, []).append(i)
        mark = bytearray(self.length + 1)
        for start, end in marked:
            mark[start:end] = b"\x01" * (end - start)
        out = []
        for n in sorted(begins):
            tokens = self.sentences[n]
            for m in table.find(self.words[n], at=sorted(begins[n])):
                start, end = tokens[m.first].start, tokens[m.end - 1].end
                if not any(mark[start:end]):
                    out.append((start, end, m.label))
        return out
