"""The storage tests run once on every engine.

A test that takes ``project`` (a fresh project holding the default schema), ``make_project``
(make more, or with another schema) or ``reopen`` (a second connection to a project, as
another program would have) runs once per engine of ENGINES, with the engine's name in
its id (``test_x[sqlite]``). Tests of what only the file engine has (its header, its
write-ahead log, a full disk, file permissions, upgrades of old files, backups) keep
``tmp_path`` and ``Project.create``.

Adding an engine is one factory and one line: write ``_name(request, tmp_path, schema)``
returning a new, empty project on that engine (for PostgreSQL: a new project on the
session's server, ``request.getfixturevalue("pg_server")`` from tests/pg_server.py), and
add ``"name": _name`` to ENGINES. ``reopen`` opens ``project.engine.location`` again, so
``Project.open`` must accept what the engine's ``location`` says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path

import pytest

from annotator.core.schema import Schema
from annotator.storage.project import Project

Factory = Callable[[pytest.FixtureRequest, Path, Schema | None], Project]
MakeProject = Callable[..., Project]  # (schema: Schema | None = None) -> Project
Reopen = Callable[[Project], Project]

_numbers = count(1)


def _sqlite(request: pytest.FixtureRequest, tmp_path: Path, schema: Schema | None) -> Project:
    return Project.create(tmp_path / f"p{next(_numbers)}.annotator", schema)


ENGINES: dict[str, Factory] = {
    "sqlite": _sqlite,
}


@pytest.fixture(params=sorted(ENGINES))
def engine_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_project(
    request: pytest.FixtureRequest, tmp_path: Path, engine_name: str
) -> Iterator[MakeProject]:
    made: list[Project] = []

    def make(schema: Schema | None = None) -> Project:
        made.append(ENGINES[engine_name](request, tmp_path, schema))
        return made[-1]

    yield make
    for project in made:
        if not project.closed:
            project.close()


@pytest.fixture
def project(make_project: MakeProject) -> Project:
    return make_project()


@pytest.fixture
def reopen() -> Iterator[Reopen]:
    opened: list[Project] = []

    def again(project: Project) -> Project:
        opened.append(Project.open(project.engine.location))
        return opened[-1]

    yield again
    for project in opened:
        if not project.closed:
            project.close()
