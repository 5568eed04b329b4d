"""A span over a whole long article: made, shown and undone without the window growing
or its panels changing size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from annotator.ui.details import SHOWN_TEXT
from annotator.ui.window import MainWindow
from tests.ui.conftest import stored_spans
from tests.ui.test_window import type_text

PARAGRAPH = "قال محمد إن الاحتلال يحاصر غزة منذ سنوات، وأكد أن «الحصار مستمر»."
ARTICLE = "\n".join(f"{PARAGRAPH} ({i})" for i in range(4000))  # about 300 KB

Key = Qt.Key
Mod = Qt.KeyboardModifier


def dock_heights(win: MainWindow) -> dict[str, int]:
    return {d.objectName(): d.height() for d in win.findChildren(QDockWidget)}


def test_ctrl_a_then_a_label_key_tags_the_article_and_the_window_keeps_its_size(
    qtbot: QtBot, open_window: Callable[[dict[str, str]], MainWindow]
) -> None:
    window = open_window({"long": ARTICLE})
    qtbot.waitUntil(lambda: window.view.index.map.length == len(ARTICLE))  # all loaded
    size, docks = window.size(), dock_heights(window)
    qtbot.keyClick(window.view, Key.Key_A, Mod.ControlModifier)
    qtbot.keyClick(window.view, Key.Key_1)  # CLAIM
    assert stored_spans(window) == [("CLAIM", 0, len(ARTICLE) - 1)]  # without the last "."
    shown = window.details.text.text()
    assert len(shown) <= SHOWN_TEXT + 3 and shown.startswith("قال محمد") and " … " in shown
    qtbot.wait(1)  # a turn of the event loop: layouts settle
    assert window.size() == size and dock_heights(window) == docks
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert stored_spans(window) == []
    qtbot.wait(1)
    assert window.size() == size and dock_heights(window) == docks


def test_in_a_long_article_find_as_you_type_waits_for_a_second_letter(
    qtbot: QtBot, open_window: Callable[[dict[str, str]], MainWindow]
) -> None:
    window = open_window({"long": ARTICLE})
    qtbot.keyClick(window.view, Key.Key_F, Mod.ControlModifier)
    type_text(qtbot, window.search.field, "غ")
    assert window.view.matches == []
    qtbot.keyClick(window.search.field, Key.Key_Return)  # Enter looks for it all the same
    assert len(window.view.matches) == 4000
    qtbot.keyClick(window.view, Key.Key_F, Mod.ControlModifier)
    type_text(qtbot, window.search.field, "غز")
    assert len(window.view.matches) == 4000
