"""Interface language: English source strings (with an English file for their plural
forms), an Arabic translation that also turns the whole window right-to-left (Qt reads
the translation of QT_LAYOUT_DIRECTION)."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from annotator.core.bundled import RESOURCES

I18N = RESOURCES / "i18n"
LANGUAGES = ("en", "ar")

# Qt's own marker: a language whose translation of it is "RTL" mirrors the whole window.
LAYOUT_DIRECTION = QT_TRANSLATE_NOOP("QGuiApplication", "QT_LAYOUT_DIRECTION")

_installed: list[QTranslator] = []


def install_translator(app: QApplication, language: str = "") -> str:
    """Install the translations for ``language`` ("" follows the system locale);
    returns the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    code = language or QLocale.system().name().split("_")[0]
    if code not in LANGUAGES:
        code = "en"
    _load(app, code)
    rtl = QCoreApplication.translate("QGuiApplication", str(LAYOUT_DIRECTION)) == "RTL"
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)
    return code


def _load(app: QApplication, code: str) -> None:
    """Our translation (English has one too: the plural forms of "%n span(s)"), and for
    another language Qt's own."""
    ours = QTranslator(app)
    if ours.load(str(I18N / f"annotator_{code}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if code == "en":
        return
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
