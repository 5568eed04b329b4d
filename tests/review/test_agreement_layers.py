"""The token measures per layer, on generated data where one layer is never used and
another only in some documents: checked against scikit-learn, the krippendorff package
and Fleiss's kappa computed by hand from its definition."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.review.agreement import agreement
from annotator.review.study import load_study
from annotator.storage.project import Project
from tests.review.conftest import ProjectBuilder, word

ANNOTATORS = ["hala", "omar", "sara"]
ENTITIES = ["PER", "ORG", "LOC"]
WORDS_PER_DOC = 20
TOKENS = 2 * WORDS_PER_DOC  # the tokenizer splits each word "w07" into "w" and "07"


def generate(build: ProjectBuilder, seed: int) -> dict[str, dict[str, list[list[str]]]]:
    """Documents where everyone tags entities and, in every other document, claims; no
    quotes anywhere. Returns {layer: {annotator: [token labels of each counted doc]}}."""
    rng = random.Random(seed)
    expected: dict[str, dict[str, list[list[str]]]] = {
        layer: {a: [] for a in ANNOTATORS} for layer in ("entity", "claim")
    }
    for d in range(6):
        # Twenty words as in WORDS, but each document's own (one text is one document).
        doc = build.doc(f"d{d}", " ".join(f"{'abcdef'[d]}{k:02d}" for k in range(20)))
        layers = [("entity", ENTITIES)] + ([("claim", ["CLAIM"])] if d % 2 == 0 else [])
        for layer, labels in layers:
            for annotator in ANNOTATORS:
                tokens = ["O"] * WORDS_PER_DOC
                at = rng.randrange(3)
                spans = []
                while at < WORDS_PER_DOC:  # spans of one layer never overlap here
                    length = rng.randint(1, 3 if layer == "entity" else 6)
                    if at + length <= WORDS_PER_DOC and rng.random() < 0.5:
                        label = rng.choice(labels)
                        spans.append((label, *word(at, length)))
                        tokens[at : at + length] = [label] * length
                    at += length + rng.randrange(3)
                if not spans:  # everyone takes part, and uses the layer
                    spans.append((labels[0], *word(0)))
                    tokens[0] = labels[0]
                build.spans(doc, annotator, *spans)
                expected[layer][annotator].append([t for t in tokens for _ in "w0"])
    return expected


def fleiss_by_hand(columns: list[tuple[str, ...]]) -> float:
    """Fleiss (1971): P̄ the mean agreement per unit, P̄e from the category proportions."""
    n = len(columns[0])
    per_unit = [Counter(c) for c in columns]
    p_bar = sum((sum(v * v for v in c.values()) - n) / (n * (n - 1)) for c in per_unit)
    p_bar /= len(columns)
    totals = sum(per_unit, Counter())
    p_e = sum((v / (n * len(columns))) ** 2 for v in totals.values())
    return (p_bar - p_e) / (1 - p_e)


def independent(rows: dict[str, list[str]]) -> dict[str, float]:
    seqs = [rows[a] for a in ANNOTATORS]
    cohen = [cohen_kappa_score(x, y) for x, y in combinations(seqs, 2)]
    values = sorted({v for s in seqs for v in s})
    data = np.array([[values.index(v) for v in s] for s in seqs], dtype=float)
    return {
        "cohen_kappa": sum(cohen) / len(cohen),
        "fleiss_kappa": fleiss_by_hand(list(zip(*seqs, strict=True))),
        "krippendorff_alpha": krippendorff.alpha(
            reliability_data=data, level_of_measurement="nominal"
        ),
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_each_layer_counts_only_where_it_is_used(
    project: Project, build: ProjectBuilder, seed: int
) -> None:
    expected = generate(build, seed)
    r = agreement(load_study(project))
    flat = {
        layer: {a: [t for doc in docs for t in doc] for a, docs in by_annotator.items()}
        for layer, by_annotator in expected.items()
    }
    assert r.layers["entity"].units == 6 * TOKENS
    assert r.layers["claim"].units == 3 * TOKENS  # only the documents with claims
    assert vars(r.layers["quote"]) == {
        "units": 0,
        "cohen_kappa": None,
        "fleiss_kappa": None,
        "krippendorff_alpha": None,
    }
    for layer in ("entity", "claim"):
        theirs = independent(flat[layer])
        ours = vars(r.layers[layer])
        for measure, value in theirs.items():
            assert ours[measure] == pytest.approx(value, abs=1e-9), (layer, measure)
    pooled = independent({a: flat["entity"][a] + flat["claim"][a] for a in ANNOTATORS})
    assert r.token_units == 9 * TOKENS
    for measure, value in pooled.items():
        assert r.overall[measure] == pytest.approx(value, abs=1e-9), measure


def test_with_only_entities_tagged_overall_is_the_entity_layer(
    project: Project, build: ProjectBuilder
) -> None:
    """The issue's case: unused claim and quote layers no longer add agreeing "O"s."""
    d = build.doc("d")
    build.spans(d, "hala", ("PER", *word(0, 2)), ("ORG", *word(5)))
    build.spans(d, "omar", ("PER", *word(0)), ("LOC", *word(5)), ("PER", *word(9)))
    build.spans(d, "sara", ("PER", *word(1)), ("ORG", *word(5)))
    r = agreement(load_study(project))
    for measure in ("cohen_kappa", "fleiss_kappa", "krippendorff_alpha"):
        assert r.overall[measure] == getattr(r.layers["entity"], measure)
    assert r.token_units == r.layers["entity"].units == TOKENS
