"""The SQLite engine: a project is one file (``news.annotator``).

Opening checks that the file is ours (application id) and of a schema this version
reads, and upgrades an older one (a backup first, then every migration in one
transaction). A writable project is in write-ahead-log mode with ``synchronous = FULL``:
every commit is on disk when ``transaction`` returns. Writers take the lock at the start
(``BEGIN IMMEDIATE``), so a second writer waits up to the busy timeout instead of
failing half-way.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
import stat
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.errors import DiskFullError, NotAProjectError, ProjectBusyError, UserError
from annotator.core.output import file_identity, project_closed, project_opened, staged_path
from annotator.core.textsearch import Query
from annotator.storage.engine import Dialect, Params, Rows
from annotator.storage.import_rows import ImportRows
from annotator.storage.schema_sql import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    SEARCH_INSERT,
    SEARCH_TABLE_NAME,
    search_rows,
)
from annotator.storage.stamps import now
from annotator.storage.tables import TABLES

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_HEADER_SIZE = 100  # every SQLite file is at least its header
NOT_SQLITE = "is not an annotator project (not an SQLite file)"


class SqliteEngine:
    """An open project file (the ``Engine`` protocol of ``storage/engine.py``)."""

    dialect: Dialect = "sqlite"

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        readonly: bool,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ):
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self.busy_timeout_ms = busy_timeout_ms
        self._data_version: int | None = None
        # The write-ahead log this connection writes to, as (device, inode); see
        # _keep_log.
        self._log = None if readonly else file_identity(self._log_path)
        # Released when closed, or when dropped without being closed.
        self._release = weakref.finalize(self, project_closed, project_opened(path))

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def login(self) -> str | None:
        return None

    @property
    def curator(self) -> bool:
        return True

    # ----- making and opening a file ---------------------------------------------------

    @classmethod
    @contextmanager
    def creating(cls, path: Path) -> Iterator[SqliteEngine]:
        """A new project file at ``path``, its tables made, in a transaction that the
        block completes (it writes the schema): built beside its place and put there only
        when complete and only if nothing is there (not even a dangling link), so a failed
        or concurrent creation leaves no empty file behind, and of two at once one wins."""
        if os.path.lexists(path):
            raise UserError("already exists; choose another name or open it", path)
        with staged_path(path, replace=False) as staged:
            conn = _connect(staged, readonly=False)
            try:
                _prepare_for_writing(conn)
                engine = cls(staged, conn, readonly=False)
                with engine.transaction():
                    for migrate in MIGRATIONS:
                        migrate(engine.db)
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    conn.executemany(
                        "INSERT INTO meta (key, value) VALUES (?, ?)",
                        [("schema_version", str(SCHEMA_VERSION)), ("created", now())],
                    )
                    yield engine
            except (sqlite3.DatabaseError, DiskFullError) as exc:
                if isinstance(exc, DiskFullError) or _disk_full(exc, path):
                    raise DiskFullError("the disk is full: no project was made", path) from None
                raise UserError(f"cannot be made ({exc})", path) from None
            finally:
                conn.close()
                for log in ("-wal", "-shm", "-journal"):  # left when SQLite failed midway
                    staged.with_name(staged.name + log).unlink(missing_ok=True)

    @classmethod
    def open(
        cls, path: Path, *, readonly: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
    ) -> SqliteEngine:
        """Open a project file; a writer waits up to ``busy_timeout_ms`` for another's
        lock. An older schema is upgraded first."""
        if not path.exists():
            raise UserError("no such project file", path)
        if path.is_dir():
            raise NotAProjectError("is a folder, not a project file", path)
        # The header is not read here: closing any file descriptor of the project drops
        # every POSIX lock this process holds on it, those of a connection already open
        # included (the window's, when a worker opens the project again), and another
        # program would then delete the write-ahead log that connection still writes to.
        # SQLite itself keeps one descriptor per file and tells a file that is not its.
        if not os.access(path, os.R_OK):
            raise NotAProjectError("cannot be read (Permission denied)", path)
        if _size(path) < SQLITE_HEADER_SIZE:
            raise NotAProjectError(NOT_SQLITE, path)
        readonly = readonly or not _writable(path)
        if not readonly:
            _unlock_logs(path)
        try:
            conn = _connect(path, readonly, busy_timeout_ms)
            app_id, version = _identify(conn)
        except sqlite3.DatabaseError as exc:
            error = _open_error(exc, path)
            wal = path.with_name(path.name + "-wal")
            if not (readonly and isinstance(error, DiskFullError)) or _size(wal):
                raise error from None
            # No commit waits in a write-ahead log, so the file alone is the project: read
            # it without the shared-memory index SQLite cannot make on a full disk.
            conn = _connect(path, readonly, busy_timeout_ms, immutable=True)
            app_id, version = _identify(conn)
        if app_id != APPLICATION_ID:
            conn.close()
            raise NotAProjectError("is an SQLite database but not an annotator project", path)
        if version > SCHEMA_VERSION:
            conn.close()
            raise NotAProjectError(
                f"was made by a newer version of annotator (schema {version}, this version "
                f"reads up to {SCHEMA_VERSION}); upgrade annotator to open it",
                path,
            )
        if version < SCHEMA_VERSION and readonly and _writable(path):
            # Reading an older project (list, export) upgrades it first, as opening does.
            conn.close()
            cls.open(path, busy_timeout_ms=busy_timeout_ms).close()
            return cls.open(path, readonly=True, busy_timeout_ms=busy_timeout_ms)
        try:
            conn.execute("SELECT count(*) FROM documents").fetchone()
            if version == SCHEMA_VERSION:
                _check_tables(conn, path)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _open_error(exc, path) from None
        except NotAProjectError:
            conn.close()
            raise
        if not readonly:
            _prepare_for_writing(conn)
        engine = cls(path, conn, readonly, busy_timeout_ms)
        if version < SCHEMA_VERSION:
            try:
                engine._migrate(version)
            except Exception as exc:
                engine.close()
                raise NotAProjectError(
                    f"could not be upgraded from schema {version} ({exc}); the file is unchanged",
                    path,
                ) from exc
        return engine

    def _migrate(self, version: int) -> None:
        if self.readonly:
            raise NotAProjectError(
                f"needs upgrading from schema {version} but is read-only", self.path
            )
        self.backup(self.path.with_name(f"{self.path.name}.schema{version}.bak"))
        with self.transaction():
            for migrate in MIGRATIONS[version:]:
                migrate(self.db)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for the migrations. Made on first use:
        importing sqlite-utils costs more than the rest of `annotator list`."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # ----- statements ------------------------------------------------------------------

    def execute(self, sql: str, params: Params = (), /) -> Rows:
        cursor = self.conn.execute(sql, params)
        if self.conn.in_transaction and cursor.description is not None:
            # Rows inside a write are read at once (engine.py's Rows): the write's next
            # statements may change them, and SQLite refuses to commit while a write's
            # RETURNING rows are unread.
            return Read(cursor.fetchall(), cursor.rowcount, cursor.description)
        return cursor

    def executemany(self, sql: str, rows: Iterable[Params], /) -> int:
        return self.conn.executemany(sql, rows).rowcount

    # ----- transactions ----------------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    @contextmanager
    def transaction(self, bulk: bool = False) -> Iterator[None]:
        if self.readonly:
            raise UserError("is open read-only; nothing can be changed", self.path)
        if self.conn.in_transaction:
            name = f"sp_{secrets.token_hex(4)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                # A full disk makes SQLite roll the whole transaction back: then there is
                # no savepoint left to return to, and the outer level reports the error.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                raise
            self.conn.execute(f"RELEASE {name}")
            return
        self._keep_log()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _sqlite_error(exc, self.path, self.busy_timeout_ms) from None
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            # Read again: the block may have ended the transaction (mypy would keep the
            # value read above, where it was false).
            if _in_transaction(self.conn):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise _sqlite_error(exc, self.path, self.busy_timeout_ms) from exc
            raise

    @property
    def _log_path(self) -> Path:
        return self.path.with_name(self.path.name + "-wal")

    def _keep_log(self) -> bool:
        """Open the project again if the write-ahead log this connection writes to is no
        longer the file's; say whether it was.

        Closing any file descriptor of the project drops every POSIX lock this process
        holds on it, this connection's included, and something in the process may do so
        (a file dialog listing the folder reads the file's first bytes to tell its
        type). Another program closing the project then finds no one using it: it
        copies the log into the file and deletes it, and every commit made through the
        deleted log would be lost. Opening again takes the locks anew."""
        if self._log is None or file_identity(self._log_path) == self._log:
            return False
        self.conn.close()
        self.conn = _connect(self.path, self.readonly, self.busy_timeout_ms)
        _prepare_for_writing(self.conn)
        self.__dict__.pop("db", None)  # sqlite-utils over the closed connection
        self._log = file_identity(self._log_path)
        return True

    def changed_elsewhere(self) -> bool:
        if self._keep_log():
            # Whoever deleted the log may have written too; the version counts afresh.
            self._data_version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            return True
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        return changed

    def tables_changed(self) -> None:
        """SQLite does not say what another connection changed."""
        return None

    def documents_changed(self) -> None:
        return None

    def change_socket(self) -> None:
        """SQLite announces nothing: the window asks when it regains focus."""
        return None

    def reachable(self) -> None:
        """A file has no server to reach."""

    def close(self) -> None:
        self.conn.close()
        self._release()

    # ----- the engine's own ways ---------------------------------------------------------

    def index_documents(self, documents: Iterable[tuple[int, str, str]], /) -> None:
        # In one statement: cheaper than a row at a time (benchmarks/RESULTS.md, "What the
        # search index costs").
        self.conn.executemany(SEARCH_INSERT, search_rows(documents))

    def new_document_ids(self, count: int, /) -> list[int]:
        # After the largest, as SQLite numbers a row itself (the write holds the lock).
        last = int(self.conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0])
        return list(range(last + 1, last + 1 + count))

    def bulk_insert(self, rows: ImportRows, /) -> int | None:
        return None  # the rows' INSERTs are as fast as a file gets

    def search(self, query: Query, limit: int | None, /) -> list[int]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT rowid FROM documents_search WHERE documents_search MATCH ? "
                "ORDER BY rank LIMIT ?",
                (query.fts(), -1 if limit is None else limit),
            )
        ]

    def backup(self, destination: Path, shown_as: Path | None = None, /) -> None:
        dest = sqlite3.connect(str(destination))
        try:
            self.conn.backup(dest)
        except sqlite3.DatabaseError as exc:
            where = shown_as or destination
            if _disk_full(exc, where):
                raise DiskFullError("the disk is full: no copy was made", where) from None
            raise UserError(f"cannot be written ({exc})", where) from None
        finally:
            dest.close()

    def integrity_problems(self) -> list[str]:
        try:
            problems = [
                str(row[0]) for row in self.conn.execute("PRAGMA integrity_check") if row[0] != "ok"
            ]
        except sqlite3.DatabaseError as exc:  # damaged beyond what the check itself reads
            if self.damage(exc) is None:
                raise
            return [str(exc)]
        problems += [
            f"table {row[0]} row {row[1]} refers to a missing {row[2]} row"
            for row in self.conn.execute("PRAGMA foreign_key_check")
        ]
        return problems

    def damage(self, error: BaseException, /) -> UserError | None:
        if isinstance(error, sqlite3.DatabaseError) and (
            getattr(error, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
            # bytes where the program writes text, met by the exports' SQL
            or "cannot hold BLOB values" in str(error)
        ):
            return NotAProjectError(
                f"is damaged ({error}); `annotator check` lists what is wrong, "
                "`annotator backup --restore` brings back a copy",
                self.path,
            )
        return None

    def has_table(self, name: str, /) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        return row is not None


def _identify(conn: sqlite3.Connection) -> tuple[int, int]:
    """The file's application id and schema version, read through SQLite, not from the
    header bytes: recent commits may still be in the write-ahead log."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return app_id, version


