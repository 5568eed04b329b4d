"""The project's settings and identity: the ``meta`` table's keys and values."""

from __future__ import annotations

import re

from annotator.core.errors import UserError
from annotator.storage.engine import Engine, Write

# What both engines make: 16 random bytes in lower-case hex (schema_sql, postgres/server).
_IDENTITY = re.compile(r"[0-9a-f]{32}")

# A server project's own schema version (postgres/ddl.py SERVER_VERSIONS): the server's
# alone, so a copy of the project never takes it along.
SERVER_SCHEMA_KEY = "server_schema"


class Settings:
    """Reached as ``project.settings``."""

    # Blind annotation: annotators do not see each other's work (nor gold) while they
    # annotate; review still compares everyone.
    BLIND = "blind_annotation"
    # Whose spans the window shows beside a newcomer's own until they choose (the demo
    # shows an annotator's work at once).
    SHOWN_BESIDE = "shown_beside"

    def __init__(self, engine: Engine, write: Write) -> None:
        self._engine = engine
        self._write = write

    def get(self, key: str) -> str:
        """The setting's value; "" when it was never set."""
        row = self._engine.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""

    def set(self, key: str, value: str) -> None:
        with self._write():
            self._engine.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def blind(self) -> bool:
        return self.get(self.BLIND) == "1"

    def identity(self) -> str:
        """The project's own random id (a copy of the file shares it; a new project never).

        It names the project's folder of backups, which the window fills and prunes on
        opening: anything but the 32 hex digits annotator makes ('../..', '/home/me') is
        refused, never joined to a path."""
        value = self.get("project_id")
        if not _IDENTITY.fullmatch(value):
            raise UserError(
                f"its identity {value[:40]!r} (project_id in its meta table) is not one "
                "annotator makes: another program changed it; no backup is taken",
                self._engine.location,
            )
        return value
