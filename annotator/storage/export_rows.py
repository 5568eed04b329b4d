"""Export rows built by SQLite itself: the line formats at bulk speed.

Reading 200,000 annotations into objects and encoding them with Python's json took
most of an export's time; SQLite's JSON functions build the same records in C (the
native JSONL line whole, doccano's record but for its offsets' unit, every CSV line).
They come back as UTF-8 bytes (``CAST … AS BLOB``): a document's text goes from the
file to the output without being decoded into a Python string and encoded again, which
was a third of an export's time. The selection means what it means for every other
export (formats/export.py): relations are kept when both their ends are, and statuses
of the chosen annotators only.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import orjson

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
    """Whether the selection keeps annotation ``alias`` (always, when it names no
    annotators or labels)."""
    if not f.annotations:
        return "1 = 1"
    return (
        f"EXISTS (SELECT 1 FROM annotators an, labels l WHERE an.id = {alias}.annotator_id "
        f"AND l.id = {alias}.label_id{f.annotations})"
    )


def _annotations_of_document(f: _Filter, columns: str) -> str:
    return (
        f"SELECT {columns} FROM annotations a JOIN annotators an ON an.id = a.annotator_id "
        "JOIN labels l ON l.id = a.label_id "
        f"WHERE a.document_id = d.id{f.annotations} ORDER BY {_READING_ORDER}"
    )


@dataclass(frozen=True)
class RelationRow:
    id: str
    from_id: str
    to_id: str
    type: str


def _relations(project: Project, f: _Filter) -> dict[int, list[RelationRow]]:
    """The selected relations (both ends kept) of each selected document, in their order.

    Read from the relations table in one query: a project with few relations pays for
    few, where a subquery per document looked up every annotation's relations."""
    sql = (
        "SELECT a.document_id, r.id, r.from_id, r.to_id, r.type FROM relations r "
        "JOIN annotations a ON a.id = r.from_id JOIN annotations b ON b.id = r.to_id "
        "JOIN documents d ON d.id = a.document_id "
        f"WHERE {_kept('a', f)} AND {_kept('b', f)}{f.documents} ORDER BY r.rowid"
    )
    out: dict[int, list[RelationRow]] = {}
    for doc_id, *relation in project.engine.execute(sql, f.params):
        out.setdefault(doc_id, []).append(RelationRow(*relation))
    return out


def jsonl_lines(project: Project, selection: Selection) -> Iterator[bytes]:
    """The native JSONL export's lines (one document each, without the line break), in
    project order, as UTF-8."""
    f = _filter(selection)
    relations = _relations(project, f)
    annotations = _annotations_of_document(f, "a.*, l.name AS label, an.name AS annotator")
    if project.engine.dialect == "postgresql":
        lines = _jsonl_lines_postgresql(project, f, annotations)
    else:
        lines = _jsonl_lines_sqlite(project, f, annotations)
    for doc_id, line in lines:
        # The relations go last, after the annotations they refer to.
        kept = [
            {"id": r.id, "from": r.from_id, "to": r.to_id, "type": r.type}
            for r in relations.get(doc_id, ())
        ]
        yield line[:-1] + b',"relations":' + orjson.dumps(kept) + b"}"


def _jsonl_lines_sqlite(
    project: Project, f: _Filter, annotations: str
) -> Iterator[tuple[int, bytes]]:
    sql = (
        "SELECT d.id, CAST(json_object('name', d.name, 'text', d.text, 'source', d.source, "
        "'meta', json(d.meta), "
        "'status', (SELECT json_group_object(name, status) FROM (SELECT an.name, s.status "
        "FROM document_status s JOIN annotators an ON an.id = s.annotator_id "
        f"WHERE s.document_id = d.id{f.statuses} ORDER BY an.name)), "
        # Built where they are aggregated: a JSON value passed up through a subquery
        # would be parsed again.
        "'annotations', (SELECT json_group_array(json_object('id', id, 'start', start, "
        "'end', \"end\", 'label', label, 'text', text, 'annotator', annotator, "
        "'attributes', json(attributes), 'created', created, 'modified', modified)) "
        f"FROM ({annotations}))) AS BLOB) "
        f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
    )
    return iter(_rows(project, sql, f.params))


