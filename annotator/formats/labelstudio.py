"""Label Studio JSON: a list of tasks, each with its text and the results of its
annotations (and, on import, predictions), for a ``<Labels>`` tag on a ``<Text>``.

    [{"data": {"text": "...", "name": "..."},
      "meta": {"annotators": {"1": "sara"}},
      "annotations": [{"id": 1, "result": [
          {"id": "a1", "from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 29, "end": 31, "text": "27", "labels": ["Date"]}},
          {"from_id": "a1", "to_id": "a2", "type": "relation", "labels": ["speaker"]}]}],
      "predictions": [{"model_version": "one", "result": [...]}]}]

Today's Label Studio counts code points, builds of 2021 counted UTF-16 units, and a
``\\r\\n`` counts as two either way. Every result carries its ``value.text``, so unless
``offset_unit`` says otherwise the import takes the unit under which all of them agree
with the text. The export writes code points (or ``offset_unit``), one annotation per
annotator, and beside the tasks the labeling config they are for
(labelstudio_config.py). It names no ``completed_by``: Label Studio refuses an e-mail that
is not one of its users'. The task's ``meta`` (which Label Studio keeps) names the
annotator of each annotation by its ``id`` (which Label Studio's export gives back as
``import_id``); an annotation without one is by its ``completed_by`` user (a number in
Label Studio's exports), predictions by "prediction MODEL_VERSION". A result's ``score``
is kept as an attribute; results of other kinds (choices, text areas) are reported.

The JSON-MIN and CSV exports (the task's data and one annotation's spans under ``label``,
a record or row per annotation) are read too; they carry no relations and no meta.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError
from annotator.core.inputs import STRICT_JSON, parse_json, read_input
from annotator.core.model import GOLD, Annotation, NewDocument, Relation
from annotator.core.output import open_output
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport, ImportOptions
from annotator.formats.common import (
    Fail,
    Losses,
    SourceText,
    annotator_for,
    count,
    csv_rows,
    failing,
    json_text,
    make_annotation,
)
from annotator.formats.labelstudio_config import labeling_config
from annotator.formats.text import decode
from annotator.formats.units import OffsetUnit, UnitMap

FROM_NAME, TO_NAME = "label", "text"
SCORE = "score"
# The task meta's key naming the annotator of each annotation (by its id or import_id).
ANNOTATORS = "annotators"


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    content, _ = decode(read_input(path), path)
    fail = failing(path)
    if path.suffix.lower() in (".csv", ".tsv"):
        tasks: Any = _table_rows(content, "\t" if path.suffix.lower() == ".tsv" else ",", fail)
    else:
        tasks = parse_json(content, path)
    tasks = [tasks] if isinstance(tasks, dict) else tasks
    if not isinstance(tasks, list) or not tasks:
        raise fail("must hold a list of tasks")
    units = [OffsetUnit(options.offset_unit)] if options.offset_unit else list(OffsetUnit)[:2]
    return [_task(task, k, name, path, units, options) for k, task in enumerate(tasks, 1)]


def _task(
    task: Any, k: int, name: str, path: Path, units: list[OffsetUnit], options: ImportOptions
) -> NewDocument:
    def fail(message: str) -> UserError:
        return UserError(f"task {k}: {message}", path)

    if isinstance(task, dict) and "data" not in task and options.text_column in task:
        task = _from_min(task)
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise fail('each task must be an object with "data"')
    data = task["data"]
    raw = data.get(options.text_column)
    if not isinstance(raw, str) or not raw.strip():
        raise fail(f'"data.{options.text_column}" must be a non-empty string')
    task_meta = task.get("meta")
    names = task_meta.get(ANNOTATORS) if isinstance(task_meta, dict) else None
    groups = [
        (_annotator(a, names if isinstance(names, dict) else {}), a)
        for a in _list(task, "annotations", fail)
    ]
    groups += [
        (f"prediction {p.get('model_version') or ''}".strip(), p)
        for p in _list(task, "predictions", fail)
    ]
    unit = _unit(raw, groups, units, fail)
    source, umap = SourceText(raw), UnitMap(raw, unit)
    annotations: list[Annotation] = []
    relations: list[Relation] = []
    unkept: Counter[str] = Counter()
    for who, group in groups:
        results = group.get("result") if isinstance(group, dict) else None
        if not isinstance(results, list):
            raise fail("each annotation and prediction needs a result list")
        annotator = annotator_for(who, options, fail)
        ids: dict[str, str] = {}
        for item in results:
            kind = item.get("type") if isinstance(item, dict) else None
            if kind == "labels":
                for a in _spans(item, source, umap, annotator, len(annotations), fail):
                    ids.setdefault(str(item.get("id")), a.id)
                    annotations.append(a)
            elif kind != "relation":
                unkept[str(kind)] += 1
        for item in results:
            if isinstance(item, dict) and item.get("type") == "relation":
                start, end = ids.get(str(item.get("from_id"))), ids.get(str(item.get("to_id")))
                if start is None or end is None:
                    raise fail("a relation refers to a region that is not a labelled span")
                labels = item.get("labels") or ["relation"]
                if not isinstance(labels, list) or not isinstance(labels[0], str):
                    raise fail("a relation's labels must be a list of names")
                rtype = labels[0]
                if item.get("direction") == "left":  # it points from to_id to from_id
                    start, end = end, start
                relations.append(Relation(f"r{len(relations) + 1}", start, end, str(rtype)))
    meta: dict[str, Any] = {
        key: v for key, v in data.items() if key not in (options.text_column, "name")
    }
    if unit is not OffsetUnit.CODEPOINT:
        meta["label_studio_offsets"] = unit.value
    if unkept:
        meta["import_warnings"] = [
            f"{n} results of type {t!r} not kept (no counterpart here)" for t, n in unkept.items()
        ]
    doc_name = data["name"] if isinstance(data.get("name"), str) else f"{name} {k}"
    return NewDocument(doc_name, source.text, str(path), meta, tuple(annotations), tuple(relations))


def _list(task: dict[str, Any], key: str, fail: Fail) -> list[dict[str, Any]]:
    """The task's annotations or predictions: a list of objects (or nothing)."""
    value = task.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail(f'"{key}" must be a list of objects')
    return value


