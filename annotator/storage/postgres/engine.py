"""The engine of a project on a PostgreSQL server (the ``Engine`` protocol of
``storage/engine.py``): the stores' portable SQL on psycopg.

One connection in autocommit mode: each store's write is one ``transaction()`` (nested ones
become savepoints), committed when it ends, as on a project file. What the server refuses
becomes one line naming the URL (without its password) and what is not allowed; a
connection lost mid-write is "not saved" (the transaction never committed), and the next
statement connects again. Every call talks to the server from a thread of the engine's
own while the caller waits through the installed waiter (``waiting.py``: a window keeps
painting); a server that does not answer in time has the connection cut and the call
fails as a lost connection. Other people's commits are heard through LISTEN/NOTIFY: the
tables' triggers announce every change on the channel ``annotator.<project>``.
"""

from __future__ import annotations

import logging
import re
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from contextlib import AbstractContextManager, contextmanager, suppress
from functools import cached_property, partial
from pathlib import Path
from typing import Any, TypeVar

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from psycopg.pq import TransactionStatus

from annotator.core.errors import ProjectBusyError, UserError
from annotator.core.textsearch import Query
from annotator.storage.engine import Dialect, Params, Rows
from annotator.storage.import_rows import ImportRows
from annotator.storage.postgres import search, staging, waiting
from annotator.storage.postgres.ddl import NOTIFY_PREFIX
from annotator.storage.postgres.dialect import to_psycopg
from annotator.storage.postgres.errors import ConnectionLost, server_error
from annotator.storage.postgres.location import ServerLocation, parse_location
from annotator.storage.postgres.pipelined import Answer, Batch, pipelined_transaction
from annotator.storage.postgres.server import (
    CONNECT_TIMEOUT_S,
    Connection,
    connect,
    make_project,
    project_exists,
    roles_of,
)
from annotator.storage.postgres.upgrade import check_project

T = TypeVar("T")
# A bulk statement (an import's rows, a copy's) may run this long on the server
# (SESSION_OPTIONS' statement_timeout), so its answer is waited for as long.
BULK_ANSWER_S = 330.0
# After the server could not be reached, connecting again waits this long before it is
# tried (unless a window's try found it back, ``reachable``): the reads that follow a
# failed edit fail at once instead of each waiting for the server again.
HOLD_S = 5.0


