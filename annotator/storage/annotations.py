"""Annotations (spans) and the relations between them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.core.errors import GoneError, UserError
from annotator.core.model import (
    AddReport,
    Annotation,
    NewDocument,
    Relation,
    annotation_from_values,
)
from annotator.storage.annotators import AnnotatorStore
from annotator.storage.cells import json_cell, rows_in
from annotator.storage.engine import Engine, Write
from annotator.storage.import_rows import (
    ANNOTATION_COLUMNS,
    RELATION_COLUMNS,
    ImportRows,
    insert_sql,
)
from annotator.storage.schema_store import SchemaStore
from annotator.storage.stamps import new_id, now
from annotator.storage.statuses import StatusStore

_SELECT = (
    'SELECT a.id, a.document_id, an.name, l.name, a.start, a."end", a.text, a.attributes, '
    "a.created, a.modified FROM annotations a "
    "JOIN annotators an ON an.id = a.annotator_id JOIN labels l ON l.id = a.label_id "
)
_READING_ORDER = ' ORDER BY a.document_id, a.start, a."end" DESC, a.id'
_INSERT = insert_sql("annotations", ANNOTATION_COLUMNS)
_INSERT_RELATION = insert_sql("relations", RELATION_COLUMNS) + " ON CONFLICT DO NOTHING"
# A span as an import tells whether a document already has it: annotator, label, edges.
SpanKey = tuple[str, str, int, int]


class AnnotationStore:
    """Reached as ``project.annotation_store``."""

    def __init__(
        self,
        engine: Engine,
        write: Write,
        schema: SchemaStore,
        annotators: AnnotatorStore,
        statuses: StatusStore,
    ) -> None:
        self._engine = engine
        self._write = write
        self._schema = schema
        self._annotators = annotators
        self._statuses = statuses

    # ----- reading -------------------------------------------------------------------

    def _annotation(self, row: tuple[Any, ...]) -> Annotation:
        # Most spans have no attributes: skip the JSON parser for them (exports are hot).
        attributes = (
            {}
            if row[7] == "{}"
            else json_cell(row[7], f"annotation {row[0]!r}", self._engine.location)
        )
        return annotation_from_values((*row[:7], attributes, row[8], row[9]))

    def annotations(
        self, document_id: int | None = None, annotator: str | None = None
    ) -> list[Annotation]:
        """Annotations in reading order, optionally of one document and/or one annotator."""
        where, args = _document_annotator_filter(document_id, annotator)
        sql = _SELECT + where + _READING_ORDER
        return [self._annotation(r) for r in self._engine.execute(sql, args)]

    def iter_annotations(
        self, annotators: Iterable[str] = (), labels: Iterable[str] = ()
    ) -> Iterator[Annotation]:
        """Every annotation (of these annotators and labels, when given), streamed in
        document order then reading order: one query for a whole export."""
        where, args = [], []
        for column, names in (("an.name", list(annotators)), ("l.name", list(labels))):
            if names:
                where.append(f"{column} IN ({','.join('?' * len(names))})")
                args += names
        sql = _SELECT
        if where:
            sql += "WHERE " + " AND ".join(where)
        return map(self._annotation, self._engine.execute(sql + _READING_ORDER, args))

    def annotations_in(
        self, document_id: int, annotator: str, start: int, end: int
    ) -> list[Annotation]:
        """One annotator's spans that overlap [start, end) of a document, in reading
        order: what the window needs to paint its first screen of a long document."""
        sql = _SELECT + (
            'WHERE a.document_id = ? AND an.name = ? AND a.start < ? AND a."end" > ? '
            'ORDER BY a.start, a."end" DESC, a.id'
        )
        rows = self._engine.execute(sql, (document_id, annotator, end, start))
        return [self._annotation(r) for r in rows]

    def annotation(self, annotation_id: str) -> Annotation:
        row = self._engine.execute(_SELECT + "WHERE a.id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise GoneError(
                f"no annotation with id {annotation_id!r} (another person or program may "
                "have deleted it)"
            )
        return self._annotation(row)

    # ----- one edit, one transaction ---------------------------------------------------

    def add(
        self,
        document_id: int,
        annotator: str,
        label: str,
        start: int,
        end: int,
        attributes: dict[str, Any] | None = None,
        annotation_id: str | None = None,
        created: str | None = None,
    ) -> Annotation:
        """Add one span; offsets are code points into the document's stored text."""
        text = self._span_text(document_id, start, end)
        label_id = self._schema.label_id(label)
        stamp = now()
        ann = Annotation(
            annotation_id or new_id(),
            document_id,
            annotator,
            label,
            start,
            end,
            text,
            dict(attributes or {}),
            created or stamp,
            stamp,
        )
        with self._write():
            self._engine.execute(
                _INSERT,
                (
                    ann.id,
                    document_id,
                    self._annotators.id_of(annotator),
                    label_id,
                    start,
                    end,
                    text,
                    json.dumps(ann.attributes, ensure_ascii=False),
                    ann.created,
                    ann.modified,
                ),
            )
            self._statuses.touch(document_id, annotator)
        return ann

    def update(
        self,
        annotation_id: str,
        *,
        label: str | None = None,
        start: int | None = None,
        end: int | None = None,
        attributes: dict[str, Any] | None = None,
    ) -> Annotation:
        """Change a span's label, edges or attributes; returns the new version."""
        old = self.annotation(annotation_id)
        s = old.start if start is None else start
        e = old.end if end is None else end
        text = self._span_text(old.document_id, s, e)
        new_label = old.label if label is None else label
        label_id = self._schema.label_id(new_label)
        attrs = old.attributes if attributes is None else dict(attributes)
        stamp = now()
        with self._write():
            updated = self._engine.execute(
                'UPDATE annotations SET label_id = ?, start = ?, "end" = ?, text = ?, '
                "attributes = ?, modified = ? WHERE id = ?",
                (label_id, s, e, text, json.dumps(attrs, ensure_ascii=False), stamp, annotation_id),
            )
            if updated.rowcount == 0:  # deleted since it was read, by someone else
                raise GoneError(_gone(old))
        return Annotation(
            old.id, old.document_id, old.annotator, new_label, s, e, text, attrs, old.created, stamp
        )

    def delete(self, annotation_id: str) -> tuple[Annotation, list[Relation]]:
        """Delete a span and the relations that touch it; returns both, for undo."""
        ann = self.annotation(annotation_id)
        rels = self.relations_of(annotation_id)
        with self._write():
            self._engine.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return ann, rels

    def restore(self, ann: Annotation, relations: Iterable[Relation] = ()) -> None:
        """Put back a deleted span (same id) and its relations."""
        with self._write():
            self.add(
                ann.document_id,
                ann.annotator,
                ann.label,
                ann.start,
                ann.end,
                ann.attributes,
                ann.id,
                ann.created,
            )
            for r in relations:
                self.add_relation(r.from_id, r.to_id, r.type, relation_id=r.id)

    def _span_text(self, document_id: int, start: int, end: int) -> str:
        row = self._engine.execute(
            "SELECT length, substr(text, ?, ?) FROM documents WHERE id = ?",
            (start + 1, end - start, document_id),
        ).fetchone()
        if row is None:
            raise UserError(f"no document with id {document_id}")
        if not (0 <= start < end <= row[0]):
            raise UserError(f"span {start}-{end} is outside the document (length {row[0]})")
        return str(row[1])

    # ----- relations -----------------------------------------------------------------

    def add_relation(
        self, from_id: str, to_id: str, type: str, relation_id: str | None = None
    ) -> Relation:
        a, b = self.annotation(from_id), self.annotation(to_id)
        if a.document_id != b.document_id or a.annotator != b.annotator:
            raise UserError("a relation links two spans of one annotator in one document")
        if a.id == b.id:
            raise UserError("a span cannot be related to itself")
        if self._schema.schema().relation_type(type) is None:
            raise UserError(f"unknown relation type {type!r}")
        rel = Relation(relation_id or new_id(), from_id, to_id, type)
        with self._write():
            added = self._engine.execute(
                _INSERT_RELATION, (rel.id, from_id, to_id, type, now())
            ).rowcount
        if not added:
            raise UserError(f"these spans are already linked by {type!r}")
        return rel

    def delete_relation(self, relation_id: str) -> Relation:
        row = self._engine.execute(
            "SELECT id, from_id, to_id, type FROM relations WHERE id = ?", (relation_id,)
        ).fetchone()
        if row is None:
            raise UserError(f"no relation with id {relation_id!r}")
        with self._write():
            self._engine.execute("DELETE FROM relations WHERE id = ?", (relation_id,))
        return Relation(*row)

    def relations(
        self, document_id: int | None = None, annotator: str | None = None
    ) -> list[Relation]:
        where, args = _document_annotator_filter(document_id, annotator)
        sql = (
            "SELECT r.id, r.from_id, r.to_id, r.type FROM relations r "
            "JOIN annotations a ON a.id = r.from_id JOIN annotators an ON an.id = a.annotator_id "
            + where
            + " ORDER BY r.rowid"
        )
        return [Relation(*r) for r in self._engine.execute(sql, args)]

    def relations_of(self, annotation_id: str) -> list[Relation]:
        return [
            Relation(*r)
            for r in self._engine.execute(
                "SELECT id, from_id, to_id, type FROM relations WHERE from_id = ? OR to_id = ? "
                "ORDER BY rowid",
                (annotation_id, annotation_id),
            )
        ]

    # ----- a document's spans and relations, imported at once ---------------------------

    def present_spans(self, doc_id: int) -> dict[SpanKey, str]:
        """The ids of a document's spans by (annotator, label, start, end): an import adds
        to a document already in the project only the spans it lacks."""
        return {
            (r[1], r[2], r[3], r[4]): r[0]
            for r in self._engine.execute(
                'SELECT a.id, an.name, l.name, a.start, a."end" FROM annotations a '
                "JOIN annotators an ON an.id = a.annotator_id "
                "JOIN labels l ON l.id = a.label_id WHERE a.document_id = ?",
                (doc_id,),
            )
        }

    def plan_imported(
        self,
        doc_id: int,
        doc: NewDocument,
        present: dict[SpanKey, str],
        taken_ids: set[str],
        report: AddReport,
        rows: ImportRows,
    ) -> None:
        """The rows of the spans and relations ``doc`` brings, added to ``rows``: only
        those the document lacks (``present``: its spans in the project and planned so
        far, which this adds to). Ids already taken (in the project, or by this import so
        far: ``taken_ids``, which starts as ``ids_taken`` of the whole import) get new
        ones."""
        labels = self._schema.label_ids()
        id_map: dict[str, str] = {}
        stamp = now()
        for a in doc.annotations:
            key = (a.annotator, a.label, a.start, a.end)
            if key in present:
                id_map[a.id] = present[key]
                report.skipped_annotations += 1
                continue
            new = a.id if a.id and a.id not in taken_ids else new_id()
            taken_ids.add(new)
            id_map[a.id] = new
            present[key] = new
            rows.annotations.append(
                (
                    new,
                    doc_id,
                    self._annotators.id_of(a.annotator),
                    labels[a.label],
                    a.start,
                    a.end,
                    doc.text[a.start : a.end],
                    json.dumps(a.attributes, ensure_ascii=False) if a.attributes else "{}",
                    a.created or stamp,
                    a.modified or a.created or stamp,
                )
            )
            report.annotations += 1
        for r in doc.relations:
            rel_id = r.id if r.id and r.id not in taken_ids else new_id()
            taken_ids.add(rel_id)
            rows.relations.append((rel_id, id_map[r.from_id], id_map[r.to_id], r.type, stamp))

    def insert_imported(self, rows: ImportRows) -> int:
        """An import's spans and relations, by the statements every engine takes, inside
        the caller's write; the number of relations added (those already there are not)."""
        self._engine.executemany(_INSERT, rows.annotations)
        return self._engine.executemany(_INSERT_RELATION, rows.relations)

    def ids_taken(self, docs: list[NewDocument]) -> set[str]:
        """Which of the ids that ``docs`` bring the project already holds, asked once for
        a whole import (on a server each question is a round trip)."""
        return self._existing_ids(
            "annotations", [a.id for doc in docs for a in doc.annotations]
        ) | self._existing_ids("relations", [r.id for doc in docs for r in doc.relations])

    def _existing_ids(self, table: str, ids: list[str]) -> set[str]:
        """Which of ``ids`` the table (annotations or relations) already holds."""
        rows = rows_in(self._engine, f"SELECT id FROM {table} WHERE id IN", ids)
        return {r[0] for r in rows}


def _gone(ann: Annotation) -> str:
    return (
        f"the span {ann.text!r} ({ann.label}) is no longer there: another person or program "
        "deleted it; nothing was changed"
    )


def _document_annotator_filter(
    document_id: int | None, annotator: str | None
) -> tuple[str, list[object]]:
    """A WHERE clause on annotations ``a`` and annotators ``an``, and its parameters."""
    where: list[str] = []
    args: list[object] = []
    if document_id is not None:
        where.append("a.document_id = ?")
        args.append(document_id)
    if annotator is not None:
        where.append("an.name = ?")
        args.append(annotator)
    return ("WHERE " + " AND ".join(where) + " " if where else ""), args
