"""One layer's CRF (python-crfsuite): BIO tags over tokens, trained and applied.

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


def bio(length: int, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * length
    for first, end, label in spans:
        tags[first] = "B-" + label
        for k in range(first + 1, end):
            tags[k] = "I-" + label
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
        self.labels = sorted({t[2:] for t in self._tagger.labels() if t != "O"})

    def best_label(self, first: int, end: int) -> tuple[str, float]:
        """For tokens [first, end) of the sequence tagged last, the label whose tags
        (B- then I-) they are likeliest to have, by their marginal probabilities."""
        best, best_p = "", -1.0
        for label in self.labels:
            p = self._marginal("B-" + label, first) + sum(
                self._marginal("I-" + label, t) for t in range(first + 1, end)
            )
            if p > best_p:
                best, best_p = label, p
        return best, best_p / (end - first)

    def _marginal(self, tag: str, t: int) -> float:
        try:
            return float(self._tagger.marginal(tag, t))
        except RuntimeError:  # a tag the model never saw (an I- of a one-token label)
            return 0.0

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
            label = tag[2:]
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + label:
                j += 1
            score = sum(marginals[i:j]) / (j - i)
            spans.append(Tagged(i, j, label, score))
            i = j
        return spans, 1.0 - min(marginals)
