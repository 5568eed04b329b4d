"""Training a recommender on examples and proposing spans with it.

Each layer (entities, claims, quotes) has its own string table and CRF, so a quote may
hold an entity. The CRF sees, among its features, the spans the string table finds (the
project's gazetteer of accepted spans) and whether a word is new to it. On its training
data that table would know every span and every word, and the CRF would learn to trust
it blindly; so each training sequence gets the tags and the vocabulary of the other
folds (jackknifing), as new text will.

The CRF's spans come first, shaped by what the string table knows (_shaped): a span
holding two known texts or more is cut at their edges (with more than 20 labels the CRF
tags IO, crf.py, and two names side by side come out as one span), and a span whose very
text the table knows with a confident label gets that label (the CRF often follows a
word's letters or a place list against what the project annotated). Then the string
table's matches are added where the CRF proposed nothing, then the matches of the same
table with every word's clitics stripped (للصين finds what الصين was annotated as)
where neither proposed anything (the combination measured best, benchmarks/RESULTS.md).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise

from annotator.core.textsearch import stem as light_stem
from annotator.core.tokens import Token
from annotator.learn import crf
from annotator.learn.discourse import Repeats
from annotator.learn.examples import Example, Span, sequences, token_spans_of
from annotator.learn.features import sequence_features, strip_clitics, word
from annotator.learn.strings import Key, StringTable
from annotator.learn.world import Place, common_names, place_tags, places, world_tags

JACKKNIFE_FOLDS = 5
# Matches of the string table scoring under this are not proposed on their own: a text
# annotated in fewer than a third of the places it occurs is more often not a span.
STRING_MIN_SCORE = 0.34
# A CRF span whose text the string table gives another label scoring at least this (that
# label in nine places of ten where the text occurs) takes the table's label.
KNOWN_LABEL_SCORE = 0.9


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    label: str
    score: float
    source: str  # "crf", "strings" or "repeat" (discourse.py)


@dataclass
class Layer:
    strings: StringTable
    weights: bytes | None  # the CRF that tags spans with their labels; None without one
    vocabulary: frozenset[str] = frozenset()  # light stems of the words learnt from
    common_places: frozenset[Key] = frozenset()  # place names used as ordinary words
    # The spans' texts with every word's clitics stripped (features.strip_clitics); None
    # for the plain string matcher, which matches texts as written (evaluate.baseline_of).
    stems: StringTable | None = None
    _tagger: crf.Tagger | None = field(default=None, repr=False, compare=False)

    def tagger(self) -> crf.Tagger | None:
        if self.weights is not None and self._tagger is None:
            self._tagger = crf.Tagger(self.weights)
        return self._tagger

    def features(self, tokens: Sequence[Token], words: list[str]) -> crf.Features:
        """The CRF's features of a sequence of ``tokens``, their folded ``words``."""
        world = world_tags(words, self.common_places)
        return _features(tokens, words, self.strings, self.vocabulary, world)


