from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import Relation
from tests.formats.interop_helpers import (
    ann,
    do_export,
    do_import,
    doc,
    project_with,
    spans,
    texts,
)

pytest.importorskip("cassis")


def test_reads_inception_emoji_xmi(interop: Path, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "emoji.xmi").write_bytes(
        (interop / "webanno_tsv3/testSentenceWithEmoji.xmi").read_bytes()
    )
    p, result = do_import(source / "emoji.xmi", "xmi", tmp_path, annotator="sara")
    # NamedEntity begin="10" end="12" in UTF-16 units: the emoji, code points 10-11.
    assert spans(p) == [("emoji", "sara", "NamedEntity", 10, 11, "😊")]
    assert texts(p) == {"emoji": "I like it 😊 ."}
    assert not result.warnings


def test_unknown_types_are_reported(interop: Path, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    xmi = (interop / "webanno_tsv3/testSentenceWithEmoji.xmi").read_text(encoding="utf-8")
    (source / "d.xmi").write_text(xmi.replace("type5:Sentence", "type5:Stem"), encoding="utf-8")
    _, result = do_import(source / "d.xmi", "xmi", tmp_path, annotator="sara")
    assert any("segmentation.type.Stem] not found" in w for w in result.warnings)


def test_export_utf16_offsets_type_system_and_round_trip(tmp_path: Path) -> None:
    text = "قال 👀 الرئيس إن «الاقتصاد بخير»\nوأضاف وبيروت"
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "../أخبار",
                text,
                ann(6, 12, "PER", ident="s"),
                ann(16, 31, "CLAIM", ident="c"),
                ann(39, 44, "LOC", attributes={"note": "x"}),  # inside a clitic token: XMI keeps it
                relations=[Relation("r", "c", "s", "source")],
            )
        ],
    )
    out = tmp_path / "out"
    report = do_export(p, "xmi", out)
    assert sorted(f.name for f in out.iterdir()) == ["TypeSystem.xml", "أخبار.xmi"]
    xmi = (out / "أخبار.xmi").read_text(encoding="utf-8")
    assert 'begin="7" end="13" value="PER"' in xmi  # UTF-16: 👀 counts 2
    assert [w for w in report.warnings if "attributes not written" in w]
    q, result = do_import(out, "xmi", tmp_path, annotator="sara")
    assert spans(q) == [("أخبار", *s[1:]) for s in spans(p)]
    assert [
        (q.annotation(r.from_id).label, r.type, q.annotation(r.to_id).label) for r in q.relations()
    ] == [("CLAIM", "source", "PER")]
    assert not result.warnings


def test_zero_width_spans_are_reported(interop: Path, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    xmi = (interop / "webanno_tsv3/testSentenceWithEmoji.xmi").read_text(encoding="utf-8")
    xmi = xmi.replace(
        'NamedEntity xmi:id="10" sofa="2" begin="10" end="12"',
        'NamedEntity xmi:id="10" sofa="2" begin="10" end="10"',
    )
    (source / "d.xmi").write_text(xmi, encoding="utf-8")
    p, result = do_import(source / "d.xmi", "xmi", tmp_path, annotator="sara")
    assert spans(p) == []
    assert result.warnings == [
        f"{source / 'd.xmi'}: d: 1 zero-width NamedEntity annotations not kept "
        "(no counterpart here)"
    ]
