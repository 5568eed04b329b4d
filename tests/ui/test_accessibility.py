"""Every part of the main window has a name a screen reader can announce."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.ui.annotation_list import AnnotationList
from annotator.ui.details import DetailsPanel
from annotator.ui.doclist import DocumentList
from annotator.ui.guard import NoticeBar
from annotator.ui.i18n import install_translator
from annotator.ui.palette import LabelPalette
from annotator.ui.searchbar import SearchBar
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.ui.conftest import ME

ARTICLE = "قال محمد إن «الحصار مستمر» في غزة."

# The kinds of widget a screen-reader user moves between.
KINDS = (
    QAbstractItemView,
    QApplication,
    QPlainTextEdit,
    QLineEdit,
    QComboBox,
    QDockWidget,
    DocumentList,
    LabelPalette,
    AnnotationList,
    DetailsPanel,
    SearchBar,
    NoticeBar,
)


@pytest.fixture
def window(qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]) -> Iterator[MainWindow]:
    path = make_project({"article": ARTICLE})
    with Project.open(path) as project:
        project.add_annotation(1, ME, "QUOTE", 12, 26)  # with a "type" attribute
    win = MainWindow(Project.open(path), ME, Settings())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.project.close()


def in_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(win: MainWindow) -> list[str]:
    widgets: list[QWidget] = [w for w in win.findChildren(QWidget) if isinstance(w, KINDS)]
    # Headers are named by their view, a combo box's popup list by the combo box.
    widgets = [w for w in widgets if not isinstance(w, QHeaderView) and not in_combo(w)]
    widgets += win.statusBar().findChildren(QLabel)
    # Our buttons (Qt's own, such as a line edit's clear button, are Qt's to name).
    widgets += win.search.findChildren(
        QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly
    )
    assert len(widgets) > 15
    return [f"{type(w).__name__} {w.objectName()}" for w in widgets if not w.accessibleName()]


def test_every_main_widget_and_dock_is_named(window: MainWindow) -> None:
    window.search.open()
    window.session.select(window.session.annotations()[0].id)  # its attribute editor too
    assert window.details.findChildren(QComboBox)
    assert unnamed(window) == []
    assert window.view.accessibleName() == "Article text"
    docks = {d.accessibleName() for d in window.findChildren(QDockWidget)}
    assert docks == {"Documents", "Labels", "Spans", "Details"}


def test_names_are_translated(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path], qapp: QApplication
) -> None:
    install_translator(qapp, "ar")
    try:
        win = MainWindow(Project.open(make_project({"article": ARTICLE})), ME, Settings())
        qtbot.addWidget(win)
        assert win.view.accessibleName() not in ("", "Article text")
        assert unnamed(win) == []
        win.project.close()
    finally:
        install_translator(qapp, "en")