def _check_tables(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a project that lacks a table or a column of its schema (another program
    dropped it): every command would fail on it half-way, with SQLite's words."""
    expected = {t.name: [c.name for c in t.columns] for t in TABLES}
    expected[SEARCH_TABLE_NAME] = []
    found: dict[str, set[str]] = {}
    # Only our tables' names: a table another program added may be of a module this
    # SQLite lacks, and is none of our business.
    for table, column in conn.execute(
        "SELECT m.name, c.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c "
        f"WHERE m.type = 'table' AND m.name IN ({', '.join('?' * len(expected))})",
        list(expected),
    ):
        found.setdefault(table, set()).add(column)
    for table, columns in expected.items():
        if table not in found:
            raise NotAProjectError(f"is damaged: it has no table {table!r}", path)
        for column in columns:
            if column not in found[table]:
                raise NotAProjectError(
                    f"is damaged: its table {table!r} has no column {column!r}", path
                )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _connect(
    path: Path, readonly: bool, busy_timeout_ms: int = BUSY_TIMEOUT_MS, immutable: bool = False
) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else ""),
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA foreign_keys = ON")
    # A project is a file from anyone: the triggers and views someone added to it may
    # call only functions without side effects outside the file (SQLite's "innocuous"
    # ones), whatever options this SQLite was built with.
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _sqlite_error(
    exc: sqlite3.OperationalError, path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Exception:
    """What a failed write means for the user; the change is not in the file."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return ProjectBusyError(
            "is busy: another program has been writing to it for "
            f"{busy_timeout_ms / 1000:g} seconds; the change was not saved, try again",
            path,
        )
    if "full" in message:
        return DiskFullError("the disk is full: the change was not saved", path)
    if "readonly" in message:
        return UserError("cannot be written: the change was not saved", path)
    if message.startswith("unsafe use of"):  # PRAGMA trusted_schema = OFF (_connect)
        return UserError(
            f"holds a trigger or view that another program added, which SQLite refused to "
            f"run ({message}); the change was not saved",
            path,
        )
    return exc


def _disk_full(exc: sqlite3.DatabaseError, path: Path) -> bool:
    """Whether SQLite failed for lack of space. It says "disk I/O error" when it cannot
    make a file's shared-memory index on a full disk."""
    return "full" in str(exc) or ("disk I/O" in str(exc) and _nearly_full(path.parent))


def _open_error(exc: sqlite3.DatabaseError, path: Path) -> UserError:
    """Why a project could not be opened; on a full disk it is sound, not damaged."""
    if _disk_full(exc, path):
        return DiskFullError(
            "cannot be opened: the disk is full (the project is not damaged; free some "
            "space and open it again)",
            path,
        )
    if "file is not a database" in str(exc):
        return NotAProjectError(NOT_SQLITE, path)
    return NotAProjectError(f"is damaged and cannot be opened ({exc})", path)


def _nearly_full(folder: Path) -> bool:
    # What SQLite needs to open a project: its shared-memory index and a first page of log.
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


def _prepare_for_writing(conn: sqlite3.Connection) -> None:
    """Only once the file is known to be ours: this changes the file's journal mode."""
    conn.execute("PRAGMA journal_mode = WAL")
    # With WAL, NORMAL can lose the last commits on power loss; FULL cannot.
    conn.execute("PRAGMA synchronous = FULL")


def _unlock_logs(path: Path) -> None:
    """A read-only open of a read-only file leaves its -wal and -shm files read-only
    (SQLite gives them the file's permissions); once the file is writable again they
    would still refuse every write. Give them the file's permissions back."""
    mode = stat.S_IMODE(path.stat().st_mode)
    for log in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if log.exists() and not os.access(log, os.W_OK):
            with suppress(OSError):  # not ours: SQLite's error then says the file is read-only
                os.chmod(log, mode)


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _in_transaction(conn: sqlite3.Connection) -> bool:
    return conn.in_transaction


@dataclass(frozen=True)
class Read:
    """A statement's rows, read when it ran (``Rows``)."""

    rows: list[Any]
    rowcount: int
    description: Any

    def fetchone(self) -> Any:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[Any]:
        return list(self.rows)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)
