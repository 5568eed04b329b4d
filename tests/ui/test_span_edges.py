"""Spans made from a selection, by every path a user takes, have clean edges: no space,
direction mark or punctuation, unless exact spans keep the selection as it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.ui.conftest import ME

ARTICLE = "قال هينكل، إن حماس، تحدثت بحساباتهم؟ ونقلت USA, عن «الحصار»."

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def window(open_window: Callable[[dict[str, str]], MainWindow]) -> MainWindow:
    return open_window({"article": ARTICLE})


def stored(win: MainWindow) -> list[tuple[str, str]]:
    """(label, text) of my spans, as the project file holds them."""
    fresh = reopen_project(win.project.path)
    try:
        return [(a.label, a.text) for a in fresh.annotations(1, ME)]
    finally:
        fresh.close()


def double_click(qtbot: QtBot, win: MainWindow, word: str) -> None:
    at = ARTICLE.index(word)
    point = win.view.span_rects(at + 1, at + 2)[0].center().toPoint()
    qtbot.mouseDClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert win.view.selection() is not None


@pytest.mark.parametrize("word", ["هينكل", "حماس", "بحساباتهم", "USA"])
def test_a_double_clicked_word_and_its_label_key_leave_punctuation_out(
    qtbot: QtBot, window: MainWindow, word: str
) -> None:
    double_click(qtbot, window, word)
    qtbot.keyClick(window.view, Key.Key_3)
    assert stored(window) == [("PER", word)]


def test_a_palette_click_trims_like_the_key(qtbot: QtBot, window: MainWindow) -> None:
    double_click(qtbot, window, "هينكل")
    item = window.palette_list.item(2)  # PER
    rect = window.palette_list.visualItemRect(item)
    qtbot.mouseClick(window.palette_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert stored(window) == [("PER", "هينكل")]


def test_a_keyboard_selection_of_a_quote_leaves_its_marks_and_full_stop_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    start = ARTICLE.index("«")
    window.view.select_span(start, len(ARTICLE))
    qtbot.keyClick(window.view, Key.Key_2)
    assert stored(window) == [("QUOTE", "الحصار")]


def test_only_punctuation_makes_no_span_and_says_why(qtbot: QtBot, window: MainWindow) -> None:
    comma = ARTICLE.index("،")
    window.view.select_span(comma, comma + 2)  # "، "
    qtbot.keyClick(window.view, Key.Key_5)
    assert stored(window) == []
    assert "punctuation" in window.statusBar().currentMessage()


def test_exact_spans_keep_the_punctuation_selected(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Key.Key_E, Mod.ControlModifier)
    comma = ARTICLE.index("،")
    window.view.select_span(comma - 5, comma + 1)
    qtbot.keyClick(window.view, Key.Key_3)
    assert stored(window) == [("PER", "هينكل،")]


def test_annotate_all_looks_for_the_word_without_its_punctuation(
    qtbot: QtBot, window: MainWindow
) -> None:
    double_click(qtbot, window, "حماس")
    assert window.session.annotate_all("ORG", whole_project=False) == 1
    assert stored(window) == [("ORG", "حماس")]


def test_the_same_word_tagged_twice_with_one_label_is_one_span(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A double-click on a tagged word and its label's key again made a second, identical
    span of the same person: counted twice in the lists, the statistics and agreement."""
    double_click(qtbot, window, "حماس")
    qtbot.keyClick(window.view, Key.Key_4)
    double_click(qtbot, window, "حماس")
    qtbot.keyClick(window.view, Key.Key_4)
    assert stored(window) == [("ORG", "حماس")]
    assert window.session.selected() is not None  # the span there, selected
    double_click(qtbot, window, "حماس")
    qtbot.keyClick(window.view, Key.Key_5)  # another label on the same words still adds
    assert sorted(stored(window)) == [("LOC", "حماس"), ("ORG", "حماس")]
