"""Annotations (spans) and the relations between them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TypedDict, Unpack

from annotator.core.errors import GoneError, UserError
from annotator.core.model import (
    AddReport,
    Annotation,
    NewDocument,
    Relation,
    annotation_from_values,
)
from annotator.storage.annotators import AnnotatorStore
from annotator.storage.cells import json_cell, rows_in, typed_cell
from annotator.storage.engine import Engine, Write
from annotator.storage.import_rows import (
    ANNOTATION_COLUMNS,
    RELATION_COLUMNS,
    Held,
    ImportRows,
    SpanKey,
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
# A written span's row as _SELECT reads it, for RETURNING (which sees only its own table).
_RETURNED = (
    "id, document_id, (SELECT name FROM annotators WHERE id = annotator_id), "
    '(SELECT name FROM labels WHERE id = label_id), start, "end", text, attributes, '
    "created, modified"
)
# A span's new label, edges and attributes, each kept when None; its text cut again from
# its document. No row changes when the span is gone or the new edges do not fit.
_NEW_START = "coalesce(:start, start)"
_NEW_END = 'coalesce(:end, "end")'
_UPDATE = (
    f"UPDATE annotations SET label_id = coalesce(:label_id, label_id), start = {_NEW_START}, "
    f'"end" = {_NEW_END}, text = (SELECT substr(d.text, {_NEW_START} + 1, '
    f"{_NEW_END} - {_NEW_START}) FROM documents d WHERE d.id = annotations.document_id), "
    "attributes = coalesce(:attributes, attributes), modified = :modified "
    f"WHERE id = :id AND 0 <= {_NEW_START} AND {_NEW_START} < {_NEW_END} AND {_NEW_END} <= "
    "(SELECT length FROM documents d WHERE d.id = annotations.document_id) "
    "RETURNING " + _RETURNED
)
_RELATIONS_OF = (
    "SELECT id, from_id, to_id, type FROM relations WHERE from_id = ? OR to_id = ? ORDER BY rowid"
)


class SpanChange(TypedDict, total=False):
    """What a change of a span may name (the store's and the project's, written once)."""

    label: str | None
    start: int | None
    end: int | None
    attributes: dict[str, Any] | None


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
        where = self._engine.location
        if type(row[4]) is not int or type(row[5]) is not int or type(row[6]) is not str:
            what = f"annotation {row[0]!r}"
            typed_cell(row[4], int, what, where)
            typed_cell(row[5], int, what, where)
            typed_cell(row[6], str, what, where)
        # Most spans have no attributes: skip the JSON parser for them (exports are hot).
        attributes = (
            {} if row[7] == "{}" else json_cell(row[7], f"annotation {row[0]!r}", where, dict)
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
            raise _gone(annotation_id)
        return self._annotation(row)

    # ----- one edit, one transaction ---------------------------------------------------
    # Each edit is one write whose statements check what they need themselves (the span's
    # text from its document, the span still there): on a server the write's statements go
    # out together and their answers come back at the commit, one round trip per edit.

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
        if not 0 <= start < end:
            self._check_span(document_id, start, end)
        try:
            label_id = self._schema.label_id(label)
        except UserError:
            self._check_span(document_id, start, end)  # the document's problem first
            raise
        stamp = now()
        ann_id = annotation_id or new_id()
        attrs = dict(attributes or {})
        with self._write():
            # The text is the document's own, cut by the server; no row when the document
            # is missing or too short.
            inserted = self._engine.execute(
                'INSERT INTO annotations (id, document_id, annotator_id, label_id, start, "end", '
                "text, attributes, created, modified) "
                "SELECT ?, id, ?, ?, ?, ?, substr(text, ?, ?), ?, ?, ? FROM documents "
                "WHERE id = ? AND ? <= length RETURNING text",
                (
                    ann_id,
                    self._annotators.id_of(annotator),
                    label_id,
                    start,
                    end,
                    start + 1,
                    end - start,
                    json.dumps(attrs, ensure_ascii=False),
                    created or stamp,
                    stamp,
                    document_id,
                    end,
                ),
            )
            self._statuses.touch(ann_id)
        row = inserted.fetchone()
        if row is None:
            self._check_span(document_id, start, end)
            raise UserError(
                f"span {start}-{end} was not added to document {document_id}: the project "
                "changed meanwhile; try again"
            )
        return Annotation(
            ann_id,
            document_id,
            annotator,
            label,
            start,
            end,
            str(row[0]),
            attrs,
            created or stamp,
            stamp,
        )

    def change(
        self, annotation_id: str, **changes: Unpack[SpanChange]
    ) -> tuple[Annotation, Annotation]:
        """Change a span's label, edges or attributes (one not given, or None, is left as
        it is, also if a colleague changed it meanwhile); returns the version before (for
        undo) and after. A span gone is a GoneError, new edges outside its document a
        UserError."""
        label, attributes = changes.get("label"), changes.get("attributes")
        start, end = changes.get("start"), changes.get("end")
        label_id = None if label is None else self._schema.label_id(label)
        attrs = None if attributes is None else json.dumps(attributes, ensure_ascii=False)
        with self._write():
            before = self._engine.execute(_SELECT + "WHERE a.id = ?", (annotation_id,))
            after = self._engine.execute(
                _UPDATE,
                {
                    "id": annotation_id,
                    "label_id": label_id,
                    "start": start,
                    "end": end,
                    "attributes": attrs,
                    "modified": now(),
                },
            )
        old, new = before.fetchone(), after.fetchone()
        if old is None:
            raise _gone(annotation_id)
        was = self._annotation(old)
        if new is None:
            self._check_span(
                was.document_id,
                was.start if start is None else start,
                was.end if end is None else end,
            )
            # It fitted: then it went between the read and the write.
            raise GoneError(
                f"the span {was.text!r} ({was.label}) is no longer there: another person or "
                "program deleted it; nothing was changed"
            )
        return was, self._annotation(new)

    def delete(self, annotation_id: str) -> tuple[Annotation, list[Relation]]:
        """Delete a span and the relations that touch it; returns both, for undo."""
        with self._write():
            relations = self._engine.execute(_RELATIONS_OF, (annotation_id, annotation_id))
            deleted = self._engine.execute(
                "DELETE FROM annotations WHERE id = ? RETURNING " + _RETURNED, (annotation_id,)
            )
        row = deleted.fetchone()
        if row is None:
            raise _gone(annotation_id)
        return self._annotation(row), [Relation(*r) for r in relations]

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

    def _check_span(self, document_id: int, start: int, end: int) -> None:
        """Refuse a span that its document cannot hold (asked when a write did not take
        it, to say why)."""
        row = self._engine.execute(
            "SELECT length FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise UserError(f"no document with id {document_id}")
        if not (0 <= start < end <= row[0]):
            raise UserError(f"span {start}-{end} is outside the document (length {row[0]})")

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
                "INSERT INTO relations (id, from_id, to_id, type, created) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (rel.id, from_id, to_id, type, now()),
            ).rowcount
        if not added:
            raise UserError(f"these spans are already linked by {type!r}")
        return rel

    def delete_relation(self, relation_id: str) -> Relation:
        with self._write():
            deleted = self._engine.execute(
                "DELETE FROM relations WHERE id = ? RETURNING id, from_id, to_id, type",
                (relation_id,),
            )
        row = deleted.fetchone()
        if row is None:
            raise UserError(f"no relation with id {relation_id!r}")
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
        rows = self._engine.execute(_RELATIONS_OF, (annotation_id, annotation_id))
        return [Relation(*r) for r in rows]

    # ----- a document's spans and relations, imported at once ---------------------------

    def plan_imported(
        self,
        doc_id: int,
        doc: NewDocument,
        held: Held,
        taken_ids: set[str],
        report: AddReport,
        rows: ImportRows,
    ) -> None:
        """The rows of the spans and relations ``doc`` brings, added to ``rows``: only
        those the document lacks (``held``, which this reads when not yet read and adds
        to). Ids already taken (in the project, or by this import so far: ``taken_ids``,
        which starts as ``ids_taken`` of the whole import) get new ones."""
        labels = self._schema.label_ids()
        if doc.annotations and held.spans is None:
            held.spans = self._present_spans(doc_id)
        present = held.spans if held.spans is not None else {}
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
        if not doc.relations:
            return
        # Relations already there are left out here, not by the INSERT's ON CONFLICT: on a
        # server a colleague's would be refused by its row check even so.
        if held.links is None:
            held.links = self._links(doc_id)
        planned = []
        for r in doc.relations:
            link = (id_map[r.from_id], id_map[r.to_id], r.type)
            if link in held.links:
                continue
            rel_id = r.id if r.id and r.id not in taken_ids else new_id()
            taken_ids.add(rel_id)
            rows.relations.append((rel_id, *link, stamp))
            planned.append(link)
        held.links.update(planned)

    def insert_imported(self, rows: ImportRows) -> int:
        """An import's spans and relations, by the statements every engine takes, inside
        the caller's write; the number of relations added (one twice in the import is
        added once)."""
        self._engine.executemany(insert_sql("annotations", ANNOTATION_COLUMNS), rows.annotations)
        return self._engine.executemany(
            insert_sql("relations", RELATION_COLUMNS) + " ON CONFLICT DO NOTHING", rows.relations
        )

    def _present_spans(self, doc_id: int) -> dict[SpanKey, str]:
        return {
            (r[1], r[2], r[3], r[4]): r[0]
            for r in self._engine.execute(
                'SELECT a.id, an.name, l.name, a.start, a."end" FROM annotations a '
                "JOIN annotators an ON an.id = a.annotator_id "
                "JOIN labels l ON l.id = a.label_id WHERE a.document_id = ?",
                (doc_id,),
            )
        }

    def _links(self, doc_id: int) -> set[tuple[str, str, str]]:
        return {
            (r[0], r[1], r[2])
            for r in self._engine.execute(
                "SELECT r.from_id, r.to_id, r.type FROM relations r "
                "JOIN annotations a ON a.id = r.from_id WHERE a.document_id = ?",
                (doc_id,),
            )
        }

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


def _gone(annotation_id: str) -> GoneError:
    return GoneError(
        f"no annotation with id {annotation_id!r} (another person or program may have deleted it)"
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
