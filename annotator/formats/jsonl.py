"""The native JSONL format: one document per line, lossless.

    {"name": "...", "text": "...", "source": "", "meta": {}, "status": {"sara": "done"},
     "annotations": [{"id": "a1", "start": 0, "end": 5, "label": "PER", "text": "...",
                      "annotator": "sara", "attributes": {}}],
     "relations": [{"from": "a1", "to": "a2", "type": "speaker"}]}

Offsets are code points into ``text``. Everything but ``text`` is optional on import.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path
from typing import Any

from annotator.core.content import split_lines
from annotator.core.errors import UserError
from annotator.core.inputs import parse_json, read_input
from annotator.core.model import Annotation, NewDocument, Relation, Status, annotation_from_values
from annotator.core.output import open_binary_output
from annotator.formats.base import ExportOptions, ExportReport, ImportOptions
from annotator.formats.common import json_safe_utf8, write_lines
from annotator.formats.text import decode
from annotator.storage.export_rows import jsonl_lines, totals
from annotator.storage.project import Project


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    content, _ = decode(read_input(path), path)
    docs = []
    for number, line in enumerate(split_lines(content), 1):
        if line.strip():
            docs.append(parse_line(line, path, number, f"{name} {number}", options.annotator))
    if not docs:
        raise UserError("holds no documents", path)
    return docs


def parse_line(
    line: str, path: Path, number: int, default_name: str, annotator: str | None
) -> NewDocument:
    def fail(message: str) -> UserError:
        return UserError(message, path, number)

    data = parse_json(line, path, number)
    if not isinstance(data, dict):
        raise fail("each line must be a JSON object")
    raw_text = data.get("text")
    if not isinstance(raw_text, str) or not raw_text.strip():
        raise fail('"text" must be a non-empty string')
    doc_name = _optional(data, "name", str, fail) or default_name
    meta = _optional(data, "meta", dict, fail) or {}
    source = _optional(data, "source", str, fail) or ""
    status = _statuses(_optional(data, "status", dict, fail) or {}, fail)
    text, shift = _normalise_with_map(raw_text)

    annotations: list[Annotation] = []
    seen: set[str] = set()
    for k, raw in enumerate(_optional(data, "annotations", list, fail) or [], 1):
        ann = _annotation(raw, k, raw_text, annotator, shift, fail)
        if ann.id in seen:
            raise fail(f"annotation id {ann.id!r} appears twice")
        seen.add(ann.id)
        annotations.append(ann)
    relations = []
    for k, raw in enumerate(_optional(data, "relations", list, fail) or [], 1):
        if not isinstance(raw, dict):
            raise fail(f"relation {k} is not an object")
        ends = [str(raw.get("from", "")), str(raw.get("to", ""))]
        for end in ends:
            if end not in seen:
                raise fail(f"relation {k} refers to a missing annotation {end!r}")
        if not isinstance(raw.get("type"), str) or not raw["type"]:
            raise fail(f"relation {k} has no type")
        relations.append(Relation(str(raw.get("id", "")), ends[0], ends[1], raw["type"]))
    return NewDocument(
        doc_name, text, source, meta, tuple(annotations), tuple(relations), status, number
    )


def _optional(data: dict[str, Any], key: str, kind: type, fail: Any) -> Any:
    value = data.get(key)
    if value is not None and not isinstance(value, kind):
        raise fail(f'"{key}" must be a {kind.__name__}')
    return value


def _statuses(raw: dict[str, Any], fail: Any) -> dict[str, Status]:
    out = {}
    for who, value in raw.items():
        try:
            out[who] = Status(value)
        except ValueError:
            raise fail(
                f"status of {who!r} must be not_started, in_progress or done, not {value!r}"
            ) from None
    return out


def _annotation(
    raw: Any, k: int, text: str, default_annotator: str | None, shift: Any, fail: Any
) -> Annotation:
    """A checked annotation; ``shift`` moves its offsets from ``text`` to the stored text."""
    if not isinstance(raw, dict):
        raise fail(f"annotation {k} is not an object")
    ident = str(raw.get("id", f"a{k}"))
    where = f"annotation {ident!r}"
    start, end = raw.get("start"), raw.get("end")
    if type(start) is not int or type(end) is not int:
        raise fail(f"{where}: start and end must be whole numbers")
    if not 0 <= start < end <= len(text):
        raise fail(
            f"{where}: offsets {start}-{end} are out of range for a text of {len(text)} "
            "characters (start must be before end)"
        )
    span = text[start:end]
    if "text" in raw and raw["text"] != span:
        raise fail(f"{where}: text {raw['text']!r} does not match {span!r} at {start}-{end}")
    label = raw.get("label")
    if not isinstance(label, str) or not label:
        raise fail(f"{where} has no label")
    who = raw.get("annotator") or default_annotator
    if not isinstance(who, str) or not who.strip():
        raise fail(f"{where} names no annotator; give one with --annotator NAME")
    attributes = raw.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise fail(f"{where}: attributes must be an object")
    return annotation_from_values(
        (
            ident,
            0,
            who.strip(),
            label,
            shift(start),
            shift(end),
            span,
            attributes,
            str(raw.get("created", "")),
            str(raw.get("modified", "")),
        )
    )


def _normalise_with_map(text: str) -> tuple[str, Any]:
    """The stored form of ``text`` and a function moving offsets into it."""
    if "\r" not in text and not text.startswith("\ufeff"):
        return text, lambda i: i
    removed = [0] if text.startswith("\ufeff") else []
    removed += [m.start() for m in re.finditer("\r\n", text)]
    gone = set(removed)
    out = "".join(ch for i, ch in enumerate(text) if i not in gone)
    return out.replace("\r", "\n"), lambda i: i - bisect_left(removed, i)


def write_project(project: Project, output: Path, options: ExportOptions) -> ExportReport:
    """One line per document, built by SQLite (storage/export_rows.py): the fields
    ``name, text, source, meta, status, annotations, relations`` as import reads them."""
    with open_binary_output(output) as out:
        write_lines(out, map(json_safe_utf8, jsonl_lines(project, options.selection)))
    held = totals(project, options.selection)
    return ExportReport(
        documents=held.documents, annotations=held.annotations, relations=held.relations
    )
