"""The current document's spans in reading order; choosing one jumps to it."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QListView, QWidget

from annotator.core.model import Annotation
from annotator.core.schema import Schema
from annotator.storage.edits import Changes
from annotator.ui.spans import OrderKey, order_key
from annotator.ui.swatch import swatch

Index = QModelIndex | QPersistentModelIndex


class AnnotationModel(QAbstractListModel):
    """Spans in reading order, updated row by row so that one edit costs one row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Annotation] = []
        self._keys: list[OrderKey] = []
        self._key_of: dict[str, OrderKey] = {}
        self.schema = Schema(())

    def reset(self, rows: list[Annotation], schema: Schema) -> None:
        """``rows`` must be in reading order."""
        self.beginResetModel()
        self.rows = list(rows)
        self._keys = [order_key(a) for a in self.rows]
        self._key_of = {a.id: k for a, k in zip(self.rows, self._keys, strict=True)}
        self.schema = schema
        self.endResetModel()

    def apply(self, changes: Changes) -> None:
        for ann_id in [*changes.removed, *(a.id for a in changes.annotations)]:
            key = self._key_of.pop(ann_id, None)
            if key is not None:
                row = bisect_left(self._keys, key)
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row], self._keys[row]
                self.endRemoveRows()
        for ann in changes.annotations:
            key = order_key(ann)
            row = bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), row, row)
            self.rows.insert(row, ann)
            self._keys.insert(row, key)
            self._key_of[ann.id] = key
            self.endInsertRows()

    def row_of(self, annotation_id: str | None) -> int:
        key = self._key_of.get(annotation_id) if annotation_id else None
        return -1 if key is None else bisect_left(self._keys, key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ann = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = ann.text if len(ann.text) <= 60 else ann.text[:59] + "…"
            return f"{ann.label}: {text}"
        if role == Qt.ItemDataRole.DecorationRole:
            label = self.schema.label(ann.label)
            return swatch(label.color if label else "#999999")
        if role == Qt.ItemDataRole.UserRole:
            return ann.id
        return None


class AnnotationList(QListView):
    annotationChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = AnnotationModel()
        self.setModel(self._model)
        self.setUniformItemSizes(True)
        self.clicked.connect(self._chosen)
        self.activated.connect(self._chosen)

    def set_rows(self, rows: list[Annotation], schema: Schema) -> None:
        self._model.reset(rows, schema)

    def apply(self, changes: Changes) -> None:
        self._model.apply(changes)

    def show_selected(self, annotation_id: str | None) -> None:
        row = self._model.row_of(annotation_id)
        if row < 0:
            self.clearSelection()
            return
        index = self._model.index(row)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)

    def _chosen(self, index: QModelIndex) -> None:
        self.annotationChosen.emit(index.data(Qt.ItemDataRole.UserRole))
