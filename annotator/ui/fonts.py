"""The Arabic fonts the package ships (through fontpkg), registered with Qt once."""

from __future__ import annotations

import fontpkg
from PySide6.QtGui import QFont, QFontDatabase

# In order of preference for reading news text on screen.
_BUNDLED = ("noto-sans-arabic", "amiri")
DEFAULT_POINT_SIZE = 15

_families: list[str] = []


def register_fonts() -> list[str]:
    """Register the bundled font files; returns their family names, preferred first."""
    if not _families:
        for slug in _BUNDLED:
            try:
                family = fontpkg.family(slug)
            except fontpkg.FontpkgError:
                continue  # a missing font package leaves the system's fonts
            for font_file in family.files:
                font_id = QFontDatabase.addApplicationFont(str(font_file.path))
                for name in QFontDatabase.applicationFontFamilies(font_id):
                    if name not in _families:
                        _families.append(name)
    return list(_families)


def reading_font(point_size: int = DEFAULT_POINT_SIZE, family: str | None = None) -> QFont:
    families = register_fonts()
    chosen = family or (families[0] if families else QFont().family())
    font = QFont(chosen, point_size)
    # Latin and emoji fall back per character; Arabic stays in the chosen family.
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font
