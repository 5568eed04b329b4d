"""The label palette: colour, name and shortcut of each label; a click applies it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from annotator.core.schema import Schema
from annotator.ui.label_kinds import kind_name
from annotator.ui.swatch import swatch


class LabelPalette(QListWidget):
    labelChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Clicking must not take the focus from the document and its text selection.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.itemClicked.connect(
            lambda item: self.labelChosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def set_schema(self, schema: Schema) -> None:
        self.clear()
        for label in schema.labels:
            key = f"{label.shortcut}  " if label.shortcut else ""
            item = QListWidgetItem(swatch(label.color), f"{key}{label.name}")
            item.setData(Qt.ItemDataRole.UserRole, label.name)
            item.setToolTip(f"{label.description} ({kind_name(label.kind)})")
            self.addItem(item)
        # Narrowed with the window, every label's name still shows whole.
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + scroll_bar)
