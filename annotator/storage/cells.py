"""What several stores do with the rows they read: parse a JSON cell, and ask for the
rows of many ids at once."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from annotator.core.errors import UserError
from annotator.storage.engine import Engine

# Ids bound in one ``IN (...)``: well under SQLite's limit of bound parameters.
CHUNK = 500


def json_cell(cell: Any, what: str, location: str, shape: type[Any] = object) -> Any:
    """A JSON cell as the program wrote it (a ``shape``: dict for an object, list for an
    array); anything else (another program's edit) is a damaged project, said in one line
    instead of a parser's traceback or a TypeError further on."""
    try:
        value = json.loads(cell)
    except (TypeError, ValueError, RecursionError):
        raise _damaged(cell, what, "which is not valid JSON", location) from None
    if not isinstance(value, shape):
        raise _damaged(cell, what, f"which is not a JSON {_SHAPES[shape]}", location)
    return value


def typed_cell(cell: Any, kind: type[Any], what: str, location: str) -> Any:
    """A cell of the type the program writes there: SQLite keeps whatever another program
    put in a column (text in an offset, bytes in a document's text)."""
    if type(cell) is not kind:
        raise _damaged(cell, what, f"where {_SHAPES[kind]} belongs", location)
    return cell


_SHAPES = {dict: "object", list: "array", int: "a whole number", str: "text"}


def _damaged(cell: Any, what: str, problem: str, location: str) -> UserError:
    return UserError(
        f"{what}: a cell holds {str(cell)[:40]!r}, {problem}; "
        "was the file changed by another program?",
        location,
    )


def rows_in(
    engine: Engine, sql: str, values: Sequence[Any], params: Sequence[Any] = ()
) -> Iterator[Any]:
    """The rows of ``sql`` (which ends in ``IN``) for every one of ``values``, asked in
    chunks; ``params`` are those of the placeholders before the ``IN``."""
    for i in range(0, len(values), CHUNK):
        part = values[i : i + CHUNK]
        placeholders = ",".join("?" * len(part))
        yield from engine.execute(sql + f" ({placeholders})", (*params, *part))
