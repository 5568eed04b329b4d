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

The project's methods below are the stores' own (``_Forward``), kept so that the callers
(ui, formats, review, learn, ...) need not change; new code may call either.

Every write runs in its own transaction (the engine's; a second writer waits for the
lock instead of failing half-way), and is committed when the method returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, Unpack, overload

from annotator.core.errors import UserError
from annotator.core.model import GOLD, Annotation, layer_owner, personal_layer
from annotator.core.schema import Schema, default_schema
from annotator.storage.annotations import AnnotationStore, SpanChange
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


P = ParamSpec("P")
R = TypeVar("R")


class _Forward(Generic[P, R]):
    """A method of the project that is one of its stores' (``project.add_annotation`` is
    ``project.annotation_store.add``): its signature and its work are written once, in the
    store, and a store's method replaced on one project (a test's) is the one called."""

    def __init__(self, store: str, method: Callable[Concatenate[Any, P], R]) -> None:
        self._store = store
        self._name = method.__name__
        self.__doc__ = method.__doc__

    @overload
    def __get__(self, project: None, owner: type[Project]) -> _Forward[P, R]: ...
    @overload
    def __get__(self, project: Project, owner: type[Project]) -> Callable[P, R]: ...
    def __get__(
        self, project: Project | None, owner: type[Project]
    ) -> _Forward[P, R] | Callable[P, R]:
        if project is None:
            return self
        method: Callable[P, R] = getattr(getattr(project, self._store), self._name)
        return method


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

    @property
    def curator(self) -> bool:
        """Whether this person may write everything (see ``Engine.curator``)."""
        return self.engine.curator

    def hidden_from_me(self, annotator: str) -> bool:
        """Whether the database hides ``annotator``'s work from this person: on a blind
        server project an annotator sees only their own (and their suggestions')."""
        return not self.visible_to_me([annotator])

    def visible_to_me(self, annotators: list[str]) -> list[str]:
        """Those of ``annotators`` whose work this person sees (see ``hidden_from_me``)."""
        login = self.login
        if login is None or self.curator or not self.blind:
            return annotators
        return [a for a in annotators if layer_owner(a) == login]

    def check_sees(self, layers: list[str] | tuple[str, ...]) -> None:
        """Refuse in one line what asks for ``layers`` that a blind server project hides
        from this person, rather than show them nothing."""
        hidden = [a for a in layers if a not in self.visible_to_me(list(layers))]
        if not hidden:
            return
        whose = "the gold layer" if GOLD in hidden else f"{hidden[0]}'s"
        if len(hidden) > 1 and GOLD not in hidden:
            whose = "their colleagues'"
        raise UserError(
            f"the project is blind: {self.login} sees only their own work, not {whose}",
            self.path,
        )

    def suggestions_layer(self, layer: str) -> str:
        """The name suggestions are filed under: ``layer``, or on a server for an
        annotator their own copy of it (``model:crf@alice``, core/model.py)."""
        login = self.login
        return layer if login is None or self.curator else personal_layer(layer, login)

    def changed_elsewhere(self) -> bool:
        """Whether another connection (another window, the command line) has committed
        since the last call: cheap enough to ask whenever the window regains focus."""
        return self.engine.changed_elsewhere()

    def tables_changed(self) -> frozenset[str] | None:
        """The tables others changed, of the changes ``changed_elsewhere`` reported; None
        when that cannot be told (see ``Engine.tables_changed``)."""
        return self.engine.tables_changed()

    def documents_changed(self) -> frozenset[int] | None:
        """The documents others added, changed or removed, of the changes
        ``changed_elsewhere`` reported; None when that cannot be told."""
        return self.engine.documents_changed()

    def reachable(self) -> None:
        """Raise ``ConnectionLostError`` unless the server answers now (from any thread);
        a file is always there."""
        self.engine.reachable()

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

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        self.close()
        # A damaged page is met by whichever read comes to it: a command then says so in
        # one line, as opening a damaged file does, not as a bug in annotator.
        damage = None if error is None else self.engine.damage(error)
        if damage is not None:
            raise damage from None

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

    @property
    def blind(self) -> bool:
        return self.settings.blind

    identity = _Forward("settings", Settings.identity)
    setting = _Forward("settings", Settings.get)
    set_setting = _Forward("settings", Settings.set)

    schema = _Forward("schema_store", SchemaStore.schema)
    set_schema = _Forward("schema_store", SchemaStore.set_schema)
    add_labels = _Forward("schema_store", SchemaStore.add_labels)
    add_relation_types = _Forward("schema_store", SchemaStore.add_relation_types)
    rename_label = _Forward("schema_store", SchemaStore.rename_label)
    label_ids = _Forward("schema_store", SchemaStore.label_ids)

    annotators = _Forward("annotator_store", AnnotatorStore.names)

    documents = _Forward("document_store", DocumentStore.documents)
    documents_in = _Forward("document_store", DocumentStore.documents_in)
    document_count = _Forward("document_store", DocumentStore.count)
    document = _Forward("document_store", DocumentStore.document)
    document_by_sha = _Forward("document_store", DocumentStore.by_sha)
    iter_documents = _Forward("document_store", DocumentStore.iter_documents)
    search = _Forward("document_store", DocumentStore.search)
    add_documents = _Forward("document_store", DocumentStore.add)

    annotations = _Forward("annotation_store", AnnotationStore.annotations)
    iter_annotations = _Forward("annotation_store", AnnotationStore.iter_annotations)
    annotations_in = _Forward("annotation_store", AnnotationStore.annotations_in)
    annotation = _Forward("annotation_store", AnnotationStore.annotation)
    add_annotation = _Forward("annotation_store", AnnotationStore.add)
    delete_annotation = _Forward("annotation_store", AnnotationStore.delete)
    restore_annotation = _Forward("annotation_store", AnnotationStore.restore)
    add_relation = _Forward("annotation_store", AnnotationStore.add_relation)
    delete_relation = _Forward("annotation_store", AnnotationStore.delete_relation)
    relations = _Forward("annotation_store", AnnotationStore.relations)
    relations_of = _Forward("annotation_store", AnnotationStore.relations_of)

    def update_annotation(self, annotation_id: str, **changes: Unpack[SpanChange]) -> Annotation:
        """The store's ``change``, returning the span as it is now."""
        return self.annotation_store.change(annotation_id, **changes)[1]

    status = _Forward("status_store", StatusStore.status)
    statuses = _Forward("status_store", StatusStore.statuses)
    statuses_of = _Forward("status_store", StatusStore.statuses_of)
    set_status = _Forward("status_store", StatusStore.set_status)
    progress_of = _Forward("status_store", StatusStore.progress_of)
    annotation_counts = _Forward("status_store", StatusStore.annotation_counts)
