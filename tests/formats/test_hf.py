from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.tokens import tokenize
from annotator.formats.tokens_io import decode_tags
from tests.formats.interop_helpers import (
    ann,
    arabic_documents,
    do_export,
    doc,
    generated_project,
    project_with,
    spans,
)

TEXT = "قال الرئيس 👨‍👩‍👧 إن جامعة القاهرة.\nوأضاف وبيروت"


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def spans_of_records(records: list[dict[str, Any]], names: list[str]) -> list[tuple[str, str]]:
    out = []
    for r in records:
        tags = [names[i] for i in r["ner_tags"]]
        out += [(lb, " ".join(r["tokens"][f:e])) for f, e, lb in decode_tags(tags)]
    return sorted(out)


def test_jsonl_records_and_label_names(tmp_path: Path) -> None:
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "d",
                TEXT,
                ann(4, 10, "PER"),
                ann(20, 33, "ORG"),
                ann(26, 33, "LOC"),
                ann(42, 47, "LOC"),
            )
        ],
    )
    out = tmp_path / "train.jsonl"
    report = do_export(p, "hf", out)
    records = read_jsonl(out)
    assert records[0] == {
        "id": "d#1",
        "document": "d",
        "tokens": ["قال", "الرئيس", "👨‍👩‍👧", "إن", "جامعة", "القاهرة", "."],
        "ner_tags": [0, 1, 0, 0, 3, 4, 0],
    }
    features = json.loads((tmp_path / "train.features.json").read_text(encoding="utf-8"))
    names = features["ner_tags"]["feature"]["names"]
    assert names == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
    assert report.annotations == 3  # the nested LOC was left out
    # The nested LOC and the LOC inside وبيروت are reported by name, document and offsets.
    assert report.warnings == [
        "LOC span at 42-47 'بيروت' in 'd' does not fall on token boundaries; widened to "
        "41-47 'وبيروت'",
        "LOC span at 26-33 'القاهرة' in 'd' overlaps another span, and this format holds one "
        "label per token; left out",
    ]


def test_parquet_with_label_names_in_its_metadata(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    p = project_with(tmp_path / "p.annotator", [doc("d", TEXT, ann(4, 10, "PER"))])
    out = tmp_path / "train.parquet"
    do_export(p, "hf", out)
    table = pq.read_table(out)
    assert table.column_names == ["id", "document", "tokens", "ner_tags"]
    assert table.to_pylist()[0]["ner_tags"] == [0, 1, 0, 0, 0, 0, 0]
    info = json.loads(table.schema.metadata[b"huggingface"])
    assert info["info"]["features"]["ner_tags"]["feature"]["names"] == ["O", "B-PER", "I-PER"]
    assert (tmp_path / "train.features.json").exists()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=arabic_documents())
def test_tags_carry_every_span(
    tmp_path_factory: pytest.TempPathFactory, data: tuple[str, list[tuple[int, int, str]]]
) -> None:
    tmp, p = generated_project(tmp_path_factory, data)
    report = do_export(p, "hf", tmp / "out.jsonl")
    assert not report.warnings
    names = json.loads((tmp / "out.features.json").read_text(encoding="utf-8"))
    records = read_jsonl(tmp / "out.jsonl")
    expected = sorted((s[2], " ".join(t.text for t in tokenize(s[5]))) for s in spans(p))
    assert spans_of_records(records, names["ner_tags"]["feature"]["names"]) == expected