@dataclass
class Recommender:
    layers: dict[str, Layer]  # by layer name
    layer_of: dict[str, str]  # label -> layer
    use_crf: bool = True
    use_strings: bool = True

    def suggest(
        self,
        text: str,
        min_string_score: float | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> list[Suggestion]:
        """Spans proposed for ``text``, in reading order; none if ``stop``, asked before
        each sentence, says to stop."""
        min_score = STRING_MIN_SCORE if min_string_score is None else min_string_score
        out: list[Suggestion] = []
        seqs = sequences(text)
        for layer in self.layers.values():
            tagger = layer.tagger() if self.use_crf else None
            repeats = Repeats()
            seen: list[tuple[tuple[Token, ...], list[str], list[bool]]] = []
            for tokens in seqs:
                if stop is not None and stop():
                    return []
                words = [word(t.text).form for t in tokens]
                taken = [False] * len(tokens)
                seen.append((tokens, words, taken))
                if tagger is not None:
                    for s in _shaped(
                        tagger.tag(layer.features(tokens, words)), words, layer.strings
                    ):
                        out.append(_suggestion(tokens, s.first, s.end, s.label, s.score, "crf"))
                        taken[s.first : s.end] = [True] * (s.end - s.first)
                        repeats.add(words[s.first : s.end], s.label, s.score)
                if self.use_strings:
                    matches = layer.strings.find(words, min_score)
                    if layer.stems is not None:
                        matches += layer.stems.find(stripped(words), min_score)
                    for m in matches:
                        if not any(taken[m.first : m.end]):
                            out.append(
                                _suggestion(tokens, m.first, m.end, m.label, m.score, "strings")
                            )
                            taken[m.first : m.end] = [True] * (m.end - m.first)
            found = repeats.find([(words, taken) for _, words, taken in seen])
            for (tokens, _, _), matches in zip(seen, found, strict=True):
                for m in matches:
                    out.append(_suggestion(tokens, m.first, m.end, m.label, m.score, "repeat"))
        out.sort(key=lambda s: (s.start, -s.end, s.label))
        return out

    def doubt(self, text: str) -> float:
        """How unsure the CRF is of ``text``: the mean over its sentences of
        crf.Tagger.doubt (0 without a CRF). Nothing is suggested on the way."""
        unsure: list[float] = []
        seqs = sequences(text)
        for layer in self.layers.values():
            tagger = layer.tagger() if self.use_crf else None
            if tagger is None:
                continue
            for tokens in seqs:
                words = [word(t.text).form for t in tokens]
                unsure.append(tagger.doubt(layer.features(tokens, words)))
        return sum(unsure) / len(unsure) if unsure else 0.0


def stripped(words: Iterable[str]) -> list[str]:
    """The folded words without their clitics: what the table of stems is keyed by."""
    return [strip_clitics(w)[1] for w in words]


def _shaped(spans: list[crf.Tagged], words: list[str], table: StringTable) -> list[crf.Tagged]:
    """The CRF's spans cut at the known texts they hold, and relabelled by them."""
    out: list[crf.Tagged] = []
    for s in spans:
        out += _cut_at_known(s, words, table)
    return [_known_label(s, words, table) for s in out]


def _cut_at_known(s: crf.Tagged, words: list[str], table: StringTable) -> list[crf.Tagged]:
    """``s`` as the known texts it holds and the pieces between them, when it holds two
    or more (فرنسا بريطانيا, two nations side by side, tagged as one); else ``s``."""
    matches = table.find(words[s.first : s.end], STRING_MIN_SCORE)
    if len(matches) < 2:
        return [s]
    cuts = sorted({0, s.end - s.first} | {m.first for m in matches} | {m.end for m in matches})
    return [crf.Tagged(s.first + a, s.first + b, s.label, s.score) for a, b in pairwise(cuts)]


def _known_label(s: crf.Tagged, words: list[str], table: StringTable) -> crf.Tagged:
    best = table.best(tuple(words[s.first : s.end]))
    if best is not None and best[0] != s.label and best[1] >= KNOWN_LABEL_SCORE:
        return crf.Tagged(s.first, s.end, best[0], s.score)
    return s


def _features(
    tokens: Sequence[Token],
    words: list[str],
    known: StringTable,
    vocabulary: frozenset[str],
    world: list[str],
) -> crf.Features:
    return sequence_features([t.text for t in tokens], known.tags(words), world, vocabulary)


def _suggestion(
    tokens: Sequence[Token], first: int, end: int, label: str, score: float, source: str
) -> Suggestion:
    return Suggestion(tokens[first].start, tokens[end - 1].end, label, round(score, 4), source)


@dataclass(frozen=True)
class _Sequence:
    tokens: tuple[Token, ...]
    words: list[str]  # folded
    spans: list[tuple[int, int, str]]  # token ranges
    fold: int
    places: list[Place]  # the world's place names among the words (world.places)


def train(
    examples: Sequence[Example],
    layer_of: Mapping[str, str],
    *,
    use_crf: bool = True,
    use_strings: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Recommender:
    """A recommender from ``examples``; ``layer_of`` maps each label to its layer, and
    spans of labels it lacks are ignored. Pure: the same examples give the same model."""
    with _collector_paused():
        return _train(examples, layer_of, use_crf, use_strings, progress)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the duration. Training builds a few hundred
    thousand lists and tuples (tokens, features), none in a cycle, and they live until
    crfsuite has read them: the collector would only walk them again each time their
    number grows by a quarter (0.3-0.7 s of the 1.9-2.7 s that Python took on 5,000
    spans, benchmarks/RESULTS.md). Training runs in a process of its own (job.py) or the
    command line, so no other thread's garbage waits meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _train(
    examples: Sequence[Example],
    layer_of: Mapping[str, str],
    use_crf: bool,
    use_strings: bool,
    progress: Callable[[str], None] | None,
) -> Recommender:
    layers: dict[str, Layer] = {}
    for layer in sorted(set(layer_of.values())):
        labels = {lab for lab, lay in layer_of.items() if lay == layer}
        seqs = list(_layer_sequences(examples, labels))
        if not any(s.spans for s in seqs):
            continue
        if progress:
            progress(layer)
        table = StringTable.build((s.words, s.spans) for s in seqs)
        common = common_names((s.places, _inside(s)) for s in seqs)
        model = _train_crf(seqs, common) if use_crf else None
        stems = StringTable.build((stripped(s.words), s.spans) for s in seqs)
        layers[layer] = Layer(table, model, _vocabulary(seqs), common, stems)
    return Recommender(layers, dict(layer_of), use_crf, use_strings)


def _layer_sequences(examples: Sequence[Example], labels: set[str]) -> Iterable[_Sequence]:
    for n, example in enumerate(examples):
        spans = [s for s in example.spans if s.label in labels]
        for tokens in sequences(example.text, spans):
            inside = [s for s in spans if s.start < tokens[-1].end and s.end > tokens[0].start]
            words = [word(t.text).form for t in tokens]
            yield _Sequence(
                tokens, words, token_spans_of(tokens, inside), n % JACKKNIFE_FOLDS, places(words)
            )


def _inside(s: _Sequence) -> list[bool]:
    inside = [False] * len(s.tokens)
    for first, end, _ in s.spans:
        inside[first:end] = [True] * (end - first)
    return inside


def _vocabulary(seqs: Iterable[_Sequence]) -> frozenset[str]:
    return frozenset(light_stem(w) for s in seqs for w in s.words)


def _train_crf(seqs: list[_Sequence], common: frozenset[Key]) -> bytes:
    folds = range(JACKKNIFE_FOLDS)
    tables = StringTable.without_each_fold(((s.words, s.spans, s.fold) for s in seqs), len(folds))
    # Each fold's words, stemmed once: a fold's vocabulary is the others' together.
    stems = [_vocabulary(s for s in seqs if s.fold == k) for k in folds]
    vocabularies = [frozenset().union(*(stems[f] for f in folds if f != k)) for k in folds]
    with_b = crf.labels_with_b([s.spans for s in seqs])
    data = [
        (
            _features(
                s.tokens,
                s.words,
                tables[s.fold],
                vocabularies[s.fold],
                place_tags(s.places, len(s.words), common),
            ),
            crf.tags_of(len(s.tokens), s.spans, with_b),
        )
        for s in seqs
    ]
    return crf.train(data)


def spans_of(suggestions: Iterable[Suggestion]) -> set[Span]:
    return {Span(s.start, s.end, s.label) for s in suggestions}
