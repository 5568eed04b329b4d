from __future__ import annotations

import csv
import json
from pathlib import Path

from annotator.core.model import Relation
from tests.formats.interop_helpers import ann, do_export, doc, project_with

TEXT = "قال الرئيس 👀 إن «الاقتصاد بخير»\nوأضاف"


def test_one_row_per_annotation_with_code_point_offsets(tmp_path: Path) -> None:
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "أخبار/1",
                TEXT,
                ann(4, 10, "PER", ident="a"),
                ann(16, 31, "CLAIM", "omar", ident="b", attributes={"checkworthy": "yes"}),
                relations=[Relation("r", "b", "a", "speaker")],
            ),
        ],
    )
    out = tmp_path / "out.csv"
    report = do_export(p, "csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["document", "annotator", "label", "start", "end", "text", "attributes"]
    assert rows[1] == ["أخبار/1", "sara", "PER", "4", "10", "الرئيس", ""]
    assert rows[2][:6] == ["أخبار/1", "omar", "CLAIM", "16", "31", TEXT[16:31]]
    assert json.loads(rows[2][6]) == {"checkworthy": "yes"}
    assert (report.documents, report.annotations, report.relations) == (1, 2, 0)
    assert any("relations are not written" in w for w in report.warnings)


def test_span_text_with_newline_and_quotes_survives(tmp_path: Path) -> None:
    text = 'قال "نعم"\nثم'
    p = project_with(tmp_path / "p.annotator", [doc("d", text, ann(4, 12, "CLAIM"))])
    out = tmp_path / "out.csv"
    do_export(p, "csv", out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["text"] == text[4:12]
    assert text[int(rows[0]["start"]) : int(rows[0]["end"])] == rows[0]["text"]
