"""The stores' portable SQL as psycopg takes it: ``?`` placeholders become ``%s``.

The stores write one SQL for both engines, with SQLite's ``?``; psycopg's placeholders are
``%s``, so a literal ``%`` must be doubled. Quoted text (``'...'``) and names
(``"..."``) are left alone: a ``?`` inside them is not a placeholder.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A quoted string or name (quotes doubled inside), or one character that matters.
_PART = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[?%]")


@lru_cache(maxsize=1024)
def to_psycopg(query: str) -> str:
    def swap(m: re.Match[str]) -> str:
        part = m.group()
        if part == "?":
            return "%s"
        return part.replace("%", "%%")

    return _PART.sub(swap, query)
