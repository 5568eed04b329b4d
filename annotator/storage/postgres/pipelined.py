"""A write sent to the server as one batch: the statements of a transaction go out without
waiting for each one's answer (libpq's pipeline mode), and the answers are read when the
caller first looks at one (a query's rows, a count of changed rows) or at the commit.

On a server every statement waited for costs a round trip, and a round trip is what an
edit's time on a server is made of (benchmarks/RESULTS.md, "A project on a server"): a
span removed was BEGIN, DELETE and COMMIT, three waits; pipelined it is one. What the
server refuses is raised when the answers are read, at the latest at the commit, so
before the block reports success; the transaction is then rolled back, as any other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

Connection = psycopg.Connection[tuple[Any, ...]]


class Answer:
    """A statement's result inside a pipelined transaction, read from the server when
    first looked at (the ``Rows`` protocol of storage/engine.py)."""

    def __init__(self, cursor: psycopg.Cursor[tuple[Any, ...]], batch: Batch):
        self._cursor = cursor
        self._batch = batch

    def _read(self) -> psycopg.Cursor[tuple[Any, ...]]:
        self._batch.read()
        return self._cursor

    @property
    def rowcount(self) -> int:
        return self._read().rowcount

    @property
    def description(self) -> Any:
        return self._read().description

    def fetchone(self) -> Any:
        return self._read().fetchone()

    def fetchall(self) -> list[Any]:
        return self._read().fetchall()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._read())


class Batch:
    """The statements sent since the answers were last read."""

    def __init__(self, pipeline: psycopg.Pipeline):
        self._pipeline: psycopg.Pipeline | None = pipeline
        self.unread = False
        # Where the answers are waited for: the engine's call thread (postgres/waiting.py).
        self.run: Callable[[Callable[[], None]], None] = _now

    def read(self) -> None:
        """Wait for the answers to everything sent (one round trip, if any is unread)."""
        if self._pipeline is not None and self.unread:
            self.unread = False
            self.run(self._pipeline.sync)

    def close(self) -> None:
        self._pipeline = None  # its answers were read when the pipeline ended


def _now(call: Callable[[], None]) -> None:
    call()


@contextmanager
def pipelined_transaction(conn: Connection) -> Iterator[Batch]:
    """One transaction whose statements are sent without waiting (see the module's
    docstring), committed when the block ends and rolled back if it raises. Nested
    transactions inside it are psycopg's savepoints."""
    batch = None
    try:
        with conn.pipeline() as pipeline:
            batch = Batch(pipeline)
            conn.execute(b"BEGIN")
            batch.unread = True
            yield batch
            conn.execute(b"COMMIT")
    except BaseException:
        # The answers were read as the pipeline ended; a failed or unfinished
        # transaction is still open on the server, and is ended here.
        if not conn.closed and conn.info.transaction_status in (
            TransactionStatus.INTRANS,
            TransactionStatus.INERROR,
        ):
            with suppress(psycopg.Error):
                conn.execute(b"ROLLBACK")
        raise
    finally:
        if batch is not None:
            batch.close()
