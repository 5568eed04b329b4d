"""Fixtures for the GUI tests: the bundled fonts and small Arabic projects."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import NewDocument
from annotator.storage.project import Project
from annotator.ui.i18n import install_translator
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow

ME = "huda"


def show_active(qtbot: QtBot, window: MainWindow) -> None:
    """Show the window as the active one, its article focused: shortcuts need both."""
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()


@pytest.fixture(autouse=True, scope="session")
def _english_interface(qapp: QApplication) -> None:
    """The interface in English with its plural forms, as the application starts it."""
    install_translator(qapp, "en")


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[QApplication]:
    """The interface in Arabic for one test, English again after it."""
    assert install_translator(qapp, "ar") == "ar"
    yield qapp
    install_translator(qapp, "en")


@pytest.fixture(params=["en", "ar"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The test once in each interface language (its code)."""
    install_translator(qapp, request.param)
    yield request.param
    install_translator(qapp, "en")


@pytest.fixture(autouse=True)
def _isolated_settings(qapp: object, tmp_path: Path) -> None:
    # Each test's QSettings in its own folder: other test runs on the machine share the
    # test-mode location, and their recent projects would leak in.
    QStandardPaths.setTestModeEnabled(True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Builds a project file from {name: text}."""

    def make(docs: dict[str, str]) -> Path:
        path = tmp_path / "test.annotator"
        with Project.create(path) as project:
            project.add_documents([NewDocument(name, text) for name, text in docs.items()])
        return path

    return make


@pytest.fixture
def open_window(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> Iterator[Callable[[dict[str, str]], MainWindow]]:
    """Opens the window, active, on a new project of {name: text}; closes it after."""
    opened: list[MainWindow] = []

    def open_on(docs: dict[str, str]) -> MainWindow:
        win = MainWindow(Project.open(make_project(docs)), ME, Settings())
        show_active(qtbot, win)
        opened.append(win)
        return win

    yield open_on
    for win in opened:
        win.project.close()


def stored_spans(win: MainWindow) -> list[tuple[str, int, int]]:
    """(label, start, end) of my spans in the first document, as the project file holds
    them (read through a connection of its own)."""
    fresh = Project.open(win.project.path)
    try:
        return [(a.label, a.start, a.end) for a in fresh.annotations(1, ME)]
    finally:
        fresh.close()
