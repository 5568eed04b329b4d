"""The article in review mode: gold spans as fills, each annotator's spans in a lane of
their own under the text, coloured by how the annotators disagree there.

It is the annotation view (same caret, selection, hit-testing and span index, which
holds the gold spans so that they can be selected and their edges moved); only the
painting differs. Lanes are painted from one SpanIndex per annotator, so that, as in
the annotation view, a span crossing a change of direction is drawn in pieces.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.core.model import Annotation, LabelKind
from annotator.core.schema import Schema
from annotator.review.units import ReviewUnit, UnitState
from annotator.ui.docview import FILL_ALPHA, DocumentView
from annotator.ui.spans import Piece, SpanIndex

# Okabe–Ito again, so that the states stay apart under colour blindness.
STATE_COLORS = {
    UnitState.AGREE: QColor("#009E73"),
    UnitState.LABEL_DIFFERS: QColor("#E69F00"),
    UnitState.BOUNDARIES_DIFFER: QColor("#D55E00"),
    UnitState.INCOMPLETE: QColor("#0072B2"),
}
LANE_HEIGHT = 3
LANE_GAP = 1
CURRENT_UNIT_COLOR = QColor(0, 0, 0, 28)


class ReviewView(DocumentView):
    laneClicked = Signal(str)  # the id of an annotator's span whose lane was clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lanes: list[SpanIndex] = []  # one per annotator, the first at the foot
        self.states: dict[str, UnitState] = {}  # annotation id -> state of its unit
        self.current_unit: tuple[int, int] | None = None
        # Lanes show one layer at a time: an annotator's claim and the entities inside
        # it would otherwise cover each other in the one lane.
        self.layer = LabelKind.ENTITY

    def set_lanes(
        self, lanes: list[list[Annotation]], units: list[ReviewUnit], schema: Schema
    ) -> None:
        """Each annotator's spans (in lane order) and the units that give their colour."""
        text = self.index.text
        self.lanes = []
        for spans in lanes:
            index = SpanIndex(text, schema)
            index.reset(spans)
            self.lanes.append(index)
        self.states = {
            ann_id: unit.state
            for unit in units
            for version in unit.versions
            for ann_id in version.annotation_ids
        }
        self.viewport().update()

    def set_current_unit(self, unit: ReviewUnit | None) -> None:
        """Shade the unit's stretch and show its layer in the lanes."""
        self.current_unit = (unit.start, unit.end) if unit else None
        if unit is not None:
            self.layer = unit.layer
        self.viewport().update()

    def lane_rects(self, lane: int, annotation_id: str) -> list[QRectF]:
        """Where a lane's span is painted, in viewport coordinates (for tests and clicks)."""
        rects = []
        for block, origin in self._visible_blocks(self.viewport().rect()):
            for piece in self._lane_pieces(lane, block.blockNumber()):
                if piece.annotation.id == annotation_id:
                    rects += [
                        _lane_rect(r, lane)
                        for r in self.run_rects(block, piece.start, piece.length, origin)
                    ]
        return rects

    def lane_hit(self, point: QPointF) -> str | None:
        """The annotator's span whose lane is under a viewport point (a lane is thin, so
        a pixel or two around it counts)."""
        for lane in range(len(self.lanes)):
            for block, origin in self._visible_blocks(self.viewport().rect()):
                for piece in self._lane_pieces(lane, block.blockNumber()):
                    for r in self.run_rects(block, piece.start, piece.length, origin):
                        if _lane_rect(r, lane).adjusted(0, -LANE_GAP, 0, LANE_GAP).contains(point):
                            return piece.annotation.id
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        hit = self.lane_hit(event.position())
        super().mouseReleaseEvent(event)
        if hit is not None:
            self.laneClicked.emit(hit)

    def _lane_pieces(self, lane: int, paragraph: int) -> list[Piece]:
        return [p for p in self.lanes[lane].pieces(paragraph) if p.kind is self.layer]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        if self.current_unit is not None:
            for r in self.span_rects(*self.current_unit):
                painter.fillRect(r, CURRENT_UNIT_COLOR)
        outlines = []
        for block, origin in self._visible_blocks(event.rect()):
            # Gold of every kind as a fill: the bands under the text are the lanes'.
            for piece in self.index.pieces(block.blockNumber()):
                color = QColor(piece.color)
                color.setAlpha(FILL_ALPHA)
                rects = self.run_rects(block, piece.start, piece.length, origin)
                for r in rects:
                    painter.fillRect(r, color)
                pen = self._outline_pen(piece)
                if pen is not None:
                    outlines.append((rects, pen))
            for lane in range(len(self.lanes)):
                for piece in self._lane_pieces(lane, block.blockNumber()):
                    color = STATE_COLORS[self.states.get(piece.annotation.id, UnitState.AGREE)]
                    for r in self.run_rects(block, piece.start, piece.length, origin):
                        painter.fillRect(_lane_rect(r, lane), color)
        painter.end()
        # The text itself, drawn over the fills and lanes as the plain editor draws it.
        QPlainTextEdit.paintEvent(self, event)
        painter = QPainter(self.viewport())
        for rects, pen in outlines:
            painter.setPen(pen)
            for r in rects:
                painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()


def _lane_rect(line_rect: QRectF, lane: int) -> QRectF:
    bottom = line_rect.bottom() - lane * (LANE_HEIGHT + LANE_GAP)
    return QRectF(line_rect.left(), bottom - LANE_HEIGHT, line_rect.width(), LANE_HEIGHT)
