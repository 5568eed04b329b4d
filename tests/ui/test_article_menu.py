"""The article's right-click menu: tag the selected text, relabel or delete the span under
the pointer, as the label keys and the Edit menu do."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from annotator.ui.window import MainWindow
from tests.ui.test_window import select_word_by_keyboard, stored

ARTICLE = "قال محمد إن الاحتلال يحاصر غزة."
NAME = ARTICLE.index("محمد")


@pytest.fixture
def window(open_window: Callable[[dict[str, str]], MainWindow]) -> MainWindow:
    return open_window({"article": ARTICLE})


def right_click(qtbot: QtBot, win: MainWindow, at: QPoint, choose: str | None) -> list[str]:
    """Right-click at a viewport point; click the entry ``choose`` of the menu (or close
    it). Returns the menu's entries."""
    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        entry = next((a for a in menu.actions() if a.text() == choose), None)
        if entry is None:
            menu.close()
            return
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(entry).center())

    QTimer.singleShot(0, pick)
    viewport = win.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at))
    QApplication.sendEvent(viewport, event)
    return seen


def word_point(win: MainWindow) -> QPoint:
    return win.view.span_rects(NAME, NAME + 4)[0].center().toPoint()


def test_the_selected_text_is_tagged_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    select_word_by_keyboard(qtbot, window, NAME)
    entries = right_click(qtbot, window, word_point(window), "PER")
    assert entries[:3] == ["CLAIM", "QUOTE", "PER"] and "Annotate all in &document…" in entries
    assert stored(window) == [("PER", NAME, NAME + 4, "محمد")]


def test_the_span_under_the_pointer_is_relabelled_then_deleted(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_word_by_keyboard(qtbot, window, NAME)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)  # nothing selected
    assert window.session.selected() is None
    entries = right_click(qtbot, window, word_point(window), "ORG")
    assert "&Delete span" in entries
    assert "Link speaker / source" not in entries  # an entity is linked to, not from
    assert stored(window) == [("ORG", NAME, NAME + 4, "محمد")]
    right_click(qtbot, window, word_point(window), "&Delete span")
    assert stored(window) == []


def test_with_nothing_selected_or_under_the_pointer_only_copy_is_offered(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    below = QPoint(window.view.viewport().width() // 2, window.view.viewport().height() - 5)
    entries = right_click(qtbot, window, below, None)
    assert "PER" not in entries and entries
    assert stored(window) == []
