"""The storage tests run on both engines: each test once on a project file and once with
every project it makes on the throw-away PostgreSQL server (tests/pg_server.py), the
same test code. Tests of what only a file has run on the file alone (FILE_ONLY)."""

from __future__ import annotations

import pytest

from tests.pg_server import both_engines

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
    both_engines(metafunc, FILE_ONLY)


@pytest.fixture(autouse=True)
def _on_each_engine(engine: str) -> str:
    return engine
