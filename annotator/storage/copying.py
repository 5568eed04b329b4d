"""A whole project copied to another place, whatever the engines: a file to a server, a
server to a file (`annotator copy`, and a server project's backups).

Every row of every table is copied as it is, ids and time stamps included, the tables in
the order they refer to each other; the full-text index is built anew from the copied
documents. The copy has the project's identity (its backups are the project's).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import UserError
from annotator.storage.engine import Engine
from annotator.storage.settings import SERVER_SCHEMA_KEY
from annotator.storage.sqlite_engine import SqliteEngine
from annotator.storage.tables import ALL_TABLES

BATCH = 500  # documents indexed at a time


def copy_to_file(source: Engine, destination: Path, shown_as: Path | None = None) -> None:
    """The project into a new project file at ``destination`` (nothing there, or an empty
    file that the caller staged); errors name ``shown_as`` when given."""
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".copy-") as folder:
        made = Path(folder) / "copy.annotator"
        try:
            with SqliteEngine.creating(made) as dst:
                copy_rows(source, dst)
        except UserError as exc:
            raise UserError(exc.message, shown_as or destination) from None
        os.replace(made, destination)


def copy_rows(src: Engine, dst: Engine) -> None:
    """Every row of ``src`` into ``dst``, a project just made (inside its transaction)."""
    for table in ALL_TABLES:
        name, order = table.name, table.order
        if not src.has_table(name):
            continue
        names = ", ".join(table.column_names)
        marks = ", ".join("?" for _ in table.columns)
        insert = f"INSERT INTO {name} ({names}) VALUES ({marks})"
        if name == "meta":  # the new project's own rows give way to the copied
            insert += " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        rows = [tuple(r) for r in src.execute(f"SELECT {names} FROM {name} ORDER BY {order}")]
        if name == "meta":  # the destination's own schema version, not the source's
            key = table.column_names.index("key")
            rows = [r for r in rows if r[key] != SERVER_SCHEMA_KEY]
        if not dst.has_table(name):  # a file makes this one on first use
            if not rows:
                continue
            dst.execute(table.create(dst.dialect))
        dst.executemany(insert, rows)
    for batch in _document_batches(src):
        dst.index_documents(batch)
    if dst.dialect == "postgresql":
        # The integer ids a new row is given: the server's counters go on after the copied.
        for name in [table.name for table in ALL_TABLES if table.counted]:
            dst.execute(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"coalesce(max(id), 0) + 1, false) FROM {name}"
            )


def _document_batches(src: Engine) -> Iterator[list[tuple[int, str, str]]]:
    last = -1
    while True:
        batch = [
            (int(r[0]), str(r[1]), str(r[2]))
            for r in src.execute(
                "SELECT id, name, text FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                (last, BATCH),
            )
        ]
        if not batch:
            return
        yield batch
        last = batch[-1][0]
