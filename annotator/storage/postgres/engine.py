"""The engine of a project on a PostgreSQL server (the ``Engine`` protocol of
``storage/engine.py``): the stores' portable SQL on psycopg.

One connection in autocommit mode: each store's write is one ``transaction()`` (nested ones
become savepoints), committed when it ends, as on a project file. What the server refuses
becomes one line naming the URL (without its password) and what is not allowed; a
connection lost mid-write is "not saved" (the transaction never committed), and the next
statement connects again. Other people's commits are heard through LISTEN/NOTIFY: the
tables' triggers announce every change on the channel ``annotator.<project>``.
"""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.pq import TransactionStatus

from annotator.core.errors import NotAProjectError, UserError
from annotator.core.textsearch import Query
from annotator.storage.engine import Params, Rows
from annotator.storage.import_rows import ImportRows
from annotator.storage.postgres import search, staging
from annotator.storage.postgres.ddl import NOTIFY_PREFIX
from annotator.storage.postgres.dialect import to_psycopg
from annotator.storage.postgres.errors import ConnectionLost, server_error
from annotator.storage.postgres.location import ServerLocation, parse_location
from annotator.storage.postgres.pipelined import Answer, Batch, pipelined_transaction
from annotator.storage.postgres.server import (
    Connection,
    connect,
    make_project,
    project_exists,
    roles_of,
)
from annotator.storage.schema_sql import SCHEMA_VERSION


