from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

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

SAMPLE = "label_studio/example_preannotated_ner_tasks.json"


def test_reads_predictions_and_agrees_with_value_text(interop: Path, tmp_path: Path) -> None:
    tasks = json.loads((interop / SAMPLE).read_text(encoding="utf-8"))
    expected = sorted(
        (
            f"example_preannotated_ner_tasks {k}",
            f"prediction {p['model_version']}",
            r["value"]["labels"][0],
            r["value"]["start"],
            r["value"]["end"],
            r["value"]["text"],
        )
        for k, task in enumerate(tasks, 1)
        for p in task["predictions"]
        for r in p["result"]
    )
    p, _ = do_import(interop / SAMPLE, "labelstudio", tmp_path)
    assert spans(p) == expected and len(expected) == 20
    assert {a.attributes.get("score") for a in p.annotations()} >= {0.7, 0.65}


def task(text: str, start: int, end: int, span_text: str, **extra: object) -> str:
    result = {
        "id": "x",
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": end, "text": span_text, "labels": ["PER"]},
    }
    return json.dumps(
        [
            {
                "data": {"text": text},
                "annotations": [{"completed_by": 7, "result": [result]}],
                **extra,
            }
        ]
    )


@pytest.mark.parametrize(("start", "unit"), [(13, "codepoint"), (14, "utf16")])
def test_picks_the_unit_that_agrees_with_value_text(tmp_path: Path, start: int, unit: str) -> None:
    text = "قال الرئيس 👀 إن\r\nالوزير"
    f = tmp_path / "in.json"
    f.write_text(task(text, start + 4, start + 10, "الوزير"), encoding="utf-8")
    p, _ = do_import(f, "labelstudio", tmp_path)
    # \r\n counts as two in Label Studio; stored text has \n only.
    assert spans(p) == [("in 1", "user 7", "PER", 16, 22, "الوزير")]
    assert texts(p)["in 1"] == "قال الرئيس 👀 إن\nالوزير"
    assert p.document("in 1").meta.get("label_studio_offsets", "codepoint") == unit


def test_refuses_offsets_that_match_under_no_unit(tmp_path: Path) -> None:
    f = tmp_path / "in.json"
    f.write_text(task("قال الرئيس", 0, 3, "الرئيس"), encoding="utf-8")
    with pytest.raises(UserError, match=r"task 1: the span texts do not match .* 'الرئيس' at 0-3"):
        do_import(f, "labelstudio", tmp_path)
    with pytest.raises(UserError, match="names no annotator"):
        f.write_text(
            task("قال الرئيس", 4, 10, "الرئيس").replace('"completed_by": 7, ', ""), encoding="utf-8"
        )
        do_import(f, "labelstudio", tmp_path, "b.annotator")


def test_other_result_kinds_are_reported(tmp_path: Path) -> None:
    f = tmp_path / "in.json"
    data = json.loads(task("قال الرئيس", 4, 10, "الرئيس"))
    data[0]["annotations"][0]["result"].append(
        {"type": "choices", "value": {"choices": ["Positive"]}, "from_name": "s", "to_name": "text"}
    )
    f.write_text(json.dumps(data), encoding="utf-8")
    _, result = do_import(f, "labelstudio", tmp_path)
    assert result.warnings == [
        f"{f}: in 1: 1 results of type 'choices' not kept (no counterpart here)"
    ]


def by_annotator(out: Path) -> dict[str, list[dict[str, Any]]]:
    """Each annotator's results in a written file, named by the task's meta."""
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    names = task["meta"]["annotators"]
    return {names[str(a["id"])]: a["result"] for a in task["annotations"]}


def test_export_with_annotators_relations_and_emoji(tmp_path: Path) -> None:
    text = "قال 👨‍👩‍👧 الرئيس إن «الاقتصاد بخير»"
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "d",
                text,
                ann(10, 16, ident="s"),
                ann(20, 35, "CLAIM", ident="c"),
                ann(10, 16, "PER", "omar", ident="o"),
                relations=[Relation("r", "c", "s", "source")],
            ),
        ],
    )
    out = tmp_path / "out.json"
    do_export(p, "labelstudio", out)
    # No completed_by: Label Studio refuses e-mails that are not its users'.
    assert "completed_by" not in out.read_text(encoding="utf-8")
    by_who = by_annotator(out)
    assert by_who["omar"][0]["value"] == {
        "start": 10,
        "end": 16,
        "text": "الرئيس",
        "labels": ["PER"],
    }
    assert [r["type"] for r in by_who["sara"]] == ["labels", "labels", "relation"]
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    assert [a["ground_truth"] for a in task["annotations"]] == [False, False]
    do_export(p, "labelstudio", out, offset_unit="utf16")
    assert [r["value"]["start"] for r in by_annotator(out)["sara"][:2]] == [13, 23]
    q, result = do_import(out, "labelstudio", tmp_path, offset_unit="utf16")
    assert spans(q) == spans(p)
    assert result.report.relations == 1


