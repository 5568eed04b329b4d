from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.errors import UserError
from annotator.core.model import Relation
from annotator.formats.base import ExportSelection
from tests.formats.interop_helpers import (
    ann,
    arabic_documents,
    do_export,
    do_import,
    doc,
    project_with,
    spans,
    texts,
)

FIREMEN = "👨🏻‍🚒 firemen drive firetrucks"


def test_reads_doccano_sequence_labelling_export(interop: Path, tmp_path: Path) -> None:
    p, _ = do_import(
        interop / "doccano/export_sequence_labeling.jsonl", "doccano", tmp_path, annotator="sara"
    )
    got = [(s[2], s[5]) for s in spans(p)]
    assert sorted(got) == sorted(
        [("ORG", "EU"), ("MISC", "German"), ("PERSON", "Peter Blackburn"), ("PERSON", "Obama")]
    )


def test_reads_pretty_printed_relation_export(interop: Path, tmp_path: Path) -> None:
    p, result = do_import(
        interop / "doccano/export_relation_extraction.jsonl", "doccano", tmp_path, annotator="sara"
    )
    assert sorted(s[5] for s in spans(p)) == [
        "Google",
        "Larry Page",
        "September 4, 1998",
        "Sergey Brin",
    ]
    assert result.report.relations == 3
    assert sorted(r.type for r in p.relations()) == ["foundedAt", "foundedBy", "foundedBy"]


def test_reads_import_examples_with_named_columns(interop: Path, tmp_path: Path) -> None:
    p, _ = do_import(
        interop / "doccano/import_sequence_labeling_column_names.jsonl",
        "doccano",
        tmp_path,
        annotator="sara",
        text_column="column_data",
        label_column="column_label",
    )
    assert [s[5] for s in spans(p)] == ["EU", "Peter Blackburn", "Obama"]
    q, result = do_import(
        interop / "doccano/import_relation_extraction.jsonl",
        "doccano",
        tmp_path,
        "q.annotator",
        annotator="sara",
    )
    assert len(spans(q)) == 4 and result.report.relations == 3


def test_export_counts_utf16_units_like_doccano(tmp_path: Path) -> None:
    # doccano #2290: "firetrucks" is 22-32 in doccano, 19-29 in Python.
    start = FIREMEN.index("firetrucks")
    p = project_with(tmp_path / "p.annotator", [doc("d", FIREMEN, ann(start, start + 10, "VEH"))])
    out = tmp_path / "out.jsonl"
    do_export(p, "doccano", out)
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["label"] == [[22, 32, "VEH"]]
    assert record["text"].encode("utf-16-le")[44:64].decode("utf-16-le") == "firetrucks"
    do_export(p, "doccano", out, offset_unit="grapheme")
    assert json.loads(out.read_text(encoding="utf-8"))["label"] == [[16, 26, "VEH"]]


def test_import_converts_utf16_and_crlf(tmp_path: Path) -> None:
    text = "قال 👀\r\nالرئيس"
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps({"text": text, "label": [[8, 14, "PER"]], "username": "omar"}) + "\n",
        encoding="utf-8",
    )
    p, _ = do_import(f, "doccano", tmp_path)
    assert spans(p) == [("in 1", "omar", "PER", 6, 12, "الرئيس")]
    assert texts(p)["in 1"] == "قال 👀\nالرئيس"


def test_import_refuses_what_it_cannot_place(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "👀 ب", "label": [[1, 4, "PER"]]}\n', encoding="utf-8")
    with pytest.raises(UserError, match="splits a surrogate pair"):
        do_import(f, "doccano", tmp_path, annotator="sara")
    with pytest.raises(UserError, match="names no annotator"):
        do_import(f, "doccano", tmp_path, "b.annotator")
    f.write_text('{"text": "abc", "label": [[0, 9, "PER"]]}\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"line 1: span 1: position 9 is beyond the text"):
        do_import(f, "doccano", tmp_path, "c.annotator", annotator="sara")


def test_relations_and_lost_attributes(tmp_path: Path) -> None:
    text = "قال الرئيس إن الاقتصاد بخير"
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "d",
                text,
                ann(4, 10, "PER", ident="a"),
                ann(14, 27, "CLAIM", ident="b", attributes={"checkworthy": "yes"}),
                relations=[Relation("r", "b", "a", "source")],
            ),
        ],
    )
    out = tmp_path / "out.jsonl"
    report = do_export(p, "doccano", out)
    assert any("no place for attributes" in w for w in report.warnings)
    q, result = do_import(out, "doccano", tmp_path, annotator="sara")
    assert [s[2:] for s in spans(q)] == [s[2:] for s in spans(p)]
    assert result.report.relations == 1


