"""The size a window first opens at: the one asked for, within the screen's free area."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The share of the screen's free area (without panels and docks) a first window may take,
# leaving room for its frame and title bar.
SCREEN_SHARE = 0.92


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to width × height, or less where the screen is smaller (a laptop's 768
    pixels): a 1280 × 800 window hung its status bar and lowest rows below the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, int(free.width() * SCREEN_SHARE))
        height = min(height, int(free.height() * SCREEN_SHARE))
    window.resize(width, height)


def move_within_screen(window: QWidget) -> None:
    """A window whose frame passes the screen's free area (placed so by the window
    manager, grown as its panels came back) made to fit it and moved onto it; one
    within it is left as it is. Not a maximized or full-screen one: the window manager
    keeps those."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > free.width() or frame.height() > free.height():
        resize_within_screen(window, window.width(), window.height())
    frame = window.frameGeometry()
    dx = min(0, free.right() - frame.right()) or max(0, free.left() - frame.left())
    dy = min(0, free.bottom() - frame.bottom()) or max(0, free.top() - frame.top())
    if dx or dy:
        window.move(window.x() + dx, window.y() + dy)


class _WithinScreenOnShow(QObject):
    """Moves its window onto the screen each time it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            move_within_screen(watched)
        return False


def open_within_screen(window: QWidget, width: int, height: int) -> None:
    """A window other than the annotation window opened at width × height, or less on
    a smaller screen, and kept within the screen as it is shown: the review window,
    placed on a 1280 × 720 screen, hung some 15 pixels below it."""
    resize_within_screen(window, width, height)
    window.installEventFilter(_WithinScreenOnShow(window))
