"""doccano's sequence-labelling JSONL.

    {"text": "...", "label": [[0, 2, "ORG"], [11, 17, "MISC"]]}
    {"text": "...", "entities": [{"id": 0, "start_offset": 0, "end_offset": 6, "label": "ORG"}],
     "relations": [{"id": 0, "from_id": 0, "to_id": 1, "type": "foundedAt"}]}

Spans sit under ``label`` (today's export), ``labels`` (older docs) or ``entities`` (with
relations, or 2019's list form), as ``[start, end, label]`` lists or dicts. doccano counts
offsets in UTF-16 units (JavaScript strings), or in grapheme clusters when the project
counts them so; the export does not record which, so ``offset_unit`` says (UTF-16 by
default). Records may be pretty-printed over several lines, as doccano's own example is.
Everything else in a record is kept in the document's meta.

doccano reads a file into one table, so the export writes every record in the form of the
project type it is for: ``label`` for sequence labeling, ``entities``/``relations`` for a
project with relation labeling (the default when any document has relations).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import UserError
from annotator.core.inputs import STRICT_JSON, read_input
from annotator.core.model import Annotation, NewDocument, Relation
from annotator.core.offsets import Boundaries, Utf16Map, utf8_has_astral
from annotator.core.output import open_binary_output
from annotator.formats.base import ExportOptions, ExportReport, ImportOptions
from annotator.formats.common import (
    Fail,
    Losses,
    SourceText,
    annotator_for,
    failing,
    json_safe_utf8,
    make_annotation,
    write_lines,
)
from annotator.formats.text import decode
from annotator.formats.units import OffsetUnit, UnitMap
from annotator.storage.export_rows import DocumentRows, document_rows, totals
from annotator.storage.project import Project

SPAN_KEYS = ("label", "labels", "entities")
# The project the export is for: sequence labeling reads spans under "label", a project
# with relation labeling reads "entities" and "relations".
SEQUENCE, RELATION = "sequence", "relation"
PROJECT_TYPES = (SEQUENCE, RELATION)
_NOT_META = {"text", "relations", "name", "username", *SPAN_KEYS}


def unit_of(value: str | None) -> OffsetUnit:
    try:
        return OffsetUnit(value or OffsetUnit.UTF16)
    except ValueError:
        raise UserError(
            f"unknown offset unit {value!r}; use {', '.join(u.value for u in OffsetUnit)}"
        ) from None


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    content, _ = decode(read_input(path), path)
    unit = unit_of(options.offset_unit)
    docs = [
        _document(record, failing(path, line), f"{name} {k}", unit, options)
        for k, (line, record) in enumerate(_records(content, path), 1)
    ]
    if not docs:
        raise UserError("holds no records", path)
    return docs


def _records(content: str, path: Path) -> Iterator[tuple[int, Any]]:
    """(line, object) for each JSON value in the file, whatever the line breaks."""
    decoder = STRICT_JSON
    pos = counted = 0
    line = 1
    while True:
        while pos < len(content) and content[pos] in " \t\r\n\ufeff":
            pos += 1
        if pos == len(content):
            return
        line += content.count("\n", counted, pos)  # only what was read since: linear
        counted = pos
        try:
            value, pos = decoder.raw_decode(content, pos)
        except json.JSONDecodeError as exc:
            raise UserError(f"malformed JSON ({exc.msg})", path, exc.lineno) from None
        except ValueError as exc:  # a number longer than Python converts, NaN, Infinity
            raise UserError(f"malformed JSON ({exc})", path, line) from None
        except RecursionError:
            raise UserError("the JSON is nested too deeply", path, line) from None
        # A JSON list of records is accepted as well as one record per line.
        yield from ((line, v) for v in value) if isinstance(value, list) else [(line, value)]


def _document(
    record: Any, fail: Fail, default_name: str, unit: OffsetUnit, options: ImportOptions
) -> NewDocument:
    if not isinstance(record, dict):
        raise fail("each record must be a JSON object")
    raw = record.get(options.text_column)
    if not isinstance(raw, str) or not raw.strip():
        raise fail(f'"{options.text_column}" must be a non-empty string')
    source = SourceText(raw)
    units = UnitMap(raw, unit)
    keys = (options.label_column,) if options.label_column else SPAN_KEYS
    raw_spans: Any = next((record[k] for k in keys if record.get(k) is not None), [])
    if not isinstance(raw_spans, list):
        raise fail(f'"{next(k for k in keys if k in record)}" must be a list of spans')
    annotator = annotator_for(record.get("username"), options, fail) if raw_spans else ""
    annotations: list[Annotation] = []
    ids: dict[Any, str] = {}
    for k, item in enumerate(raw_spans, 1):
        if isinstance(item, dict):
            start, end, label = item.get("start_offset"), item.get("end_offset"), item.get("label")
            ident = item.get("id", k)
            if type(ident) not in (int, str):
                raise fail(f"span {k}: its id must be a number or text")
        elif isinstance(item, list) and len(item) == 3:
            (start, end, label), ident = item, k
        else:
            raise fail(f"span {k} is neither [start, end, label] nor an object")
        if type(start) is not int or type(end) is not int:
            raise fail(f"span {k}: start and end must be whole numbers")
        try:
            start, end = units.from_unit(start), units.from_unit(end)
        except ValueError as exc:
            raise fail(f"span {k}: {exc} (offsets counted in {unit.value})") from None
        a = make_annotation(source, start, end, label, annotator, fail, ident=f"e{ident}")
        ids[ident] = a.id
        annotations.append(a)
    relations = []
    raw_relations = record.get("relations") or []
    if not isinstance(raw_relations, list):
        raise fail('"relations" must be a list')
    for k, item in enumerate(raw_relations, 1):
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            raise fail(f"relation {k} must be an object with from_id, to_id and type")
        ends = [
            ids.get(end) if type(end) in (int, str) else None
            for end in (item.get("from_id"), item.get("to_id"))
        ]
        if None in ends:
            raise fail(f"relation {k} refers to a missing entity")
        relations.append(Relation(f"r{k}", str(ends[0]), str(ends[1]), item["type"]))
    meta = {key: v for key, v in record.items() if key not in _NOT_META and key not in keys}
    meta.pop(options.text_column, None)
    name = record["name"] if isinstance(record.get("name"), str) else default_name
    return NewDocument(
        name, source.text, meta=meta, annotations=tuple(annotations), relations=tuple(relations)
    )


def write_project(project: Project, output: Path, options: ExportOptions) -> ExportReport:
    unit = unit_of(options.offset_unit)
    report = ExportReport()
    losses = Losses(report)
    relation_project = options.doccano_project == RELATION
    if options.doccano_project is None:
        # doccano reads a file into one table: every record must have the same form, and
        # the one a relation project reads is the one that keeps the relations.
        relation_project = totals(project, options.selection).relations > 0
    elif options.doccano_project not in PROJECT_TYPES:
        raise UserError(
            f"unknown doccano project type {options.doccano_project!r}; "
            f"use {' or '.join(PROJECT_TYPES)}"
        )

    def lines() -> Iterator[bytes]:
        for doc in document_rows(project, options.selection, ids=relation_project):
            report.documents += 1
            report.annotations += doc.count
            report.relations += len(doc.relations) if relation_project else 0
            if doc.with_attributes:
                losses.add(
                    "doccano has no place for attributes",
                    f"{doc.name!r}: {doc.label_with_attributes}",
                    doc.with_attributes,
                )
            losses.annotators_merged(doc.name, doc.annotators, "doccano")
            yield _line(doc, unit, losses, relation_project)

    with open_binary_output(output) as out:
        write_lines(out, map(json_safe_utf8, lines()))
    losses.finish()
    return report


def _line(doc: DocumentRows, unit: OffsetUnit, losses: Losses, relation_project: bool) -> bytes:
    """The record ``{"name", "text", "label"}``, or in a relation project ``{"name",
    "text", "entities", "relations"}``, as one line of UTF-8; SQLite made all of it but the
    offsets in another unit than code points, and the relation project's lists.
    No "id": doccano gives its own and keeps unknown keys in the example's meta."""
    if not relation_project:
        if doc.relations:
            losses.add(
                "a sequence labeling project has no relations; not written",
                repr(doc.name),
                len(doc.relations),
            )
        same = unit is OffsetUnit.CODEPOINT or (
            unit is OffsetUnit.UTF16 and not utf8_has_astral(doc.text)
        )
        if same:  # most texts: code points are the unit already
            return doc.head + b',"label":' + doc.spans + b"}"
        spans = _spans_in(doc, unit, losses)
        array = orjson.dumps([[s, e, label] for s, e, label, _ in spans])
        return doc.head + b',"label":' + array + b"}"
    spans = _spans_in(doc, unit, losses)
    index = {ident: i for i, (_, _, _, ident) in enumerate(spans)}
    entities = [
        {"id": i, "start_offset": s, "end_offset": e, "label": label}
        for i, (s, e, label, _) in enumerate(spans)
    ]
    relations = [
        {"id": i, "from_id": index[r.from_id], "to_id": index[r.to_id], "type": r.type}
        for i, r in enumerate(doc.relations)
    ]
    return (
        doc.head
        + b',"entities":'
        + orjson.dumps(entities)
        + b',"relations":'
        + orjson.dumps(relations)
        + b"}"
    )


