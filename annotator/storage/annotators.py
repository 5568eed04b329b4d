"""The people (and programs) who annotate: their names, and the ids rows refer to them by."""

from __future__ import annotations

from annotator.core.errors import UserError
from annotator.storage.engine import Engine


class AnnotatorStore:
    """Reached as ``project.annotator_store``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._ids: dict[str, int] = {}

    def names(self) -> list[str]:
        return [r[0] for r in self._engine.execute("SELECT name FROM annotators ORDER BY name")]

    def id_of(self, name: str) -> int:
        """The annotator's id, adding them on first use (inside the caller's write)."""
        if name in self._ids:
            return self._ids[name]
        if not name or name != name.strip():
            raise UserError(f"invalid annotator name {name!r}")
        row = self._engine.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        if row is None:
            row = self._engine.execute(
                "INSERT INTO annotators (name) VALUES (?) RETURNING id", (name,)
            ).fetchone()
        self._ids[name] = int(row[0])
        return self._ids[name]

    def forget(self) -> None:
        """Drop the cached ids: the transaction that added some was rolled back."""
        self._ids.clear()