# What the JSON-MIN and CSV exports add to the task's data, one record per annotation.
_MIN_FIELDS = {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time"}
_MIN_FIELDS |= {"agreement", "history"}


def _from_min(record: dict[str, Any]) -> dict[str, Any]:
    """A record of the JSON-MIN or CSV export (the task's data, one annotator's spans under
    ``label`` and who made them) in the full shape. Relations are not in these exports."""
    spans = record.get(FROM_NAME) or []
    if not isinstance(spans, list):
        spans = [spans]
    results = [{"id": str(i), "type": "labels", "value": value} for i, value in enumerate(spans)]
    data = {k: v for k, v in record.items() if k not in _MIN_FIELDS and k != FROM_NAME}
    who = record.get("annotator")  # an e-mail, or a user's number (a string in CSV)
    if isinstance(who, str) and who.isascii() and who.isdigit() and len(who) <= 12:
        who = int(who)
    return {
        "data": data,
        "annotations": [{"completed_by": who, "result": results}] if spans else [],
    }


def _table_rows(content: str, delimiter: str, fail: Fail) -> list[dict[str, Any]]:
    """The rows of the CSV (or TSV) export, their spans decoded from the ``label`` cell."""
    rows = list(csv_rows(content, delimiter))
    if not rows or FROM_NAME not in rows[0]:
        raise fail(f'needs a "{FROM_NAME}" column holding the spans (Label Studio\'s CSV export)')
    records = []
    for k, row in enumerate(rows, 1):
        cell = row.get(FROM_NAME) or ""
        try:
            spans = STRICT_JSON.decode(cell) if cell.strip() else []
        except (ValueError, RecursionError):
            raise fail(f'row {k}: the "{FROM_NAME}" cell is not JSON') from None
        records.append({**row, FROM_NAME: spans})
    return records


def _annotator(annotation: Any, names: dict[str, Any]) -> str | None:
    """Who made an annotation: the name the task's meta gives for its id (the id it had
    in our file, which Label Studio's own export calls import_id), else completed_by."""
    if isinstance(annotation, dict):
        key = annotation["import_id"] if "import_id" in annotation else annotation.get("id")
        name = names.get(str(key)) if key is not None else None
        if isinstance(name, str):
            return name
    return _completed_by(annotation)


def _completed_by(annotation: Any) -> str | None:
    who = annotation.get("completed_by") if isinstance(annotation, dict) else None
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    if isinstance(who, int) and not isinstance(who, bool):
        return f"user {who}"
    return who if isinstance(who, str) else None


def _values(groups: list[tuple[str | None, Any]]) -> Iterator[dict[str, Any]]:
    for _, group in groups:
        for item in (group.get("result") or []) if isinstance(group, dict) else []:
            if (
                isinstance(item, dict)
                and item.get("type") == "labels"
                and isinstance(item.get("value"), dict)
            ):
                yield item["value"]


def _unit(
    raw: str, groups: list[tuple[str | None, Any]], units: list[OffsetUnit], fail: Fail
) -> OffsetUnit:
    """The first unit under which every result's value.text matches the text."""
    checked = [v for v in _values(groups) if isinstance(v.get("text"), str)]
    for unit in units:
        umap = UnitMap(raw, unit)
        try:
            if all(
                raw[umap.from_unit(v["start"]) : umap.from_unit(v["end"])] == v["text"]
                for v in checked
            ):
                return unit
        except (ValueError, TypeError):
            continue
    # Name the first result that disagrees with the text read in code points.
    v = next((v for v in checked if _text_at(raw, v) != v["text"]), {})
    raise fail(
        f"the span texts do not match the text counted in {' or '.join(u.value for u in units)} "
        f"(first: {v.get('text')!r} at {v.get('start')}-{v.get('end')})"
    )


def _text_at(raw: str, value: dict[str, Any]) -> str | None:
    start, end = value.get("start"), value.get("end")
    return raw[start:end] if type(start) is int and type(end) is int else None


def _spans(
    item: dict[str, Any], source: SourceText, umap: UnitMap, annotator: str, n: int, fail: Fail
) -> list[Annotation]:
    value = item.get("value")
    if not isinstance(value, dict) or not isinstance(value.get("labels"), list):
        raise fail(f"result {item.get('id')!r} has no value with labels")
    start, end = value.get("start"), value.get("end")
    if type(start) is not int or type(end) is not int:
        raise fail(f"result {item.get('id')!r}: start and end must be whole numbers")
    try:
        start, end = umap.from_unit(start), umap.from_unit(end)
    except ValueError as exc:
        raise fail(f"result {item.get('id')!r}: {exc}") from None
    attributes = {SCORE: value[SCORE]} if isinstance(value.get(SCORE), int | float) else {}
    return [
        make_annotation(
            source,
            start,
            end,
            label,
            annotator,
            fail,
            ident=f"ls{n + i + 1}",
            expected=value.get("text") if isinstance(value.get("text"), str) else None,
            attributes=attributes,
        )
        for i, label in enumerate(value["labels"])
    ]


def write(docs: Iterator[ExportedDocument], output: Path, options: ExportOptions) -> ExportReport:
    unit = OffsetUnit(options.offset_unit or OffsetUnit.CODEPOINT)
    report = ExportReport()
    losses = Losses(report)
    used: set[str] = set()
    with open_output(output) as out:
        out.write("[")
        for k, doc in enumerate(docs):
            out.write(",\n" if k else "\n")
            record = _task_record(k + 1, doc, unit, losses)
            out.write(json_text(record))
            links = [r for a in record["annotations"] for r in a["result"] if "from_id" in r]
            count(report, doc, relations=len(links))
            used.update(a.label for a in doc.annotations)
        out.write("\n]\n")
    with open_output(config_path(output)) as out:
        out.write(labeling_config(options.schema, FROM_NAME, TO_NAME, used))
    losses.finish()
    return report


def config_path(output: Path) -> Path:
    """Where the labeling config is written: beside the tasks."""
    return output.with_name(output.stem + ".label_config.xml")


def _task_record(k: int, doc: ExportedDocument, unit: OffsetUnit, losses: Losses) -> dict[str, Any]:
    text = doc.document.text
    umap = UnitMap(text, unit)
    by_annotator: dict[str, list[dict[str, Any]]] = {}
    for a in doc.annotations:
        value: dict[str, Any] = {
            "start": umap.to_unit(a.start),
            "end": umap.to_unit(a.end),
            "text": a.text,
            "labels": [a.label],
        }
        if isinstance(a.attributes.get(SCORE), int | float):
            value[SCORE] = a.attributes[SCORE]
        if set(a.attributes) - {SCORE}:
            losses.add(
                "Label Studio results here carry no attributes; not written",
                f"{doc.document.name!r}: {a.label}",
            )
        by_annotator.setdefault(a.annotator, []).append(
            {
                "id": a.id,
                "from_name": FROM_NAME,
                "to_name": TO_NAME,
                "type": "labels",
                "value": value,
            }
        )
    owner = {a.id: a.annotator for a in doc.annotations}
    for r in doc.relations:
        if owner[r.to_id] != owner[r.from_id]:
            # A Label Studio relation links regions of one annotation only.
            losses.add(
                "relations between two annotators' spans were left out", repr(doc.document.name)
            )
            continue
        by_annotator[owner[r.from_id]].append(
            {
                "from_id": r.from_id,
                "to_id": r.to_id,
                "type": "relation",
                "direction": "right",
                "labels": [r.type],
            }
        )
    # No completed_by: Label Studio refuses an e-mail that is not one of its users (and
    # gives the annotation to the importing user). The annotation's whole-number id comes
    # back as its import_id, and the task's meta, which Label Studio keeps, names the
    # annotator of each.
    return {
        "id": k,
        "data": {TO_NAME: text, "name": doc.document.name},
        "meta": {ANNOTATORS: {str(i): who for i, who in enumerate(by_annotator, 1)}},
        # Label Studio takes an imported annotation for ground truth unless told otherwise:
        # only the adjudicated gold layer is.
        "annotations": [
            {"id": i, "ground_truth": who == GOLD, "result": results}
            for i, (who, results) in enumerate(by_annotator.items(), 1)
        ],
    }
