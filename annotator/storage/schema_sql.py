"""The project file's tables, and the migrations from each older schema version."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from annotator.core.textsearch import index_text
from annotator.storage.tables import TABLES, annotations_view

if TYPE_CHECKING:
    import sqlite_utils

# 'ANNT': lets us tell our project files from any other SQLite database.
APPLICATION_ID = 0x414E4E54
SCHEMA_VERSION = 3


def _create_v1(db: sqlite_utils.Database) -> None:
    # Still schema 1's tables (versions 2 and 3 added a row and the search index). A new
    # file is built through every migration, so a version that changes a table must keep
    # its schema-1 form for this step, and change it in its own migration.
    for table in TABLES:
        for statement in table.statements("sqlite"):
            db.execute(statement)
    db.execute(annotations_view("sqlite"))
    db.table("documents").enable_fts(["name", "text"], create_triggers=True, tokenize="unicode61")


def _add_identity_v2(db: sqlite_utils.Database) -> None:
    """A random identity for the project, kept whatever the file is called or wherever it
    moves: its backups are found by it (two projects with one file name stay apart)."""
    db.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('project_id', lower(hex(randomblob(16))))"
    )


# The full-text index of documents: the light stems of their names and texts
# (core/textsearch.py), which SQLite cannot compute, so no trigger keeps it up to date:
# Project.add_documents fills it. Contentless: the stems are not stored a second time.
SEARCH_TABLE_NAME = "documents_search"
SEARCH_TABLE = f"""CREATE VIRTUAL TABLE {SEARCH_TABLE_NAME} USING fts5(
    name, text, content='', tokenize='unicode61 remove_diacritics 0'
)"""
SEARCH_INSERT = "INSERT INTO documents_search (rowid, name, text) VALUES (?, ?, ?)"


def search_rows(documents: Iterable[tuple[int, str, str]]) -> Iterable[tuple[int, str, str]]:
    """(id, name, text) -> the index's row for that document."""
    return ((i, index_text(name), index_text(text)) for i, name, text in documents)


def _search_index_v3(db: sqlite_utils.Database) -> None:
    """Schema 3: search finds Arabic however it is written (harakat, alef forms,
    clitics...); schemas 1 and 2 indexed the raw text with SQLite's triggers."""
    # By hand, not sqlite-utils' disable_fts: that commits, and a migration is one
    # transaction.
    for name in ("documents_ai", "documents_ad", "documents_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute("DROP TABLE IF EXISTS documents_fts")
    db.execute(SEARCH_TABLE)
    documents = db.execute("SELECT id, name, text FROM documents ORDER BY id")
    db.conn.executemany(SEARCH_INSERT, search_rows(documents))


# MIGRATIONS[v] turns a version-v file into version v+1; index 0 builds a new file.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _create_v1,
    _add_identity_v2,
    _search_index_v3,
]
assert len(MIGRATIONS) == SCHEMA_VERSION
