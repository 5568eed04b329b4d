"""A window's side panels, hidden and shown together by one key (F9)."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget


class SidePanels:
    def __init__(self) -> None:
        self.docks: list[QDockWidget] = []
        self._hidden_by_key: list[QDockWidget] = []  # to bring back the same ones

    def toggle(self) -> None:
        """Hide the panels shown, or show those hidden this way (all of them when none
        are shown and none were)."""
        shown = [dock for dock in self.docks if dock.toggleViewAction().isChecked()]
        if shown:
            self._hidden_by_key = shown
        for dock in shown or self._hidden_by_key or self.docks:
            dock.setVisible(not shown)
