"""Export rows built by SQLite itself: the line formats at bulk speed.

Reading 200,000 annotations into objects and encoding them with Python's json took
most of an export's time; SQLite's JSON functions build the same records in C (the
native JSONL line whole; doccano's text as a JSON string), and the CSV rows come
straight from a query. The selection means what it means for every other export
(formats/export.py): relations are kept when both their ends are, and statuses of the
chosen annotators only.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from annotator.core.errors import UserError
from annotator.storage.project import Project

# The annotations' reading order, as Project.annotations gives it.
_READING_ORDER = 'a.start, a."end" DESC, a.id'


class Selection(Protocol):
    """What to export (formats.base.ExportSelection); empty means everything."""

    @property
    def annotators(self) -> tuple[str, ...]: ...

    @property
    def documents(self) -> tuple[str, ...]: ...

    @property
    def labels(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class _Filter:
    """SQL conditions for the selection, with their named parameters."""

    documents: str  # on documents d
    annotations: str  # on annotators an and labels l
    statuses: str  # on annotators an
    params: dict[str, Any]


def _in(column: str, prefix: str, names: tuple[str, ...], params: dict[str, Any]) -> str:
    keys = [f"{prefix}{i}" for i in range(len(names))]
    params.update(zip(keys, names, strict=True))
    return f" AND {column} IN ({', '.join(':' + k for k in keys)})" if names else ""


def _filter(selection: Selection) -> _Filter:
    params: dict[str, Any] = {}
    documents = _in("d.name", "doc", selection.documents, params)
    who = _in("an.name", "who", selection.annotators, params)
    labels = _in("l.name", "label", selection.labels, params)
    return _Filter(documents, who + labels, who, params)


def _kept(alias: str, f: _Filter) -> str:
    """Whether the selection keeps annotation ``alias``."""
    return (
        f"EXISTS (SELECT 1 FROM annotators an, labels l WHERE an.id = {alias}.annotator_id "
        f"AND l.id = {alias}.label_id{f.annotations})"
    )


def _relations_of_document(f: _Filter) -> str:
    """Relations of document d whose two ends the selection keeps, in their order."""
    return (
        "SELECT r.* FROM relations r JOIN annotations a ON a.id = r.from_id "
        "JOIN annotations b ON b.id = r.to_id "
        f"WHERE a.document_id = d.id AND {_kept('a', f)} AND {_kept('b', f)} ORDER BY r.rowid"
    )


def _annotations_of_document(f: _Filter, columns: str) -> str:
    return (
        f"SELECT {columns} FROM annotations a JOIN annotators an ON an.id = a.annotator_id "
        "JOIN labels l ON l.id = a.label_id "
        f"WHERE a.document_id = d.id{f.annotations} ORDER BY {_READING_ORDER}"
    )


def jsonl_lines(project: Project, selection: Selection) -> Iterator[str]:
    """The native JSONL export's lines (one document each, without the line break), in
    project order."""
    f = _filter(selection)
    annotations = _annotations_of_document(f, "a.*, l.name AS label, an.name AS annotator")
    if project.engine.dialect == "postgresql":
        return _jsonl_lines_postgresql(project, f, annotations)
    sql = (
        "SELECT json_object('name', d.name, 'text', d.text, 'source', d.source, "
        "'meta', json(d.meta), "
        "'status', (SELECT json_group_object(name, status) FROM (SELECT an.name, s.status "
        "FROM document_status s JOIN annotators an ON an.id = s.annotator_id "
        f"WHERE s.document_id = d.id{f.statuses} ORDER BY an.name)), "
        # Built where they are aggregated: a JSON value passed up through a subquery
        # would be parsed again.
        "'annotations', (SELECT json_group_array(json_object('id', id, 'start', start, "
        "'end', \"end\", 'label', label, 'text', text, 'annotator', annotator, "
        "'attributes', json(attributes), 'created', created, 'modified', modified)) "
        f"FROM ({annotations})), "
        "'relations', (SELECT json_group_array(json_object('id', id, 'from', from_id, "
        f"'to', to_id, 'type', type)) FROM ({_relations_of_document(f)}))) "
        f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
    )
    return (row[0] for row in _rows(project, sql, f.params))


def _jsonl_lines_postgresql(project: Project, f: _Filter, annotations: str) -> Iterator[str]:
    """The same lines from PostgreSQL's JSON functions, written out as SQLite writes them
    (compact, characters as they are): the exports of a file and of its copy on a server
    are the same bytes."""
    sql = (
        "SELECT json_build_object('name', d.name, 'text', d.text, 'source', d.source, "
        "'meta', d.meta::json, "
        "'status', (SELECT coalesce(json_object_agg(x.name, x.status ORDER BY x.name), "
        "'{}') FROM (SELECT an.name, s.status "
        "FROM document_status s JOIN annotators an ON an.id = s.annotator_id "
        f"WHERE s.document_id = d.id{f.statuses}) x), "
        "'annotations', (SELECT coalesce(json_agg(json_build_object('id', x.id, "
        "'start', x.start, 'end', x.\"end\", 'label', x.label, 'text', x.text, "
        "'annotator', x.annotator, 'attributes', x.attributes::json, 'created', x.created, "
        "'modified', x.modified) ORDER BY x.start, x.\"end\" DESC, x.id), '[]') "
        f"FROM ({annotations}) x), "
        "'relations', (SELECT coalesce(json_agg(json_build_object('id', x.id, "
        "'from', x.from_id, 'to', x.to_id, 'type', x.type) ORDER BY x.rowid), '[]') "
        f"FROM ({_relations_of_document(f)}) x))::text "
        f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
    )
    for (line,) in _rows(project, sql, f.params):
        yield json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":"))


def _rows(project: Project, sql: str, params: dict[str, Any]) -> Iterator[Any]:
    """The query's rows; a JSON cell SQLite cannot parse is one line, not a traceback."""
    try:
        yield from project.engine.execute(sql, params)
    except sqlite3.OperationalError as exc:
        if "malformed JSON" not in str(exc):
            raise
        raise UserError(
            "a metadata or attributes cell is not valid JSON; was the file changed by "
            "another program? (`annotator check` names it)",
            project.path,
        ) from None


