"""Nothing from an input file is ever run: no eval, pickle or shell anywhere in the package;
SQL is written only in the storage layer, with values bound as parameters."""

from __future__ import annotations

import ast
import re

from tests.paths import ROOT

FORBIDDEN = re.compile(
    r"(?<![.\w])eval\(|(?<![.\w])exec\(|\bpickle\b|\bmarshal\b|shell\s*=\s*True|os\.system\(|os\.popen\("
    r"|yaml\.load\(|xml\.etree|xml\.dom\.minidom|xml\.sax"
)


def test_the_package_never_evaluates_or_unpickles_or_shells_out() -> None:
    hits = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted((ROOT / "annotator").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line) and not line.lstrip().startswith("#")
    ]
    assert hits == []


def test_sql_takes_values_as_parameters() -> None:
    """f-strings in SQL may only splice in names and numbers we chose, never input."""
    allowed = re.compile(
        r"\{(column|name|table|int\(busy_timeout_ms\)|APPLICATION_ID|SCHEMA_VERSION|"
        r"placeholders|where_sql|[A-Z_]+|"
        # storage/export_rows.py: column lists and sub-queries it writes itself, values bound
        r"columns|f\.documents|"
        # storage/copying.py: the column lists and order of the tables it copies
        r"names|marks|order)\}"
    )
    hits = []
    for path in sorted((ROOT / "annotator").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r'execute(many)?\(\s*f"', line) or re.search(
                r'f"(SELECT|INSERT|UPDATE|DELETE|PRAGMA|SAVEPOINT|ROLLBACK|RELEASE)', line
            ):
                spliced = re.findall(r"\{[^}]*\}", line)
                if any(not allowed.fullmatch(s) for s in spliced):
                    hits.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert hits == []


def test_no_sql_outside_the_storage_layer() -> None:
    """Only annotator/storage touches the connection: every other module asks a store."""
    storage = ROOT / "annotator" / "storage"
    hits = []
    for path in sorted((ROOT / "annotator").rglob("*.py")):
        if path.is_relative_to(storage):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in SQL_ATTRIBUTES:
                found = f".{node.attr}"
            elif isinstance(node, ast.Import | ast.ImportFrom) and _imports_sqlite(node):
                found = "import sqlite3"
            else:
                continue
            hits.append(f"{path.relative_to(ROOT)}:{node.lineno}: {found}")
    assert hits == []


SQL_ATTRIBUTES = {"conn", "execute", "executemany", "executescript"}

# Inside the storage layer, the stores reach the database through their engine
# (storage/engine.py); only the engines (sqlite_engine.py, the postgres package) hold a
# connection, and SQLite's driver is for the SQLite engine and what only a file has.
SQLITE_ONLY = {
    "sqlite_engine.py",  # the engine
    "schema_sql.py",  # the file's tables and migrations (run by the engine)
    "backups.py",  # restoring a backup file
    "export_rows.py",  # SQLite's JSON functions build the export lines
}


def test_the_stores_reach_the_database_only_through_their_engine() -> None:
    storage = ROOT / "annotator" / "storage"
    hits = []
    for path in sorted(storage.rglob("*.py")):
        if (path.name in SQLITE_ONLY and path.parent == storage) or path.parent.name == "postgres":
            continue  # an engine's own modules hold its connection
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "conn":
                found = ".conn"
            elif isinstance(node, ast.Import | ast.ImportFrom) and _imports_sqlite(node):
                found = "import sqlite3 or sqlite_utils"
            else:
                continue
            hits.append(f"{path.relative_to(ROOT)}:{node.lineno}: {found}")
    assert hits == []


def _imports_sqlite(node: ast.Import | ast.ImportFrom) -> bool:
    drivers = {"sqlite3", "sqlite_utils"}
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").split(".")[0] in drivers
    return any(alias.name.split(".")[0] in drivers for alias in node.names)
