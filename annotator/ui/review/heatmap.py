"""A pairwise agreement matrix drawn with QPainter: names on both axes, a value per cell.

Names and numbers are drawn with QPainter.drawText, so Qt shapes and orders Arabic
names itself. In a right-to-left interface the matrix is mirrored like any widget.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QStyle, QWidget

CELL = 64
PAD = 8
NO_VALUE = QColor("#dddddd")


def value_color(value: float) -> QColor:
    """Red at 0 (or below), through yellow, to green at 1."""
    v = min(max(value, 0.0), 1.0)
    hue = 120 * v  # degrees: 0 red, 60 yellow, 120 green
    return QColor.fromHsv(int(hue), 150, 235)


def score_text(value: float | None) -> str:
    """A score, left to right whatever the interface: in the Arabic one a negative α
    (below chance) read «1.20-», its digits and minus taking the cell's direction."""
    return "—" if value is None else f"\u2066{value:.2f}\u2069"  # LRI … PDI


class HeatMap(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.names: list[str] = []
        self.values: dict[tuple[str, str], float | None] = {}

    def set_matrix(self, names: list[str], values: dict[tuple[str, str], float | None]) -> None:
        """``values`` per unordered pair; either order of a pair may be given."""
        self.names = names
        self.values = {**values, **{(b, a): v for (a, b), v in values.items()}}
        self.updateGeometry()
        self.update()

    def value(self, i: int, j: int) -> float | None:
        return self.values.get((self.names[i], self.names[j]))

    def _header(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(n) for n in self.names), default=0) + 2 * PAD

    def sizeHint(self) -> QSize:
        side = self._header() + CELL * len(self.names) + PAD
        return QSize(side, self.fontMetrics().height() + 2 * PAD + CELL * len(self.names) + PAD)

    def cell_rect(self, i: int, j: int) -> QRect:
        """Row i, column j, as drawn (mirrored in a right-to-left layout)."""
        top = self.fontMetrics().height() + 2 * PAD
        logical = QRect(self._header() + j * CELL, top + i * CELL, CELL, CELL)
        return QStyle.visualRect(self.layoutDirection(), self.rect(), logical)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        align_side = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
        height = self.fontMetrics().height()
        for i, row_name in enumerate(self.names):
            row = self.cell_rect(i, 0)
            header = QRect(PAD, row.top(), self._header() - 2 * PAD, CELL)
            painter.drawText(
                QStyle.visualRect(self.layoutDirection(), self.rect(), header),
                int(align_side),
                row_name,
            )
            column = self.cell_rect(0, i)
            painter.drawText(
                QRect(column.left(), PAD, CELL, height),
                int(Qt.AlignmentFlag.AlignCenter),
                self.fontMetrics().elidedText(self.names[i], Qt.TextElideMode.ElideRight, CELL),
            )
            for j in range(len(self.names)):
                rect = self.cell_rect(i, j)
                value = None if i == j else self.value(i, j)
                painter.fillRect(
                    rect.adjusted(1, 1, -1, -1), NO_VALUE if value is None else (value_color(value))
                )
                if value is not None:
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), score_text(value))
        painter.end()
