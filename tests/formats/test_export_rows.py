"""The line formats' rows built by SQLite (storage/export_rows.py) hold what the
documents the other formats take hold (formats/export.py's iter_documents), for every
kind of selection; and SQLite quotes text as Python's json does."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Relation, Status
from annotator.formats.base import ExportedDocument, ExportOptions, ExportSelection
from annotator.formats.common import json_safe, json_safe_utf8
from annotator.formats.csv_annotations import _FORMULA_START, COLUMNS
from annotator.formats.export import export, iter_documents
from annotator.storage.project import Project
from tests.formats.interop_helpers import ann, doc, project_with

TEXT = "قال الرئيس 👀 إن «الاقتصاد بخير» وأضاف وزير المالية"


def project(tmp_path: Path) -> Project:
    def at(t: str, label: str, who: str, ident: str, **attributes: str) -> Any:
        start = TEXT.index(t)
        return ann(start, start + len(t), label, who, ident, attributes)

    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "d1",
                TEXT,
                at("الرئيس", "PER", "sara", "s"),
                at("«الاقتصاد بخير»", "CLAIM", "sara", "c", checkworthy="yes"),
                at("وزير المالية", "PER", "omar", "o"),
                at("الرئيس", "ORG", "omar", "o2"),
                relations=[Relation("r", "c", "s", "speaker")],
            ),
            doc("d2", TEXT + ".", at("الرئيس", "PER", "omar", "x")),
            doc("d3", "نص بلا مقاطع"),
        ],
    )
    p.set_status(p.document("d1").id, "sara", Status.DONE)
    return p


def expected_record(d: ExportedDocument) -> dict[str, Any]:
    return {
        "name": d.document.name,
        "text": d.document.text,
        "source": d.document.source,
        "meta": d.document.meta,
        "status": {who: s.value for who, s in d.statuses.items()},
        "annotations": [
            {
                "id": a.id,
                "start": a.start,
                "end": a.end,
                "label": a.label,
                "text": a.text,
                "annotator": a.annotator,
                "attributes": a.attributes,
                "created": a.created,
                "modified": a.modified,
            }
            for a in d.annotations
        ],
        "relations": [
            {"id": r.id, "from": r.from_id, "to": r.to_id, "type": r.type} for r in d.relations
        ],
    }


@pytest.mark.parametrize(
    "selection",
    [
        ExportSelection(),
        ExportSelection(annotators=("omar",)),
        ExportSelection(annotators=("sara",), labels=("PER",)),  # the relation loses an end
        ExportSelection(documents=("d1", "d3")),
    ],
)
def test_jsonl_doccano_and_csv_hold_the_selected_documents(
    tmp_path: Path, selection: ExportSelection
) -> None:
    p = project(tmp_path)
    wanted = list(iter_documents(p, selection))
    report = export(p, "jsonl", tmp_path / "o.jsonl", ExportOptions(selection))
    lines = (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines] == [expected_record(d) for d in wanted]
    assert (report.documents, report.annotations, report.relations) == (
        len(wanted),
        sum(len(d.annotations) for d in wanted),
        sum(len(d.relations) for d in wanted),
    )
    report = export(p, "doccano", tmp_path / "o.doccano", ExportOptions(selection, "codepoint"))
    records = [json.loads(x) for x in (tmp_path / "o.doccano").read_text("utf-8").splitlines()]
    for record, d in zip(records, wanted, strict=True):
        spans = [[a.start, a.end, a.label] for a in d.annotations]
        got = (
            record["label"]
            if "label" in record
            else [[e["start_offset"], e["end_offset"], e["label"]] for e in record["entities"]]
        )
        assert (record["name"], record["text"], got) == (d.document.name, d.document.text, spans)
        assert len(record.get("relations", [])) == len(d.relations)
    report = export(p, "csv", tmp_path / "o.csv", ExportOptions(selection))
    rows = (tmp_path / "o.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert len(rows) == report.annotations == sum(len(d.annotations) for d in wanted)
    assert report.documents == len(wanted)


@given(st.text())
def test_sqlite_quotes_a_text_as_python_json_does(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        (quoted,) = conn.execute("SELECT json_quote(?)", (text,)).fetchone()
    except UnicodeEncodeError:  # a lone surrogate cannot be stored in the first place
        return
    assert quoted == json.dumps(text, ensure_ascii=False)


CELLS = st.text(st.sampled_from(list("ab, \"\n\r\t=+-@'قال👀\u2028")), max_size=8)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=CELLS.filter(str.strip), who=CELLS.map(str.strip).filter(bool), text=CELLS)
def test_sqlite_writes_the_csv_lines_the_csv_module_writes(
    tmp_path_factory: pytest.TempPathFactory, name: str, who: str, text: str
) -> None:
    """Quotes, commas, line breaks and formula starts in every kind of cell."""
    full = f"{text}قال الرئيس"
    p = project_with(
        tmp_path_factory.mktemp("csv") / "p.annotator",
        [doc(name, full, ann(0, len(full), "PER", who, "x", {"k": 'a,"b"'}))],
    )
    out = tmp_path_factory.mktemp("out") / "o.csv"
    export(p, "csv", out, ExportOptions())
    row = [p.documents()[0].name, who, "PER", 0, len(full), full, '{"k": "a,\\"b\\""}']
    expected = io.StringIO()
    writer = csv.writer(expected)
    writer.writerow(COLUMNS)
    writer.writerow([f"'{c}" if isinstance(c, str) and c[:1] in _FORMULA_START else c for c in row])
    assert out.read_bytes() == ("\ufeff" + expected.getvalue()).encode()


@given(st.text())
def test_escaping_json_as_utf8_bytes_is_escaping_it_as_text(text: str) -> None:
    line = json.dumps({"text": text}, ensure_ascii=False)
    try:
        data = line.encode("utf-8", "surrogatepass")
    except UnicodeEncodeError:
        return
    assert json_safe_utf8(data) == json_safe(line).encode()
