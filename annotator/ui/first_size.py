"""The size a window first opens at: the one asked for, within the screen's free area."""

from __future__ import annotations

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