def _jsonl_lines_postgresql(
    project: Project, f: _Filter, annotations: str
) -> Iterator[tuple[int, bytes]]:
    """The same lines from PostgreSQL's JSON functions, written out as SQLite writes them
    (compact, characters as they are): the exports of a file and of its copy on a server
    are the same bytes."""
    sql = (
        "SELECT d.id, json_build_object('name', d.name, 'text', d.text, 'source', d.source, "
        "'meta', d.meta::json, "
        "'status', (SELECT coalesce(json_object_agg(x.name, x.status ORDER BY x.name), "
        "'{}') FROM (SELECT an.name, s.status "
        "FROM document_status s JOIN annotators an ON an.id = s.annotator_id "
        f"WHERE s.document_id = d.id{f.statuses}) x), "
        "'annotations', (SELECT coalesce(json_agg(json_build_object('id', x.id, "
        "'start', x.start, 'end', x.\"end\", 'label', x.label, 'text', x.text, "
        "'annotator', x.annotator, 'attributes', x.attributes::json, 'created', x.created, "
        "'modified', x.modified) ORDER BY x.start, x.\"end\" DESC, x.id), '[]') "
        f"FROM ({annotations}) x))::text "
        f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
    )
    for doc_id, line in _rows(project, sql, f.params):
        yield doc_id, _compact(json.loads(line)).encode()


