"""The colour theme: chosen in the settings dialog, kept, and applied at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStyleHints
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.ui.settings import Settings
from annotator.ui.settings_dialog import SettingsDialog
from annotator.ui.theme import DARK, SYSTEM, apply_theme, is_dark


@pytest.fixture
def requested(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """The colour schemes asked of the platform (which, offscreen, cannot switch)."""
    calls: list[object] = []
    real = QStyleHints.setColorScheme

    def record(self: QStyleHints, scheme: Qt.ColorScheme) -> None:
        calls.append(scheme)
        real(self, scheme)

    monkeypatch.setattr(QStyleHints, "setColorScheme", record)
    yield calls
    apply_theme(qapp, SYSTEM)


def choose(qtbot: QtBot, settings: Settings, text: str) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findText(text))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_dark_is_kept_and_asked_of_the_platform(
    qtbot: QtBot, qapp: QApplication, requested: list[object]
) -> None:
    assert hasattr(qapp.styleHints(), "setColorScheme")  # Qt 6.8+
    choose(qtbot, Settings(), "Dark")
    assert Settings().theme == DARK
    assert requested == [Qt.ColorScheme.Dark]
    # Offscreen cannot switch, so our own dark palette stands in.
    assert is_dark(qapp.palette())

    choose(qtbot, Settings(), "Follow the system")
    assert Settings().theme == SYSTEM
    assert requested == [Qt.ColorScheme.Dark, Qt.ColorScheme.Unknown]
    assert not is_dark(qapp.palette())


def test_the_dialog_shows_the_stored_theme(qtbot: QtBot) -> None:
    settings = Settings()
    settings.theme = "light"
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.theme.currentData() == "light"
