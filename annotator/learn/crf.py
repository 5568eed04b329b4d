"""One layer's CRF (python-crfsuite): IO tags over tokens, trained and applied.

Each token of a span is tagged I-LABEL, every other token O: no B- tags. A CRF's training
time grows with the square of its tags, and with B- tags a schema of 34 labels has 69 of
them; IO has 35, and trains in less than half the time with the same F1 on NewsFANE
(benchmarks/RESULTS.md). What it gives up is two spans of one label side by side with
nothing between them, tagged as one (9 of NewsFANE's 1,341 spans).

The model is crfsuite's own file, kept as bytes: it holds feature weights and nothing
that runs, so a model from someone else is safe to open.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

import pycrfsuite

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
    score: float  # the mean of the tokens' marginal probabilities of their tags


def io_tags(length: int, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * length
    for first, end, label in spans:
        tags[first:end] = ["I-" + label] * (end - first)
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


class Tagger:
    def __init__(self, model: bytes):
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)

    def tag(self, features: Features) -> tuple[list[Tagged], float]:
        """The spans of the best tagging, and how unsure the model is of it: one minus
        the lowest marginal probability of a token's chosen tag."""
        if not features:
            return [], 0.0
        tags = self._tagger.tag(features)
        marginals = [self._tagger.marginal(t, i) for i, t in enumerate(tags)]
        spans: list[Tagged] = []
        i = 0
        while i < len(tags):
            tag = tags[i]
            if tag == "O":
                i += 1
                continue
            j = i + 1
            while j < len(tags) and tags[j] == tag:
                j += 1
            score = sum(marginals[i:j]) / (j - i)
            spans.append(Tagged(i, j, tag[2:], score))
            i = j
        return spans, 1.0 - min(marginals)