def _spans_in(
    doc: DocumentRows, unit: OffsetUnit, losses: Losses
) -> list[tuple[int, int, str, str | None]]:
    """The spans with their offsets in ``unit``: (start, end, label, id or None)."""
    spans = orjson.loads(doc.spans)
    if unit is not OffsetUnit.GRAPHEME:  # no decoding: the map is made from the UTF-8
        offsets = [x for s, e, *_ in spans for x in (s, e)]
        if unit is OffsetUnit.UTF16:
            offsets = Utf16Map.from_utf8(doc.text).to_utf16_all(offsets)
        return [
            (offsets[2 * k], offsets[2 * k + 1], label, ident[0] if ident else None)
            for k, (_, _, label, *ident) in enumerate(spans)
        ]
    text = doc.text.decode()
    units = UnitMap(text, unit)
    out = []
    for start, end, label, *ident in spans:
        try:
            s, e = units.to_unit(start), units.to_unit(end)
        except ValueError:
            # A span that splits a grapheme cluster: widen it to whole clusters.
            snapped = Boundaries(text).snap_to_graphemes(start, end)
            s, e = units.to_unit(snapped[0]), units.to_unit(snapped[1])
            losses.add(
                "spans that split a grapheme cluster were widened to whole clusters",
                f"{doc.name!r} at {start}-{end}",
            )
        out.append((s, e, label, ident[0] if ident else None))
    return out
