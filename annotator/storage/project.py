"""A project: documents, schema and annotations in one database, reached through its
engine (``storage/engine.py``; the SQLite file is ``storage/sqlite_engine.py``).

Every write runs in its own transaction (the engine's; a second writer waits for the
lock instead of failing half-way), and is committed when the method returns.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from annotator.core.errors import GoneError, UserError
from annotator.core.model import (
    AddReport,
    Annotation,
    AttributeSpec,
    Document,
    DocumentInfo,
    Label,
    LabelKind,
    NewDocument,
    Relation,
    RelationType,
    Status,
    annotation_from_values,
    text_sha256,
)
from annotator.core.schema import PALETTE, Schema, default_schema, name_problem_of
from annotator.core.textsearch import Snippet, parse_query, snippet
from annotator.storage.engine import Engine
from annotator.storage.gold import GoldStore
from annotator.storage.locations import creating_engine, location_path, open_engine
from annotator.storage.sqlite_engine import BUSY_TIMEOUT_MS, SQLITE_HEADER
from annotator.storage.stamps import new_id, now

__all__ = [
    "BUSY_TIMEOUT_MS",
    "PROJECT_SUFFIX",
    "SQLITE_HEADER",
    "Project",
    "SearchHit",
    "new_id",
    "now",
]

PROJECT_SUFFIX = ".annotator"


@dataclass(frozen=True)
class SearchHit:
    """A document that a search found, with a passage showing where."""

    document: DocumentInfo
    snippet: Snippet


class Project:
    """An open project."""

    def __init__(self, engine: Engine):
        self.engine = engine
        # What messages name (a URL is no file path, but reads as one in a message).
        self.path = location_path(engine.location)
        self._label_ids: dict[str, int] | None = None
        self._annotator_ids: dict[str, int] = {}
        self.closed = False

    # ----- opening -------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, schema: Schema | None = None) -> Project:
        """A new project at ``path``, a file or a server's URL (storage/locations.py)."""
        with creating_engine(path) as engine:
            cls(engine)._write_schema(schema or default_schema())
        return cls.open(path)

    @classmethod
    def open(
        cls, path: str | Path, *, readonly: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
    ) -> Project:
        """Open a project, a file or a server's URL; a writer of a file waits up to
        ``busy_timeout_ms`` for another's lock."""
        return cls(open_engine(path, readonly=readonly, busy_timeout_ms=busy_timeout_ms))

    @property
    def readonly(self) -> bool:
        return self.engine.readonly

    def identity(self) -> str:
        """The project's own random id (a copy of the file shares it; a new project never)."""
        row = self.engine.execute("SELECT value FROM meta WHERE key = 'project_id'").fetchone()
        return str(row[0])

    def changed_elsewhere(self) -> bool:
        """Whether another connection (another window, the command line) has committed
        since the last call: cheap enough to ask whenever the window regains focus."""
        return self.engine.changed_elsewhere()

    def tables_changed(self) -> frozenset[str] | None:
        """The tables others changed, of the changes ``changed_elsewhere`` reported; None
        when that cannot be told (see ``Engine.tables_changed``)."""
        return self.engine.tables_changed()

    def change_socket(self) -> int | None:
        """What a window watches to hear others' commits as they happen (a server's
        announcements); None for a file (see ``Engine.change_socket``)."""
        return self.engine.change_socket()

    def backup(self, destination: str | Path, shown_as: Path | None = None) -> None:
        """A consistent copy of the project, taken while it stays open. Errors name
        ``shown_as`` (the copy's final place, when ``destination`` is a temporary file)."""
        self.engine.backup(Path(destination), shown_as)

    def close(self) -> None:
        self.engine.close()
        self.closed = True

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @cached_property
    def gold(self) -> GoldStore:
        """The gold layer: its spans' provenance, the rejected versions, curation status."""
        return GoldStore(self)

    def _rows(self, sql: str) -> Iterator[dict[str, Any]]:
        cursor = self.engine.execute(sql)
        names = [d[0] for d in cursor.description]
        return (dict(zip(names, row, strict=True)) for row in cursor)

    # ----- transactions --------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[None]:
        """One transaction; nested calls become savepoints of the outer one."""
        try:
            with self.engine.transaction():
                yield
        except BaseException:
            if not self.engine.in_transaction:  # rolled back: the cached ids may be gone
                self._label_ids = None
                self._annotator_ids.clear()
            raise

    # ----- schema --------------------------------------------------------------------

    def schema(self) -> Schema:
        labels = tuple(
            Label(
                name=r["name"],
                kind=LabelKind(r["kind"]),
                color=r["color"],
                shortcut=r["shortcut"],
                description=r["description"],
                attributes=tuple(
                    AttributeSpec.from_json(a)
                    for a in _json_cell(r["attributes"], f"label {r['name']!r}", self.path)
                ),
            )
            for r in self._rows("SELECT * FROM labels ORDER BY position, id")
        )
        relation_types = tuple(
            RelationType(
                name=r["name"],
                from_kinds=tuple(
                    LabelKind(k)
                    for k in _json_cell(r["from_kinds"], f"relation type {r['name']!r}", self.path)
                ),
                to_kinds=tuple(
                    LabelKind(k)
                    for k in _json_cell(r["to_kinds"], f"relation type {r['name']!r}", self.path)
                ),
                description=r["description"],
            )
            for r in self._rows("SELECT * FROM relation_types ORDER BY rowid")
        )
        return Schema(labels, relation_types)

    def set_schema(self, schema: Schema) -> None:
        """Replace the schema. Labels still in use may not disappear."""
        problem = name_problem_of(schema)
        if problem:
            raise UserError(problem)
        keep = {lb.name for lb in schema.labels}
        in_use = [
            r["name"]
            for r in self._rows(
                "SELECT DISTINCT l.name FROM labels l JOIN annotations a ON a.label_id = l.id"
            )
            if r["name"] not in keep
        ]
        if in_use:
            raise UserError(
                "the new schema drops labels that annotations use: " + ", ".join(sorted(in_use))
            )
        with self.write():
            self._write_schema(schema)

    def _write_schema(self, schema: Schema) -> None:
        existing = [r[0] for r in self.engine.execute("SELECT name FROM labels").fetchall()]
        self.engine.executemany(
            "INSERT INTO labels (name, kind, color, shortcut, description, attributes, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
            "color = excluded.color, shortcut = excluded.shortcut, "
            "description = excluded.description, attributes = excluded.attributes, "
            "position = excluded.position",
            [
                (
                    lb.name,
                    lb.kind.value,
                    lb.color,
                    lb.shortcut,
                    lb.description,
                    json.dumps([a.to_json() for a in lb.attributes], ensure_ascii=False),
                    position,
                )
                for position, lb in enumerate(schema.labels)
            ],
        )
        gone = [(n,) for n in existing if schema.label(n) is None]
        self.engine.executemany("DELETE FROM labels WHERE name = ?", gone)
        used_types = {r[0] for r in self.engine.execute("SELECT DISTINCT type FROM relations")}
        keep_types = used_types | {rt.name for rt in schema.relation_types}
        for (name,) in self.engine.execute("SELECT name FROM relation_types").fetchall():
            if name not in keep_types:
                self.engine.execute("DELETE FROM relation_types WHERE name = ?", (name,))
        self.engine.executemany(
            "INSERT INTO relation_types (name, from_kinds, to_kinds, description) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
            "from_kinds = excluded.from_kinds, to_kinds = excluded.to_kinds, "
            "description = excluded.description",
            [
                (
                    rt.name,
                    json.dumps([k.value for k in rt.from_kinds]),
                    json.dumps([k.value for k in rt.to_kinds]),
                    rt.description,
                )
                for rt in schema.relation_types
            ],
        )
        self._label_ids = None

    def add_labels(self, names: Iterable[str], kind: LabelKind = LabelKind.ENTITY) -> list[str]:
        """Add labels that the schema lacks (entity by default); returns those added."""
        schema = self.schema()
        new = [n for n in dict.fromkeys(names) if schema.label(n) is None]
        if new:
            n0 = len(schema.labels)
            extra = tuple(
                Label(name, kind, PALETTE[(n0 + i) % len(PALETTE)]) for i, name in enumerate(new)
            )
            with self.write():
                self._write_schema(Schema(schema.labels + extra, schema.relation_types))
        return new

    def add_relation_types(self, names: Iterable[str]) -> list[str]:
        schema = self.schema()
        new = [n for n in dict.fromkeys(names) if schema.relation_type(n) is None]
        if new:
            extra = tuple(RelationType(n, (), ()) for n in new)
            with self.write():
                self._write_schema(Schema(schema.labels, schema.relation_types + extra))
        return new

    def label_ids(self) -> dict[str, int]:
        if self._label_ids is None:
            self._label_ids = {
                r[1]: r[0] for r in self.engine.execute("SELECT id, name FROM labels")
            }
        return self._label_ids

    # ----- annotators ----------------------------------------------------------------

    def annotators(self) -> list[str]:
        return [r[0] for r in self.engine.execute("SELECT name FROM annotators ORDER BY name")]

    def _annotator_id(self, name: str) -> int:
        """The annotator's id, adding them on first use (inside the caller's write)."""
        if name in self._annotator_ids:
            return self._annotator_ids[name]
        if not name or name != name.strip():
            raise UserError(f"invalid annotator name {name!r}")
        row = self.engine.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        if row is None:
            cur = self.engine.execute(
                "INSERT INTO annotators (name) VALUES (?) RETURNING id", (name,)
            )
            annotator_id = int(cur.fetchone()[0])
        else:
            annotator_id = int(row[0])
        self._annotator_ids[name] = annotator_id
        return annotator_id

    # ----- project settings ------------------------------------------------------------

    # Blind annotation: annotators do not see each other's work (nor gold) while they
    # annotate; review still compares everyone.
    BLIND = "blind_annotation"
    # Whose spans the window shows beside a newcomer's own until they choose (the demo
    # shows an annotator's work at once).
    SHOWN_BESIDE = "shown_beside"

    def setting(self, key: str) -> str:
        row = self.engine.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""

    def set_setting(self, key: str, value: str) -> None:
        with self.write():
            self.engine.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def blind(self) -> bool:
        return self.setting(self.BLIND) == "1"

    # ----- documents -----------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        return [
            DocumentInfo(*r)
            for r in self.engine.execute(
                "SELECT id, name, length, sha256, source FROM documents ORDER BY id"
            )
        ]

    def document_count(self) -> int:
        return int(self.engine.execute("SELECT count(*) FROM documents").fetchone()[0])

    def document(self, key: int | str) -> Document:
        """A document by id or by name."""
        column = "id" if isinstance(key, int) else "name"
        row = self.engine.execute(
            f"SELECT id, name, text, sha256, source, meta FROM documents WHERE {column} = ?",
            (key,),
        ).fetchone()
        if row is None:
            raise UserError(f"no document named {key!r} in the project", self.path)
        return self._document(row)

    def _document(self, row: tuple[Any, ...]) -> Document:
        meta = _json_cell(row[5], f"document {row[1]!r}", self.path)
        return Document(row[0], row[1], row[2], row[3], row[4], meta)

    def document_by_sha(self, sha256: str) -> DocumentInfo | None:
        row = self.engine.execute(
            "SELECT id, name, length, sha256, source FROM documents WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        return DocumentInfo(*row) if row else None

    def search(self, query: str, limit: int | None = 100) -> list[SearchHit]:
        """Documents whose name or text holds every word and phrase of ``query``, however
        their Arabic is written (core/textsearch.py), best first, each with a snippet."""
        parsed = parse_query(query)
        if not parsed:
            return []
        ids = self.engine.search(parsed, limit)
        found = {
            r[0]: r
            for r in self._in(
                "SELECT id, name, length, sha256, source, text FROM documents WHERE id IN", ids
            )
        }
        return [SearchHit(DocumentInfo(*found[i][:5]), snippet(found[i][5], parsed)) for i in ids]

    def add_documents(self, docs: Iterable[NewDocument]) -> AddReport:
        """Add documents with their annotations, all in one transaction.

        A text already in the project is a duplicate: it is not added again, but its
        annotations that the project lacks are added to the existing document.
        """
        report = AddReport()
        indexed: list[tuple[int, str, str]] = []
        docs = list(docs)
        shas = [text_sha256(doc.text) for doc in docs]
        with self.write():
            names = {r[0] for r in self.engine.execute("SELECT name FROM documents")}
            # What the project already holds of these, asked once for all of them rather
            # than once a document (on a server each question is a round trip).
            known = {
                r[3]: DocumentInfo(*r)
                for r in self._in(
                    "SELECT id, name, length, sha256, source FROM documents WHERE sha256 IN",
                    list(set(shas)),
                )
            }
            taken_ids = self._existing_ids(
                "annotations", [a.id for doc in docs for a in doc.annotations]
            ) | self._existing_ids("relations", [r.id for doc in docs for r in doc.relations])
            for doc, sha in zip(docs, shas, strict=True):
                existing = known.get(sha)
                if existing is not None:
                    report.duplicates.append((doc.name, existing.name))
                    doc_id = existing.id
                else:
                    name = _unique_name(doc.name, names)
                    names.add(name)
                    cur = self.engine.execute(
                        "INSERT INTO documents (name, text, length, sha256, source, meta, "
                        "created) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        (
                            name,
                            doc.text,
                            len(doc.text),
                            sha,
                            doc.source,
                            json.dumps(doc.meta, ensure_ascii=False),
                            now(),
                        ),
                    )
                    doc_id = int(cur.fetchone()[0])
                    known[sha] = DocumentInfo(doc_id, name, len(doc.text), sha, doc.source)
                    report.added.append(name)
                    indexed.append((doc_id, name, doc.text))
                self._add_annotations(doc_id, doc, existing is not None, taken_ids, report)
                for annotator, status in doc.status.items():
                    self._set_status(doc_id, annotator, status)
            # After the rows, in one statement: cheaper than a row at a time
            # (benchmarks/RESULTS.md, "What the search index costs").
            self.engine.index_documents(indexed)
        return report

    def _add_annotations(
        self,
        doc_id: int,
        doc: NewDocument,
        duplicate: bool,
        taken_ids: set[str],
        report: AddReport,
    ) -> None:
        labels = self.label_ids()
        present: dict[tuple[str, str, int, int], str] = {}
        if duplicate:
            present = {
                (r[1], r[2], r[3], r[4]): r[0]
                for r in self.engine.execute(
                    'SELECT a.id, an.name, l.name, a.start, a."end" FROM annotations a '
                    "JOIN annotators an ON an.id = a.annotator_id "
                    "JOIN labels l ON l.id = a.label_id WHERE a.document_id = ?",
                    (doc_id,),
                )
            }
        id_map: dict[str, str] = {}
        rows = []
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
            rows.append(
                (
                    new,
                    doc_id,
                    self._annotator_id(a.annotator),
                    labels[a.label],
                    a.start,
                    a.end,
                    doc.text[a.start : a.end],
                    json.dumps(a.attributes, ensure_ascii=False) if a.attributes else "{}",
                    a.created or stamp,
                    a.modified or a.created or stamp,
                )
            )
        self.engine.executemany(
            'INSERT INTO annotations (id, document_id, annotator_id, label_id, start, "end", '
            "text, attributes, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        report.annotations += len(rows)
        rel_rows = []
        for r in doc.relations:
            rel_id = r.id if r.id and r.id not in taken_ids else new_id()
            taken_ids.add(rel_id)
            rel_rows.append((rel_id, id_map[r.from_id], id_map[r.to_id], r.type, stamp))
        report.relations += self.engine.executemany(
            "INSERT INTO relations (id, from_id, to_id, type, created) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            rel_rows,
        )

    def _existing_ids(self, table: str, ids: list[str]) -> set[str]:
        """Which of ``ids`` the table (annotations or relations) already holds."""
        rows = self._in(f"SELECT id FROM {table} WHERE id IN", ids)
        return {r[0] for r in rows}

    def _in(self, sql: str, values: list[Any]) -> Iterator[Any]:
        """The rows of ``sql`` (which ends in ``IN``) for every one of ``values``, asked in
        chunks well under SQLite's limit of bound parameters."""
        chunk = 500
        for i in range(0, len(values), chunk):
            part = values[i : i + chunk]
            placeholders = ",".join("?" * len(part))
            yield from self.engine.execute(sql + f" ({placeholders})", part)

    # ----- annotations ---------------------------------------------------------------

    _ANNOTATION_SELECT = (
        'SELECT a.id, a.document_id, an.name, l.name, a.start, a."end", a.text, a.attributes, '
        "a.created, a.modified FROM annotations a "
        "JOIN annotators an ON an.id = a.annotator_id JOIN labels l ON l.id = a.label_id "
    )

    def _annotation(self, row: tuple[Any, ...]) -> Annotation:
        # Most spans have no attributes: skip the JSON parser for them (exports are hot).
        attributes = (
            {} if row[7] == "{}" else _json_cell(row[7], f"annotation {row[0]!r}", self.path)
        )
        return annotation_from_values((*row[:7], attributes, row[8], row[9]))

    def annotations(
        self, document_id: int | None = None, annotator: str | None = None
    ) -> list[Annotation]:
        """Annotations in reading order, optionally of one document and/or one annotator."""
        where, args = _document_annotator_filter(document_id, annotator)
        sql = (
            self._ANNOTATION_SELECT + where + ' ORDER BY a.document_id, a.start, a."end" DESC, a.id'
        )
        return [self._annotation(r) for r in self.engine.execute(sql, args)]

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
        sql = self._ANNOTATION_SELECT
        if where:
            sql += "WHERE " + " AND ".join(where)
        sql += ' ORDER BY a.document_id, a.start, a."end" DESC, a.id'
        return map(self._annotation, self.engine.execute(sql, args))

    def iter_documents(self) -> Iterator[Document]:
        """Every document with its text, in project order, streamed."""
        for row in self.engine.execute(
            "SELECT id, name, text, sha256, source, meta FROM documents ORDER BY id"
        ):
            yield self._document(row)

    def annotation(self, annotation_id: str) -> Annotation:
        row = self.engine.execute(
            self._ANNOTATION_SELECT + "WHERE a.id = ?", (annotation_id,)
        ).fetchone()
        if row is None:
            raise GoneError(
                f"no annotation with id {annotation_id!r} (another person or program may "
                "have deleted it)"
            )
        return self._annotation(row)

    def add_annotation(
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
        label_id = self._label_id(label)
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
        with self.write():
            self.engine.execute(
                'INSERT INTO annotations (id, document_id, annotator_id, label_id, start, "end", '
                "text, attributes, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    ann.id,
                    document_id,
                    self._annotator_id(annotator),
                    label_id,
                    start,
                    end,
                    text,
                    json.dumps(ann.attributes, ensure_ascii=False),
                    ann.created,
                    ann.modified,
                ),
            )
            self._touch_status(document_id, annotator)
        return ann

    def update_annotation(
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
        label_id = self._label_id(new_label)
        attrs = old.attributes if attributes is None else dict(attributes)
        stamp = now()
        with self.write():
            updated = self.engine.execute(
                'UPDATE annotations SET label_id = ?, start = ?, "end" = ?, text = ?, '
                "attributes = ?, modified = ? WHERE id = ?",
                (
                    label_id,
                    s,
                    e,
                    text,
                    json.dumps(attrs, ensure_ascii=False),
                    stamp,
                    annotation_id,
                ),
            )
            if updated.rowcount == 0:  # deleted since it was read, by someone else
                raise GoneError(_gone(old))
        return Annotation(
            old.id,
            old.document_id,
            old.annotator,
            new_label,
            s,
            e,
            text,
            attrs,
            old.created,
            stamp,
        )

    def delete_annotation(self, annotation_id: str) -> tuple[Annotation, list[Relation]]:
        """Delete a span and the relations that touch it; returns both, for undo."""
        ann = self.annotation(annotation_id)
        rels = self.relations_of(annotation_id)
        with self.write():
            self.engine.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return ann, rels

    def restore_annotation(self, ann: Annotation, relations: Iterable[Relation] = ()) -> None:
        """Put back a deleted span (same id) and its relations."""
        with self.write():
            self.add_annotation(
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
        row = self.engine.execute(
            "SELECT length, substr(text, ?, ?) FROM documents WHERE id = ?",
            (start + 1, end - start, document_id),
        ).fetchone()
        if row is None:
            raise UserError(f"no document with id {document_id}")
        if not (0 <= start < end <= row[0]):
            raise UserError(f"span {start}-{end} is outside the document (length {row[0]})")
        return str(row[1])

    def _label_id(self, label: str) -> int:
        try:
            return self.label_ids()[label]
        except KeyError:
            raise UserError(f"unknown label {label!r}") from None

    # ----- relations -----------------------------------------------------------------

    def add_relation(
        self, from_id: str, to_id: str, type: str, relation_id: str | None = None
    ) -> Relation:
        a, b = self.annotation(from_id), self.annotation(to_id)
        if a.document_id != b.document_id or a.annotator != b.annotator:
            raise UserError("a relation links two spans of one annotator in one document")
        if a.id == b.id:
            raise UserError("a span cannot be related to itself")
        if self.schema().relation_type(type) is None:
            raise UserError(f"unknown relation type {type!r}")
        rel = Relation(relation_id or new_id(), from_id, to_id, type)
        with self.write():
            added = self.engine.execute(
                "INSERT INTO relations (id, from_id, to_id, type, created) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (rel.id, from_id, to_id, type, now()),
            ).rowcount
        if not added:
            raise UserError(f"these spans are already linked by {type!r}")
        return rel

    def delete_relation(self, relation_id: str) -> Relation:
        row = self.engine.execute(
            "SELECT id, from_id, to_id, type FROM relations WHERE id = ?", (relation_id,)
        ).fetchone()
        if row is None:
            raise UserError(f"no relation with id {relation_id!r}")
        with self.write():
            self.engine.execute("DELETE FROM relations WHERE id = ?", (relation_id,))
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
        return [Relation(*r) for r in self.engine.execute(sql, args)]

    def relations_of(self, annotation_id: str) -> list[Relation]:
        return [
            Relation(*r)
            for r in self.engine.execute(
                "SELECT id, from_id, to_id, type FROM relations WHERE from_id = ? OR to_id = ? "
                "ORDER BY rowid",
                (annotation_id, annotation_id),
            )
        ]

    # ----- status --------------------------------------------------------------------

    def status(self, document_id: int, annotator: str) -> Status:
        row = self.engine.execute(
            "SELECT s.status FROM document_status s JOIN annotators an "
            "ON an.id = s.annotator_id WHERE s.document_id = ? AND an.name = ?",
            (document_id, annotator),
        ).fetchone()
        return Status(row[0]) if row else Status.NOT_STARTED

    def statuses(self, document_id: int) -> dict[str, Status]:
        return {
            r[0]: Status(r[1])
            for r in self.engine.execute(
                "SELECT an.name, s.status FROM document_status s JOIN annotators an "
                "ON an.id = s.annotator_id WHERE s.document_id = ? ORDER BY an.name",
                (document_id,),
            )
        }

    def set_status(self, document_id: int, annotator: str, status: Status) -> None:
        with self.write():
            self._set_status(document_id, annotator, status)

    def _set_status(self, document_id: int, annotator: str, status: Status) -> None:
        self.engine.execute(
            "INSERT INTO document_status (document_id, annotator_id, status, modified) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator_id) "
            "DO UPDATE SET status = excluded.status, modified = excluded.modified",
            (document_id, self._annotator_id(annotator), Status(status).value, now()),
        )

    def _touch_status(self, document_id: int, annotator: str) -> None:
        """The first span an annotator makes in a document puts it in progress: one
        statement, not a read then a write (on a server each waits for an answer)."""
        self.engine.execute(
            "INSERT INTO document_status (document_id, annotator_id, status, modified) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator_id) "
            "DO UPDATE SET status = excluded.status, modified = excluded.modified "
            "WHERE document_status.status = ?",
            (
                document_id,
                self._annotator_id(annotator),
                Status.IN_PROGRESS.value,
                now(),
                Status.NOT_STARTED.value,
            ),
        )

    # ----- counts --------------------------------------------------------------------

    def annotation_counts(self) -> dict[int, dict[str, int]]:
        """{document id: {annotator: number of spans}}."""
        out: dict[int, dict[str, int]] = {}
        for doc_id, name, n in self.engine.execute(
            "SELECT a.document_id, an.name, count(*) FROM annotations a "
            "JOIN annotators an ON an.id = a.annotator_id GROUP BY a.document_id, an.name"
        ):
            out.setdefault(doc_id, {})[name] = n
        return out

    # ----- added for the annotation window (annotator/ui) ------------------------------

    def rename_label(self, old: str, new: str) -> None:
        """Rename a label; its annotations follow, since they refer to it by id."""
        if not new or new != new.strip():
            raise UserError(f"invalid label name {new!r}")
        if old == new:
            return
        labels = self.label_ids()
        if old not in labels:
            raise UserError(f"unknown label {old!r}")
        if new in labels:
            raise UserError(f"there is already a label named {new!r}")
        with self.write():
            self.engine.execute("UPDATE labels SET name = ? WHERE name = ?", (new, old))
        self._label_ids = None

    def annotations_in(
        self, document_id: int, annotator: str, start: int, end: int
    ) -> list[Annotation]:
        """One annotator's spans that overlap [start, end) of a document, in reading
        order: what the window needs to paint its first screen of a long document."""
        sql = self._ANNOTATION_SELECT + (
            'WHERE a.document_id = ? AND an.name = ? AND a.start < ? AND a."end" > ? '
            'ORDER BY a.start, a."end" DESC, a.id'
        )
        rows = self.engine.execute(sql, (document_id, annotator, end, start))
        return [self._annotation(r) for r in rows]

    def statuses_of(self, annotator: str) -> dict[int, Status]:
        """{document id: status} of one annotator, for the documents they have touched;
        one query for the whole documents list."""
        return {
            r[0]: Status(r[1])
            for r in self.engine.execute(
                "SELECT s.document_id, s.status FROM document_status s JOIN annotators an "
                "ON an.id = s.annotator_id WHERE an.name = ?",
                (annotator,),
            )
        }


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


def _unique_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def _json_cell(cell: Any, what: str, path: Path) -> Any:
    """A JSON cell as the program wrote it; anything else (another program's edit) is a
    damaged project, said in one line instead of a parser's traceback."""
    try:
        return json.loads(cell)
    except (TypeError, ValueError, RecursionError):
        raise UserError(
            f"{what}: a cell holds {str(cell)[:40]!r}, which is not valid JSON; "
            "was the file changed by another program?",
            path,
        ) from None


def _gone(ann: Annotation) -> str:
    return (
        f"the span {ann.text!r} ({ann.label}) is no longer there: another person or program "
        "deleted it; nothing was changed"
    )
