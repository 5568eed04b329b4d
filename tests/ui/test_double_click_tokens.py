"""A double-click selects the word under the mouse as the tokenizer sees it: a hashtag
with its #, a mention with its @, a whole URL (without the sentence's full stop after
it), and the span a label key makes is what was selected."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.ui.window import MainWindow
from tests.ui.conftest import stored_spans

ARTICLE = (
    "غرّد الوزير عبر #غزة_تحت_القصف و #Gaza وردّ @UN_News على الخبر، "
    "والتفاصيل في https://example.org/news/2024?id=7. وقال إن 1,250 شخصاً نزحوا."
)


@pytest.fixture
def window(open_window: Callable[[dict[str, str]], MainWindow]) -> MainWindow:
    return open_window({"article": ARTICLE})


def double_click_inside(qtbot: QtBot, win: MainWindow, token: str, at: int) -> None:
    """Double-click on the character ``at`` of ``token`` (not its first)."""
    start = ARTICLE.index(token) + at
    point = win.view.span_rects(start, start + 1)[0].center().toPoint()
    qtbot.mouseDClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.parametrize(
    ("token", "at"),
    [
        ("#غزة_تحت_القصف", 2),
        ("#غزة_تحت_القصف", 10),  # after an underscore: still the one hashtag
        ("#Gaza", 2),
        ("#Gaza", 0),  # on the # itself
        ("@UN_News", 5),
        ("https://example.org/news/2024?id=7", 10),
        ("https://example.org/news/2024?id=7", 27),
        ("1,250", 3),
    ],
)
def test_a_double_click_selects_the_whole_token_and_its_key_tags_it(
    qtbot: QtBot, window: MainWindow, token: str, at: int
) -> None:
    double_click_inside(qtbot, window, token, at)
    start = ARTICLE.index(token)
    assert window.view.selection() == (start, start + len(token))  # what the user sees
    qtbot.keyClick(window.view, Qt.Key.Key_8)  # MISC
    assert stored_spans(window) == [("MISC", start, start + len(token))]


def test_a_double_clicked_arabic_word_still_leaves_its_comma_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    double_click_inside(qtbot, window, "الخبر،", 2)
    start = ARTICLE.index("الخبر")
    assert window.view.selection() == (start, start + len("الخبر"))
