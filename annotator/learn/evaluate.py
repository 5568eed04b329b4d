"""How good a recommender is: exact-span precision, recall and F1 per label, from
K-fold cross-validation over documents, beside the string-matching baseline."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.learn.examples import Example, Span
from annotator.learn.recommender import Recommender, spans_of, train

BASELINE = "strings"  # the string matcher alone, every match (INCEpTION's default)
RECOMMENDER = "recommender"


@dataclass
class Scores:
    """Counts of exact matches (same start, end and label) per label."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: set[Span], predicted: set[Span]) -> None:
        for s in gold & predicted:
            self.tp[s.label] += 1
        for s in predicted - gold:
            self.fp[s.label] += 1
        for s in gold - predicted:
            self.fn[s.label] += 1

    def labels(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one label, or micro-averaged over all."""
        if label is None:
            tp, fp, fn = self.tp.total(), self.fp.total(), self.fn.total()
        else:
            tp, fp, fn = self.tp[label], self.fp[label], self.fn[label]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def to_json(self) -> dict[str, Any]:
        def row(label: str | None) -> dict[str, Any]:
            p, r, f = self.prf(label)
            lab = label or ""
            support = self.tp[lab] + self.fn[lab] if label else self.tp.total() + self.fn.total()
            return {"precision": p, "recall": r, "f1": f, "support": support}

        return {"micro": row(None), "labels": {lab: row(lab) for lab in self.labels()}}


def baseline_of(model: Recommender) -> Recommender:
    """The string matcher of the same spans, proposing every match of a text as written
    (folded), not of its stems."""
    layers = {name: replace(layer, stems=None) for name, layer in model.layers.items()}
    return Recommender(layers, model.layer_of, use_crf=False, use_strings=True)


def score(model: Recommender, test: Sequence[Example], *, all_strings: bool = False) -> Scores:
    scores = Scores()
    for example in test:
        gold = {s for s in example.spans if s.label in model.layer_of}
        predicted = model.suggest(example.text, min_string_score=0.0 if all_strings else None)
        scores.add(gold, spans_of(predicted))
    return scores


def cross_validate(
    examples: Sequence[Example],
    layer_of: Mapping[str, str],
    folds: int = 5,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Scores]:
    """Scores of the recommender and of the baseline, each example (a document) tested
    once by a model trained on the other folds."""
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    out = {RECOMMENDER: Scores(), BASELINE: Scores()}
    for k in range(folds):
        if progress:
            progress(k)
        test = [examples[i] for n, i in enumerate(order) if n % folds == k]
        training = [examples[i] for n, i in enumerate(order) if n % folds != k]
        model = train(training, layer_of)
        _merge(out[RECOMMENDER], score(model, test))
        _merge(out[BASELINE], score(baseline_of(model), test, all_strings=True))
    return out


def _merge(into: Scores, other: Scores) -> None:
    into.tp.update(other.tp)
    into.fp.update(other.fp)
    into.fn.update(other.fn)
