"""Our Hugging Face export loaded by the ``datasets`` library, from JSON Lines (with the
features file beside it) and from Parquet (features in the file), the tags a
``ClassLabel`` whose names give back every span's tokens."""

from __future__ import annotations

import json
from pathlib import Path

import datasets
import pytest

from annotator.core.tokens import tokenize
from tests.peers.peer_data import annotator, spans_of


def entities(ds: datasets.Dataset) -> list[tuple[str, str, str]]:
    """(document, label, tokens joined by spaces) of every B-/I- run, by tag names."""
    names = ds.features["ner_tags"].feature.names
    found: list[tuple[str, str, list[str]]] = []
    for row in ds:
        for token, tag in zip(row["tokens"], row["ner_tags"], strict=True):
            name = names[tag]
            if name.startswith("B-"):
                found.append((row["document"], name[2:], [token]))
            elif name.startswith("I-"):
                assert found and found[-1][1] == name[2:]
                found[-1][2].append(token)
    return sorted((d, label, " ".join(tokens)) for d, label, tokens in found)


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_datasets_loads_the_export_with_its_label_names(
    news_project: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"train{suffix}"
    annotator("export", news_project, "--format", "hf", "--output", out, "--annotator", "sara")
    cache = str(tmp_path / "cache")
    if suffix == ".jsonl":
        features_file = out.with_name("train.features.json")
        features = datasets.Features.from_dict(json.loads(features_file.read_text()))
        ds = datasets.Dataset.from_json(str(out), features=features, cache_dir=cache)
    else:
        ds = datasets.Dataset.from_parquet(str(out), cache_dir=cache)
    assert isinstance(ds.features["ner_tags"].feature, datasets.ClassLabel)
    assert ds.features["ner_tags"].feature.names[0] == "O"
    expected = sorted(
        (d, label, " ".join(t.text for t in tokenize(text)))
        for d, who, label, _, _, text in spans_of(news_project)
        if who == "sara"
    )
    assert entities(ds) == expected
