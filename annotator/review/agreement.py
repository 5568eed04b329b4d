"""The agreement report: every measure for a study, overall, per pair, label and document.

Definitions (the user guide states the same):
- f1_exact: spans match when document, start, end and label are equal; per pair,
  F1 = 2·matches/(|A|+|B|) micro over the documents both take part in; overall the mean
  over pairs.
- f1_overlap: the same with spans of one label that overlap, matched one-to-one, the
  largest overlap first.
- cohen_kappa, fleiss_kappa, krippendorff_alpha: the units are tokens, one unit per token
  and layer (entities, claims, quotes); a token's value is the label of the annotator's
  span of that layer overlapping it (the innermost when they nest), else "O". A layer
  counts in a document only when an annotator taking part there has a span of that
  layer in it: a layer nobody used adds no run of agreeing "O"s. Each measure is given
  per layer (``layers``, with the units each counted) and overall, over every counted
  unit of the three layers together.
- krippendorff_alpha_unitizing: per document on its characters, each label a category;
  the mean over documents where it is defined.
- relations_f1: relations match when their type and both ends match exactly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from annotator.core.model import LabelKind
from annotator.review.measures import (
    Unit,
    UnitizingAlpha,
    Value,
    cohen_kappa,
    f1,
    fleiss_kappa,
    krippendorff_alpha,
    pair_counts,
    unitizing_alpha,
)
from annotator.review.study import DocumentStudy, Span, Study

OUTSIDE = "O"
TOKEN_MEASURES = ("cohen_kappa", "fleiss_kappa", "krippendorff_alpha")


@dataclass(frozen=True)
class PairScores:
    a: str
    b: str
    f1_exact: float | None
    f1_overlap: float | None
    cohen_kappa: float | None
    relations_f1: float | None


@dataclass(frozen=True)
class Scores:
    """The scores of one label or one document."""

    f1_exact: float | None
    krippendorff_alpha_unitizing: float | None


@dataclass(frozen=True)
class LayerScores:
    """The token measures of one layer (or of all three), and the units they counted."""

    units: int
    cohen_kappa: float | None
    fleiss_kappa: float | None
    krippendorff_alpha: float | None


@dataclass(frozen=True)
class AgreementReport:
    annotators: list[str]
    documents: int
    overall: dict[str, float | None]
    pairs: list[PairScores]
    labels: dict[str, Scores]
    documents_detail: dict[str, Scores] = field(default_factory=dict)
    layers: dict[str, LayerScores] = field(default_factory=dict)
    token_units: int = 0  # the units the overall token measures counted

    def to_json(self) -> dict[str, Any]:
        return {
            "annotators": self.annotators,
            "documents": self.documents,
            "overall": self.overall,
            "pairs": [
                {
                    "a": p.a,
                    "b": p.b,
                    "f1_exact": p.f1_exact,
                    "f1_overlap": p.f1_overlap,
                    "cohen_kappa": p.cohen_kappa,
                }
                for p in self.pairs
            ],
            "token_units": self.token_units,
            "layers": {name: vars(s) for name, s in self.layers.items()},
            "labels": {name: vars(s) for name, s in self.labels.items()},
            "documents_detail": {name: vars(s) for name, s in self.documents_detail.items()},
        }

    def documents_by_agreement(self) -> list[tuple[str, Scores]]:
        """Documents with the lowest agreement first (α_U, then exact F1); undefined last."""

        def key(item: tuple[str, Scores]) -> tuple[float, float]:
            s = item[1]
            alpha = s.krippendorff_alpha_unitizing
            exact = s.f1_exact
            return (
                alpha if alpha is not None else float("inf"),
                exact if exact is not None else float("inf"),
            )

        return sorted(self.documents_detail.items(), key=key)


def mean(values: Iterable[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def agreement(study: Study) -> AgreementReport:
    pairs = list(combinations(study.annotators, 2))
    tallies = {pair: _pair_tallies(study, *pair) for pair in pairs}
    by_layer = token_units(study)
    units: Counter[tuple[Value | None, ...]] = Counter()
    for layer_units in by_layer.values():
        units.update(layer_units)
    index = {name: i for i, name in enumerate(study.annotators)}
    pair_scores = [
        PairScores(
            a,
            b,
            _f1(tallies[a, b].exact_by_label.values()),
            _f1(tallies[a, b].overlap_by_label.values()),
            cohen_kappa(pair_counts(units, index[a], index[b])),
            f1(*tallies[a, b].relations),
        )
        for a, b in pairs
    ]
    unitizing = {d.name: unitizing_study(d) for d in study.documents}
    overall = {
        "f1_exact": mean(p.f1_exact for p in pair_scores),
        "f1_overlap": mean(p.f1_overlap for p in pair_scores),
        "cohen_kappa": mean(p.cohen_kappa for p in pair_scores),
        "fleiss_kappa": fleiss_kappa(units),
        "krippendorff_alpha": krippendorff_alpha(units),
        "krippendorff_alpha_unitizing": mean(u.alpha for u in unitizing.values()),
        "relations_f1": mean(p.relations_f1 for p in pair_scores),
    }
    # Labels nobody used in these documents would only add rows of undefined values.
    used = {s.label for d in study.documents for spans in d.spans.values() for s in spans}
    labels = {
        label: Scores(
            mean(_f1([tallies[pair].exact_by_label.get(label, (0, 0, 0))]) for pair in pairs),
            mean(u.by_category.get(label) for u in unitizing.values()),
        )
        for label in study.labels
        if label in used
    }
    documents = {
        d.name: Scores(
            mean(
                _f1(tallies[pair].exact_by_document.get(d.id, {}).values())
                for pair in pairs
                if d.participants.issuperset(pair)
            ),
            unitizing[d.name].alpha,
        )
        for d in study.documents
    }
    layers = {
        layer.value: _layer_scores(layer_units, [(index[a], index[b]) for a, b in pairs])
        for layer, layer_units in by_layer.items()
    }
    return AgreementReport(
        study.annotators,
        len(study.documents),
        overall,
        pair_scores,
        labels,
        documents,
        layers,
        sum(units.values()),
    )


def _layer_scores(
    units: Counter[tuple[Value | None, ...]], pairs: list[tuple[int, int]]
) -> LayerScores:
    return LayerScores(
        sum(units.values()),
        mean(cohen_kappa(pair_counts(units, i, j)) for i, j in pairs),
        fleiss_kappa(units),
        krippendorff_alpha(units),
    )


# ----- span F1 -------------------------------------------------------------------------

Tally = tuple[int, int, int]  # matches, |A|, |B|


def _f1(tallies: Iterable[Tally]) -> float | None:
    """Micro F1 over the tallies."""
    matches = size_a = size_b = 0
    for m, a, b in tallies:
        matches, size_a, size_b = matches + m, size_a + a, size_b + b
    return f1(matches, size_a, size_b)


@dataclass
class _PairTallies:
    exact_by_label: dict[str, Tally] = field(default_factory=dict)
    overlap_by_label: dict[str, Tally] = field(default_factory=dict)
    exact_by_document: dict[int, dict[str, Tally]] = field(default_factory=dict)
    relations: Tally = (0, 0, 0)


def _sum(x: Tally, y: Tally) -> Tally:
    return (x[0] + y[0], x[1] + y[1], x[2] + y[2])


def _add(table: dict[Any, Tally], key: Any, tally: Tally) -> None:
    table[key] = _sum(table.get(key, (0, 0, 0)), tally)


def _pair_tallies(study: Study, a: str, b: str) -> _PairTallies:
    out = _PairTallies()
    for doc in study.shared(a, b):
        by_label_a = _by_label(doc.spans[a])
        by_label_b = _by_label(doc.spans[b])
        per_label: dict[str, Tally] = {}
        for label in by_label_a.keys() | by_label_b.keys():
            spans_a, spans_b = by_label_a.get(label, []), by_label_b.get(label, [])
            exact = (_exact_matches(spans_a, spans_b), len(spans_a), len(spans_b))
            per_label[label] = exact
            _add(out.exact_by_label, label, exact)
            overlap = (_overlap_matches(spans_a, spans_b), len(spans_a), len(spans_b))
            _add(out.overlap_by_label, label, overlap)
        out.exact_by_document[doc.id] = per_label
        rel_a, rel_b = doc.relations[a], doc.relations[b]
        out.relations = _sum(out.relations, (_exact_matches(rel_a, rel_b), len(rel_a), len(rel_b)))
    return out


def _by_label(spans: list[Span]) -> dict[str, list[Span]]:
    out: dict[str, list[Span]] = {}
    for s in spans:
        out.setdefault(s.label, []).append(s)
    return out


def _exact_matches(a: Sequence[object], b: Sequence[object]) -> int:
    set_a, set_b = set(a), set(b)
    if len(set_a) == len(a) and len(set_b) == len(b):
        return len(set_a & set_b)
    # An annotator marked the same span twice: count it as often as both have it.
    return sum((Counter(a) & Counter(b)).values())


def _overlap_matches(a: list[Span], b: list[Span]) -> int:
    """One-to-one matches of overlapping spans, the largest overlap first."""
    candidates = sorted(
        (
            (min(x.end, y.end) - max(x.start, y.start), i, j)
            for i, x in enumerate(a)
            for j, y in enumerate(b)
            if x.start < y.end and y.start < x.end
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return len(used_a)


# ----- token units ---------------------------------------------------------------------


def token_units(study: Study) -> dict[LabelKind, Counter[tuple[Value | None, ...]]]:
    """Unit counts of each layer over all documents: per token, each annotator's label,
    "O", or None when the annotator does not take part in the document. A layer counts in
    a document only where an annotator taking part has a span of it."""
    units: dict[LabelKind, Counter[tuple[Value | None, ...]]] = {k: Counter() for k in LabelKind}
    for doc in study.documents:
        _document_units(study, doc, units)
    return units


def _document_units(
    study: Study, doc: DocumentStudy, units: dict[LabelKind, Counter[tuple[Value | None, ...]]]
) -> None:
    tokens = doc.tokens
    starts = [s for s, _ in tokens]
    ends = [e for _, e in tokens]
    taking_part = [a in doc.participants for a in study.annotators]
    outside = tuple(OUTSIDE if part else None for part in taking_part)
    for layer in LabelKind:
        # Only tokens some span covers differ from `outside`; count the rest at once.
        values: list[dict[int, str]] = []
        used = False
        for annotator, part in zip(study.annotators, taking_part, strict=True):
            labels: dict[int, str] = {}
            layer_spans = [
                s for s in doc.spans.get(annotator, ()) if study.labels[s.label] is layer
            ]
            used = used or (part and bool(layer_spans))
            # Longest first, so that a nested (inner) span's label wins on its tokens.
            for s in sorted(layer_spans, key=lambda s: s.start - s.end):
                for k in range(bisect_right(ends, s.start), bisect_left(starts, s.end)):
                    labels[k] = s.label
            values.append(labels)
        if not used:
            continue
        covered = list(set().union(*values))
        columns = [
            [v.get(k, OUTSIDE) for k in covered] if part else [None] * len(covered)
            for v, part in zip(values, taking_part, strict=True)
        ]
        units[layer].update(zip(*columns, strict=True))
        units[layer][outside] += len(tokens) - len(covered)


# ----- unitizing -----------------------------------------------------------------------


def unitizing_study(doc: DocumentStudy) -> UnitizingAlpha:
    """α_U of one document: its characters are the continuum, each label a category."""
    units = [
        Unit(s.start, s.end - s.start, annotator, s.label)
        for annotator, spans in doc.spans.items()
        for s in spans
    ]
    return unitizing_alpha(units, sorted(doc.participants), len(doc.text))
