"""Where a project is, and the engine that opens it: a path is a project file (SQLite),
a ``postgresql://`` URL a project on a server.

A URL may have passed through ``pathlib.Path`` on its way (the command line's arguments,
``Project.path``), which makes its ``//`` one ``/``: that form is read as the URL again,
with the password it was first given with in this process (``Project.path`` shows a URL
without its password, and reopening a project from it must still log in).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from annotator.storage.copying import copy_rows
from annotator.storage.engine import Engine
from annotator.storage.postgres.location import SCHEMES, is_server_url
from annotator.storage.sqlite_engine import BUSY_TIMEOUT_MS, SqliteEngine

if TYPE_CHECKING:
    _ConcretePath = Path
else:
    _ConcretePath = type(Path())  # PosixPath or WindowsPath: Path itself is not subclassed

_first_given: dict[str, str] = {}  # a URL as shown (no password) -> as it was given


def server_url(location: str | Path) -> str | None:
    """The server URL that ``location`` is, or None for a file's path."""
    text = str(location)
    for scheme in SCHEMES:
        collapsed = scheme[:-1]  # "postgresql:/": what Path makes of "postgresql://"
        if text.lower().startswith(collapsed) and not text.lower().startswith(scheme):
            text = scheme + text[len(collapsed) :]
    if not is_server_url(text):
        return None
    from annotator.storage.postgres.location import parse_location

    shown = parse_location(text).shown
    if shown != text:
        _first_given[shown] = text
    return _first_given.get(text, text)


def with_password(url: str, password: str) -> str:
    """``url`` as messages and the recent list show it (no password), which opens with
    ``password`` from now on in this process: kept here, as a URL first given with its
    password is, and handed to libpq in its connection string, never shown or stored."""
    from annotator.storage.postgres import location

    shown = location.parse_location(url).shown
    _first_given[shown] = location.with_password(shown, password)
    return shown


class ServerPath(_ConcretePath):
    """A server project's URL where a path is kept (``Project.path``): printed as the URL,
    whose ``//`` a plain Path would make one ``/``."""

    url = ""

    def __str__(self) -> str:
        return self.url or super().__str__()

    @property
    def name(self) -> str:
        """The project's name, as a file's name is (window titles, a backup's name): the
        URL's last part would be ``DATABASE?project=NAME``."""
        from annotator.storage.postgres.location import parse_location

        return parse_location(self.url).project if self.url else super().name

    @property
    def stem(self) -> str:
        return self.name if self.url else super().stem


def secret_environment(location: str | Path) -> dict[str, str]:
    """What a process of this program's own needs in its environment to open the project
    at ``location`` as this one did: a password that came in a server's URL, as
    ``PGPASSWORD`` (on its command line every user of the machine could read it)."""
    url = server_url(location)
    password = urlsplit(url).password if url is not None else None
    return {} if password is None else {"PGPASSWORD": unquote(password)}


def location_path(location: str) -> Path:
    """An engine's location as ``Project.path`` holds it."""
    if server_url(location) is None:
        return Path(location)
    path = ServerPath(location)
    path.url = location
    return path


def shown(location: str | Path) -> str:
    """How messages name a project: its path, or its URL without the password."""
    url = server_url(location)
    if url is None:
        return str(location)
    from annotator.storage.postgres.location import parse_location

    return parse_location(url).shown


def open_engine(
    location: str | Path, *, readonly: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Engine:
    url = server_url(location)
    if url is not None:
        from annotator.storage.postgres.engine import PostgresEngine

        return PostgresEngine.open(url, readonly=readonly)
    return SqliteEngine.open(Path(location), readonly=readonly, busy_timeout_ms=busy_timeout_ms)


def creating_engine(location: str | Path) -> AbstractContextManager[Engine]:
    """A new project's engine, its tables made, in a transaction the block completes."""
    url = server_url(location)
    if url is not None:
        from annotator.storage.postgres.engine import PostgresEngine

        return PostgresEngine.creating(url)
    return SqliteEngine.creating(Path(location))


def copy_project(source: str | Path, destination: str | Path) -> None:
    """Copy the project at ``source`` to the new project ``destination`` (which must not
    exist yet): a file or a server's URL, either way."""
    src = open_engine(source, readonly=True)
    try:
        with creating_engine(destination) as dst:
            copy_rows(src, dst)
    finally:
        src.close()
