"""A project file and a server project have the same tables, columns, keys, references and
indexes, as each database reports them: both are made from one description
(storage/tables.py), so a table or column written for one engine only shows here."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg

from annotator.storage.project import Project
from annotator.storage.rejections import reject
from tests.pg_server import PgServer

# What a table holds: its columns (name, NOT NULL outside the key), its primary key, its
# references (column, table, column, cascades) and its column sets that are unique.
Shape = tuple[
    tuple[tuple[str, bool], ...],
    tuple[str, ...],
    frozenset[tuple[str, str, str, bool]],
    frozenset[tuple[str, ...]],
]


def test_a_file_and_a_server_project_have_the_same_tables(
    tmp_path: Path, pg_server: PgServer
) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        reject(project, "x", "PER", "ann")  # a file makes this table on first use
    url = pg_server.url(project="sametables")
    Project.create(url).close()

    file_tables, file_indexes = _file_shapes(path)
    server_tables, server_indexes = _server_shapes(pg_server, "sametables")
    assert set(file_tables) == set(server_tables)
    for name, shape in file_tables.items():
        assert server_tables[name] == shape, name
    assert file_indexes == server_indexes
    assert "annotations_view" in file_tables and "annotations" in file_tables


def _file_shapes(path: Path) -> tuple[dict[str, Shape], set[tuple[str, str]]]:
    db = sqlite3.connect(path)
    tables: dict[str, Shape] = {}
    names = db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'documents_search%' AND name NOT LIKE 'sqlite_%'"  # its own index
    )
    for (name,) in names.fetchall():
        info = db.execute(f"PRAGMA table_info({name})").fetchall()
        columns = tuple((str(c[1]), bool(c[3]) and not c[5]) for c in info)
        key = tuple(str(c[1]) for c in sorted(info, key=lambda c: int(c[5])) if c[5])
        refs = frozenset(
            (str(r[3]), str(r[2]), str(r[4]), r[6] == "CASCADE")
            for r in db.execute(f"PRAGMA foreign_key_list({name})")
        )
        unique = frozenset(
            tuple(str(c[2]) for c in db.execute(f"PRAGMA index_info('{i[1]}')"))
            for i in db.execute(f"PRAGMA index_list({name})")
            if i[3] == "u"
        )
        tables[name] = (columns, key, refs, unique)
    indexes = set(
        db.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql NOT NULL")
    )
    db.close()
    return tables, {(str(i), str(t)) for i, t in indexes}


def _server_shapes(server: PgServer, schema: str) -> tuple[dict[str, Shape], set[tuple[str, str]]]:
    with psycopg.connect(server.url(), options=f"-c search_path={schema}") as db:
        columns: dict[str, list[tuple[str, bool]]] = {}
        for table, column, nullable in db.execute(
            "SELECT table_name, column_name, is_nullable FROM information_schema.columns "
            "WHERE table_schema = %s AND column_name <> 'rowid' ORDER BY ordinal_position",
            (schema,),
        ):
            columns.setdefault(table, []).append((column, nullable == "NO"))
        constraints = db.execute(
            "SELECT c.conrelid::regclass::text, c.contype, "
            "  array(SELECT attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) "
            "        JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY k.i), "
            "  c.confrelid::regclass::text, "
            "  array(SELECT attname FROM unnest(c.confkey) k(n) "
            "        JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n), "
            "  c.confdeltype "
            "FROM pg_constraint c WHERE c.connamespace = %s::regnamespace",
            (schema,),
        ).fetchall()
        indexes = db.execute(
            "SELECT indexname, tablename FROM pg_indexes i WHERE schemaname = %s AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = "
            "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)",
            (schema,),
        ).fetchall()
    del columns["documents_search"]  # its own full-text index
    tables: dict[str, Shape] = {}
    for table, cols in columns.items():
        key: tuple[str, ...] = ()
        refs: set[tuple[str, str, str, bool]] = set()
        unique: set[tuple[str, ...]] = set()
        for owner, kind, own, other, others, on_delete in constraints:
            if owner != table:
                continue
            if kind == "p":
                key = tuple(own)
            elif kind == "f":
                refs.add((own[0], other, others[0], on_delete == "c"))
            elif kind == "u":
                unique.add(tuple(own))
        in_key = set(key)
        shown = tuple((name, not_null and name not in in_key) for name, not_null in cols)
        tables[table] = (shown, key, frozenset(refs), frozenset(unique))
    found = {(str(i), str(t)) for i, t in indexes if t != "documents_search"}
    return tables, found