class PostgresEngine:
    dialect = "postgresql"

    def __init__(self, server: ServerLocation, conn: Connection, readonly: bool):
        self.server = server
        self.conn = conn
        self.readonly = readonly
        self._listener: Connection | None = None
        # The statements of the write under way, sent without waiting (pipelined.py);
        # None outside writes, and in the one that makes the project (its refusals are
        # told as they come).
        self._batch: Batch | None = None
        self.pipelined = True
        self._tables: set[str] | None = set()  # heard changed, for tables_changed
        # A project dropped unclosed (even in a reference cycle) closes its connections, as
        # a file's SQLite connection is, instead of psycopg warning about them.
        self._opened = [conn]
        weakref.finalize(self, _close_all, self._opened)
        if readonly:
            _read_only(conn)

    @property
    def location(self) -> str:
        """The URL without its password: what messages name."""
        return self.server.shown

    @property
    def login(self) -> str | None:
        return str(self.conn.info.user)

    # ----- making and opening ------------------------------------------------------------

    @classmethod
    def open(cls, url: str, *, readonly: bool = False) -> PostgresEngine:
        server = parse_location(url)
        conn = connect(server)
        try:
            _check_project(conn, server)
        except BaseException:
            conn.close()
            raise
        return cls(server, conn, readonly)

    @classmethod
    @contextmanager
    def creating(cls, url: str) -> Iterator[PostgresEngine]:
        """A new project on the server: its schema, tables, group roles and rights, in one
        transaction that the block completes (it writes the labels); a project of that
        name in that database already is an error, and nothing is changed."""
        server = parse_location(url)
        conn = connect(server)
        engine = cls(server, conn, readonly=False)
        engine.pipelined = False
        try:
            if project_exists(conn, server.project):
                raise UserError(
                    f"project {server.project!r} already exists on this server; open it, "
                    "or choose another name",
                    server.shown,
                )
            roles = roles_of(server, conn)
            with engine.transaction():
                try:
                    make_project(conn, roles)
                except psycopg.errors.InsufficientPrivilege:
                    raise UserError(
                        f"{roles.owner} may not make a project here: that needs a superuser, "
                        "or a role with CREATEROLE that may create schemas in the database",
                        server.shown,
                    ) from None
                yield engine
        finally:
            engine.close()

    # ----- statements ------------------------------------------------------------------

    def execute(self, query: str, params: Params = (), /) -> Rows:
        conn = self._connection()
        made = _MADE_ON_FIRST_USE.match(query)
        if made and self.has_table(made.group(1)):
            # A table a file makes on first use is on a server from the start, and only
            # its owner may create tables there (an annotator asking would be refused).
            query, params = "SELECT 1 WHERE false", ()
        try:
            cursor = conn.execute(to_psycopg(query).encode(), _bound(params))
        except psycopg.Error as exc:
            raise self._error(exc) from None
        if self._batch is None:
            return cursor
        self._batch.unread = True
        return Answer(cursor, self._batch)

    def executemany(self, query: str, rows: Iterable[Params], /) -> int:
        conn = self._connection()
        bound = [_bound(r) for r in rows]
        if not bound:  # nothing to send, nor to wait for
            return 0
        try:
            with conn.cursor() as cursor:
                cursor.executemany(to_psycopg(query).encode(), bound, returning=False)
                if self._batch is not None:  # the count comes with the answers
                    self._batch.unread = True
                    self._batch.read()
                return cursor.rowcount
        except psycopg.Error as exc:
            raise self._error(exc) from None

    # ----- transactions ----------------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self._batch is not None or (
            not self.conn.closed
            and self.conn.info.transaction_status
            in (TransactionStatus.INTRANS, TransactionStatus.INERROR)
        )

    @contextmanager
    def transaction(self, bulk: bool = False) -> Iterator[None]:
        if self.readonly:
            raise UserError("is open read-only; nothing can be changed", self.location)
        conn = self._connection()
        try:
            # Not a bulk write: its large statements would stall the pipeline (psycopg
            # sends no more of a pipeline's statements once it waits for answers, and a
            # statement of megabytes is not sent whole by then: both sides wait).
            if self.pipelined and not bulk and not self.in_transaction:
                with pipelined_transaction(conn) as batch:
                    self._batch = batch
                    try:
                        yield
                    finally:
                        self._batch = None
            else:
                if self._batch is not None:
                    # A savepoint is psycopg's, which must see the transaction begun.
                    self._batch.read()
                with conn.transaction():
                    yield
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def _connection(self) -> Connection:
        """The connection, made again when the last one was lost outside a transaction."""
        if self.conn.closed or self.conn.broken:
            self.conn = connect(self.server)
            self._opened.append(self.conn)
            if self.readonly:
                _read_only(self.conn)
        return self.conn

    def _error(self, exc: psycopg.Error) -> UserError:
        user = self.conn.info.user if not self.conn.closed else "you"
        error = server_error(exc, self.location, user)
        if isinstance(error, ConnectionLost):
            self.conn.close()
        return error

    # ----- others' changes -------------------------------------------------------------

    def changed_elsewhere(self) -> bool:
        """Whether another connection has committed a change since the last call (the
        first call starts listening, and answers False)."""
        if self._listen():
            return False
        return self.wait_for_change(0)

    def wait_for_change(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for another connection's commit (a thread that wakes the
        window can wait here); whether one came."""
        self._listen()
        assert self._listener is not None
        mine = self.conn.info.backend_pid if not self.conn.closed else None
        try:
            # A notice is sent to the listener after the other's commit has returned, so
            # it may still be on its way: a round trip first makes the server deliver
            # what it holds (psycopg keeps what arrives meanwhile for notifies()).
            self._listener.execute("SELECT 1")
            heard = [n.payload for n in self._listener.notifies(timeout=seconds) if n.pid != mine]
        except psycopg.OperationalError:
            self._listener.close()
            self._tables = None
            return True  # cannot tell: reading again is the safe answer
        if self._tables is not None:
            self._tables.update(heard)
        return bool(heard)

    def tables_changed(self) -> frozenset[str] | None:
        """The tables that the others' commits heard since the last call changed (each
        notice names its table); None when that cannot be told."""
        tables, self._tables = self._tables, set()
        return None if tables is None else frozenset(tables)

    def change_socket(self) -> int | None:
        """The listening connection's socket (listening starts here): readable when
        another connection's commit may have been announced, or the connection broke;
        then ``changed_elsewhere`` says which."""
        self._listen()
        assert self._listener is not None
        return self._listener.fileno()

    def _listen(self) -> bool:
        """Start listening unless already; whether it started now."""
        if self._listener is not None and not self._listener.closed:
            return False
        self._listener = connect(self.server)
        self._opened.append(self._listener)
        channel = sql.Identifier(NOTIFY_PREFIX + self.server.project)
        self._listener.execute(sql.SQL("LISTEN {}").format(channel))
        return True

    def close(self) -> None:
        self.conn.close()
        if self._listener is not None:
            self._listener.close()

    # ----- the engine's own ways ---------------------------------------------------------

    def index_documents(self, documents: Iterable[tuple[int, str, str]], /) -> None:
        self.executemany(search.INSERT, search.index_rows(documents))

    def new_document_ids(self, count: int, /) -> list[int]:
        if not count:
            return []
        return [
            int(r[0])
            for r in self.execute(
                "SELECT nextval(pg_get_serial_sequence('documents', 'id')) "
                "FROM generate_series(1, ?)",
                (count,),
            )
        ]

    def bulk_insert(self, rows: ImportRows, /) -> int | None:
        """Through the functions of staging.py, for curators and the project's owner, in
        a bulk transaction; None for the others, whose rows the policies check one by
        one, and inside a pipelined one (see ``transaction``)."""
        if self._batch is not None or not self.execute(staging.MAY_STAGE).fetchone()[0]:
            return None
        return staging.write(self.execute, rows)

    def search(self, query: Query, limit: int | None, /) -> list[int]:
        if not search.has_phrases(query):
            tail = "" if limit is None else f" LIMIT {int(limit)}"
            return [r[0] for r in self.execute(search.FIND_IDS + tail, (search.tsquery(query),))]
        # The phrases' word order is checked here, so the limit too.
        found = []
        for doc_id, name, text in self.execute(search.FIND_TEXTS, (search.tsquery(query),)):
            if search.holds_phrases(name, text, query):
                found.append(int(doc_id))
                if limit is not None and len(found) >= limit:
                    break
        return found

    def backup(self, destination: Path, shown_as: Path | None = None, /) -> None:
        from annotator.storage.copying import copy_to_file

        copy_to_file(self, destination, shown_as)

    def integrity_problems(self) -> list[str]:
        """The server keeps its constraints itself; there is no file to be damaged."""
        return []

    def has_table(self, name: str, /) -> bool:
        return bool(
            self.execute(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                (self.server.project, name),
            ).fetchone()
        )


class _PipelineNoise(logging.Filter):
    """psycopg runs executemany in a pipeline and, when a statement fails there (a refused
    row), logs the pipeline's end as a warning besides raising the error, which this
    engine reports; only that log line is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("error ignored terminating")


logging.getLogger("psycopg").addFilter(_PipelineNoise())

_MADE_ON_FIRST_USE = re.compile(r"\s*CREATE TABLE IF NOT EXISTS (\w+)", re.IGNORECASE)


def _close_all(connections: list[Connection]) -> None:
    for conn in connections:
        conn.close()


def _bound(params: Params) -> Sequence[Any] | Mapping[str, Any]:
    return params if isinstance(params, Mapping) else tuple(params)


def _read_only(conn: Connection) -> None:
    conn.execute("SET default_transaction_read_only = on")


def _check_project(conn: Connection, server: ServerLocation) -> None:
    if not project_exists(conn, server.project):
        raise NotAProjectError(
            f"no project {server.project!r} on this server (make it with "
            "`annotator server init`, or check ?project=)",
            server.shown,
        )
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise NotAProjectError(
            f"was made by a newer version of annotator (schema {version}, this version "
            f"reads up to {SCHEMA_VERSION}); upgrade annotator to open it",
            server.shown,
        )
