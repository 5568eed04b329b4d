"""The review window's three lists: the annotators compared, the documents with their
curation status, and the places to review.

Names and texts are wrapped in Unicode isolates, so that an Arabic name or span inside
a Latin line (or the reverse) keeps its place. None of the lists takes the keyboard
focus by tabbing: the letters and digits are the decisions' keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QTreeWidget, QTreeWidgetItem, QWidget

from annotator.core.model import Status
from annotator.review.units import ReviewUnit, UnitState
from annotator.storage.project import Project
from annotator.ui.doclist import isolate
from annotator.ui.review.view import STATE_COLORS

ID_ROLE = Qt.ItemDataRole.UserRole


def decided(unit: ReviewUnit) -> bool:
    """Gold holds a span there, or every version was rejected."""
    return bool(unit.gold) or not unit.open_versions


class AnnotatorPicker(QListWidget):
    """Checkable annotators; the checked ones are numbered, as their keys and lanes."""

    changed = Signal()

    def __init__(self, names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for name in names:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.addItem(item)
        self._number()
        self.itemChanged.connect(self._item_changed)

    def _items(self) -> list[QListWidgetItem]:
        return [item for i in range(self.count()) if (item := self.item(i)) is not None]

    def chosen(self) -> list[str]:
        return [
            it.data(ID_ROLE) for it in self._items() if it.checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, names: list[str]) -> None:
        self.blockSignals(True)
        for item in self._items():
            checked = item.data(ID_ROLE) in names
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self._item_changed()

    def _item_changed(self) -> None:
        self._number()
        self.changed.emit()

    def _number(self) -> None:
        self.blockSignals(True)
        chosen = self.chosen()
        for item in self._items():
            name = item.data(ID_ROLE)
            shown = isolate(name)
            item.setText(f"{chosen.index(name) + 1}  {shown}" if name in chosen else shown)
        self.blockSignals(False)


class CurationList(QTreeWidget):
    """Every document with its curation status; choosing one emits its id."""

    documentChosen = Signal(int)

    def __init__(self, status_names: dict[Status, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.status_names = status_names
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setHeaderLabels([self.tr("Document"), self.tr("Curation")])
        self.setRootIsDecorated(False)
        self.currentItemChanged.connect(self._current_changed)

    def _current_changed(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.documentChosen.emit(item.data(0, ID_ROLE))

    def refresh(self, project: Project, current: int) -> Status:
        """Fill the list, the current document selected; returns its status."""
        statuses = project.gold.curation_statuses()
        current_status = Status.NOT_STARTED
        self.blockSignals(True)
        self.clear()
        for info in project.documents():
            state = statuses.get(info.id)
            status = state.status if state else Status.NOT_STARTED
            item = QTreeWidgetItem([isolate(info.name), self.status_names[status]])
            item.setData(0, ID_ROLE, info.id)
            self.addTopLevelItem(item)
            if info.id == current:
                self.setCurrentItem(item)
                current_status = status
        self.blockSignals(False)
        return current_status


class PlaceList(QListWidget):
    """The places to review, each with its state (in its colour) and its versions."""

    def __init__(self, state_names: dict[UnitState, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.state_names = state_names
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setWordWrap(True)

    def show_units(self, units: list[ReviewUnit], text: str) -> None:
        """Replace the rows, signalling nothing; the caller sets the current row."""
        self.blockSignals(True)
        self.clear()
        for unit in units:
            item = QListWidgetItem(self.describe(unit, text))
            item.setForeground(STATE_COLORS[unit.state])
            self.addItem(item)
        self.blockSignals(False)

    def describe(self, unit: ReviewUnit, text: str) -> str:
        done = "✓ " if decided(unit) else ""
        versions = "; ".join(
            f"{v.label} «{isolate(text[v.start : v.end])}» "
            f"({', '.join(isolate(a) for a in v.annotators)})"
            for v in unit.versions
        )
        return f"{done}{self.state_names[unit.state]} — {versions}"