def test_only_the_gold_layer_is_ground_truth(tmp_path: Path) -> None:
    p = project_with(
        tmp_path / "p.annotator",
        [doc("d", "قال الرئيس", ann(4, 10, annotator="gold"), ann(4, 10, annotator="sara"))],
    )
    do_export(p, "labelstudio", tmp_path / "out.json")
    (task,) = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    names = task["meta"]["annotators"]
    truth = {names[str(a["id"])]: a["ground_truth"] for a in task["annotations"]}
    assert truth == {"gold": True, "sara": False}


def test_writes_the_labeling_config_beside(tmp_path: Path) -> None:
    p = project_with(
        tmp_path / "p.annotator",
        [doc("d", "قال الرئيس", ann(4, 10, "AUTHOR & co", ident="s"))],
    )
    do_export(p, "labelstudio", tmp_path / "tasks.json")
    config = (tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8")
    assert '<Labels name="label" toName="text">' in config
    assert '<Text name="text" value="$text"/>' in config
    assert '<Label value="AUTHOR &amp; co"' in config
    assert '<Relation value="speaker"/>' in config and '<Label value="QUOTE"' in config


def test_annotator_names_come_back_from_label_studios_export(tmp_path: Path) -> None:
    """Label Studio exports our annotation's id as import_id (its own id replaces it) and
    keeps the task's meta; an annotation made in Label Studio has no import_id."""
    region = {
        "id": "x",
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": 4, "end": 10, "text": "الرئيس", "labels": ["PER"]},
    }
    task = {
        "id": 7,
        "data": {"text": "قال الرئيس", "name": "أخبار/1"},
        "meta": {"annotators": {"1": "sara", "2": "omar"}},
        "annotations": [
            {"id": 2, "import_id": 1, "completed_by": 1, "result": [region]},
            {
                "id": 1,
                "import_id": None,
                "completed_by": {"email": "admin@x.org"},
                "result": [region],
            },
        ],
    }
    f = tmp_path / "export.json"
    f.write_text(json.dumps([task]), encoding="utf-8")
    p, _ = do_import(f, "labelstudio", tmp_path)
    assert [s[1] for s in spans(p)] == ["admin@x.org", "sara"]
    assert p.document("أخبار/1").meta == {}


def test_relation_direction_left_is_read_from_to_id(tmp_path: Path) -> None:
    data = json.loads(task("قال الرئيس", 4, 10, "الرئيس"))
    results = data[0]["annotations"][0]["result"]
    results.append(
        {
            **results[0],
            "id": "y",
            "value": {**results[0]["value"], "start": 0, "end": 3, "text": "قال"},
        }
    )
    results.append(
        {"from_id": "x", "to_id": "y", "type": "relation", "direction": "left", "labels": ["said"]}
    )
    f = tmp_path / "in.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    p, _ = do_import(f, "labelstudio", tmp_path)
    (r,) = p.relations()
    assert (p.annotation(r.from_id).text, r.type, p.annotation(r.to_id).text) == (
        "قال",
        "said",
        "الرئيس",
    )


def test_reads_the_json_min_export(tmp_path: Path) -> None:
    f = tmp_path / "min.json"
    f.write_text(
        json.dumps(
            [
                {
                    "id": 3,
                    "text": "قال الرئيس",
                    "name": "أخبار/1",
                    "annotator": 2,
                    "annotation_id": 9,
                    "lead_time": 4.5,
                    "label": [{"start": 4, "end": 10, "text": "الرئيس", "labels": ["PER"]}],
                },
                # An annotation with no spans has no "label" at all.
                {"id": 4, "text": "خبر آخر", "annotator": "a@x.org", "annotation_id": 10},
            ]
        ),
        encoding="utf-8",
    )
    p, _ = do_import(f, "labelstudio", tmp_path)
    assert spans(p) == [("أخبار/1", "user 2", "PER", 4, 10, "الرئيس")]
    assert texts(p) == {"أخبار/1": "قال الرئيس", "min 2": "خبر آخر"}
    assert p.document("أخبار/1").meta == {}


def test_reads_the_csv_export(tmp_path: Path) -> None:
    spans_cell = json.dumps(
        [{"start": 4, "end": 10, "text": "الرئيس", "labels": ["PER"]}], ensure_ascii=False
    )
    f = tmp_path / "export.csv"
    with f.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(["annotation_id", "annotator", "id", "label", "name", "text"])
        writer.writerow([9, "a@x.org", 3, spans_cell, "أخبار/1", "قال الرئيس\nثم"])
    p, _ = do_import(f, "labelstudio", tmp_path)
    assert spans(p) == [("أخبار/1", "a@x.org", "PER", 4, 10, "الرئيس")]
    f.write_text("text,name\nقال,x\n", encoding="utf-8")
    with pytest.raises(UserError, match='needs a "label" column'):
        do_import(f, "labelstudio", tmp_path, "c.annotator")
