"""File › Settings › Interface language: the window comes back in the other language
showing what it showed, with the same undo history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.ui import app
from annotator.ui.i18n import install_translator
from annotator.ui.settings import Settings
from annotator.ui.settings_dialog import SettingsDialog
from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.ui.conftest import ME

Key = Qt.Key
Mod = Qt.KeyboardModifier
LONG = "\n".join(f"الفقرة {n}: قال محمد إن الحصار مستمر في غزة منذ سنوات طويلة." for n in range(80))


def choose_language_in_settings(qtbot: QtBot, window: MainWindow, code: str) -> int:
    """File › Settings, pick the language, OK — as a user does. Returns the paragraph at
    the top of the article when OK was pressed."""
    top: list[int] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.language.setCurrentIndex(dialog.language.findData(code))
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        top.append(window.view.firstVisibleBlock().blockNumber())
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    settings_action = next(
        a for a in window.actions() if isinstance(a, QAction) and a.text() == "&Settings…"
    )
    settings_action.trigger()
    return top[0]


def test_switching_the_language_keeps_the_document_selection_scroll_geometry_and_undo(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    settings = Settings()
    path = make_project({"first": "قال محمد", "long": LONG})
    window = app.open_window(path, ME, settings)  # closed and deleted by the switch
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Key.Key_PageDown, Mod.ControlModifier)  # the long document
    assert window.session.document is not None and window.session.document.name == "long"
    at = LONG.index("محمد", 2000)
    window.view.select_span(at, at + 4)
    qtbot.keyClick(window.view, Key.Key_3)  # PER: one edit to undo
    span = window.session.selected_id
    window.view.select_span(at + 8, at + 14)  # then a selection
    window.view.scroll_to_paragraph(50)

    top = choose_language_in_settings(qtbot, window, "ar")
    assert top > 20
    arabic = app._windows[-1]
    qtbot.addWidget(arabic)
    try:
        assert arabic is not window
        assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert arabic.session.document is not None and arabic.session.document.name == "long"
        assert arabic.view.selection() == (at + 8, at + 14)
        assert arabic.session.selected_id == span
        qtbot.waitUntil(lambda: arabic.view.firstVisibleBlock().blockNumber() == top)
        assert arabic.isMaximized()
        # The edit made before the switch is undone from the new window.
        arabic.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is arabic)
        arabic.view.setFocus()
        qtbot.keyClick(arabic.view, Key.Key_Z, Mod.ControlModifier)
        fresh = reopen_project(path)
        try:
            assert fresh.annotations(fresh.document("long").id, ME) == []
        finally:
            fresh.close()
        assert len(arabic.view.index) == 0  # and the view shows it
        qtbot.keyClick(arabic.view, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
        assert [a.text for a in arabic.view.index.in_order()] == ["محمد"]
    finally:
        install_translator(QApplication.instance(), "en")  # type: ignore[arg-type]
        arabic.project.close()
        app._windows.clear()
