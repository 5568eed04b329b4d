"""Undo and redo stay truthful: after another program changed the project, and for
schema edits, which are one all-or-nothing step each."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.ui.conftest import ME

ARTICLE = "قال محمد إن الاحتلال يحاصر غزة."
MOHAMMED = (4, 8)

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def window(open_window: Callable[[dict[str, str]], MainWindow]) -> MainWindow:
    return open_window({"article": ARTICLE})


def stored(win: MainWindow) -> list[tuple[str, int, int]]:
    fresh = reopen_project(win.project.path)
    try:
        return [(a.label, a.start, a.end) for a in fresh.annotations(1, ME)]
    finally:
        fresh.close()


def tag(qtbot: QtBot, win: MainWindow, key: Key) -> None:
    win.view.select_span(*MOHAMMED)
    qtbot.keyClick(win.view, key)


def another_program_deletes_my_spans(win: MainWindow) -> None:
    other = reopen_project(win.project.path)
    for ann in other.annotations(1, ME):
        other.delete_annotation(ann.id)
    other.close()


def switch_away_and_back(qtbot: QtBot, win: MainWindow) -> None:
    """The user looks at another window and comes back: the window reloads."""
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is elsewhere)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.view.setFocus()


def test_undo_of_a_span_another_program_deleted_is_reported_and_the_history_cleared(
    qtbot: QtBot, window: MainWindow
) -> None:
    tag(qtbot, window, Key.Key_3)
    another_program_deletes_my_spans(window)
    switch_away_and_back(qtbot, window)
    assert len(window.view.index) == 0  # reloaded
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 0)
    assert window.notice.isVisible()
    assert "can no longer be undone" in window.notice.text()
    assert stored(window) == []
    # The window goes on working.
    tag(qtbot, window, Key.Key_4)
    assert stored(window) == [("ORG", *MOHAMMED)]
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert stored(window) == []


def test_redo_of_a_relabel_after_another_program_deleted_the_span_is_reported(
    qtbot: QtBot, window: MainWindow
) -> None:
    tag(qtbot, window, Key.Key_3)
    qtbot.keyClick(window.view, Key.Key_4)  # the span is selected: relabel it ORG
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert stored(window) == [("PER", *MOHAMMED)]
    another_program_deletes_my_spans(window)
    switch_away_and_back(qtbot, window)
    qtbot.keyClick(window.view, Key.Key_Y, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 0)
    assert "can no longer be undone or redone" in window.notice.text()
    assert stored(window) == []
