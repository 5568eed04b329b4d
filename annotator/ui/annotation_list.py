"""The current document's spans in reading order; choosing one jumps to it."""

from __future__ import annotations

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
from annotator.ui.swatch import swatch

Index = QModelIndex | QPersistentModelIndex


class AnnotationModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Annotation] = []
        self.schema = Schema(())

    def reset(self, rows: list[Annotation], schema: Schema) -> None:
        self.beginResetModel()
        self.rows = rows
        self.schema = schema
        self.endResetModel()

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

    def show_selected(self, annotation_id: str | None) -> None:
        rows = self._model.rows
        row = next((i for i, a in enumerate(rows) if a.id == annotation_id), -1)
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
