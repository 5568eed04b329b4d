"""The project file's tables, and the migrations from each older schema version."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from annotator.core.textsearch import index_text

if TYPE_CHECKING:
    import sqlite_utils

# 'ANNT': lets us tell our project files from any other SQLite database.
APPLICATION_ID = 0x414E4E54
SCHEMA_VERSION = 3

# Every annotation with the names a person (or Datasette, pandas, sqlite3) wants to see.
ANNOTATIONS_VIEW = """
SELECT a.id AS id, d.name AS document, an.name AS annotator, l.name AS label,
       l.kind AS kind, a.start AS start, a."end" AS "end", a.text AS text,
       a.attributes AS attributes, a.created AS created, a.modified AS modified
FROM annotations a
JOIN documents d ON d.id = a.document_id
JOIN annotators an ON an.id = a.annotator_id
JOIN labels l ON l.id = a.label_id
"""


def _create_v1(db: sqlite_utils.Database) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            -- kept beside the text: length(text) would read every text's pages just to
            -- list the documents
            length INTEGER NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL DEFAULT '',
            meta TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE labels (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'claim', 'quote')),
            color TEXT NOT NULL,
            shortcut TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            attributes TEXT NOT NULL DEFAULT '[]',
            position INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE relation_types (
            name TEXT PRIMARY KEY,
            from_kinds TEXT NOT NULL DEFAULT '[]',
            to_kinds TEXT NOT NULL DEFAULT '[]',
            description TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE TABLE annotators (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
    db.execute(
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            label_id INTEGER NOT NULL REFERENCES labels(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            CHECK (0 <= start AND start < "end")
        )"""
    )
    db.execute(
        "CREATE INDEX annotations_by_document ON annotations (document_id, annotator_id, start)"
    )
    db.execute("CREATE INDEX annotations_by_label ON annotations (label_id)")
    db.execute(
        """CREATE TABLE relations (
            id TEXT PRIMARY KEY,
            from_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            to_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            type TEXT NOT NULL REFERENCES relation_types(name),
            created TEXT NOT NULL,
            UNIQUE (from_id, to_id, type)
        )"""
    )
    db.execute("CREATE INDEX relations_to ON relations (to_id)")
    db.execute(
        """CREATE TABLE document_status (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
            modified TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator_id)
        )"""
    )
    _create_gold_v1(db)
    db.create_view("annotations_view", ANNOTATIONS_VIEW)
    db.table("documents").enable_fts(["name", "text"], create_triggers=True, tokenize="unicode61")


def _create_gold_v1(db: sqlite_utils.Database) -> None:
    """The review layer's tables. The gold version of a document is the annotations of the
    reserved annotator "gold" (annotator/review/gold.py); these tables say how each gold
    span was decided, which versions the curator rejected, and each document's curation."""
    db.execute(
        """CREATE TABLE gold_provenance (
            annotation_id TEXT PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
            proposed_by TEXT NOT NULL DEFAULT '[]',  -- JSON list: whose version it is
            agreed_by TEXT NOT NULL DEFAULT '[]',  -- JSON list: who had the same span
            curated_by TEXT,  -- the curator who accepted or edited it; NULL if merged
            strategy TEXT NOT NULL,  -- unanimous, majority, min-votes=N or curator
            decided TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE gold_rejected (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            curator TEXT NOT NULL,
            decided TEXT NOT NULL,
            PRIMARY KEY (document_id, label, start, "end")
        )"""
    )
    db.execute(
        """CREATE TABLE curation_status (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
            curator TEXT,
            modified TEXT NOT NULL
        )"""
    )


def _add_identity_v2(db: sqlite_utils.Database) -> None:
    """A random identity for the project, kept whatever the file is called or wherever it
    moves: its backups are found by it (two projects with one file name stay apart)."""
    db.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('project_id', lower(hex(randomblob(16))))"
    )


# The full-text index of documents: the light stems of their names and texts
# (core/textsearch.py), which SQLite cannot compute, so no trigger keeps it up to date:
# Project.add_documents fills it. Contentless: the stems are not stored a second time.
SEARCH_TABLE = """CREATE VIRTUAL TABLE documents_search USING fts5(
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


# Rejected suggestions (storage/rejections.py): a file makes the table on first use; a
# server and a copy make it with this, in SQL both engines read.
SUGGESTION_REJECTED = """CREATE TABLE suggestion_rejected (
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    annotator TEXT NOT NULL,
    decided TEXT NOT NULL,
    PRIMARY KEY (text, label)
)"""


# MIGRATIONS[v] turns a version-v file into version v+1; index 0 builds a new file.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _create_v1,
    _add_identity_v2,
    _search_index_v3,
]
assert len(MIGRATIONS) == SCHEMA_VERSION