@pytest.mark.parametrize("unit", ["utf16", "grapheme", "codepoint"])
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=arabic_documents())
def test_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    unit: str,
    data: tuple[str, list[tuple[int, int, str]]],
) -> None:
    tmp = tmp_path_factory.mktemp("rt")
    text, chosen = data
    p = project_with(tmp / "p.annotator", [doc("d", text, *(ann(s, e, lb) for s, e, lb in chosen))])
    out = tmp / "out.jsonl"
    do_export(p, "doccano", out, offset_unit=unit)
    q, _ = do_import(out, "doccano", tmp, offset_unit=unit, annotator="sara")
    assert spans(q) == spans(p)
    assert texts(q) == texts(p)


def test_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from annotator.cli.main import cli

    start = FIREMEN.index("firetrucks")
    project_with(
        tmp_path / "p.annotator", [doc("d", FIREMEN, ann(start, start + 10, "VEH"))]
    ).close()
    runner = CliRunner()
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        cli,
        [
            "export",
            str(tmp_path / "p.annotator"),
            "--format",
            "doccano",
            "-o",
            str(out),
            "--offset-unit",
            "grapheme",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["label"] == [[16, 26, "VEH"]]
    runner.invoke(cli, ["new", str(tmp_path / "q.annotator")])
    result = runner.invoke(
        cli,
        [
            "import",
            str(tmp_path / "q.annotator"),
            str(out),
            "--format",
            "doccano",
            "--offset-unit",
            "grapheme",
            "--annotator",
            "sara",
            "--add-labels",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 annotation," in result.output


def test_grapheme_export_widens_a_span_that_splits_a_cluster(tmp_path: Path) -> None:
    text = "قَالَ 👍🏽 نعم"  # a letter and its fatha; a thumb and its skin tone
    p = project_with(tmp_path / "p.annotator", [doc("d", text, ann(0, 1, "X"), ann(6, 7, "Y"))])
    out = tmp_path / "out.jsonl"
    report = do_export(p, "doccano", out, offset_unit="grapheme")
    assert json.loads(out.read_text(encoding="utf-8"))["label"] == [[0, 1, "X"], [4, 5, "Y"]]
    assert report.warnings == [
        "spans that split a grapheme cluster were widened to whole clusters: 2 (first in 'd' "
        "at 0-1)"
    ]


def test_one_record_form_per_file_chosen_by_the_project_type(tmp_path: Path) -> None:
    """doccano reads a file into one table: records of two forms leave one form's
    column empty in the others and the whole import fails."""
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "with",
                "قال الرئيس إن الاقتصاد بخير",
                ann(4, 10, "PER", ident="a"),
                ann(14, 27, "QUOTE", ident="b"),
                relations=[Relation("r", "b", "a", "speaker")],
            ),
            doc("without", "في بيروت", ann(3, 8, "LOC")),
        ],
    )
    out = tmp_path / "out.jsonl"

    def keys() -> list[list[str]]:
        return [sorted(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]

    report = do_export(p, "doccano", out)  # relations exist: the relation project's form
    assert keys() == [["entities", "name", "relations", "text"]] * 2
    assert report.relations == 1 and report.warnings == []
    report = do_export(p, "doccano", out, doccano_project="sequence")
    assert keys() == [["label", "name", "text"]] * 2
    assert report.relations == 0
    assert report.warnings == [
        "a sequence labeling project has no relations; not written: 1 (first in 'with')"
    ]
    do_export(
        p,
        "doccano",
        out,
        doccano_project="relation",
        selection=ExportSelection(documents=("without",)),
    )
    assert keys() == [["entities", "name", "relations", "text"]]
    q, _ = do_import(out, "doccano", tmp_path, annotator="sara")
    assert texts(q) == {"without": "في بيروت"}
