"""The CRF's spans and their probabilities, checked against crfsuite's own probability of
every whole tag sequence of short sentences."""

from __future__ import annotations

import itertools
from collections import defaultdict

import pycrfsuite
import pytest

from annotator.learn import crf
from annotator.learn.posteriors import Weights

# Tokens as feature lists: a name may follow "قال" or "في", be one word or two, and the
# same words are sometimes no name: the CRF learns probabilities well away from 0 and 1.
SENTENCES: list[tuple[list[str], list[str]]] = [
    (["قال", "محمد", "علي", "اليوم"], ["O", "B-PER", "I-PER", "O"]),
    (["في", "بيروت", "اليوم"], ["O", "B-LOC", "O"]),
    (["قال", "بيروت", "اليوم"], ["O", "B-LOC", "O"]),
    (["في", "محمد", "علي"], ["O", "B-PER", "I-PER"]),
    (["قال", "محمد", "اليوم"], ["O", "O", "O"]),
    (["محمد", "علي", "بيروت"], ["B-PER", "I-PER", "B-LOC"]),
    (["في", "علي", "اليوم"], ["O", "B-LOC", "O"]),
]
QUERIES = [["قال", "محمد", "علي", "بيروت"], ["في", "محمد"], ["قال", "علي", "بيروت"], ["محمد"]]


def features(words: list[str]) -> crf.Features:
    out = []
    for i, w in enumerate(words):
        f = ["bias", "w=" + w]
        f.append("w-1=" + words[i - 1] if i else "BOS")
        f.append("w+1=" + words[i + 1] if i + 1 < len(words) else "EOS")
        out.append(f)
    return out


@pytest.fixture(scope="module")
def model() -> bytes:
    return crf.train([(features(words), tags) for words, tags in SENTENCES] * 2)


def spans_of(tags: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """The spans a tagging holds, read as crf.Tagger reads them."""
    out = []
    i = 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        label, j = tags[i][2:], i + 1
        while j < len(tags) and tags[j] == "I-" + label:
            j += 1
        out.append((i, j, label))
        i = j
    return out


def brute_force(model: bytes, words: list[str]) -> dict[tuple[int, int, str], float]:
    """Each span's probability, summed over every tagging by crfsuite's probability."""
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    tagger.set(features(words))
    out: dict[tuple[int, int, str], float] = defaultdict(float)
    for tags in itertools.product(tagger.labels(), repeat=len(words)):
        p = tagger.probability(list(tags))
        for span in spans_of(tags):
            out[span] += p
    return out


@pytest.mark.parametrize("words", QUERIES)
def test_every_span_probability_is_the_sum_over_the_taggings_that_hold_it(
    model: bytes, words: list[str]
) -> None:
    expected = brute_force(model, words)
    got, _ = Weights.of(model).spans(features(words), 0.0)
    assert {s[:3] for s in got} == {s for s, p in expected.items() if p > 0}
    for first, end, label, p in got:
        # crfsuite's file keeps the weights as doubles, its probability works in them
        assert p == pytest.approx(expected[first, end, label], abs=1e-9)


@pytest.mark.parametrize("words", QUERIES)
def test_the_tagger_proposes_the_spans_probable_enough_likeliest_first(
    model: bytes, words: list[str]
) -> None:
    probability = brute_force(model, words)
    chosen: list[tuple[int, int, str]] = []
    for span, p in sorted(probability.items(), key=lambda sp: -sp[1]):
        overlaps = any(span[0] < c[1] and c[0] < span[1] for c in chosen)
        if p >= crf.MIN_SPAN_PROBABILITY and not overlaps:
            chosen.append(span)
    tagged, doubt = crf.Tagger(model).tag(features(words))
    assert [(t.first, t.end, t.label) for t in tagged] == sorted(chosen)
    for t in tagged:
        assert t.score == pytest.approx(probability[t.first, t.end, t.label], abs=1e-9)
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    tagger.set(features(words))
    sure = min(max(tagger.marginal(tag, i) for tag in tagger.labels()) for i in range(len(words)))
    assert doubt == pytest.approx(1.0 - sure, abs=1e-9)


def test_a_probable_span_is_proposed_where_the_likeliest_tagging_has_none(model: bytes) -> None:
    """The training has more places than people after "في", and "محمد" alone once as no
    name: no tagging with a span beats "O O", yet the place is probable enough."""
    words = ["في", "محمد"]
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    assert tagger.tag(features(words)) == ["O", "O"]
    assert crf.MIN_SPAN_PROBABILITY <= brute_force(model, words)[1, 2, "LOC"] < 0.5
    tagged, _ = crf.Tagger(model).tag(features(words))
    assert [(t.first, t.end, t.label) for t in tagged] == [(1, 2, "LOC")]


def test_a_damaged_model_is_refused(model: bytes) -> None:
    for damaged in (model[:40], model[:-8], b"x" * len(model)):
        with pytest.raises(ValueError, match="not a crfsuite model"):
            Weights.of(damaged)
