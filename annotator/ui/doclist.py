"""The project's documents: name, length, my span count and my status; a filter that
matches names and, through the full-text index, contents."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from annotator.core.model import Status
from annotator.storage.project import Project


def status_text(status: Status) -> str:
    """A document's status as the interface names it."""
    names = {
        Status.NOT_STARTED: QCoreApplication.translate("Status", "not started"),
        Status.IN_PROGRESS: QCoreApplication.translate("Status", "in progress"),
        Status.DONE: QCoreApplication.translate("Status", "done"),
    }
    return names[status]


def isolate(text: str) -> str:
    """Text whose direction comes from its own first strong character, whatever the
    interface's: «01-water-summit» stays in that order in the Arabic interface."""
    return f"\u2068{text}\u2069"


class DocumentList(QWidget):
    documentChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter or search the project…"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("Document"), self.tr("Length"), self.tr("Spans"), self.tr("Status")]
        )
        self.tree.itemActivated.connect(self._chosen)
        self.tree.itemClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.filter.textChanged.connect(self._apply_filter)
        self._project: Project | None = None
        self._annotator = ""
        self._current: int | None = None

    def refresh(self, project: Project, annotator: str, current: int | None) -> None:
        self._project, self._annotator, self._current = project, annotator, current
        counts = project.annotation_counts()
        statuses = project.statuses_of(annotator)
        self.tree.clear()
        for doc in project.documents():
            status = statuses.get(doc.id, Status.NOT_STARTED)
            item = QTreeWidgetItem(
                [
                    isolate(doc.name),
                    str(doc.length),
                    str(counts.get(doc.id, {}).get(annotator, 0)),
                    status_text(status),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, doc.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            self.tree.addTopLevelItem(item)
            if doc.id == current:
                self.tree.setCurrentItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self._apply_filter(self.filter.text())

    def update_row(self, doc_id: int, count: int, status: Status) -> None:
        """My count and status of one document, after an edit in it."""
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == doc_id:
                item.setText(2, str(count))
                item.setText(3, status_text(status))
                return

    def _apply_filter(self, text: str) -> None:
        query = text.strip()
        matching: set[int] | None = None
        if query and self._project is not None:
            matching = {d.id for d in self._project.search(query)}
        for item in self._items():
            shown = (
                matching is None
                or item.data(0, Qt.ItemDataRole.UserRole) in matching
                or query.casefold() in item.text(0).casefold()
            )
            item.setHidden(not shown)

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _chosen(self, item: QTreeWidgetItem) -> None:
        doc_id = item.data(0, Qt.ItemDataRole.UserRole)
        if doc_id != self._current:
            # From the event loop: opening refreshes this list, which must not delete the
            # item whose click is still being delivered.
            QTimer.singleShot(0, self, lambda: self.documentChosen.emit(doc_id))
