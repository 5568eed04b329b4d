"""The CRF's spans and their probabilities, checked against crfsuite's own probability of
every whole tag sequence of short sentences; the doubt crfsuite's marginals give, against
the spans' probabilities on real news."""

from __future__ import annotations

import itertools
from collections import defaultdict

import pycrfsuite
import pytest

from annotator.formats.base import ImportOptions
from annotator.formats.conll import read
from annotator.learn import crf
from annotator.learn.examples import Example, Span, sequences
from annotator.learn.features import word
from annotator.learn.posteriors import Weights
from annotator.learn.recommender import train
from tests.paths import SHARED

NEWSFANE = SHARED / "interop" / "conll" / "NewsFANE_Gold_2014_excerpt_first500sent.txt"

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
    got = Weights.of(model).spans(features(words), 0.0)
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
    tagged = crf.Tagger(model).tag(features(words))
    assert [(t.first, t.end, t.label) for t in tagged] == sorted(chosen)
    for t in tagged:
        assert t.score == pytest.approx(probability[t.first, t.end, t.label], abs=1e-9)


@pytest.mark.parametrize("words", QUERIES)
def test_the_doubt_is_one_minus_the_likeliest_tag_of_the_least_sure_token(
    model: bytes, words: list[str]
) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    tagger.set(features(words))
    marginal: dict[tuple[int, str], float] = defaultdict(float)
    for tags in itertools.product(tagger.labels(), repeat=len(words)):
        p = tagger.probability(list(tags))
        for i, tag in enumerate(tags):
            marginal[i, tag] += p
    sure = min(max(marginal[i, tag] for tag in tagger.labels()) for i in range(len(words)))
    assert crf.Tagger(model).doubt(features(words)) == pytest.approx(1.0 - sure, abs=1e-9)


def test_a_probable_span_is_proposed_where_the_likeliest_tagging_has_none(model: bytes) -> None:
    """The training has more places than people after "في", and "محمد" alone once as no
    name: no tagging with a span beats "O O", yet the place is probable enough."""
    words = ["في", "محمد"]
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    assert tagger.tag(features(words)) == ["O", "O"]
    assert crf.MIN_SPAN_PROBABILITY <= brute_force(model, words)[1, 2, "LOC"] < 0.5
    tagged = crf.Tagger(model).tag(features(words))
    assert [(t.first, t.end, t.label) for t in tagged] == [(1, 2, "LOC")]


def test_a_damaged_model_is_refused(model: bytes) -> None:
    for damaged in (model[:40], model[:-8], b"x" * len(model)):
        with pytest.raises(ValueError, match="not a crfsuite model"):
            Weights.of(damaged)


def test_the_doubt_of_real_news_is_the_one_its_span_probabilities_give() -> None:
    """With more than MAX_BIO_LABELS labels the CRF tags IO: a token's I-X is then the sum
    of the probabilities of the spans of X over it (forward-backward, posteriors.py), and
    its O the rest, so the spans give the doubt that crfsuite's marginals do."""
    if not NEWSFANE.is_file():
        pytest.skip("shared/interop is not beside the repository")
    (doc,) = read(NEWSFANE, "NewsFANE", ImportOptions(annotator="gold"))
    lines: list[Example] = []
    at = 0
    for line in doc.text.split("\n")[:240]:
        held = [a for a in doc.annotations if at <= a.start and a.end <= at + len(line)]
        lines.append(Example(line, tuple(Span(a.start - at, a.end - at, a.label) for a in held)))
        at += len(line) + 1
    model = train(lines[:200], {s.label: "entity" for e in lines for s in e.spans})
    (layer,) = model.layers.values()
    tagger = layer.tagger()
    assert tagger is not None and layer.weights is not None
    weights = Weights.of(layer.weights)
    assert not any(tag.startswith("B-") for tag in weights.tags)
    doubts = []
    for example in lines[200:]:
        for tokens in sequences(example.text):
            feats = layer.features(tokens, [word(t.text).form for t in tokens])
            # X at t: the spans of X that begin at or before t and end after it.
            change = {label: [0.0] * (len(tokens) + 1) for label, *_ in weights.labels}
            for first, end, label, p in weights.spans(feats, 0.0):
                change[label][first] += p
                change[label][end] -= p
            inside = {label: list(itertools.accumulate(c)) for label, c in change.items()}
            sure = min(
                max(1.0 - sum(x[t] for x in inside.values()), *(x[t] for x in inside.values()))
                for t in range(len(tokens))
            )
            doubts.append(tagger.doubt(feats))
            assert doubts[-1] == pytest.approx(1.0 - sure, abs=1e-9)
    assert max(doubts) > 0.3  # some sentences the model is unsure of
