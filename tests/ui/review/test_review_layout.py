"""The review window on a laptop's screen: readable lines, the panels giving way."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import NewDocument
from annotator.storage.project import Project
from annotator.ui.review.window import ReviewWindow
from tests.present import present
from tests.ui.review.conftest import CURATOR, show_active
from tests.ui.test_laptop_layout import PARAGRAPH, READABLE


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "team.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("01-water", PARAGRAPH)])
        start = PARAGRAPH.index("الوزير")
        for name in ("huda", "omar"):
            project.add_annotation(1, name, "PER", start, start + len("الوزير"))
    return path


def first_line_length(win: ReviewWindow) -> int:
    QApplication.processEvents()
    layout = present(win.view.document().firstBlock().layout())
    assert layout.lineCount() > 1
    return layout.lineAt(0).textLength()


@pytest.mark.parametrize("width", [1200, 1000, 900, 800])
def test_the_review_article_keeps_readable_lines_as_the_window_narrows(
    qtbot: QtBot, path: Path, language: str, width: int
) -> None:
    """At 900 pixels the lists kept their widths and a line of the article held some 20
    letters; now the lists narrow first."""
    win = ReviewWindow(Project.open(path), CURATOR)
    show_active(qtbot, win)
    win.resize(width, 700)
    QApplication.processEvents()
    assert first_line_length(win) >= READABLE, (language, width, win.width())
    assert all(dock.isVisible() for dock in win.findChildren(QDockWidget))
    assert win.minimumSizeHint().width() <= present(win.screen()).availableGeometry().width()
    win.close()
    win.project.close()


def test_f9_hides_the_review_windows_panels_and_brings_them_back(qtbot: QtBot, path: Path) -> None:
    win = ReviewWindow(Project.open(path), CURATOR)
    show_active(qtbot, win)
    before = first_line_length(win)
    qtbot.keyClick(win.view, Qt.Key.Key_F9)
    assert not any(dock.isVisible() for dock in win.findChildren(QDockWidget))
    assert first_line_length(win) > before
    qtbot.keyClick(win.view, Qt.Key.Key_F9)
    assert all(dock.isVisible() for dock in win.findChildren(QDockWidget))
    win.close()
    win.project.close()
