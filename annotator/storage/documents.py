"""Documents (their texts never change once stored), finding them by their words, and
adding many at once with what they bring."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import UserError
from annotator.core.model import AddReport, Document, DocumentInfo, NewDocument, text_sha256
from annotator.core.textsearch import Snippet, parse_query, snippet
from annotator.storage.annotations import AnnotationStore
from annotator.storage.cells import json_cell, rows_in, typed_cell
from annotator.storage.engine import Engine, Write
from annotator.storage.import_rows import DOCUMENT_COLUMNS, Held, ImportRows, insert_sql
from annotator.storage.stamps import now
from annotator.storage.statuses import StatusStore

_COLUMNS = "SELECT id, name, text, sha256, source, meta FROM documents"


@dataclass(frozen=True)
class SearchHit:
    """A document that a search found, with a passage showing where."""

    document: DocumentInfo
    snippet: Snippet


class DocumentStore:
    """Reached as ``project.document_store``."""

    def __init__(
        self, engine: Engine, write: Write, annotations: AnnotationStore, statuses: StatusStore
    ) -> None:
        self._engine = engine
        self._write = write
        self._annotations = annotations
        self._statuses = statuses

    def documents(self) -> list[DocumentInfo]:
        return [
            DocumentInfo(*r)
            for r in self._engine.execute(
                "SELECT id, name, length, sha256, source FROM documents ORDER BY id"
            )
        ]

    def documents_in(self, ids: Collection[int]) -> list[DocumentInfo]:
        """Those of the documents ``ids`` that the project holds, in project order."""
        rows = rows_in(
            self._engine,
            "SELECT id, name, length, sha256, source FROM documents WHERE id IN",
            list(ids),
        )
        return sorted((DocumentInfo(*r) for r in rows), key=lambda d: d.id)

    def count(self) -> int:
        return int(self._engine.execute("SELECT count(*) FROM documents").fetchone()[0])

    def document(self, key: int | str) -> Document:
        """A document by id or by name."""
        column = "id" if isinstance(key, int) else "name"
        row = self._engine.execute(f"{_COLUMNS} WHERE {column} = ?", (key,)).fetchone()
        if row is None:
            raise UserError(f"no document named {key!r} in the project", self._engine.location)
        return self._document(row)

    def _document(self, row: tuple[Any, ...]) -> Document:
        where, what = self._engine.location, f"document {row[1]!r}"
        meta = json_cell(row[5], what, where, dict)
        return Document(row[0], row[1], typed_cell(row[2], str, what, where), row[3], row[4], meta)

    def by_sha(self, sha256: str) -> DocumentInfo | None:
        row = self._engine.execute(
            "SELECT id, name, length, sha256, source FROM documents WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        return DocumentInfo(*row) if row else None

    def iter_documents(self) -> Iterator[Document]:
        """Every document with its text, in project order, streamed."""
        for row in self._engine.execute(f"{_COLUMNS} ORDER BY id"):
            yield self._document(row)

    def search(self, query: str, limit: int | None = 100) -> list[SearchHit]:
        """Documents whose name or text holds every word and phrase of ``query``, however
        their Arabic is written (core/textsearch.py), best first, each with a snippet."""
        parsed = parse_query(query)
        if not parsed:
            return []
        ids = self._engine.search(parsed, limit)
        found = {
            r[0]: r
            for r in rows_in(
                self._engine,
                "SELECT id, name, length, sha256, source, text FROM documents WHERE id IN",
                ids,
            )
        }
        where = self._engine.location
        return [
            SearchHit(
                DocumentInfo(*found[i][:5]),
                snippet(typed_cell(found[i][5], str, f"document {found[i][1]!r}", where), parsed),
            )
            for i in ids
        ]

    def add(self, docs: Iterable[NewDocument]) -> AddReport:
        """Add documents with their annotations, all in one transaction.

        A text already in the project is a duplicate: it is not added again, but its
        annotations that the project lacks are added to the existing document.
        """
        report = AddReport()
        docs = list(docs)
        shas = [text_sha256(doc.text) for doc in docs]
        rows = ImportRows()
        with self._write(bulk=True):
            names = {r[0] for r in self._engine.execute("SELECT name FROM documents")}
            # What the project already holds of these, asked once for all of them rather
            # than once a document (on a server each question is a round trip).
            known = {
                r[3]: DocumentInfo(*r)
                for r in rows_in(
                    self._engine,
                    "SELECT id, name, length, sha256, source FROM documents WHERE sha256 IN",
                    list(set(shas)),
                )
            }
            taken_ids = self._annotations.ids_taken(docs)
            new_ids = iter(self._engine.new_document_ids(len(set(shas) - set(known))))
            # What each document holds, in the project and planned so far: the rows are
            # worked out first and written at the end (each engine its fastest way).
            held: dict[int, Held] = {}
            for doc, sha in zip(docs, shas, strict=True):
                existing = known.get(sha)
                if existing is not None:
                    report.duplicates.append((doc.name, existing.name))
                    doc_id = existing.id
                else:
                    name = _unique_name(doc.name, names)
                    names.add(name)
                    doc_id = next(new_ids)
                    meta = json.dumps(doc.meta, ensure_ascii=False)
                    rows.documents.append(
                        (doc_id, name, doc.text, len(doc.text), sha, doc.source, meta, now())
                    )
                    known[sha] = DocumentInfo(doc_id, name, len(doc.text), sha, doc.source)
                    held[doc_id] = Held(spans={}, links=set(), statuses={})
                    report.added.append(name)
                    rows.index.append((doc_id, name, doc.text))
                self._annotations.plan_imported(
                    doc_id, doc, held.setdefault(doc_id, Held()), taken_ids, report, rows
                )
                self._statuses.plan(rows, doc_id, held[doc_id], doc.status)
            report.relations = self._insert(rows)
        return report

    def _insert(self, rows: ImportRows) -> int:
        """An import's rows, the engine's own way when it has one for this person, else by
        the statements every engine takes; the number of relations added."""
        added = self._engine.bulk_insert(rows)
        if added is None:
            self._engine.executemany(insert_sql("documents", DOCUMENT_COLUMNS), rows.documents)
            added = self._annotations.insert_imported(rows)
            self._statuses.put_rows(rows.status_rows())
        # After the rows, at once: cheaper than a row at a time (benchmarks/RESULTS.md,
        # "What the search index costs").
        self._engine.index_documents(rows.index)
        return added


def _unique_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"
