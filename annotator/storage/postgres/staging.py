"""An import's rows written to a server project in bulk: each table's rows as arrays, one
a column, which a function unnests into the table, one statement for thousands of rows.

A curator's rows inserted one by one are each checked by row-level security and the
ownership trigger: for 200,000 spans that was a third of the import
(benchmarks/RESULTS.md, "A project on a PostgreSQL server"), and PostgreSQL refuses COPY
to anyone the policies apply to. The functions here run with the project owner's rights,
whose rows the policies do not check; what the policies would check on every row is
checked once, for the whole import, instead:
- only curators (and the owner) may call them. The project's policies let curators write
  every row of the tables these write (documents, annotations, relations, statuses),
  whoever's they are: being a curator is all the policies ask of these rows. The
  constraints (keys, references, CHECKs) hold as for anyone. Annotators keep the
  row-by-row INSERTs, under the policies: this way gives nobody a right they lack by
  plain SQL.
- they take arrays of built-in types only and read no table of the caller's; their search
  path is fixed (the project's schema, then the catalog, the caller's temporary schema
  last), so that no temporary table of the caller's stands in for a project's.
The calls are a bulk write's (``Project.write(bulk=True)``), not pipelined: one waits for
the server per few thousand rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from annotator.storage.engine import Params, Rows
from annotator.storage.import_rows import (
    ANNOTATION_COLUMNS,
    DOCUMENT_COLUMNS,
    RELATION_COLUMNS,
    STATUS_COLUMNS,
    STATUS_REPLACES,
    ImportRows,
)
from annotator.storage.postgres.ddl import Roles, ident

CHUNK = 2_000  # rows a call: each statement's arrays stay a few megabytes
_INTEGERS = {"document_id", "annotator_id", "label_id", "start", '"end"', "length"}


def _types(columns: Sequence[str], integer_id: bool = False) -> list[str]:
    """The SQL types of a table's columns, as its arrays are declared."""
    return ["integer" if c in _INTEGERS or (c == "id" and integer_id) else "text" for c in columns]


# Each function: the types of its arrays, in the order of the rows' columns.
_FUNCTIONS = {
    "import_documents": _types(DOCUMENT_COLUMNS, integer_id=True),
    "import_annotations": _types(ANNOTATION_COLUMNS),
    "import_relations": _types(RELATION_COLUMNS),
    "import_statuses": _types(STATUS_COLUMNS),
}
MAY_STAGE = (
    "SELECT coalesce(has_function_privilege(to_regproc('import_annotations'), 'EXECUTE'), false)"
)


def functions(roles: Roles) -> list[str]:
    """The functions and who may call them, part of a new project."""

    def arrays(n: int) -> str:
        return ", ".join(f"${i}" for i in range(1, n + 1))

    def insert(table: str, columns: Sequence[str]) -> str:
        names = ", ".join(columns)
        return f"INSERT INTO {table} ({names}) SELECT * FROM unnest"

    placeholders = arrays(len(RELATION_COLUMNS))
    bodies = {
        "import_documents": (
            f"{insert('documents', DOCUMENT_COLUMNS)}({arrays(len(DOCUMENT_COLUMNS))})"
        ),
        "import_annotations": (
            f"{insert('annotations', ANNOTATION_COLUMNS)}({arrays(len(ANNOTATION_COLUMNS))})"
        ),
        # In the order given (relations are listed so); those already there are not
        # added, and not counted.
        "import_relations": (
            "WITH added AS (INSERT INTO relations (id, from_id, to_id, type, created) "
            f"SELECT i, f, t, y, c FROM unnest({placeholders}) "
            "WITH ORDINALITY AS r(i, f, t, y, c, n) ORDER BY n "
            "ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::integer FROM added"
        ),
        "import_statuses": (
            f"{insert('document_status', STATUS_COLUMNS)}({arrays(len(STATUS_COLUMNS))})"
            + STATUS_REPLACES
        ),
    }
    path = f"SET search_path = {ident(roles.schema)}, pg_catalog, pg_temp"
    out = []
    for name, types in _FUNCTIONS.items():
        returns = "integer" if name == "import_relations" else "void"
        signature = ", ".join(f"{t}[]" for t in types)
        out += [
            f"CREATE FUNCTION {name}({signature}) RETURNS {returns} LANGUAGE sql "
            f"SECURITY DEFINER {path} AS $$ {bodies[name]} $$",
            f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC",
            f"GRANT EXECUTE ON FUNCTION {name} TO {ident(roles.curators)}",
        ]
    return out


Execute = Callable[[str, Params], Rows]


def write(execute: Execute, rows: ImportRows) -> int:
    """The rows into the project by the functions, inside the caller's write; the number
    of relations added."""
    for name, values in (
        ("import_documents", rows.documents),
        ("import_annotations", rows.annotations),
    ):
        for columns in _columns(values):
            execute(_call(name), columns)
    added = [execute(_call("import_relations"), c) for c in _columns(rows.relations)]
    for columns in _columns(rows.status_rows()):
        execute(_call("import_statuses"), columns)
    return sum(int(answer.fetchone()[0]) for answer in added)


def _call(name: str) -> str:
    placeholders = ", ".join(f"?::{t}[]" for t in _FUNCTIONS[name])
    return f"SELECT {name}({placeholders})"


def _columns(rows: Sequence[tuple[Any, ...]]) -> Iterator[list[list[Any]]]:
    """The rows in chunks, each chunk as its columns."""
    for i in range(0, len(rows), CHUNK):
        yield [list(column) for column in zip(*rows[i : i + CHUNK], strict=True)]
