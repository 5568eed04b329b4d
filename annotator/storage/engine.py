"""What the stores need of a database, whichever engine holds the project: the SQLite
file (``sqlite_engine.py``) or a PostgreSQL server.

The portable-SQL contract. The stores (``schema_store.py``, ``settings.py``,
``annotators.py``, ``statuses.py``, ``annotations.py``, ``documents.py``, ``gold.py``,
``stats.py``, ...) write one SQL text for every engine, so they keep to what
SQLite >= 3.35 and PostgreSQL both accept:

- Values are bound, never spliced: ``?`` placeholders with a sequence of values, or
  ``:name`` with a mapping (the PostgreSQL engine rewrites them as ``%s``/``%(name)s``).
- ``INSERT ... ON CONFLICT (columns) DO NOTHING`` / ``DO UPDATE SET c = excluded.c``
  (always with the conflict's columns), never ``INSERT OR IGNORE`` / ``OR REPLACE``.
- A new row's id by ``INSERT ... RETURNING id``, never ``lastrowid``; how many rows a
  statement changed by ``Rows.rowcount`` or ``executemany``'s result, never
  ``total_changes``.
- ``"end"`` is always quoted (a keyword in PostgreSQL); no ``PRAGMA``, no ``sqlite_master``,
  no SQLite-only functions (``randomblob``, ``json_*``) outside the SQLite engine and its
  migrations. Where a store cannot avoid them it asks ``engine.dialect``.
- Insertion order: ``relations`` and ``relation_types`` are listed ``ORDER BY rowid``
  (SQLite's implicit row number); a PostgreSQL schema gives those two tables a
  ``rowid BIGINT GENERATED ALWAYS AS IDENTITY`` column so that the same SQL holds. No
  other table is ordered so.
- Booleans are compared as such (``WHERE 1 = 1``, not ``WHERE 1``).

What differs between engines, and is therefore here rather than in SQL: transactions and
how the driver's errors reach the user (``transaction``), noticing other writers
(``changed_elsewhere``, ``tables_changed``, ``documents_changed``, ``change_socket``), the
full-text index of documents (``index_documents``, ``search``), an import's rows in bulk
(``new_document_ids``, ``bulk_insert``), copies (``backup``) and the database's own
integrity check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Literal, Protocol

from annotator.core.errors import UserError
from annotator.core.textsearch import Query
from annotator.storage.import_rows import ImportRows

# The engines, for the few queries that must differ and the tables' SQL (storage/tables.py).
Dialect = Literal["sqlite", "postgresql"]

# Bound values: positional for ``?``, by name for ``:name``.
Params = Sequence[Any] | Mapping[str, Any]


class Rows(Protocol):
    """A statement's result, as DB-API cursors give it: rows are tuples. The rows of a
    statement inside a write are those when it ran, whatever the write's next statements
    change, and may be read after the write has ended (on a server that is when the
    write's answers arrive: all its statements in one round trip)."""

    @property
    def rowcount(self) -> int:
        """Rows the statement changed (-1 for a query)."""
        ...

    @property
    def description(self) -> Any:
        """The result's columns: a sequence whose items start with the column's name."""
        ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Engine(Protocol):
    """An open project database."""

    @property
    def location(self) -> str:
        """What messages name: the file's path, or the server's URL without password."""
        ...

    @property
    def readonly(self) -> bool: ...

    @property
    def login(self) -> str | None:
        """The database user a server knows this person as (row-level security writes
        as that name only); None for a file, which has no users."""
        ...

    @property
    def curator(self) -> bool:
        """Whether this person may write anyone's work, documents and the schema (a
        server's curators, its project's maker); a file's user always may."""
        ...

    @property
    def dialect(self) -> Dialect:
        """Which engine: for the few queries that must differ."""
        ...

    def execute(self, sql: str, params: Params = (), /) -> Rows:
        """Run one statement (portable SQL, see the module's docstring)."""
        ...

    def executemany(self, sql: str, rows: Iterable[Params], /) -> int:
        """Run one statement for each of ``rows``; returns how many rows it changed."""
        ...

    def transaction(self, bulk: bool = False) -> AbstractContextManager[None]:
        """One transaction, committed when the block ends and rolled back if it raises;
        nested blocks are savepoints of the outer one. The outermost waits for other
        writers (SQLite: ``BEGIN IMMEDIATE``). Driver errors become the core's: a writer
        that held the lock too long ``ProjectBusyError``, no space ``DiskFullError``, a
        change the database refuses to this user ``NotAllowedError``; a read-only
        project refuses with ``UserError`` before anything starts. ``bulk``: the
        outermost writes many rows at once (an import), which ``bulk_insert`` may then
        write its own way."""
        ...

    @property
    def in_transaction(self) -> bool: ...

    def changed_elsewhere(self) -> bool:
        """Whether another connection has committed since the last call (false on the
        first): cheap enough to ask whenever the window regains focus."""
        ...

    def tables_changed(self) -> frozenset[str] | None:
        """Which tables the others' commits that ``changed_elsewhere`` reported changed,
        so that a window reads again only what they touched; None when the engine
        cannot tell (a file), and then anything may have changed."""
        ...

    def documents_changed(self) -> frozenset[int] | None:
        """Which documents (rows of the documents table) the others' commits that
        ``changed_elsewhere`` reported added, changed or removed, so that a list of
        thousands updates only those rows; None when the engine cannot tell."""
        ...

    def change_socket(self) -> int | None:
        """A socket that becomes readable when another connection may have committed
        (then ask ``changed_elsewhere``), for a window to watch instead of polling; None
        where the engine has none (a file: ask when the window regains focus)."""
        ...

    def reachable(self) -> None:
        """Raise ``ConnectionLostError`` unless the server answers a new connection now;
        safe from any thread, as it shares nothing with the engine's own calls (a
        window asks from a thread while the network is down). A file: nothing to do."""
        ...

    def close(self) -> None: ...

    # ----- what each engine does its own way -------------------------------------------

    def index_documents(self, documents: Iterable[tuple[int, str, str]], /) -> None:
        """Add (id, name, text) of new documents to the full-text index, inside the
        caller's transaction; the index holds ``core.textsearch.index_text`` of both."""
        ...

    def new_document_ids(self, count: int, /) -> list[int]:
        """The ids of ``count`` documents about to be added, inside the caller's
        transaction: those the engine would give them itself, in order."""
        ...

    def bulk_insert(self, rows: ImportRows, /) -> int | None:
        """Write an import's rows but the search index (``index_documents``) its own
        faster way, inside the caller's transaction, and say how many relations it added
        (one given twice is added once); None when it has no such way for this person,
        and the caller inserts them row by row."""
        ...

    def search(self, query: Query, limit: int | None, /) -> list[int]:
        """The ids of the documents matching every term of ``query``, best first."""
        ...

    def backup(self, destination: Path, shown_as: Path | None = None, /) -> None:
        """A consistent copy of the whole project into a new project file, taken while
        the project stays open; errors name ``shown_as`` (the copy's final place)."""
        ...

    def integrity_problems(self) -> list[str]:
        """What the database's own check finds wrong (empty when sound)."""
        ...

    def has_table(self, name: str, /) -> bool:
        """Whether the project holds the table (tables made on first use)."""
        ...

    def damage(self, error: BaseException, /) -> UserError | None:
        """The one line for ``error`` when it is the database finding itself damaged
        (which any read may, half-way through a command); None for any other error."""
        ...


class Write(Protocol):
    """The project's ``write()``, as the stores call it: the engine's transaction, which
    also makes the stores forget what they cached when it rolls back."""

    def __call__(self, bulk: bool = False) -> AbstractContextManager[None]: ...
