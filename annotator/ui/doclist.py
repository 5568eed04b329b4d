"""The project's documents: name, length, my span count and my status; a filter that
matches names and, through the project search, contents — with a passage of each found
document, its matches in bold."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import DocumentInfo, Status
from annotator.core.textsearch import Snippet
from annotator.storage.project import Project

MATCH_COLUMN = 4
MARKS_ROLE = Qt.ItemDataRole.UserRole + 1  # the snippet's matches, (start, end) pairs
STATUS_PADDING = 8  # pixels either side of a status, as an item view pads its text
USER = Qt.ItemDataRole.UserRole  # a row's document id, in its first column
SEARCH_LIMIT = 100  # the best this many found documents are shown, each with a passage


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


class SnippetDelegate(QStyledItemDelegate):
    """Draws a passage with its matches in bold; the item's text stays the plain passage
    (what screen readers and copying get)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        marks = index.data(MARKS_ROLE)
        if not marks:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        style = item.widget.style() if item.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        doc = QTextDocument()
        doc.setDefaultFont(item.font)
        doc.setDocumentMargin(2)
        doc.setHtml(marked_html(Snippet(text, tuple(marks))))
        painter.save()
        painter.setClipRect(item.rect)
        top = item.rect.top() + max(0, (item.rect.height() - doc.size().height()) / 2)
        left: float = item.rect.left()
        if _starts_right_to_left(text):
            # A right-to-left passage begins at its right end: keep that end in view.
            left += item.rect.width() - doc.idealWidth()
        painter.translate(left, top)
        doc.drawContents(painter)
        painter.restore()


def insert_in_order(
    tree: QTreeWidget, items: list[tuple[Any, QTreeWidgetItem]], key_of: Callable[..., Any]
) -> None:
    """(key, item) pairs into a tree whose rows are in the order of ``key_of(row)``, each
    where it belongs, found by halving (not visiting thousands of rows); those after every
    row (new documents mostly: ids grow) are added at once."""
    last: list[QTreeWidgetItem] = []
    for key, item in sorted(items, key=lambda pair: pair[0]):
        low, high = 0, tree.topLevelItemCount()
        while not last and low < high:
            middle = (low + high) // 2
            if key_of(tree.topLevelItem(middle)) < key:
                low = middle + 1
            else:
                high = middle
        if last or low == tree.topLevelItemCount():
            last.append(item)
        else:
            tree.insertTopLevelItem(low, item)
    tree.addTopLevelItems(last)


def _differs(item: QTreeWidgetItem, doc: DocumentInfo) -> bool:
    return item.text(0) != isolate(doc.name) or item.text(1) != str(doc.length)