class PostgresEngine:
    dialect: Dialect = "postgresql"

    def __init__(
        self,
        server: ServerLocation,
        conn: Connection,
        readonly: bool,
        thread: waiting.CallThread | None = None,
    ):
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
        self._documents: set[int] | None = set()  # named by the notices, for documents_changed
        # A project dropped unclosed (even in a reference cycle) closes its connections, as
        # a file's SQLite connection is, instead of psycopg warning about them.
        self._opened = [conn]
        # The thread the server is talked to from (the last one; see _call).
        self._threads = [thread or waiting.CallThread()]
        self._waiting: Future[Any] | None = None  # the call being waited for
        self._transactions = 0  # transaction() blocks under way (a call waits in one)
        self._closing = False  # close() came while waiting
        # The server processes of connections cut while they did not answer: ended when
        # the server is reached again, so that a write they hold never commits late.
        self._abandoned: list[int] = []
        # Why the server could not be reached, and until when not to try (HOLD_S).
        self._away: tuple[float, str] | None = None
        self._connect_s = _connect_seconds(server)
        weakref.finalize(self, _close_all, self._opened, self._threads)

    @property
    def location(self) -> str:
        """The URL without its password: what messages name."""
        return self.server.shown

    @property
    def login(self) -> str | None:
        return str(self.conn.info.user)

    @cached_property
    def curator(self) -> bool:
        # Curators, and the project's maker, are those who may add documents.
        row = self.execute("SELECT has_table_privilege('documents', 'INSERT')").fetchone()
        return bool(row and row[0])

    # ----- making and opening ------------------------------------------------------------

    @classmethod
    def open(cls, url: str, *, readonly: bool = False) -> PostgresEngine:
        server = parse_location(url)
        # Connected and checked from the thread the engine talks to the server from: a
        # server that does not answer holds no window (File › Open) for longer than the
        # bounds.
        thread = waiting.CallThread()
        future = thread.submit(lambda: _opened(server, readonly))
        seconds = _connect_seconds(server) + server.answer_timeout
        waiting.wait(future, seconds)
        if not future.done():
            thread.stop()
            future.add_done_callback(_close_late)
            raise ConnectionLost(
                f"the server did not answer within {seconds:g} seconds", server.shown
            )
        try:
            conn = future.result()
        except BaseException:
            thread.stop()
            raise
        return cls(server, conn, readonly, thread)

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
        made = _MADE_ON_FIRST_USE.match(query)
        if made and self.has_table(made.group(1)):
            # A table a file makes on first use is on a server from the start, and only
            # its owner may create tables there (an annotator asking would be refused).
            query, params = "SELECT 1 WHERE false", ()
        sent, values = to_psycopg(query).encode(), _bound(params)
        try:
            cursor = self._call(lambda: self._connection_here().execute(sent, values))
        except psycopg.Error as exc:
            raise self._error(exc) from None
        if self._batch is None:
            return cursor
        self._batch.unread = True
        return Answer(cursor, self._batch)

    def executemany(self, query: str, rows: Iterable[Params], /) -> int:
        bound = [_bound(r) for r in rows]
        if not bound:  # nothing to send, nor to wait for
            return 0
        sent = to_psycopg(query).encode()

        def send() -> int:
            with self._connection_here().cursor() as cursor:
                cursor.executemany(sent, bound, returning=False)
                if self._batch is not None:  # the count comes with the answers
                    self._batch.unread = True
                    self._batch.read()
                return cursor.rowcount

        try:
            return self._call(send, max(BULK_ANSWER_S, self.server.answer_timeout))
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
        self._transactions += 1
        try:
            # Not a bulk write: its large statements would stall the pipeline (psycopg
            # sends no more of a pipeline's statements once it waits for answers, and a
            # statement of megabytes is not sent whole by then: both sides wait).
            if self.pipelined and not bulk and not self.in_transaction:
                begin = lambda: pipelined_transaction(self._connection_here())  # noqa: E731
                with self._there(begin) as batch:
                    batch.run = self._call
                    self._batch = batch
                    try:
                        yield
                    finally:
                        self._batch = None
            else:
                if self._batch is not None:
                    # A savepoint is psycopg's, which must see the transaction begun.
                    self._batch.read()
                with self._there(lambda: self._connection_here().transaction()):
                    yield
        except psycopg.Error as exc:
            raise self._error(exc) from None
        finally:
            self._transactions -= 1

    @contextmanager
    def _there(self, make: Callable[[], AbstractContextManager[T]]) -> Iterator[T]:
        """A context made, entered and left on the call thread (psycopg's transactions
        and pipelines talk to the server on both; made there too: one wait less)."""
        made: list[AbstractContextManager[T]] = []

        def enter() -> T:
            made.append(make())
            return made[0].__enter__()

        entered = self._call(enter)
        manager = made[0]
        try:
            yield entered
        except BaseException as exc:
            if not self._call(partial(manager.__exit__, type(exc), exc, exc.__traceback__)):
                raise
        else:
            self._call(partial(manager.__exit__, None, None, None))

    def _connection_here(self) -> Connection:
        """The connection, made again when the last one was lost outside a transaction
        (on the call thread)."""
        if self.conn.closed or self.conn.broken:
            self.conn = self._connect()
            if self.readonly:
                _read_only(self.conn)
        return self.conn

    def _connect(self) -> Connection:
        away = self._away
        if away is not None and time.monotonic() < away[0]:
            raise ConnectionLost(away[1], self.location)
        try:
            conn = connect(self.server)
        except ConnectionLost as exc:
            self._hold(exc.message)
            raise
        self._opened.append(conn)
        if self._abandoned:
            # What a cut connection sent may still be unread by its server process (the
            # server hung, or the network held it): that process ends before it commits
            # a change the window reported as not saved.
            pids, self._abandoned = self._abandoned, []
            with suppress(psycopg.Error):
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY(%s)"
                    " AND usename = current_user AND pid <> pg_backend_pid()",
                    (pids,),
                )
        return conn

    # ----- waiting for the server --------------------------------------------------------

    def _call(self, call: Callable[[], T], seconds: float | None = None) -> T:
        """``call()`` on the call thread, waited for through the installed waiter for at
        most ``seconds`` (the URL's answer_timeout); a server that has not answered by
        then has its connections cut (``_cut``), and the call is a lost connection."""
        thread = self._threads[-1]
        if thread.here():
            return call()
        if thread.stopped:  # closed, and used again
            thread = waiting.CallThread()
            self._threads.append(thread)
        bound = self.server.answer_timeout if seconds is None else seconds
        if self._waiting is not None:
            self._follow(self._waiting, bound)
        future: Future[T] = thread.submit(call)
        self._waiting = future
        try:
            waiting.wait(future, bound)
            if not future.done():
                self._cut(future)
                why = f"the server did not answer within {bound:g} seconds"
                self._hold(why)
                raise ConnectionLost(
                    f"{why}, so the connection was cut: the change under way is not saved",
                    self.location,
                )
        finally:
            self._waiting = None
            if self._closing:
                self._closing = False
                self.close()
        return future.result()

    def _follow(self, pending: Future[Any], seconds: float) -> None:
        """A call made while another is waited for: a window's timer or a notice of
        colleagues' work, handled while the window waits painting. The connection is the
        waiting call's until it ends, so this one follows it; but not into the middle of
        the waiting call's transaction, whose statements are not all sent yet."""
        if self._transactions == 0:
            waiting.wait(pending, seconds)
            if pending.done():
                return
        raise ProjectBusyError(
            "not done: still waiting for the server to answer the change before",
            self.location,
        )

    def _cut(self, future: Future[Any]) -> None:
        """End every connection of this engine, which ends the call waiting on one."""
        cut = [c for c in self._opened if not c.closed]
        for both_ways in (False, True):
            for conn in cut:
                with suppress(psycopg.Error):
                    if not both_ways:
                        self._abandoned.append(conn.info.backend_pid)
                    waiting.cut(conn.pgconn.socket, both_ways)
            # A connection being made ends at its own timeout.
            waiting.wait(future, self._connect_s + 1)
            if future.done():
                break
        if future.done():
            for conn in cut:
                conn.close()
        else:  # still stuck: left to its thread, and the calls go to a new one
            self._threads[-1].stop()
            self._threads.append(waiting.CallThread())

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
        return self._call(lambda: not self._listen() and self._wait_here(0))

    def wait_for_change(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for another connection's commit; whether one came."""
        return self._call(lambda: self._wait_here(seconds), self.server.answer_timeout + seconds)

    def _wait_here(self, seconds: float) -> bool:
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
            self._tables = self._documents = None
            return True  # cannot tell: reading again is the safe answer
        for payload in heard:
            self._heard(payload)
        return bool(heard)

    def _heard(self, payload: str) -> None:
        """A notice: its table, and for the documents table the documents it changed
        (ddl.notify_documents_change; none named: too many to name, or a project made
        before notices named them)."""
        table, *ids = payload.split(" ")
        if self._tables is not None:
            self._tables.add(table)
        if table == "documents" and self._documents is not None:
            if ids:
                self._documents.update(map(int, ids))
            else:
                self._documents = None

    def tables_changed(self) -> frozenset[str] | None:
        """The tables that the others' commits heard since the last call changed (each
        notice names its table); None when that cannot be told."""
        tables, self._tables = self._tables, set()
        return None if tables is None else frozenset(tables)

    def documents_changed(self) -> frozenset[int] | None:
        """The documents that the others' commits heard since the last call added,
        changed or removed; None when that cannot be told."""
        documents, self._documents = self._documents, set()
        return None if documents is None else frozenset(documents)

    def change_socket(self) -> int | None:
        """The listening connection's socket (listening starts here): readable when
        another connection's commit may have been announced, or the connection broke;
        then ``changed_elsewhere`` says which."""
        self._call(self._listen)
        assert self._listener is not None
        return self._listener.fileno()

    def reachable(self) -> None:
        connect(self.server).close()
        self._away = None  # back: the next call connects at once

    def _hold(self, why: str) -> None:
        self._away = (time.monotonic() + HOLD_S, why)

    def _listen(self) -> bool:
        """Start listening unless already; whether it started now (on the call thread)."""
        if self._listener is not None and not self._listener.closed:
            return False
        self._listener = self._connect()
        channel = sql.Identifier(NOTIFY_PREFIX + self.server.project)
        self._listener.execute(sql.SQL("LISTEN {}").format(channel))
        return True

    def close(self) -> None:
        if self._waiting is not None:
            # Closed while a call waits for a server that does not answer (its window
            # went): that call ends now, and closes.
            self._closing = True
            for conn in self._opened:
                with suppress(psycopg.Error):
                    waiting.cut(conn.pgconn.socket, True)
            return
        self._call(lambda: _close_all(self._opened, []), self._connect_s + 1)
        self._threads[-1].stop()

    # ----- the engine's own ways ---------------------------------------------------------

    def index_documents(self, documents: Iterable[tuple[int, str, str]], /) -> None:
        whole, words_only = search.index_rows(documents)
        self.executemany(search.INSERT, whole)
        self.executemany(search.INSERT_WORDS_ONLY, words_only)

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
        return staging.write(self._execute_bulk, rows)

    def _execute_bulk(self, query: str, params: Params) -> Rows:
        """A statement of many rows, waited for as long as the server may take."""
        sent, values = to_psycopg(query).encode(), _bound(params)
        try:
            return self._call(
                lambda: self._connection_here().execute(sent, values),
                max(BULK_ANSWER_S, self.server.answer_timeout),
            )
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def search(self, query: Query, limit: int | None, /) -> list[int]:
        """The documents holding the query, best first. Those the index holds only in
        part (search.PARTIAL) are found by their mark and checked on their text here, so
        the limit asked of the server is raised by as many."""
        terms = (search.tsquery(query),)
        phrases = search.has_phrases(query)
        if phrases:
            rows: Iterable[tuple[Any, ...]] = self.execute(search.FIND_TEXTS, terms)
        else:
            # In the same statement: no second round trip.
            tail = "" if limit is None else f" LIMIT {int(limit)} + ({search.PARTIAL_COUNT})"
            rows = self.execute(search.FIND_IDS + tail, terms)
        found = []
        for doc_id, indexed, *texts in rows:
            if not indexed or phrases:
                name, text = texts or self.execute(search.TEXT_OF, (doc_id,)).fetchone()
                if not search.holds(name, text, query, phrases_only=bool(indexed)):
                    continue
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

    def damage(self, error: BaseException, /) -> UserError | None:
        return None  # the server's own storage: no file of ours to be damaged

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


def _close_all(connections: list[Connection], threads: list[waiting.CallThread]) -> None:
    for conn in connections:
        conn.close()
    for thread in threads:
        thread.stop()


def _bound(params: Params) -> Sequence[Any] | Mapping[str, Any]:
    return params if isinstance(params, Mapping) else tuple(params)


def _opened(server: ServerLocation, readonly: bool) -> Connection:
    conn = connect(server)
    try:
        check_project(conn, server)
        if readonly:
            _read_only(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _close_late(future: Future[Connection]) -> None:
    """A connection made after its opening was given up: not used, closed."""
    if future.exception() is None:
        future.result().close()


def _connect_seconds(server: ServerLocation) -> float:
    return float(conninfo_to_dict(server.conninfo).get("connect_timeout") or CONNECT_TIMEOUT_S)


def _read_only(conn: Connection) -> None:
    conn.execute("SET default_transaction_read_only = on")
