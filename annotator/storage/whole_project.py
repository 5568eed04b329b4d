"""Whole-project reads as plain rows, for the passes over everything (agreement,
export): building a full record per span or per document took most of their time."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.model import Relation, Status
from annotator.storage.cells import typed_cell
from annotator.storage.project import Project

# id, document id, annotator, label, start, end
SpanRow = tuple[str, int, str, str, int, int]


def span_rows(project: Project) -> Iterator[SpanRow]:
    """Every span of every annotator, in no particular order."""
    where = project.engine.location
    for row in project.engine.execute(
        'SELECT a.id, a.document_id, an.name, l.name, a.start, a."end" FROM annotations a '
        "JOIN annotators an ON an.id = a.annotator_id JOIN labels l ON l.id = a.label_id"
    ):
        if type(row[4]) is not int or type(row[5]) is not int:
            typed_cell(row[4], int, f"annotation {row[0]!r}", where)
            typed_cell(row[5], int, f"annotation {row[0]!r}", where)
        yield row


def relation_ends(project: Project) -> Iterator[tuple[str, str, str]]:
    """Every relation as (from id, to id, type)."""
    yield from project.engine.execute("SELECT from_id, to_id, type FROM relations")


def relations_by_document(project: Project) -> Iterator[tuple[int, Relation]]:
    """Every relation with its document's id, in document order."""
    for doc_id, *rel in project.engine.execute(
        "SELECT a.document_id, r.id, r.from_id, r.to_id, r.type FROM relations r "
        "JOIN annotations a ON a.id = r.from_id ORDER BY a.document_id, r.rowid"
    ):
        yield doc_id, Relation(*rel)


def status_rows(
    project: Project, status: Status | None = None
) -> Iterator[tuple[int, str, Status]]:
    """(document id, annotator, status) of every status set, or only of ``status``,
    by annotator name."""
    where_sql, args = ("WHERE s.status = ? ", (status.value,)) if status else ("", ())
    for doc_id, who, value in project.engine.execute(
        "SELECT s.document_id, an.name, s.status FROM document_status s "
        f"JOIN annotators an ON an.id = s.annotator_id {where_sql}ORDER BY an.name",
        args,
    ):
        yield doc_id, who, Status(value)


def document_texts(project: Project) -> Iterator[tuple[int, str, str]]:
    """(id, name, text) of every document, in project order."""
    where = project.engine.location
    for doc_id, name, text in project.engine.execute(
        "SELECT id, name, text FROM documents ORDER BY id"
    ):
        yield doc_id, name, typed_cell(text, str, f"document {name!r}", where)
