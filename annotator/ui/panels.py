"""A window's side panels, hidden and shown together by one key (F9)."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from annotator.ui.settings import Settings


class SidePanels:
    def __init__(self, settings: Settings, window: str) -> None:
        self.docks: list[QDockWidget] = []
        # Which ones the key hid is saved with the window's panel state ("window" or
        # "review"): after a restart it brought back every panel, not the same ones.
        self._settings = settings
        self._window = window

    def toggle(self) -> None:
        """Hide the panels shown, or show those hidden this way (all of them when none
        are shown and none were)."""
        shown = [dock for dock in self.docks if dock.toggleViewAction().isChecked()]
        if shown:
            self._settings.save_hidden_by_key(
                self._window, [self.docks.index(dock) for dock in shown]
            )
        hidden = [
            self.docks[i] for i in self._settings.hidden_by_key(self._window) if i < len(self.docks)
        ]
        for dock in shown or hidden or self.docks:
            dock.setVisible(not shown)
