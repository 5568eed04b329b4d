"""How wide the article must stay for its lines to read comfortably."""

from __future__ import annotations

from math import ceil

from PySide6.QtGui import QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit

# Characters a line should hold at least: below some 45 an Arabic line breaks every few
# words and reading turns into scanning (a little more, since lines break between words).
READABLE_CHARACTERS = 50
# An ordinary news sentence, for the average width of an Arabic letter in a font (the
# font's own average is its Latin letters', some twice as wide).
_SAMPLE = "قال الوزير في مؤتمر صحفي إن الحكومة ستعلن خطتها الجديدة للمياه قريبا"
# The most of the screen's width the article may claim, so that on a small screen or at
# a large zoom the window still fits with a column of panels beside it.
SCREEN_SHARE = 0.6


def readable_width(view: QPlainTextEdit) -> int:
    """The width ``view`` needs for lines of READABLE_CHARACTERS in its font, with its
    frame, margins and scroll bar; within SCREEN_SHARE of its screen."""
    metrics = QFontMetricsF(view.font())
    letters = metrics.horizontalAdvance(_SAMPLE) / len(_SAMPLE) * READABLE_CHARACTERS
    chrome = (
        2 * view.document().documentMargin()
        + 2 * view.frameWidth()
        + view.verticalScrollBar().sizeHint().width()
    )
    width = ceil(letters + chrome)
    screen = view.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        width = min(width, int(screen.availableGeometry().width() * SCREEN_SHARE))
    return width
