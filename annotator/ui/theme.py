"""The colour theme: light, dark, or whatever the system uses.

Qt 6.8+ asks the platform for the scheme (``QStyleHints.setColorScheme``). Where the
platform cannot switch (the offscreen platform, some Linux desktops) the request has no
effect, and a dark palette of our own stands in for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

SYSTEM = ""
LIGHT = "light"
DARK = "dark"
THEMES = (SYSTEM, LIGHT, DARK)

_SCHEMES = {LIGHT: Qt.ColorScheme.Light, DARK: Qt.ColorScheme.Dark}


def scheme_of(theme: str) -> Qt.ColorScheme:
    return _SCHEMES.get(theme, Qt.ColorScheme.Unknown)


def apply_theme(app: QGuiApplication, theme: str) -> None:
    """Ask for ``theme``'s colour scheme, and paint it ourselves if the platform cannot."""
    scheme = scheme_of(theme)
    hints = app.styleHints()
    hints.setColorScheme(scheme)
    if scheme is Qt.ColorScheme.Dark and hints.colorScheme() is not Qt.ColorScheme.Dark:
        app.setPalette(dark_palette())
    else:
        app.setPalette(QPalette())  # back to the style's and platform's own


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def dark_palette() -> QPalette:
    """Fusion's dark colours: light text on near-black, a blue highlight."""
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    disabled = QColor(130, 130, 130)
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, colour in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, window),
        (role.ToolTipBase, window),
        (role.ToolTipText, text),
        (role.PlaceholderText, disabled),
        (role.Text, text),
        (role.Button, window),
        (role.ButtonText, text),
        (role.BrightText, QColor(255, 80, 80)),
        (role.Light, QColor(70, 70, 74)),
        (role.Midlight, QColor(60, 60, 64)),
        (role.Mid, QColor(40, 40, 42)),
        (role.Dark, QColor(20, 20, 22)),
        (role.Shadow, QColor(0, 0, 0)),
        (role.Highlight, QColor(42, 130, 218)),
        (role.HighlightedText, QColor(255, 255, 255)),
        (role.Link, QColor(110, 170, 255)),
        (role.LinkVisited, QColor(180, 140, 255)),
    ):
        palette.setColor(r, colour)
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, disabled)
    return palette
