"""The review window on a laptop's screen (readable lines, the panels giving way), and
the agreement dashboard's numbers in the Arabic interface."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import NewDocument
from annotator.storage.project import Project
from annotator.ui.review.dashboard import AgreementDashboard
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


def test_each_review_panel_closes_by_its_cross_and_the_panels_hidden_are_remembered(
    qtbot: QtBot, path: Path, language: str
) -> None:
    """The review window's panels had no × (the annotation window's have), and which were
    hidden was forgotten at the next opening: each hidden again every time."""
    win = ReviewWindow(Project.open(path), CURATOR)
    show_active(qtbot, win)
    docks = win.findChildren(QDockWidget)
    units = next(dock for dock in docks if dock.widget() is win.unit_list)
    cross = units.findChild(QAbstractButton, "qt_dockwidget_closebutton")
    assert cross is not None and cross.isVisible()
    qtbot.mouseClick(cross, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not units.isVisible()
    assert all(dock.isVisible() for dock in docks if dock is not units)
    # Remembered as it is hidden: this window is still open.
    again = ReviewWindow(Project.open(path), CURATOR)
    show_active(qtbot, again)
    hidden = [dock.windowTitle() for dock in again.findChildren(QDockWidget) if dock.isHidden()]
    assert hidden == [units.windowTitle()], language
    # The menu brings it back, and that too is kept.
    entry = next(
        action
        for action in again.findChildren(QAction)
        if action.text() == units.windowTitle() and action.isCheckable()
    )
    entry.trigger()
    QApplication.processEvents()
    assert all(dock.isVisible() for dock in again.findChildren(QDockWidget))
    for window in (win, again):
        window.close()
        window.project.close()
    third = ReviewWindow(Project.open(path), CURATOR)
    show_active(qtbot, third)
    assert all(dock.isVisible() for dock in third.findChildren(QDockWidget))
    third.close()
    third.project.close()


APART = "قال محمد إن الاحتلال يحاصر غزة وأكد أحمد أن الحصار مستمر في غزة"


def reading_order_on_screen(text: str, direction: Qt.LayoutDirection) -> str:
    """The characters of ``text`` left to right as a cell in ``direction`` draws them."""
    layout = QTextLayout(text)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    assert line.isValid()
    shown = [
        (run.boundingRect().center().x(), ch)
        for i, ch in enumerate(text)
        if not ch.isspace() and unicodedata.category(ch) != "Cf"  # direction marks
        for run in layout.glyphRuns(i, 1)[:1]
    ]
    return "".join(ch for _, ch in sorted(shown))


def test_a_negative_agreement_reads_with_its_minus_in_front_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: QApplication
) -> None:
    """In the Arabic interface α below chance showed as «1.20-»: the number, weak
    characters only, took the cell's right-to-left direction."""
    words = APART.split()
    path = tmp_path / "apart.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("apart", APART)])
        start = 0
        for k, word in enumerate(words):  # every other word each: no span in common
            project.add_annotation(1, "huda" if k % 2 else "omar", "PER", start, start + len(word))
            start += len(word) + 1
    dashboard = AgreementDashboard(Project.open(path), CURATOR)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.ready):
        dashboard.show()
    assert dashboard.layoutDirection() == Qt.LayoutDirection.RightToLeft
    cells = [present(dashboard.labels.item(0, c)).text() for c in (1, 2)]
    cells += [present(dashboard.layers.item(0, c)).text() for c in range(2, 5)]
    negative = [text for text in cells if "-" in text]
    assert negative
    for text in negative:
        shown = reading_order_on_screen(text, Qt.LayoutDirection.RightToLeft)
        assert shown.startswith("-") and shown[1].isdigit(), shown
    summary = reading_order_on_screen(dashboard.summary.text(), Qt.LayoutDirection.RightToLeft)
    assert "-1.20" in summary or "-0.92" in summary
    dashboard.close()
    dashboard.project.close()


def test_f9_after_a_reopening_brings_back_the_review_lists_it_hid(qtbot: QtBot, path: Path) -> None:
    """The disagreements closed by their ×, the other lists by F9: opened again, the
    window's F9 showed every list; it brings back the two it hid."""
    win = ReviewWindow(Project.open(path), CURATOR)
    show_active(qtbot, win)
    units = next(dock for dock in win.findChildren(QDockWidget) if dock.widget() is win.unit_list)
    units.close()
    QApplication.processEvents()
    hid = {dock.windowTitle() for dock in win.findChildren(QDockWidget) if dock.isVisible()}
    qtbot.keyClick(win.view, Qt.Key.Key_F9)
    QApplication.processEvents()
    win.close()
    win.project.close()

    again = ReviewWindow(Project.open(path), CURATOR)
    show_active(qtbot, again)
    assert not any(dock.isVisible() for dock in again.findChildren(QDockWidget))
    qtbot.keyClick(again.view, Qt.Key.Key_F9)
    shown = {dock.windowTitle() for dock in again.findChildren(QDockWidget) if dock.isVisible()}
    assert shown == hid
    again.close()
    again.project.close()
