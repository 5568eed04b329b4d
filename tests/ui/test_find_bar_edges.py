"""The find bar on text as corpora ship it: NewsFANE's CoNLL puts a left-to-right mark
before every token, which the reader never sees; find-as-you-type keeps to the match it
is on while the query still matches there; and a query that stops matching must not
leave an earlier match selected for the next label key to tag."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.ui.conftest import ME, show_active
from tests.ui.test_window import stored, type_text

LRM = "\u200e"
# As the CoNLL import rebuilds NewsFANE's first sentence: a mark before every token.
SENTENCE = LRM + f" {LRM}".join(["اعلن", "اتحاد", "صناعة", "السيارات", "في", "المانيا"])
ARTICLE = SENTENCE + "\nغزة ثم غزة"

Key = Qt.Key


@pytest.fixture
def window(qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]) -> Iterator[MainWindow]:
    win = MainWindow(Project.open(make_project({"article": ARTICLE})), ME, Settings())
    show_active(qtbot, win)
    yield win
    win.project.close()


def test_a_phrase_is_found_across_the_direction_marks_between_its_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.view, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.search.field, "اتحاد صناعة السيارات")
    qtbot.keyClick(window.search.field, Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_4)
    start = ARTICLE.index("اتحاد")
    end = ARTICLE.index("السيارات") + len("السيارات")
    assert stored(window) == [("ORG", start, end, ARTICLE[start:end])]


def test_a_query_that_stops_matching_leaves_nothing_for_a_label_key_to_tag(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.view, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.search.field, "اتحاد x")  # matched up to the space
    assert window.search.count.text() == "0/0"
    qtbot.keyClick(window.search.field, Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_4)
    assert stored(window) == []


def test_typing_a_word_letter_by_letter_stays_on_its_first_match(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.view, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.search.field, "غز")  # "غ" found the first, and so does "غز"
    assert window.search.count.text() == "1/2"
    qtbot.keyClick(window.search.field, Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_5)
    start = ARTICLE.index("غزة")  # widened to the whole word
    assert stored(window) == [("LOC", start, start + 3, "غزة")]
