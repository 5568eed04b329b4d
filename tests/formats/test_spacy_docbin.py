from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.model import Relation
from tests.formats.interop_helpers import (
    ann,
    arabic_documents,
    do_export,
    doc,
    generated_project,
    project_with,
    spans,
)

spacy_tokens = pytest.importorskip("spacy.tokens")
spacy_vocab = pytest.importorskip("spacy.vocab")

TEXT = "قال  الرئيس 👨‍👩‍👧 إن جامعة القاهرة.\n\u200eوأضاف وبيروت"


def load(path: Path) -> list[Any]:
    return list(spacy_tokens.DocBin().from_bytes(path.read_bytes()).get_docs(spacy_vocab.Vocab()))


def test_docbin_keeps_text_offsets_and_nested_spans(tmp_path: Path) -> None:
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "أخبار/1",
                TEXT,
                ann(5, 11, "PER", ident="a"),
                ann(21, 34, "ORG"),
                ann(27, 34, "LOC"),
                ann(44, 49, "LOC", attributes={"x": "y"}, ident="b"),
                relations=[Relation("r", "a", "b", "near")],
            )
        ],
    )
    out = tmp_path / "train.spacy"
    report = do_export(p, "spacy", out)
    (d,) = load(out)
    assert d.text == TEXT
    assert d.user_data["name"] == "أخبار/1"
    assert [(e.start_char, e.end_char, e.label_) for e in d.ents] == [
        (5, 11, "PER"),
        (21, 34, "ORG"),
        (43, 49, "LOC"),
    ]
    assert (27, 34, "LOC") in [(s.start_char, s.end_char, s.label_) for s in d.spans["sc"]]
    joined = "\n".join(report.warnings)
    assert (
        "LOC span at 44-49 'بيروت' in 'أخبار/1' does not fall on token boundaries; "
        "widened to 43-49 'وبيروت'" in joined
    )
    assert "no relations" in joined and "no attributes" in joined


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=arabic_documents())
def test_every_span_at_its_offsets(
    tmp_path_factory: pytest.TempPathFactory, data: tuple[str, list[tuple[int, int, str]]]
) -> None:
    tmp, p = generated_project(tmp_path_factory, data)
    text = data[0]
    report = do_export(p, "spacy", tmp / "out.spacy")
    assert not report.warnings
    (d,) = load(tmp / "out.spacy")
    assert d.text == text
    assert sorted((e.start_char, e.end_char, e.label_) for e in d.ents) == sorted(
        (s[3], s[4], s[2]) for s in spans(p)
    )
