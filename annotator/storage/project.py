"""A project: documents, schema and annotations in one database, reached through its
engine (``storage/engine.py``; the SQLite file is ``storage/sqlite_engine.py``).

``Project`` holds the engine and the stores, one job each, as Anki's ``Collection``
holds its managers:

- ``project.schema_store``: labels and relation types (``schema_store.py``)
- ``project.settings``: settings and identity (``settings.py``)
- ``project.annotator_store``: the annotators (``annotators.py``)
- ``project.document_store``: documents, search, adding many (``documents.py``)
- ``project.annotation_store``: annotations and relations (``annotations.py``)
- ``project.status_store``: statuses and counts (``statuses.py``)
- ``project.gold``: the gold layer (``gold.py``)

The methods below are one-line delegations to the stores, kept so that the callers
(ui, formats, review, learn, ...) need not change; new code may call either.

Every write runs in its own transaction (the engine's; a second writer waits for the
lock instead of failing half-way), and is committed when the method returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from annotator.core.model import (
    AddReport,
    Annotation,
    Document,
    DocumentInfo,
    LabelKind,
    NewDocument,
    Relation,
    Status,
)
from annotator.core.schema import Schema, default_schema
from annotator.storage.annotations import AnnotationStore
from annotator.storage.annotators import AnnotatorStore
from annotator.storage.documents import DocumentStore, SearchHit
from annotator.storage.engine import Engine
from annotator.storage.gold import GoldStore
from annotator.storage.locations import creating_engine, location_path, open_engine
from annotator.storage.schema_store import SchemaStore
from annotator.storage.settings import Settings
from annotator.storage.sqlite_engine import BUSY_TIMEOUT_MS, SQLITE_HEADER
from annotator.storage.stamps import new_id, now
from annotator.storage.statuses import StatusStore

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


class Project:
    """An open project."""

    BLIND = Settings.BLIND
    SHOWN_BESIDE = Settings.SHOWN_BESIDE

    def __init__(self, engine: Engine):
        self.engine = engine
        # What messages name (a URL is no file path, but reads as one in a message).
        self.path = location_path(engine.location)
        self.closed = False
        write = self.write
        self.schema_store = SchemaStore(engine, write)
        self.settings = Settings(engine, write)
        self.annotator_store = AnnotatorStore(engine)
        self.status_store = StatusStore(engine, write, self.annotator_store)
        self.annotation_store = AnnotationStore(
            engine, write, self.schema_store, self.annotator_store, self.status_store
        )
        self.document_store = DocumentStore(engine, write, self.annotation_store, self.status_store)

    # ----- opening -------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, schema: Schema | None = None) -> Project:
        """A new project at ``path``, a file or a server's URL (storage/locations.py)."""
        with creating_engine(path) as engine:
            cls(engine).schema_store.write_schema(schema or default_schema())
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

    @property
    def login(self) -> str | None:
        """Who the server knows this person as (None for a file): on a server one can
        annotate only under that name."""
        return self.engine.login

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

    @contextmanager
    def write(self, bulk: bool = False) -> Iterator[None]:
        """One transaction; nested calls become savepoints of the outer one. ``bulk``:
        it adds many rows at once, an import (see ``Engine.transaction``)."""
        try:
            with self.engine.transaction(bulk):
                yield
        except BaseException:
            if not self.engine.in_transaction:  # rolled back: the cached ids may be gone
                self.schema_store.forget()
                self.annotator_store.forget()
            raise

    # ----- delegations to the stores ----------------------------------------------------

    def identity(self) -> str:
        return self.settings.identity()

    def setting(self, key: str) -> str:
        return self.settings.get(key)

    def set_setting(self, key: str, value: str) -> None:
        self.settings.set(key, value)

    @property
    def blind(self) -> bool:
        return self.settings.blind

    def schema(self) -> Schema:
        return self.schema_store.schema()

    def set_schema(self, schema: Schema) -> None:
        self.schema_store.set_schema(schema)

    def add_labels(self, names: Iterable[str], kind: LabelKind = LabelKind.ENTITY) -> list[str]:
        return self.schema_store.add_labels(names, kind)

    def add_relation_types(self, names: Iterable[str]) -> list[str]:
        return self.schema_store.add_relation_types(names)

    def rename_label(self, old: str, new: str) -> None:
        self.schema_store.rename_label(old, new)

    def label_ids(self) -> dict[str, int]:
        return self.schema_store.label_ids()

    def annotators(self) -> list[str]:
        return self.annotator_store.names()

    def documents(self) -> list[DocumentInfo]:
        return self.document_store.documents()

    def document_count(self) -> int:
        return self.document_store.count()

    def document(self, key: int | str) -> Document:
        return self.document_store.document(key)

    def document_by_sha(self, sha256: str) -> DocumentInfo | None:
        return self.document_store.by_sha(sha256)

    def iter_documents(self) -> Iterator[Document]:
        return self.document_store.iter_documents()

    def search(self, query: str, limit: int | None = 100) -> list[SearchHit]:
        return self.document_store.search(query, limit)

    def add_documents(self, docs: Iterable[NewDocument]) -> AddReport:
        return self.document_store.add(docs)

    def annotations(
        self, document_id: int | None = None, annotator: str | None = None
    ) -> list[Annotation]:
        return self.annotation_store.annotations(document_id, annotator)

    def iter_annotations(
        self, annotators: Iterable[str] = (), labels: Iterable[str] = ()
    ) -> Iterator[Annotation]:
        return self.annotation_store.iter_annotations(annotators, labels)

    def annotations_in(
        self, document_id: int, annotator: str, start: int, end: int
    ) -> list[Annotation]:
        return self.annotation_store.annotations_in(document_id, annotator, start, end)

    def annotation(self, annotation_id: str) -> Annotation:
        return self.annotation_store.annotation(annotation_id)

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
        return self.annotation_store.add(
            document_id, annotator, label, start, end, attributes, annotation_id, created
        )

    def update_annotation(
        self,
        annotation_id: str,
        *,
        label: str | None = None,
        start: int | None = None,
        end: int | None = None,
        attributes: dict[str, Any] | None = None,
    ) -> Annotation:
        return self.annotation_store.update(
            annotation_id, label=label, start=start, end=end, attributes=attributes
        )

    def delete_annotation(self, annotation_id: str) -> tuple[Annotation, list[Relation]]:
        return self.annotation_store.delete(annotation_id)

    def restore_annotation(self, ann: Annotation, relations: Iterable[Relation] = ()) -> None:
        self.annotation_store.restore(ann, relations)

    def add_relation(
        self, from_id: str, to_id: str, type: str, relation_id: str | None = None
    ) -> Relation:
        return self.annotation_store.add_relation(from_id, to_id, type, relation_id)

    def delete_relation(self, relation_id: str) -> Relation:
        return self.annotation_store.delete_relation(relation_id)

    def relations(
        self, document_id: int | None = None, annotator: str | None = None
    ) -> list[Relation]:
        return self.annotation_store.relations(document_id, annotator)

    def relations_of(self, annotation_id: str) -> list[Relation]:
        return self.annotation_store.relations_of(annotation_id)

    def status(self, document_id: int, annotator: str) -> Status:
        return self.status_store.status(document_id, annotator)

    def statuses(self, document_id: int) -> dict[str, Status]:
        return self.status_store.statuses(document_id)

    def statuses_of(self, annotator: str) -> dict[int, Status]:
        return self.status_store.statuses_of(annotator)

    def set_status(self, document_id: int, annotator: str, status: Status) -> None:
        self.status_store.set_status(document_id, annotator, status)

    def annotation_counts(self) -> dict[int, dict[str, int]]:
        return self.status_store.annotation_counts()
