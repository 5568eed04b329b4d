"""The stores' portable SQL as psycopg takes it: ``?`` placeholders become ``%s`` and
``:name`` ones ``%(name)s``.

The stores write one SQL for both engines, with SQLite's placeholders (storage/engine.py);
psycopg's are ``%s`` and ``%(name)s``, so a literal ``%`` must be doubled. Quoted text
(``'...'``) and names (``"..."``) are left alone: a ``?`` inside them is not one.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A quoted string or name (quotes doubled inside), a cast's ::, a placeholder, a %, or an
# empty list.
_PART = re.compile(
    r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|::|:[A-Za-z_]\w*|[?%]|\bIN\s*\(\s*\)", re.IGNORECASE
)
# An empty list (``IN ()``, which a store builds from no values) is SQLite's own; the
# empty subquery means the same to PostgreSQL, for IN (false) and NOT IN (true) alike.
_EMPTY_LIST = "IN (SELECT NULL WHERE false)"


@lru_cache(maxsize=1024)
def to_psycopg(query: str) -> str:
    def swap(m: re.Match[str]) -> str:
        part = m.group()
        if part == "?":
            return "%s"
        if part[0] in "iI":
            return _EMPTY_LIST
        if part.startswith(":") and part != "::":
            return f"%({part[1:]})s"
        return part.replace("%", "%%")

    return _PART.sub(swap, query)
