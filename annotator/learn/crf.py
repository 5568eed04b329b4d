"""One layer's CRF (python-crfsuite): BIO tags over tokens, or IO for a large schema;
trained and applied.

A CRF's training time grows with the square of its tags: with B- and I- tags for every
label, a schema of 34 labels has 69 of them. IO (I-LABEL on every token of a span, O
elsewhere) halves that, and trains in less than half the time with the same F1 on
NewsFANE (cross-validated, benchmarks/RESULTS.md); but it cannot tell two spans of one
label side by side from one span, and B- tags help find where spans begin in a small
schema (Wojood's F1 drops from 0.60 to 0.56 without them). So a schema of up to
MAX_BIO_LABELS labels gets BIO, a larger one IO.

The model is crfsuite's own file, kept as bytes: it holds feature weights and nothing
that runs, so a model from someone else is safe to open. crfsuite trains it; suggesting
reads its weights (posteriors.py) to weigh whole spans, which crfsuite's tagger cannot;
crfsuite's tagger measures how unsure the model is of a text, from each token's tags.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pycrfsuite

if TYPE_CHECKING:
    from annotator.learn.posteriors import Weights

# L1 keeps the model small (most of the features of rare words get weight zero), L2
# keeps it stable. 50 iterations score as 150 do on NewsFANE (micro-F1 0.814 and 0.815,
# benchmarks/RESULTS.md) in a third of the time.
PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 50,
    "feature.possible_transitions": True,
}

Features = list[list[str]]


@dataclass(frozen=True)
class Tagged:
    first: int
    end: int
    label: str
    score: float  # the span's probability under the model (posteriors.py)


MAX_BIO_LABELS = 20


def labels_with_b(sequences: Sequence[Sequence[tuple[int, int, str]]]) -> frozenset[str]:
    """The labels that get B- tags, from each sequence's spans (token ranges): all of
    them in a schema of at most MAX_BIO_LABELS, else none."""
    labels = {label for spans in sequences for _, _, label in spans}
    return frozenset(labels) if len(labels) <= MAX_BIO_LABELS else frozenset()


def tags_of(
    length: int, spans: Sequence[tuple[int, int, str]], with_b: frozenset[str]
) -> list[str]:
    """The tags of a sequence of ``length`` tokens: B- then I- for the labels in
    ``with_b``, I- throughout for the others."""
    tags = ["O"] * length
    for first, end, label in spans:
        tags[first:end] = ["I-" + label] * (end - first)
        if label in with_b:
            tags[first] = "B-" + label
    return tags


def train(data: Sequence[tuple[Features, list[str]]]) -> bytes:
    """A crfsuite model from (features, tags) sequences, as the bytes of its file."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in data:
        trainer.append(features, tags)
    trainer.set_params(PARAMS)
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


# A span is proposed when the model gives it at least this probability: that its tokens,
# and only they, carry its label (posteriors.py), summed over every tagging. The single
# likeliest tagging (Viterbi, crfsuite's tagger) proposes some spans the model itself
# gives less than an even chance, and none where it hesitates between several taggings
# that share a span. With calibrated probabilities, the threshold that maximises F1 is
# half the F1 reached (Lipton, Elkan and Naryanaswamy 2014): about 0.38 for NewsFANE's
# 0.76. In cross-validation 0.35 to 0.5 beat Viterbi on NewsFANE and 0.3 to 0.45 on
# Wojood; 0.35 and 0.4 score alike on both. A bias against O at decoding (Minkov et al.
# 2006) gained nothing: most spans it adds are wrong (benchmarks/RESULTS.md).
MIN_SPAN_PROBABILITY = 0.4


class Tagger:
    def __init__(self, model: bytes):
        self._model = model
        # Imported on first use: numpy's import would lengthen the window's start-up, and
        # the window has no model then.
        from annotator.learn.posteriors import Weights

        self._weights: Weights = Weights.of(model)
        self._crfsuite: pycrfsuite.Tagger | None = None  # opened when first asked for doubt

    def labels(self) -> frozenset[str]:
        """The labels of the model's tags."""
        return frozenset(label for label, _, _ in self._weights.labels)

    def tag(self, features: Features) -> list[Tagged]:
        """The spans of probability at least MIN_SPAN_PROBABILITY, none overlapping
        (the likelier kept), each scored with its probability."""
        if not features:
            return []
        probable = self._weights.spans(features, MIN_SPAN_PROBABILITY)
        taken = [False] * len(features)
        spans: list[Tagged] = []
        for first, end, label, p in sorted(probable, key=lambda s: -s[3]):
            if not any(taken[first:end]):
                spans.append(Tagged(first, end, label, p))
                taken[first:end] = [True] * (end - first)
        spans.sort(key=lambda s: s.first)
        return spans

    def doubt(self, features: Features) -> float:
        """How unsure the model is of the sequence, for ordering documents: one minus the
        marginal probability of the likeliest tag of its least sure token (which is the
        chosen spans' tag wherever they agree with the likeliest tags, as they nearly
        always do).

        crfsuite's own tagger gives every token's marginals, in C: no span is searched
        for. A token whose likeliest tagging's tag is at least as probable as the least
        sure token so far cannot be less sure; one at least even is sure of that tag;
        only the others need every tag's marginal."""
        if not features:
            return 0.0
        if self._crfsuite is None:
            self._crfsuite = pycrfsuite.Tagger()
            self._crfsuite.open_inmemory(self._model)
        tagger = self._crfsuite
        tags = tagger.labels()
        sure = 1.0
        for t, tag in enumerate(tagger.tag(features)):
            p = tagger.marginal(tag, t)
            if p < sure:
                sure = min(sure, p if p >= 0.5 else max(tagger.marginal(y, t) for y in tags))
        return 1.0 - sure