def _starts_right_to_left(text: str) -> bool:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def marked_html(snippet: Snippet) -> str:
    return "".join(
        html.escape(part) if i % 2 == 0 else f"<b>{html.escape(part)}</b>"
        for i, part in enumerate(snippet.marked("\0", "\0").split("\0"))
    )


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
            [
                self.tr("Document"),
                self.tr("Length"),
                self.tr("Spans"),
                self.tr("Status"),
                self.tr("Found"),
            ]
        )
        self.tree.setItemDelegateForColumn(MATCH_COLUMN, SnippetDelegate(self.tree))
        self.tree.setColumnHidden(MATCH_COLUMN, True)
        # The numbers and the status always show whole; the name (elided in its middle,
        # where names differ least) and the passage found take what width is left.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        for column in range(MATCH_COLUMN + 1):
            stretch = column in (0, MATCH_COLUMN)
            mode = (
                QHeaderView.ResizeMode.Stretch
                if stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
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
        self._name_width = 0  # the longest name's width, up to some 32 characters
        # Documents to list first, most uncertain first: {document id: uncertainty}.
        self._priority: dict[int, float] = {}

    def set_priority(self, priority: dict[int, float]) -> None:
        """List these documents first, the highest value first (the model's uncertainty);
        the others follow in project order. Empty: project order for all."""
        self._priority = dict(priority)

    def refresh(self, project: Project, annotator: str, current: int | None) -> None:
        self._project, self._annotator, self._current = project, annotator, current
        counts = project.annotation_counts()
        statuses = project.statuses_of(annotator)
        self.tree.clear()
        docs = project.documents()
        if self._priority:
            docs.sort(key=self._order)
        for doc in docs:
            count = counts.get(doc.id, {}).get(annotator, 0)
            item = self._item(doc, count, statuses.get(doc.id, Status.NOT_STARTED))
            self.tree.addTopLevelItem(item)
            if doc.id == current:
                self.tree.setCurrentItem(item)
        self.tree.setMinimumWidth(self._minimum_width())
        self._name_width = 0
        self._widen_for(docs)
        self.updateGeometry()
        self._apply_filter(self.filter.text())

    def update_documents(self, documents: Collection[int] | None) -> None:
        """Documents added, renamed or removed elsewhere (a curator's import): their rows
        only, the rest of a list of thousands left as it is. ``None``: any may have
        been (the project's documents are compared with the rows)."""
        project = self._project
        if project is None:
            return
        rows = {item.data(0, Qt.ItemDataRole.UserRole): item for item in self._items()}
        if documents is None:
            infos = project.documents()
            gone = rows.keys() - {d.id for d in infos}
            infos = [d for d in infos if d.id not in rows or _differs(rows[d.id], d)]
        else:
            infos = project.documents_in(documents)
            gone = set(documents) - {d.id for d in infos}
        for doc_id in gone & rows.keys():
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(rows[doc_id]))
        new = [d for d in infos if d.id not in rows]
        progress = project.progress_of(self._annotator, [d.id for d in new]) if new else {}
        for doc in infos:
            if doc.id in rows:
                rows[doc.id].setText(0, isolate(doc.name))
                rows[doc.id].setText(1, str(doc.length))
        insert_in_order(
            self.tree,
            [(self._order(d.id), self._item(d, *progress[d.id])) for d in new],
            lambda item: self._order(item.data(0, USER)),
        )
        self._widen_for(infos)
        if self.filter.text().strip():
            self._apply_filter(self.filter.text())

    def _item(self, doc: DocumentInfo, count: int, status: Status) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [isolate(doc.name), str(doc.length), str(count), status_text(status)]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, doc.id)
        if doc.id in self._priority:
            # Ordered by the model's uncertainty: why this one moved up.
            unsure = f"{self._priority[doc.id]:.2f}"
            said = self.tr("Listed first: the model is unsure of it (%1), so it teaches most")
            item.setToolTip(0, said.replace("%1", unsure))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
        return item

    def _order(self, doc_id: int | DocumentInfo) -> tuple[bool, float, int]:
        """Where a document is listed: the prioritised first, the highest first; the
        others in project order."""
        key = doc_id if isinstance(doc_id, int) else doc_id.id
        return (key not in self._priority, -self._priority.get(key, 0.0), key)

    def _widen_for(self, docs: list[DocumentInfo]) -> None:
        """Room for the longest name, up to some 32 characters, in the size hint."""
        names = [self.tree.fontMetrics().horizontalAdvance(d.name) for d in docs]
        widest = min(max(names, default=0), self.fontMetrics().averageCharWidth() * 32)
        if widest > self._name_width:
            self._name_width = widest
            self.updateGeometry()

    def update_row(self, doc_id: int, count: int, status: Status) -> None:
        """My count and status of one document, after an edit in it."""
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == doc_id:
                item.setText(2, str(count))
                item.setText(3, status_text(status))
                return

    def show_statuses(self, statuses: dict[int, Status]) -> None:
        """My statuses as the project now has them (changed in another window, or by a
        curator), without building the list again."""
        for item in self._items():
            text = status_text(
                statuses.get(item.data(0, Qt.ItemDataRole.UserRole), Status.NOT_STARTED)
            )
            if item.text(3) != text:
                item.setText(3, text)

    def _apply_filter(self, text: str) -> None:
        query = text.strip()
        found = {}
        if query and self._project is not None:
            found = {h.document.id: h.snippet for h in self._project.search(query, SEARCH_LIMIT)}
        for item in self._items():
            snippet = found.get(item.data(0, Qt.ItemDataRole.UserRole))
            item.setText(MATCH_COLUMN, snippet.text if snippet else "")
            item.setToolTip(MATCH_COLUMN, snippet.text if snippet else "")
            item.setData(MATCH_COLUMN, MARKS_ROLE, list(snippet.marks) if snippet else None)
            shown = not query or snippet is not None or query.casefold() in item.text(0).casefold()
            item.setHidden(not shown)
        self.tree.setColumnHidden(MATCH_COLUMN, not found)

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _chosen(self, item: QTreeWidgetItem) -> None:
        doc_id = item.data(0, Qt.ItemDataRole.UserRole)
        if doc_id != self._current:
            # From the event loop: opening refreshes this list, which must not delete the
            # item whose click is still being delivered.
            QTimer.singleShot(0, self, lambda: self.documentChosen.emit(doc_id))

    def _minimum_width(self) -> int:
        """Room for the whole number and status columns (whichever status a document
        comes to have) and a few letters of name."""
        header = self.tree.header()
        numbers = sum(
            max(header.sectionSizeHint(c), self.tree.sizeHintForColumn(c)) for c in (1, 2)
        )
        longest = max(self.fontMetrics().horizontalAdvance(status_text(s)) for s in Status)
        status = max(header.sectionSizeHint(3), longest + 2 * STATUS_PADDING)
        return numbers + status + self.fontMetrics().horizontalAdvance("0" * 8)

    def sizeHint(self) -> QSize:
        """Wide enough for the names too, so that the dock opens showing them whole."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._minimum_width() + self._name_width), hint.height())
