"""How far each annotator has got with each document, and how many spans each has made."""

from __future__ import annotations

from annotator.core.model import Status
from annotator.storage.annotators import AnnotatorStore
from annotator.storage.engine import Engine, Write
from annotator.storage.import_rows import (
    STATUS_COLUMNS,
    STATUS_REPLACES,
    ImportRows,
    insert_sql,
)
from annotator.storage.stamps import now

_PUT = insert_sql("document_status", STATUS_COLUMNS) + STATUS_REPLACES


class StatusStore:
    """Reached as ``project.status_store``."""

    def __init__(self, engine: Engine, write: Write, annotators: AnnotatorStore) -> None:
        self._engine = engine
        self._write = write
        self._annotators = annotators

    def status(self, document_id: int, annotator: str) -> Status:
        row = self._engine.execute(
            "SELECT s.status FROM document_status s JOIN annotators an "
            "ON an.id = s.annotator_id WHERE s.document_id = ? AND an.name = ?",
            (document_id, annotator),
        ).fetchone()
        return Status(row[0]) if row else Status.NOT_STARTED

    def statuses(self, document_id: int) -> dict[str, Status]:
        """{annotator: status} of one document, by name."""
        return {
            r[0]: Status(r[1])
            for r in self._engine.execute(
                "SELECT an.name, s.status FROM document_status s JOIN annotators an "
                "ON an.id = s.annotator_id WHERE s.document_id = ? ORDER BY an.name",
                (document_id,),
            )
        }

    def statuses_of(self, annotator: str) -> dict[int, Status]:
        """{document id: status} of one annotator, for the documents they have touched;
        one query for the whole documents list."""
        return {
            r[0]: Status(r[1])
            for r in self._engine.execute(
                "SELECT s.document_id, s.status FROM document_status s JOIN annotators an "
                "ON an.id = s.annotator_id WHERE an.name = ?",
                (annotator,),
            )
        }

    def set_status(self, document_id: int, annotator: str, status: Status) -> None:
        with self._write():
            self.put(document_id, annotator, status)

    def put(self, document_id: int, annotator: str, status: Status) -> None:
        """Set a status inside the caller's write."""
        self._engine.execute(
            _PUT, (document_id, self._annotators.id_of(annotator), Status(status).value, now())
        )

    def plan(self, rows: ImportRows, document_id: int, annotator: str, status: Status) -> None:
        """A status an import brings, written with the import's other rows."""
        key = (document_id, self._annotators.id_of(annotator))
        rows.statuses[key] = (Status(status).value, now())

    def put_rows(self, rows: list[tuple[int, int, str, str]]) -> None:
        """Set many statuses (document id, annotator id, status, modified) inside the
        caller's write."""
        self._engine.executemany(_PUT, rows)

    def touch(self, document_id: int, annotator: str) -> None:
        """The first span an annotator makes in a document puts it in progress: one
        statement, not a read then a write (on a server each waits for an answer)."""
        self._engine.execute(
            "INSERT INTO document_status (document_id, annotator_id, status, modified) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator_id) "
            "DO UPDATE SET status = excluded.status, modified = excluded.modified "
            "WHERE document_status.status = ?",
            (
                document_id,
                self._annotators.id_of(annotator),
                Status.IN_PROGRESS.value,
                now(),
                Status.NOT_STARTED.value,
            ),
        )

    def annotation_counts(self) -> dict[int, dict[str, int]]:
        """{document id: {annotator: number of spans}}."""
        out: dict[int, dict[str, int]] = {}
        for doc_id, name, n in self._engine.execute(
            "SELECT a.document_id, an.name, count(*) FROM annotations a "
            "JOIN annotators an ON an.id = a.annotator_id GROUP BY a.document_id, an.name"
        ):
            out.setdefault(doc_id, {})[name] = n
        return out
