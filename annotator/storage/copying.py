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
from annotator.storage.schema_sql import SUGGESTION_REJECTED
from annotator.storage.sqlite_engine import SqliteEngine

# Each table with the columns both engines have, and the order its rows are read in.
TABLES: list[tuple[str, tuple[str, ...], str]] = [
    ("meta", ("key", "value"), "key"),
    (
        "documents",
        ("id", "name", "text", "length", "sha256", "source", "meta", "created"),
        "id",
    ),
    (
        "labels",
        ("id", "name", "kind", "color", "shortcut", "description", "attributes", "position"),
        "id",
    ),
    ("relation_types", ("name", "from_kinds", "to_kinds", "description"), "rowid"),
    ("annotators", ("id", "name"), "id"),
    (
        "annotations",
        (
            "id",
            "document_id",
            "annotator_id",
            "label_id",
            "start",
            '"end"',
            "text",
            "attributes",
            "created",
            "modified",
        ),
        "id",
    ),
    ("relations", ("id", "from_id", "to_id", "type", "created"), "rowid"),
    ("document_status", ("document_id", "annotator_id", "status", "modified"), "1, 2"),
    (
        "gold_provenance",
        ("annotation_id", "proposed_by", "agreed_by", "curated_by", "strategy", "decided"),
        "annotation_id",
    ),
    ("gold_rejected", ("document_id", "label", "start", '"end"', "curator", "decided"), "1, 2"),
    ("curation_status", ("document_id", "status", "curator", "modified"), "document_id"),
    ("suggestion_rejected", ("text", "label", "annotator", "decided"), "text, label"),
]
# The integer ids a new row is given: the server's counters must go on after the copied.
COUNTED = ["documents", "labels", "annotators"]
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
    for table, columns, order in TABLES:
        if not src.has_table(table):
            continue
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        insert = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        if table == "meta":  # the new project's own rows give way to the copied
            insert += " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        rows = [tuple(r) for r in src.execute(f"SELECT {names} FROM {table} ORDER BY {order}")]
        if not dst.has_table(table):  # a file makes this one on first use
            if not rows:
                continue
            dst.execute(SUGGESTION_REJECTED)
        dst.executemany(insert, rows)
    for batch in _document_batches(src):
        dst.index_documents(batch)
    if dst.dialect == "postgresql":
        for table in COUNTED:
            dst.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"coalesce(max(id), 0) + 1, false) FROM {table}"
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
