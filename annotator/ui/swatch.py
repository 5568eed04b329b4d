"""Small coloured icons for labels in lists and menus."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QIcon, QPixmap


@cache
def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
