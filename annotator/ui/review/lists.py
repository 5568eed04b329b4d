"""The review window's three lists: the annotators compared, the documents with their
curation status, and the places to review.

Names and texts are wrapped in Unicode isolates, so that an Arabic name or span inside
a Latin line (or the reverse) keeps its place. None of the lists takes the keyboard
focus by tabbing: the letters and digits are the decisions' keys.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QTreeWidget, QTreeWidgetItem, QWidget

from annotator.core.model import DocumentInfo, Status
from annotator.review.units import ReviewUnit, UnitState
from annotator.storage.project import Project
from annotator.ui.doclist import insert_in_order, isolate
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
            self._add(name, Qt.CheckState.Checked)
        self._number()
        self.itemChanged.connect(self._item_changed)

    def _add(self, name: str, state: Qt.CheckState) -> None:
        item = QListWidgetItem(name)
        item.setData(ID_ROLE, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(state)
        self.addItem(item)

    def _items(self) -> list[QListWidgetItem]:
        return [item for i in range(self.count()) if (item := self.item(i)) is not None]

    def add_names(self, names: list[str]) -> None:
        """Annotators who joined meanwhile, listed unchecked: the lanes chosen stay."""
        known = {item.data(ID_ROLE) for item in self._items()}
        self.blockSignals(True)
        for name in names:
            if name not in known:
                self._add(name, Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self._number()

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
        self._rows: dict[int, QTreeWidgetItem] = {}  # by document id
        self._shown: dict[int, Status] = {}  # the statuses shown but "not started"

    def _current_changed(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.documentChosen.emit(item.data(0, ID_ROLE))

    def refresh(self, project: Project, current: int) -> Status:
        """The current document selected and every curation status as the project now
        has them; returns the current one's. The rows are made once (a project of
        thousands), and only the statuses that changed are written again."""
        statuses = {i: state.status for i, state in project.gold.curation_statuses().items()}
        self.blockSignals(True)
        if not self._rows:
            self._add(project.documents())
        for doc_id in statuses.keys() | self._shown.keys():
            status = statuses.get(doc_id, Status.NOT_STARTED)
            item = self._rows.get(doc_id)
            if item is not None and self._shown.get(doc_id, Status.NOT_STARTED) != status:
                item.setText(1, self.status_names[status])
        self._shown = statuses
        if current in self._rows:
            self.setCurrentItem(self._rows[current])
        self.blockSignals(False)
        return statuses.get(current, Status.NOT_STARTED)

    def update_documents(self, project: Project, documents: Collection[int] | None) -> None:
        """Documents added or removed elsewhere: their rows only (``None``: any may have
        been, compared with the project's)."""
        infos = project.documents() if documents is None else project.documents_in(documents)
        there = {d.id for d in infos}
        gone = (self._rows.keys() if documents is None else set(documents)) - there
        self.blockSignals(True)
        for doc_id in gone & self._rows.keys():
            self.takeTopLevelItem(self.indexOfTopLevelItem(self._rows.pop(doc_id)))
        for doc_id in gone:
            self._shown.pop(doc_id, None)
        self._add([d for d in infos if d.id not in self._rows])
        self.blockSignals(False)

    def _add(self, documents: list[DocumentInfo]) -> None:
        """Rows for new documents, in project order."""
        rows = []
        for info in documents:
            status = self._shown.get(info.id, Status.NOT_STARTED)
            item = QTreeWidgetItem([isolate(info.name), self.status_names[status]])
            item.setData(0, ID_ROLE, info.id)
            rows.append((info.id, item))
            self._rows[info.id] = item
        insert_in_order(self, rows, lambda item: item.data(0, ID_ROLE))


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
