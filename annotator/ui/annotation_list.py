"""The current document's spans in reading order; choosing one jumps to it."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from annotator.core.model import Annotation
from annotator.core.schema import UNKNOWN_COLOR, Schema
from annotator.rendering.visual import is_rtl
from annotator.storage.edits import Changes
from annotator.ui.spans import OrderKey, order_key
from annotator.ui.swatch import swatch

MAX_SHOWN_TEXT = 60
RTL_ROLE = Qt.ItemDataRole.UserRole + 1  # whether the span's text is right-to-left


def elide_middle(text: str, limit: int = MAX_SHOWN_TEXT) -> str:
    """A long span as its start and its end: where a quote begins and how it ends tell
    it apart better than either alone."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half].rstrip()} … {text[-half:].lstrip()}"


class SpanDelegate(QStyledItemDelegate):
    """Each row in its text's direction: an Arabic span right-aligned with its label and
    swatch on the right, an English one left-aligned; too long for the width, elided in
    the middle."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        rtl = bool(index.data(RTL_ROLE))
        option.direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        option.textElideMode = Qt.TextElideMode.ElideMiddle

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # As wide as the list, whatever the text: a long span is elided, not scrolled to.
        return QSize(1, super().sizeHint(option, index).height())


class AnnotationList(QListView):
    """A list over a QStandardItemModel: its rows live in C++, so the view's layout passes
    over 20,000 rows never call into Python, and one edit moves one row. (A QTreeView
    took four times longer to make the new row current.)"""

    annotationChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self._keys: list[OrderKey] = []
        self._key_of: dict[str, OrderKey] = {}
        self._schema = Schema(())
        self._shown: str | None = None  # the span last made current, to skip repeats
        self.setModel(self._model)
        self.setUniformItemSizes(True)
        self.setItemDelegate(SpanDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clicked.connect(self._chosen)
        self.activated.connect(self._chosen)

    def _item(self, ann: Annotation) -> QStandardItem:
        label = self._schema.label(ann.label)
        icon = swatch(label.color if label else UNKNOWN_COLOR)
        # The span's text isolated, so that its order does not mix with the label's.
        item = QStandardItem(icon, f"{ann.label}: \u2068{elide_middle(ann.text)}\u2069")
        item.setData(ann.id, Qt.ItemDataRole.UserRole)
        item.setData(is_rtl(ann.text), RTL_ROLE)
        item.setEditable(False)
        return item

    def set_rows(self, rows: list[Annotation], schema: Schema) -> None:
        """``rows`` must be in reading order."""
        self._schema = schema
        self._shown = None
        self._model.clear()
        self._keys = [order_key(a) for a in rows]
        self._key_of = {a.id: k for a, k in zip(rows, self._keys, strict=True)}
        root = self._model.invisibleRootItem()
        root.appendRows([self._item(a) for a in rows])

    def apply(self, changes: Changes) -> None:
        for ann_id in [*changes.removed, *(a.id for a in changes.annotations)]:
            key = self._key_of.pop(ann_id, None)
            if ann_id == self._shown:
                self._shown = None  # its row goes, and the current row with it
            if key is not None:
                row = bisect_left(self._keys, key)
                del self._keys[row]
                self._model.removeRow(row)
        for ann in changes.annotations:
            key = order_key(ann)
            row = bisect_left(self._keys, key)
            self._keys.insert(row, key)
            self._key_of[ann.id] = key
            self._model.insertRow(row, self._item(ann))

    def show_selected(self, annotation_id: str | None) -> None:
        if annotation_id == self._shown and annotation_id is not None:
            return  # scrollTo lays the view out: not again for the same row
        self._shown = annotation_id
        key = self._key_of.get(annotation_id) if annotation_id else None
        if key is None:
            self.clearSelection()
            return
        index = self._model.index(bisect_left(self._keys, key), 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)

    def _chosen(self, index: QModelIndex) -> None:
        self.annotationChosen.emit(index.data(Qt.ItemDataRole.UserRole))
