"""Shared test set-up. Qt runs offscreen; core tests never import it."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from annotator.storage.project import Project

# Before any QApplication exists: with no display Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests, one setting for all: no deadline (timings are benchmarks' business, and a
# slow machine is no failure), and in CI the same examples every run, so that a red run is
# the code's doing and can be repeated. Tests set only their number of examples.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _isolated_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo project, backups and the annotator's name go to throw-away folders,
    never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    # The annotator's name (annotator.identity) too: the user's own is never read.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(autouse=True)
def _fail_on_logged_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A warning logged during a test fails it (as qutebrowser does): either the code has
    a problem to fix or the test should check the warning and then ``caplog.clear()``."""
    yield
    unexpected = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert not unexpected, [f"{r.name}: {r.getMessage()}" for r in unexpected]


def reopen_project(path: Path) -> Project:
    """A second, independent connection to the project file, as another program sees it."""
    return Project.open(path)
