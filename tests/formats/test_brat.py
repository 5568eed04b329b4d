from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import UserError
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

TUTORIALS = ("000-introduction", "100-attribute_annotation", "110-note_annotation")


def t_lines(path: Path) -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return sorted((r[1].split()[0], r[2]) for r in rows if r[0].startswith("T"))


def test_reads_brat_tutorial_documents(interop: Path, tmp_path: Path) -> None:
    p, result = do_import(interop / "brat", "brat", tmp_path, annotator="sara")
    assert sorted(texts(p)) == list(TUTORIALS)
    for name in TUTORIALS:
        got = sorted((s[2], s[5]) for s in spans(p) if s[0] == name)
        assert got == t_lines(interop / "brat" / f"{name}.ann")
    intro = {a.text: a for a in p.annotations(p.document("000-introduction").id)}
    assert intro["Raul Salinas de Gortari"].attributes == {"Mention": "Name", "Individual": True}
    assert intro["$100 million"].attributes == {"AnnotatorNotes": "100000000 USD"}
    rel = {
        (p.annotation(r.from_id).text, r.type, p.annotation(r.to_id).text) for r in p.relations()
    }
    assert ("banks", "Origin", "Switzerland") in rel
    assert ("Orville Wright", "Family", "Wilbur Wright") in rel
    # Events, normalisations and the attribute on an event are reported, not dropped quietly.
    joined = "\n".join(result.warnings)
    assert "000-introduction: 1 events not kept" in joined
    assert "1 normalisations not kept" in joined
    assert "attributes of E1 not kept: Confidence" in joined
    assert any(str(s).endswith("annotation.conf") for s in result.skipped)


def write_pair(folder: Path, name: str, text: bytes, ann: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_bytes(text)
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    return folder / f"{name}.ann"


def test_discontinuous_span_is_kept_whole_with_a_warning(tmp_path: Path) -> None:
    text = "North and South America"
    f = write_pair(tmp_path / "in", "d", text.encode(), "T1\tLocation 0 5;16 23\tNorth America\n")
    p, result = do_import(f, "brat", tmp_path, annotator="sara")
    assert spans(p) == [("d", "sara", "Location", 0, 23, text)]
    assert "discontinuous span (0 5;16 23)" in result.warnings[0]


@pytest.mark.parametrize(
    ("data", "start"),
    [
        ("سطر أول\r\nقال الرئيس".encode(), 12),  # offsets counted after CRLF became LF
        ("سطر أول\r\nقال الرئيس".encode(), 13),  # offsets counting the CR
        ("\ufeffسطر أول\nقال الرئيس".encode(), 13),  # brat's utf8 codec keeps the BOM
        ("\ufeffسطر أول\nقال الرئيس".encode(), 12),  # a writer that dropped it
    ],
)
def test_crlf_and_bom_are_read_the_way_the_writer_counted(
    tmp_path: Path, data: bytes, start: int
) -> None:
    f = write_pair(tmp_path / "in", "d", data, f"T1\tPER {start} {start + 6}\tالرئيس\n")
    p, _ = do_import(f, "brat", tmp_path, annotator="sara")
    assert spans(p) == [("d", "sara", "PER", 12, 18, "الرئيس")]


def test_a_text_that_disagrees_is_refused(tmp_path: Path) -> None:
    f = write_pair(tmp_path / "in", "d", "قال الرئيس".encode(), "T1\tPER 0 3\tالرئيس\n")
    with pytest.raises(UserError, match=r"d.ann, line 1: T1: the text at 0-3 is 'قال'"):
        do_import(f, "brat", tmp_path, annotator="sara")
    with pytest.raises(UserError, match="names no annotator"):
        do_import(
            write_pair(tmp_path / "in", "d", b"abc", "T1\tPER 0 3\tabc\n"),
            "brat",
            tmp_path,
            "b.annotator",
        )


def test_export_round_trip_with_newlines_attributes_relations_and_unsafe_names(
    tmp_path: Path,
) -> None:
    text = "قال الرئيس 👀 إن «الاقتصاد\nبخير»"
    claim = ann(
        16, 31, "CLAIM", ident="c", attributes={"checkworthy": "yes", "AnnotatorNotes": "راجع"}
    )
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "../../evil",
                text,
                ann(4, 10, ident="s"),
                claim,
                relations=[Relation("r", "c", "s", "source")],
            ),
            doc("أخبار/يوم 1", "خبر 🇵🇸 ثان", ann(4, 6, "LOC")),
            doc("/abs", "ثالث", ann(0, 4, "ORG", attributes={"free text": "a b"})),
        ],
    )
    out = tmp_path / "out"
    report = do_export(p, "brat", out)
    files = sorted(f.relative_to(out).as_posix() for f in out.rglob("*") if f.is_file())
    assert files == [
        "abs.ann",
        "abs.txt",
        "annotation.conf",
        "evil.ann",
        "evil.txt",
        "أخبار/يوم 1.ann",
        "أخبار/يوم 1.txt",
    ]
    assert "T2\tCLAIM 16 25;26 31\t«الاقتصاد بخير»" in (out / "evil.ann").read_text(
        encoding="utf-8"
    )
    assert any("free text" in w for w in report.warnings)
    q, result = do_import(out, "brat", tmp_path, annotator="sara")
    assert sorted(s[2:] for s in spans(q)) == sorted(s[2:] for s in spans(p))
    back = {a.label: a.attributes for a in q.annotations()}
    assert back["CLAIM"] == {"checkworthy": "yes", "AnnotatorNotes": "راجع"}
    assert [r.type for r in q.relations()] == ["source"]
    assert "discontinuous" in result.warnings[0]


def test_label_with_spaces_is_written_with_underscores_and_reported(tmp_path: Path) -> None:
    p = project_with(tmp_path / "p.annotator", [doc("d", "قال الرئيس", ann(4, 10, "Other PER"))])
    report = do_export(p, "brat", tmp_path / "out")
    assert (tmp_path / "out" / "d.ann").read_text(
        encoding="utf-8"
    ) == "T1\tOther_PER 4 10\tالرئيس\n"
    assert report.warnings == [
        "brat cannot hold white space in a label; written with _: 1 (first in 'Other PER')"
    ]
