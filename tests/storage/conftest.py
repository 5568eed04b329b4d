"""The storage tests run on both engines: each test once on a project file and once with
every project it makes on the throw-away PostgreSQL server (tests/pg_server.py), the
same test code. Tests of what only a file has run on the file alone (FILE_ONLY)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from annotator.core.schema import Schema
from annotator.storage.project import Project
from tests.pg_server import PgServer

# Test module or node id (within tests/storage) -> why it is about a file only.
FILE_ONLY = {
    "test_upgrades.py": "project files of older schema versions",
    "test_backups.py": "backups as files beside the data folder",
    "test_crash_and_concurrency.py": "SQLite's locks and crash safety",
    "test_datasette.py": "Datasette reads the file",
    "test_project.py::test_a_new_project_is_recognised_by_another_connection": "the file's id",
    "test_project.py::test_a_project_from_a_newer_version_is_refused": "the file's version",
    "test_project.py::test_a_truncated_project_is_refused": "a damaged file",
    "test_project.py::test_a_read_only_file_opens_read_only": "the file's permissions",
    "test_project.py::test_a_missing_file_is_named": "a missing file",
    "test_project.py::test_a_text_file_is_not_a_project": "a file that is not a project",
    "test_project.py::test_another_sqlite_database_is_refused_untouched": "another SQLite file",
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    node = f"{Path(metafunc.definition.path).name}::{metafunc.definition.originalname}"
    file_only = node in FILE_ONLY or node.split("::")[0] in FILE_ONLY
    metafunc.parametrize("engine", ["file"] if file_only else ["file", "server"], indirect=True)


@pytest.fixture(autouse=True)
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Which engine the test's projects are on; on "server", a path the test gives for a
    project is a project on the server instead (the same path, the same project)."""
    kind = str(request.param)
    if kind == "server":
        _on_server(request.getfixturevalue("pg_server"), monkeypatch)
    return kind


_projects: dict[str, str] = {}  # a test's project path -> its server URL


def _on_server(server: PgServer, monkeypatch: pytest.MonkeyPatch) -> None:
    create, open_ = Project.create.__func__, Project.open.__func__  # type: ignore[attr-defined]

    def url_of(path: str | Path) -> str:
        if str(path).startswith("postgresql://"):
            return str(path)
        key = str(Path(path).resolve())
        if key not in _projects:
            _projects[key] = server.url(project="t" + hashlib.sha1(key.encode()).hexdigest()[:16])
        return _projects[key]

    def create_there(cls: type[Project], path: str | Path, /, schema: Schema | None = None) -> Any:
        return create(cls, url_of(path), schema)

    def open_there(cls: type[Project], path: str | Path, /, **options: Any) -> Any:
        options.pop("busy_timeout_ms", None)  # a file's lock
        return open_(cls, url_of(path), **options)

    monkeypatch.setattr(Project, "create", classmethod(create_there))
    monkeypatch.setattr(Project, "open", classmethod(open_there))
