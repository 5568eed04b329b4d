"""Fixtures for the GUI tests: the bundled fonts and small Arabic projects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from annotator.storage.project import NewDocument, Project

ME = "huda"


@pytest.fixture(autouse=True)
def _isolated_settings(qapp: object) -> None:
    # QSettings and standard paths go to a throw-away test location.
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def make_project(tmp_path: Path) -> Iterator:  # type: ignore[type-arg]
    """Builds a project file from {name: text}; closes what it opened."""
    opened: list[Project] = []

    def make(docs: dict[str, str]) -> Path:
        path = tmp_path / "test.annotator"
        project = Project.create(path)
        project.add_documents([NewDocument(name, text) for name, text in docs.items()])
        project.close()
        opened.append(project)
        return path

    yield make
