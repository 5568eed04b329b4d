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


def json_cell(cell: Any, what: str, location: str) -> Any:
    """A JSON cell as the program wrote it; anything else (another program's edit) is a
    damaged project, said in one line instead of a parser's traceback."""
    try:
        return json.loads(cell)
    except (TypeError, ValueError, RecursionError):
        raise UserError(
            f"{what}: a cell holds {str(cell)[:40]!r}, which is not valid JSON; "
            "was the file changed by another program?",
            location,
        ) from None


def rows_in(
    engine: Engine, sql: str, values: Sequence[Any], params: Sequence[Any] = ()
) -> Iterator[Any]:
    """The rows of ``sql`` (which ends in ``IN``) for every one of ``values``, asked in
    chunks; ``params`` are those of the placeholders before the ``IN``."""
    for i in range(0, len(values), CHUNK):
        part = values[i : i + CHUNK]
        placeholders = ",".join("?" * len(part))
        yield from engine.execute(sql + f" ({placeholders})", (*params, *part))
