"""Interface language: English source strings (with an English file for their plural
forms), an Arabic translation that also turns the whole window right-to-left (Qt reads
the translation of QT_LAYOUT_DIRECTION)."""

from __future__ import annotations

from pathlib import Path

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

# Each translator installed, with the bytes it reads. Loaded from a file, Qt maps the
# file into memory and keeps pointers into it: a .qm written over in place while the
# window is open (pyside6-lrelease does that, in a checkout the window runs from) makes
# the next translated text read garbage and crash the process. Bytes read once stay as
# they were; Qt does not copy them, so they are kept as long as their translator.
_installed: list[tuple[QTranslator, bytes]] = []


def install_translator(app: QApplication, language: str = "") -> str:
    """Install the translations for ``language`` ("" follows the system locale);
    returns the language in use."""
    for translator, _ in _installed:
        app.removeTranslator(translator)
    _installed.clear()  # the translators (ours, without a parent) with their bytes
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
    _install(app, I18N / f"annotator_{code}.qm")
    if code != "en":
        qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        _install(app, qt / f"qtbase_{code}.qm")


def _install(app: QApplication, path: Path) -> None:
    """Install the translation in ``path``, read into memory (see ``_installed``);
    none when it is missing or unreadable, as QTranslator.load would."""
    try:
        data = path.read_bytes()
    except OSError:
        return
    translator = QTranslator()
    if translator.load(data, str(path.parent)):
        app.installTranslator(translator)
        _installed.append((translator, data))
