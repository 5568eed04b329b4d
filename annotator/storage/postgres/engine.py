"""The engine of a project on a PostgreSQL server: the stores' SQL on psycopg.

One connection in autocommit mode: each store's write is one ``transaction()`` (nested ones
become savepoints), committed when it ends, as on a project file. What the server refuses
becomes one line naming the URL and what is not allowed; a connection lost mid-write is
"not saved" (the transaction never committed) and the next call connects again.
Other people's commits are heard through LISTEN/NOTIFY (the tables' triggers announce
every change on the channel ``annotator.<project>``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql

from annotator.core.errors import NotAProjectError, UserError
from annotator.storage.postgres import search
from annotator.storage.postgres.ddl import NOTIFY_PREFIX
from annotator.storage.postgres.dialect import to_psycopg
from annotator.storage.postgres.errors import ConnectionLost, server_error
from annotator.storage.postgres.location import ServerLocation, parse_location
from annotator.storage.postgres.server import connect, project_exists
from annotator.storage.schema_sql import SCHEMA_VERSION

Connection = psycopg.Connection[tuple[Any, ...]]


class PostgresEngine:
    def __init__(self, location: ServerLocation, conn: Connection, readonly: bool):
        self.server = location
        self.conn = conn
        self.readonly = readonly
        self._listener: Connection | None = None

    @classmethod
    def open(cls, url: str, readonly: bool = False) -> PostgresEngine:
        location = parse_location(url)
        conn = connect(location)
        try:
            _check_project(conn, location)
        except BaseException:
            conn.close()
            raise
        if readonly:
            conn.read_only = True
        return cls(location, conn, readonly)

    @property
    def location(self) -> str:
        """The URL without its password: what messages name."""
        return self.server.shown

    # ----- statements ------------------------------------------------------------------

    def execute(self, query: str, params: Sequence[Any] = ()) -> psycopg.Cursor[tuple[Any, ...]]:
        conn = self._connection()
        try:
            return conn.execute(to_psycopg(query).encode(), tuple(params))
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def executemany(self, query: str, rows: Iterable[Sequence[Any]]) -> None:
        conn = self._connection()
        try:
            with conn.cursor() as cursor:
                cursor.executemany(to_psycopg(query).encode(), rows)
        except psycopg.Error as exc:
            raise self._error(exc) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; nested ones are savepoints of the outer one."""
        if self.readonly:
            raise UserError("is open read-only; nothing can be changed", self.location)
        conn = self._connection()
        try:
            with conn.transaction():
                yield
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def _connection(self) -> Connection:
        """The connection, made again when the last one was lost outside a transaction."""
        if self.conn.closed or self.conn.broken:
            self.conn = connect(self.server)
            if self.readonly:
                self.conn.read_only = True
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
        if self._listener is None or self._listener.closed or self._listener.broken:
            self._listener = connect(self.server)
            channel = sql.Identifier(NOTIFY_PREFIX + self.server.project)
            self._listener.execute(sql.SQL("LISTEN {}").format(channel))
            return False
        mine = self.conn.info.backend_pid if not self.conn.closed else None
        try:
            return any(n.pid != mine for n in self._listener.notifies(timeout=0))
        except psycopg.OperationalError:
            self._listener.close()
            return True  # cannot tell: reading again is the safe answer

    def close(self) -> None:
        self.conn.close()
        if self._listener is not None:
            self._listener.close()

    # ----- full-text index -------------------------------------------------------------

    def index_documents(self, documents: Iterable[tuple[int, str, str]]) -> None:
        """Add (id, name, text) to the search index, inside the caller's transaction."""
        self.executemany(search.INSERT.replace("%s", "?"), search.index_rows(documents))


def _check_project(conn: Connection, location: ServerLocation) -> None:
    if not project_exists(conn, location.project):
        raise NotAProjectError(
            f"no project {location.project!r} on this server (make it with "
            "`annotator server init`, or check ?project=)",
            location.shown,
        )
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise NotAProjectError(
            f"was made by a newer version of annotator (schema {version}, this version "
            f"reads up to {SCHEMA_VERSION}); upgrade annotator to open it",
            location.shown,
        )
