"""Hugging Face token classification: a sentence per record, its ``tokens`` and its
``ner_tags`` as integers, like the conll2003 and WikiANN datasets.

    {"id": "0", "document": "أخبار/1", "tokens": ["قال", "الرئيس"], "ner_tags": [0, 1]}

``OUTPUT.jsonl`` is JSON Lines; ``OUTPUT.parquet`` is Parquet (the ``parquet`` extra,
pyarrow), with the label names also in the file's ``huggingface`` metadata, which
``datasets`` reads. Either way ``OUTPUT.features.json`` beside it holds the features, tag
names included (``datasets.Features.from_dict`` reads it), since the integers mean
nothing without them. Tags are IOB2: ``O`` is 0, then ``B-X`` and ``I-X`` for each label
in the order first met. The format is flat: one tag per token, so of overlapping spans
the outer one is kept and the others reported, as are spans off token boundaries.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError
from annotator.core.output import open_binary_output, open_output
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport
from annotator.formats.common import Losses, count, json_text
from annotator.formats.tokens_io import token_document


class _TagNames:
    """Tag names and their integers, given as first met (``O`` is 0)."""

    def __init__(self) -> None:
        self.names = ["O"]
        self._index = {"O": 0}

    def id(self, tag: str) -> int:
        if tag not in self._index:
            label = tag[2:]
            for name in (f"B-{label}", f"I-{label}"):
                self._index[name] = len(self.names)
                self.names.append(name)
        return self._index[tag]


def write(docs: Iterator[ExportedDocument], output: Path, options: ExportOptions) -> ExportReport:
    report = ExportReport()
    losses = Losses(report)
    tags = _TagNames()
    records = _records(docs, options, report, losses, tags)
    if output.suffix.lower() == ".parquet":
        rows = list(records)  # the label names must be known before the file is written
        _write_parquet(output, rows, _features(tags.names))
    else:
        with open_output(output) as out:
            out.writelines(json_text(r) + "\n" for r in records)
    with open_output(output.with_name(output.stem + ".features.json")) as out:
        out.write(json_text(_features(tags.names), indent=2) + "\n")
    losses.finish()
    return report


def _records(
    docs: Iterator[ExportedDocument],
    options: ExportOptions,
    report: ExportReport,
    losses: Losses,
    tags: _TagNames,
) -> Iterator[dict[str, Any]]:
    for doc in docs:
        td = token_document(
            doc,
            options.token_spans,
            report,
            losses,
            flat=True,
            format_title="Hugging Face token classification",
        )
        doc_tags = td.tags(0)
        for k, (first, end) in enumerate(td.sentences, 1):
            yield {
                "id": f"{doc.document.name}#{k}",
                "document": doc.document.name,
                "tokens": [t.text for t in td.tokens[first:end]],
                "ner_tags": [tags.id(tag) for tag in doc_tags[first:end]],
            }
        count(report, doc, relations=False, annotations=td.written)
        losses.labels_only(doc, "token classification")


def _features(names: list[str]) -> dict[str, Any]:
    """The dataset's features as ``datasets.Features.to_dict()`` writes them."""
    string = {"dtype": "string", "_type": "Value"}
    return {
        "id": string,
        "document": string,
        "tokens": {"feature": string, "_type": "Sequence"},
        "ner_tags": {"feature": {"names": names, "_type": "ClassLabel"}, "_type": "Sequence"},
    }


def _write_parquet(output: Path, rows: list[dict[str, Any]], features: dict[str, Any]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UserError(
            "writing Parquet needs pyarrow: pip install 'annotator[parquet]'", output
        ) from None
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("document", pa.string()),
            ("tokens", pa.list_(pa.string())),
            ("ner_tags", pa.list_(pa.int64())),
        ],
        # Where the datasets library looks for the features, ClassLabel names included.
        metadata={"huggingface": json.dumps({"info": {"features": features}})},
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    with open_binary_output(output) as out:
        pq.write_table(table, out)