@dataclass(frozen=True)
class Totals:
    documents: int
    annotations: int
    relations: int


def totals(project: Project, selection: Selection) -> Totals:
    """How many documents, annotations and relations an export of the selection holds."""
    f = _filter(selection)
    row = project.engine.execute(
        "SELECT count(*), "
        f"CAST(coalesce(sum((SELECT count(*) FROM ({_annotations_of_document(f, '1')}) x)), 0) "
        "AS INTEGER), "
        f"CAST(coalesce(sum((SELECT count(*) FROM ({_relations_of_document(f)}) x)), 0) "
        "AS INTEGER) "
        f"FROM documents d WHERE 1 = 1{f.documents}",
        f.params,
    ).fetchone()
    return Totals(*row)


@dataclass(frozen=True)
class SpanRow:
    id: str
    start: int
    end: int
    label: str
    annotator: str
    has_attributes: bool


@dataclass(frozen=True)
class DocumentRows:
    """A document for a record-per-document format: its name and text, also as JSON
    strings made by SQLite (encoding 5 KB of text is the slow part in Python), and its
    selected spans in reading order and relations (from id, to id, type)."""

    name: str
    text: str
    name_json: str
    text_json: str
    spans: list[SpanRow]
    relations: list[tuple[str, str, str]]


def document_rows(project: Project, selection: Selection) -> Iterator[DocumentRows]:
    f = _filter(selection)
    spans = _annotations_of_document(f, "a.*, l.name AS label, an.name AS annotator")
    relations = _relations_of_document(f)
    if project.engine.dialect == "postgresql":
        sql = (
            "SELECT d.name, d.text, '', '', "
            '(SELECT coalesce(json_agg(json_build_array(x.id, x.start, x."end", x.label, '
            "x.annotator, x.attributes != '{}') ORDER BY x.start, x.\"end\" DESC, x.id), "
            f"'[]')::text FROM ({spans}) x), "
            "(SELECT coalesce(json_agg(json_build_array(x.from_id, x.to_id, x.type) "
            f"ORDER BY x.rowid), '[]')::text FROM ({relations}) x) "
            f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
        )
    else:
        sql = (
            "SELECT d.name, d.text, json_quote(d.name), json_quote(d.text), "
            '(SELECT json_group_array(json_array(id, start, "end", label, annotator, '
            f"attributes != '{{}}')) FROM ({spans})), "
            f"(SELECT json_group_array(json_array(from_id, to_id, type)) FROM ({relations})) "
            f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
        )
    for name, text, name_json, text_json, span_list, relation_list in _rows(project, sql, f.params):
        yield DocumentRows(
            name,
            text,
            name_json or json.dumps(name, ensure_ascii=False),
            text_json or json.dumps(text, ensure_ascii=False),
            [SpanRow(s[0], s[1], s[2], s[3], s[4], bool(s[5])) for s in json.loads(span_list)],
            [(r[0], r[1], r[2]) for r in json.loads(relation_list)],
        )


def csv_rows(
    project: Project, selection: Selection, formula_start: tuple[str, ...]
) -> Iterator[tuple[Any, ...]]:
    """(document, annotator, label, start, end, text, attributes) per annotation, in
    project and reading order. A text cell that begins with one of ``formula_start``
    gets an apostrophe in front (formats/csv_annotations.py says why); attributes are ''
    when there are none."""
    f = _filter(selection)
    params = dict(f.params)
    keys = [f"formula{i}" for i in range(len(formula_start))]
    params.update(zip(keys, formula_start, strict=True))
    starts = ", ".join(":" + k for k in keys)
    apostrophe = "''''"  # SQL for the string "'"
    inert = [
        f"CASE WHEN substr({c}, 1, 1) IN ({starts}) THEN {apostrophe} || {c} ELSE {c} END"
        for c in ("d.name", "an.name", "l.name", "a.text")
    ]
    sql = (
        f'SELECT {inert[0]}, {inert[1]}, {inert[2]}, a.start, a."end", {inert[3]}, '
        "CASE WHEN a.attributes = '{}' THEN '' ELSE a.attributes END "
        "FROM documents d JOIN annotations a ON a.document_id = d.id "
        "JOIN annotators an ON an.id = a.annotator_id JOIN labels l ON l.id = a.label_id "
        f"WHERE 1 = 1{f.documents}{f.annotations} ORDER BY d.id, {_READING_ORDER}"
    )
    return iter(project.engine.execute(sql, params))


def document_counts(project: Project, selection: Selection) -> Iterator[tuple[str, int]]:
    """(name, selected relations) of every selected document, in project order."""
    f = _filter(selection)
    sql = (
        f"SELECT d.name, (SELECT count(*) FROM ({_relations_of_document(f)}) x) "
        f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
    )
    return iter(project.engine.execute(sql, f.params))
