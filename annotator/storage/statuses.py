"""How far each annotator has got with each document, and how many spans each has made."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from annotator.core.model import Status
from annotator.storage.annotators import AnnotatorStore
from annotator.storage.cells import rows_in
from annotator.storage.engine import Engine, Write
from annotator.storage.import_rows import (
    STATUS_COLUMNS,
    STATUS_REPLACES,
    Held,
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

    def progress_of(
        self, annotator: str, documents: Collection[int]
    ) -> dict[int, tuple[int, Status]]:
        """{document id: (number of spans, status)} of one annotator in ``documents``:
        a few rows of the documents list, without reading the whole project's."""
        ids = list(documents)
        spans = Counter(
            r[0]
            for r in rows_in(
                self._engine,
                "SELECT a.document_id FROM annotations a JOIN annotators an "
                "ON an.id = a.annotator_id WHERE an.name = ? AND a.document_id IN",
                ids,
                (annotator,),
            )
        )
        statuses = {
            r[0]: Status(r[1])
            for r in rows_in(
                self._engine,
                "SELECT s.document_id, s.status FROM document_status s JOIN annotators an "
                "ON an.id = s.annotator_id WHERE an.name = ? AND s.document_id IN",
                ids,
                (annotator,),
            )
        }
        return {i: (spans[i], statuses.get(i, Status.NOT_STARTED)) for i in ids}

    def set_status(self, document_id: int, annotator: str, status: Status) -> None:
        with self._write():
            self.put(document_id, annotator, status)

    def put(self, document_id: int, annotator: str, status: Status) -> None:
        """Set a status inside the caller's write."""
        self._engine.execute(
            _PUT, (document_id, self._annotators.id_of(annotator), Status(status).value, now())
        )

    def plan(
        self, rows: ImportRows, document_id: int, held: Held, given: dict[str, Status]
    ) -> None:
        """The statuses an import gives a document, written with the import's other rows:
        those it does not have already (``held``, read when not yet read): on a server a
        colleague's would be refused, even unchanged."""
        if not given:
            return
        if held.statuses is None:
            held.statuses = self.statuses(document_id)
        for annotator, status in given.items():
            if held.statuses.get(annotator) != status:
                held.statuses[annotator] = Status(status)
                key = (document_id, self._annotators.id_of(annotator))
                rows.statuses[key] = (Status(status).value, now())

    def put_rows(self, rows: list[tuple[int, int, str, str]]) -> None:
        """Set many statuses (document id, annotator id, status, modified) inside the
        caller's write."""
        self._engine.executemany(_PUT, rows)

    def touch(self, annotation_id: str) -> None:
        """A new span puts its document in progress for its annotator, if not started:
        one statement, inside the caller's write, that reads the span just written (on a
        server the write goes out in one round trip); no span, no change."""
        self._engine.execute(
            "INSERT INTO document_status (document_id, annotator_id, status, modified) "
            "SELECT document_id, annotator_id, ?, ? FROM annotations WHERE id = ? "
            "ON CONFLICT (document_id, annotator_id) "
            "DO UPDATE SET status = excluded.status, modified = excluded.modified "
            "WHERE document_status.status = ?",
            (Status.IN_PROGRESS.value, now(), annotation_id, Status.NOT_STARTED.value),
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