def _compact(value: Any) -> str:
    """JSON as SQLite writes it (compact, characters as they are, the same escapes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
    names = (
        "JOIN annotators an ON an.id = a.annotator_id JOIN labels l ON l.id = a.label_id "
        if f.annotations
        else ""
    )
    documents, annotations = project.engine.execute(
        "SELECT (SELECT count(*) FROM documents d "
        f"WHERE 1 = 1{f.documents}), "
        "(SELECT count(*) FROM annotations a JOIN documents d ON d.id = a.document_id "
        f"{names}WHERE 1 = 1{f.documents}{f.annotations})",
        f.params,
    ).fetchone()
    relations = sum(len(r) for r in _relations(project, f).values())
    return Totals(documents, annotations, relations)


@dataclass(frozen=True)
class DocumentRows:
    """A document for doccano's records: its name; the record's beginning
    ``{"name":…,"text":…`` and its text, as UTF-8; its selected spans as a JSON array of
    ``[start, end, label]`` (``[start, end, label, id]`` with ``ids``) in reading order,
    offsets in code points; how many there are, how many have attributes (and one of
    their labels), who made them; and its selected relations."""

    name: str
    head: bytes
    text: bytes
    spans: bytes
    count: int
    with_attributes: int
    label_with_attributes: str | None
    annotators: list[str]
    relations: list[RelationRow]


def document_rows(
    project: Project, selection: Selection, *, ids: bool = False
) -> Iterator[DocumentRows]:
    f = _filter(selection)
    relations = _relations(project, f)
    spans = _annotations_of_document(f, "a.*, l.name AS label, an.name AS annotator")
    span = 'start, "end", label, id' if ids else 'start, "end", label'
    if project.engine.dialect == "postgresql":
        rows = _document_rows_postgresql(project, f, spans, span)
    else:
        rows = _document_rows_sqlite(project, f, spans, span)
    for doc_id, name, head, text, array, counts in rows:
        count, with_attributes, label, annotators = orjson.loads(counts)
        yield DocumentRows(
            name,
            head,
            text,
            array,
            count,
            with_attributes,
            label,
            annotators,
            relations.get(doc_id, []),
        )


def _document_rows_sqlite(
    project: Project, f: _Filter, spans: str, span: str
) -> Iterator[tuple[int, str, bytes, bytes, bytes, bytes]]:
    # One pass over a document's spans gives the array and, after a control character
    # (which JSON text never holds raw), what the report needs.
    sql = (
        "SELECT d.id, d.name, CAST(json_object('name', d.name, 'text', d.text) AS BLOB), "
        "CAST(d.text AS BLOB), "
        f"(SELECT CAST(json_group_array(json_array({span})) || char(31) || "
        "json_array(count(*), count(*) FILTER (WHERE attributes != '{}'), "
        "min(label) FILTER (WHERE attributes != '{}'), json_group_array(DISTINCT annotator)) "
        f"AS BLOB) FROM ({spans})) "
        f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
    )
    for doc_id, name, head, text, summary in _rows(project, sql, f.params):
        array, _, counts = summary.partition(b"\x1f")
        yield doc_id, name, head[:-1], text, array, counts


def _document_rows_postgresql(
    project: Project, f: _Filter, spans: str, span: str
) -> Iterator[tuple[int, str, bytes, bytes, bytes, bytes]]:
    """The same from PostgreSQL, the JSON written as SQLite writes it."""
    columns = ", ".join(f"x.{c.strip()}" for c in span.split(","))
    sql = (
        "SELECT d.id, d.name, d.text, "
        f"(SELECT coalesce(json_agg(json_build_array({columns}) "
        "ORDER BY x.start, x.\"end\" DESC, x.id), '[]')::text "
        f"FROM ({spans}) x), "
        "(SELECT json_build_array(count(*), count(*) FILTER (WHERE x.attributes != '{}'), "
        "min(x.label) FILTER (WHERE x.attributes != '{}'), "
        f"coalesce(json_agg(DISTINCT x.annotator), '[]'))::text FROM ({spans}) x) "
        f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
    )
    for doc_id, name, text, array, counts in _rows(project, sql, f.params):
        head = _compact({"name": name, "text": text})[:-1]
        yield (
            doc_id,
            name,
            head.encode(),
            text.encode(),
            _compact(json.loads(array)).encode(),
            counts.encode(),
        )


def csv_lines(
    project: Project, selection: Selection, formula_start: tuple[str, ...]
) -> Iterator[tuple[str, int, bytes]]:
    """(name, selected relations, CSV lines) of every selected document in project
    order: one line per annotation in reading order, each ``document, annotator, label,
    start, end, text, attributes`` ended by CRLF, as Python's csv writes them (a cell
    quoted when it holds a comma, a quote or a line break, its quotes doubled). A text
    cell that begins with one of ``formula_start`` gets an apostrophe in front
    (formats/csv_annotations.py says why); attributes are '' when there are none."""
    f = _filter(selection)
    relations = _relations(project, f)
    params = dict(f.params)
    keys = [f"formula{i}" for i in range(len(formula_start))]
    params.update(zip(keys, formula_start, strict=True))
    starts = ", ".join(":" + k for k in keys)
    apostrophe = "''''"  # SQL for the string "'"

    def inert(column: str) -> str:
        return (
            f"CASE WHEN substr({column}, 1, 1) IN ({starts}) "
            f"THEN {apostrophe} || {column} ELSE {column} END"
        )

    if project.engine.dialect == "postgresql":
        yield from _csv_lines_postgresql(project, f, params, inert, relations)
        return

    def cell(column: str) -> str:
        return (
            f"CASE WHEN {column} GLOB ('*[\",' || char(10, 13) || ']*') "
            f"THEN '\"' || replace({column}, '\"', '\"\"') || '\"' ELSE {column} END"
        )

    # The cells of annotators' and labels' names, made once each (materialised: otherwise
    # SQLite would make them again for every annotation).
    def cells(table: str) -> str:
        return (
            f"{table}_cells AS MATERIALIZED (SELECT id, name, {cell(inert('name'))} AS cell "
            f"FROM {table})"
        )

    line = " || ',' || ".join(
        [
            cell(inert("d.name")),
            "annotator",
            "label",
            "start",
            '"end"',
            cell(inert("text")),
            cell("CASE WHEN attributes = '{}' THEN '' ELSE attributes END"),
        ]
    )
    sql = (
        f"WITH {cells('annotators')}, {cells('labels')} "
        "SELECT d.id, d.name, (SELECT CAST(coalesce(group_concat("
        f"{line} || char(13, 10), ''), '') AS BLOB) FROM (SELECT a.*, an.cell AS annotator, "
        "l.cell AS label FROM annotations a JOIN annotators_cells an ON an.id = a.annotator_id "
        "JOIN labels_cells l ON l.id = a.label_id "
        f"WHERE a.document_id = d.id{f.annotations} ORDER BY {_READING_ORDER})) "
        f"FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id"
    )
    for doc_id, name, lines in _rows(project, sql, params):
        yield name, len(relations.get(doc_id, ())), lines


def _csv_lines_postgresql(
    project: Project,
    f: _Filter,
    params: dict[str, Any],
    inert: Callable[[str], str],
    relations: dict[int, list[RelationRow]],
) -> Iterator[tuple[str, int, bytes]]:
    """The same lines, made by the csv module from PostgreSQL's rows."""
    cells = [inert(c) for c in ("d.name", "an.name", "l.name", "a.text")]
    rows = project.engine.execute(
        f'SELECT a.document_id, {cells[0]}, {cells[1]}, {cells[2]}, a.start, a."end", '
        f"{cells[3]}, CASE WHEN a.attributes = '{{}}' THEN '' ELSE a.attributes END "
        "FROM documents d JOIN annotations a ON a.document_id = d.id "
        "JOIN annotators an ON an.id = a.annotator_id JOIN labels l ON l.id = a.label_id "
        f"WHERE 1 = 1{f.documents}{f.annotations} ORDER BY d.id, {_READING_ORDER}",
        params,
    )
    by_document: dict[int, list[tuple[Any, ...]]] = {}
    for doc_id, *row in rows:
        by_document.setdefault(doc_id, []).append(tuple(row))
    documents = project.engine.execute(
        f"SELECT d.id, d.name FROM documents d WHERE 1 = 1{f.documents} ORDER BY d.id",
        f.params,
    )
    for doc_id, name in documents.fetchall():
        out = io.StringIO()
        csv.writer(out).writerows(by_document.get(doc_id, []))
        yield name, len(relations.get(doc_id, ())), out.getvalue().encode()
