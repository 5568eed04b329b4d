"""The read-only article view: a QPlainTextEdit with a caret, spans painted under the text.

Spans are never character formats: a format boundary inside a word splits HarfBuzz's
shaping run and breaks ligatures such as lam-alef. Instead each visible paragraph's
pieces are painted from its QTextLayout (one rectangle per visual run, so a span that
crosses a change of direction is drawn in pieces), then the text is drawn on top.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from operator import itemgetter

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGlyphRun,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRawFont,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLine,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QToolTip, QWidget

from annotator.core.model import Annotation, LabelKind
from annotator.core.offsets import normalise_span
from annotator.core.schema import Schema
from annotator.ui.spans import Piece, SpanIndex

BAND_HEIGHT = 3
FILL_ALPHA = 80
# On a dark base a fill of the same strength reads as a smudge: stronger, yet still light
# text over it (the Okabe–Ito colours are mid-light).
DARK_FILL_ALPHA = 120
BESIDE_PEN_WIDTH = 2
TAG_SCALE = 0.6  # a label tag's size against the reading font
# Find matches in violet: the one hue the Okabe–Ito label palette leaves free (its
# nearest, blue and reddish purple, are some 60° away), so a match never reads as a
# label (a yellow one did, as DATE). The current match is stronger and framed.
MATCH_COLOR = QColor(123, 63, 228, 70)
CURRENT_MATCH_ALPHA = 140
# A suggestion: start, end, its label's colour, and what resting the mouse on it says.
Ghost = tuple[int, int, str, str]


class DocumentView(QPlainTextEdit):
    """Shows one document and its spans; reports clicks on spans and Tab presses."""

    annotationClicked = Signal(str)  # the id of the span chosen by a click
    emptyClicked = Signal()  # a click that hit no span
    tabPressed = Signal(int)  # +1 for Tab, -1 for Shift+Tab

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setCursorWidth(2)
        self.setMouseTracking(True)
        self.index = SpanIndex("", Schema(()))
        # Another annotator's (or gold's) spans, shown outlined beside one's own: painted
        # only, never hit by a click, so never selected or edited.
        self.beside = SpanIndex("", Schema(()))
        self.selected_id: str | None = None
        self.related_ids: set[str] = set()
        self.matches: list[tuple[int, int]] = []
        self.current_match = -1
        # Suggestions: hatched, a style no span has; the one Return would accept (the
        # caret's, else the next) has a stronger edge.
        self.ghosts: list[Ghost] = []
        self.current_ghost = -1
        self.exact_toggle = False
        self.show_tags = False  # label names as tags where spans start; see set_tags
        self.tag_room = 0  # pixels kept above each line for the tags
        self._alt_selection = False
        self._last_hits: list[str] = []
        self._press_pos: QPoint | None = None
        # A paragraph held at the top while the window settles (its size may change
        # after it is shown), until the reader scrolls, clicks or types.
        self._pinned_top: int | None = None
        self.verticalScrollBar().actionTriggered.connect(self._unpin)
        # Rectangles of pieces relative to their block, valid while the lines are laid
        # out the same: for one width and one font (glyphRuns is most of a repaint).
        self._rect_cache: dict[tuple[int, str, int, int], list[QRectF]] = {}
        self._rect_layout: tuple[int, str] = (0, "")
        self._aligned: set[int] = set()  # blocks placed by _align for this layout
        self._lines_cache: dict[int, tuple[list[int], list[tuple[int, int, float, float]]]] = {}
        self._apply_text_option()

    # ----- content -------------------------------------------------------------------

    def load(
        self,
        text: str,
        annotations: list[Annotation],
        schema: Schema,
        first_screen: int | None = None,
    ) -> None:
        """Show a text and its spans. With ``first_screen``, only that many characters
        are indexed, for a quick first paint; ``set_annotations`` completes the rest."""
        self.index = SpanIndex(text, schema, mapped=first_screen)
        self.index.reset(annotations)
        self.beside = SpanIndex("", schema)
        self.selected_id = None
        self.related_ids = set()
        self.ghosts = []
        self.matches = []
        self.current_match = -1
        self._forget_layout()
        self.setPlainText(text)
        self._apply_text_option()

    def set_annotations(self, annotations: list[Annotation]) -> None:
        self.index.map_all()
        self.index.reset(annotations)
        self.viewport().update()

    def set_beside(self, annotations: list[Annotation]) -> None:
        """Show these spans outlined and read-only beside the editable ones."""
        self.beside = SpanIndex(self.index.text, self.index.schema)
        self.beside.reset(annotations)
        self.viewport().update()

    def set_schema(self, schema: Schema) -> None:
        self.beside.set_schema(schema)
        self.beside.reset(self.beside.in_order())
        self.index.set_schema(schema)
        self.index.reset(self.index.in_order())
        self.viewport().update()

    def _apply_text_option(self) -> None:
        """Each paragraph takes its direction from its first strong character.

        QPlainTextEdit aligns every line by the document's one text option and ignores
        block formats; its only alignment that follows each paragraph's direction is
        AlignJustify, which stretches the gaps of every wrapped line (`We    are
        ready`). So lines are laid out left-aligned, and _align moves the lines of
        right-to-left paragraphs to the right edge."""
        doc = self.document()
        option = doc.defaultTextOption()
        direction = Qt.LayoutDirection.LayoutDirectionAuto
        alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
        wrap = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        if (option.textDirection(), option.alignment(), option.wrapMode()) == (
            direction,
            alignment,
            wrap,
        ):
            return  # setting it even unchanged lays the whole text out again
        option.setTextDirection(direction)
        option.setAlignment(alignment)
        option.setWrapMode(wrap)
        doc.setDefaultTextOption(option)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The widget copies its layout direction into the text option; the text's own
        # direction must win.
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._apply_text_option()
            self._forget_layout()
        elif event.type() == QEvent.Type.FontChange and self.show_tags:
            self.set_tags(True)  # the room for tags follows the font's size

    def set_tags(self, on: bool) -> None:
        """Label tags over the start of every span, each in a band kept free above its
        line, so that no tag covers a letter."""
        self.show_tags = on
        self.tag_room = tag_font(self.font()).pixelSize() + 5 if on else 0
        self._forget_layout()
        self.viewport().update()

    def set_visual_cursor(self, visual: bool) -> None:
        self.document().setDefaultCursorMoveStyle(
            Qt.CursorMoveStyle.VisualMoveStyle if visual else Qt.CursorMoveStyle.LogicalMoveStyle
        )

    def zoom(self, steps: int) -> int:
        font = QFont(self.font())
        font.setPointSize(max(6, min(72, font.pointSize() + steps)))
        self.setFont(font)
        return font.pointSize()

    # ----- positions in code points ---------------------------------------------------

    def caret(self) -> int:
        return self.index.map.from_utf16(self.textCursor().position(), snap=True)

    def selection(self) -> tuple[int, int] | None:
        """The selected code-point span, ordered; None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        m = self.index.map
        return (
            m.from_utf16(cursor.selectionStart(), snap=True),
            m.from_utf16(cursor.selectionEnd(), snap=True),
        )

    def select_span(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.index.map.to_utf16(start))
        cursor.setPosition(self.index.map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def reveal(self, start: int, end: int) -> None:
        """Scroll the span into view and put the caret at its start, selecting nothing."""
        cursor = self.textCursor()
        cursor.setPosition(self.index.map.to_utf16(end))
        self.setTextCursor(cursor)
        cursor.setPosition(self.index.map.to_utf16(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def scroll_to_paragraph(self, number: int) -> None:
        """Scroll so that paragraph ``number`` is the first on screen (or as near the top
        as the end of the text allows). The scroll bar counts wrapped lines, known only
        for the paragraphs laid out, so those before it are laid out first."""
        doc = self.document()
        layout = doc.documentLayout()
        block = doc.firstBlock()
        while block.isValid() and block.blockNumber() < number:
            if isinstance(layout, QPlainTextDocumentLayout):
                layout.ensureBlockLayout(block)
            block = block.next()
        self.verticalScrollBar().setValue(doc.findBlockByNumber(number).firstLineNumber())

    def pin_top_paragraph(self, number: int) -> None:
        """Scroll paragraph ``number`` to the top and keep it there through resizes
        until the reader moves."""
        self._pinned_top = number
        self.scroll_to_paragraph(number)

    def _unpin(self) -> None:
        self._pinned_top = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._pinned_top is not None:
            self.scroll_to_paragraph(self._pinned_top)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._unpin()
        super().wheelEvent(event)

    def exact(self) -> bool:
        """Keep the selection as it is, with no snapping to whole words?"""
        return self.exact_toggle or self._alt_selection

    # ----- span changes ----------------------------------------------------------------

    # A changed span may be anywhere on screen, or off it; repainting the viewport costs
    # only the visible paragraphs.

    def upsert(self, ann: Annotation) -> None:
        self.index.upsert(ann)
        self.viewport().update()

    def remove(self, annotation_id: str) -> None:
        self.index.remove(annotation_id)
        self.viewport().update()

    def set_selected(self, annotation_id: str | None, related: set[str]) -> None:
        self.selected_id = annotation_id
        self.related_ids = related
        self.viewport().update()

    def set_ghosts(self, ghosts: list[Ghost], current: int) -> None:
        self.ghosts = ghosts
        self.current_ghost = current
        self.viewport().update()

    def set_matches(self, matches: list[tuple[int, int]], current: int) -> None:
        self.matches = matches
        self.current_match = current
        self.viewport().update()

    # ----- painting ----------------------------------------------------------------------

    def _visible_blocks(self, rect: QRect) -> Iterator[tuple[QTextBlock, QPointF]]:
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > rect.bottom():
                break
            if block.isVisible():
                self._ensure_aligned(block)
                yield block, geo.topLeft()
            block = block.next()

    def run_rects(
        self, block: QTextBlock, start: int, length: int, origin: QPointF
    ) -> list[QRectF]:
        """One rectangle per visual run of [start, start+length) in the block, as tall as
        its line, in viewport coordinates; for a block placed by _align (as
        _visible_blocks and span_rects do), not once per span: a long paragraph has
        thousands of lines."""
        layout = block.layout()
        end = start + length
        rects = []
        starts, lines = self._lines(block)
        # Line by line, from the line the span starts on (found by bisection: a long
        # paragraph has thousands), each line asked on its own: the layout's glyphRuns
        # walks every line from the paragraph's first, once per span.
        for i in range(max(0, bisect_right(starts, start) - 1), len(starts)):
            line_start, line_end, top, height = lines[i]
            if line_start >= end:
                break
            s = max(start, line_start)
            e = min(end, line_end)
            if s >= e:
                continue
            top += origin.y()
            for r in line_run_rects(layout.lineAt(i), s, e - s):
                rects.append(QRectF(r.left() + origin.x(), top, r.width(), height))
        return rects

    def _lines(self, block: QTextBlock) -> tuple[list[int], list[tuple[int, int, float, float]]]:
        """Where each line of the block starts (UTF-16 units into it), and each line's
        start, end, top and height, kept while the lines stay laid out the same, as the
        rectangle cache is: asking the layout line by line for every span costs more
        than drawing it."""
        number = block.blockNumber()
        kept = self._lines_cache.get(number)
        layout = block.layout()
        if kept is None or len(kept[0]) != layout.lineCount():
            lines = []
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                start = line.textStart()
                lines.append((start, start + line.textLength(), line.y(), line.height()))
            kept = ([line[0] for line in lines], lines)
            self._lines_cache[number] = kept
        return kept

    def _forget_layout(self) -> None:
        """The lines may be laid out anew: rectangles and placements are found again."""
        self._rect_cache.clear()
        self._lines_cache.clear()
        self._aligned.clear()

    def _ensure_aligned(self, block: QTextBlock) -> None:
        """_align, once per block while the lines stay laid out the same (as the rectangle
        cache assumes): every paint of one page of a long paragraph would otherwise
        place all its thousands of lines again."""
        self._check_rect_cache()  # a new width or font lays the lines out anew
        if block.blockNumber() in self._aligned:
            return
        _align(block, self.tag_room)
        layout = block.layout()
        if layout.lineCount() >= LONG_BLOCK_LINES:
            # Keep the shaped glyphs: by default Qt drops them after each paint, and the
            # next span's glyphRuns shapes the whole paragraph again (every page of a
            # long paragraph would cost the paragraph).
            layout.setCacheEnabled(True)
        if layout.lineCount():  # a block not laid out yet is placed when it is
            self._aligned.add(block.blockNumber())

    def _check_rect_cache(self) -> None:
        layout_key = (self.viewport().width(), f"{self.font().key()}/{self.tag_room}")
        if layout_key != self._rect_layout:
            self._forget_layout()
            self._rect_layout = layout_key

    def piece_rects(self, block: QTextBlock, piece: Piece, origin: QPointF) -> list[QRectF]:
        """run_rects for a piece, remembered between paints (after _check_rect_cache);
        the list returned is not to be changed."""
        key = (block.blockNumber(), piece.annotation.id, piece.start, piece.length)
        rects = self._rect_cache.get(key)
        if rects is None:
            rects = self.run_rects(block, piece.start, piece.length, QPointF(0, 0))
            self._rect_cache[key] = rects
        if origin.isNull():  # a paragraph at the top-left corner (render draws at the top)
            return rects
        return [r.translated(origin) for r in rects]

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """The viewport rectangles of the code-point span [start, end)."""
        m = self.index.map
        u_start, u_end = m.to_utf16(start), m.to_utf16(end)
        rects: list[QRectF] = []
        block = self.document().findBlock(u_start)
        while block.isValid() and block.position() < u_end:
            self._ensure_aligned(block)
            origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
            b0 = block.position()
            s, e = max(u_start, b0) - b0, min(u_end, b0 + block.length() - 1) - b0
            if e > s:
                rects.extend(self.run_rects(block, s, e - s, origin))
            block = block.next()
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        self._check_rect_cache()
        painter = QPainter(self.viewport())
        outlines: list[tuple[list[QRectF], QPen]] = []
        tags: list[tuple[QRectF, Piece, bool]] = []  # where a span starts, and its side
        base = self.palette().color(QPalette.ColorRole.Base)
        alpha = DARK_FILL_ALPHA if base.lightness() < 128 else FILL_ALPHA
        for block, origin in self._visible_blocks(event.rect()):
            rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
            window = _visible_text(block, origin, event.rect())
            for piece in self.index.pieces(block.blockNumber(), window):
                rects = self.piece_rects(block, piece, origin)
                _paint_piece(painter, piece, rects, alpha)
                pen = self._outline_pen(piece)
                if pen is not None:
                    outlines.append((rects, pen))
                starts_here = self.index.paragraph_of(piece.annotation.start) == block.blockNumber()
                if self.show_tags and rects and starts_here:
                    tags.append((rects[0], piece, rtl))
            if len(self.beside):
                for piece in self.beside.pieces(block.blockNumber()):
                    outlines.append((self.piece_rects(block, piece, origin), _beside_pen(piece)))
            self._paint_matches(painter, block, origin)
        self._paint_ghosts(painter, event.rect())
        painter.end()
        super().paintEvent(event)
        if outlines or tags:
            painter = QPainter(self.viewport())
            for rects, pen in outlines:
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for r in rects:
                    painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
            for rect, piece, rtl in tags:
                _paint_tag(painter, rect, piece, rtl)
            painter.end()

    def _paint_ghosts(self, painter: QPainter, area: QRect) -> None:
        """Suggestions under the text: hatched in their label's colour with a dash-dot
        edge, so that they never pass for a span (filled, or outlined when selected,
        related or someone else's)."""
        for i, (start, end, color, _) in enumerate(self.ghosts):
            rects = [r for r in self.span_rects(start, end) if r.intersects(QRectF(area))]
            if not rects:
                continue
            painter.setBrush(QBrush(QColor(color), Qt.BrushStyle.BDiagPattern))
            width = 2 if i == self.current_ghost else 1
            painter.setPen(QPen(QColor(color).darker(130), width, Qt.PenStyle.DashDotLine))
            for r in rects:
                painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))

    def _outline_pen(self, piece: Piece) -> QPen | None:
        ann_id = piece.annotation.id
        if ann_id == self.selected_id:
            return QPen(QColor(piece.color).darker(150), 2)
        if ann_id in self.related_ids:
            return QPen(QColor(piece.color).darker(150), 2, Qt.PenStyle.DashLine)
        return None

    def _paint_matches(self, painter: QPainter, block: QTextBlock, origin: QPointF) -> None:
        if not self.matches:
            return
        m = self.index.map
        b_start = block.position()
        b_end = b_start + block.length() - 1
        # Matches are in text order and never overlap: start at the block's first one.
        first = bisect_right(self.matches, m.from_utf16(b_start, snap=True), key=itemgetter(1))
        for i in range(first, len(self.matches)):
            s, e = self.matches[i]
            us, ue = m.to_utf16(s), m.to_utf16(e)
            if us >= b_end:
                break
            color = QColor(MATCH_COLOR)
            current = i == self.current_match
            if current:
                color.setAlpha(CURRENT_MATCH_ALPHA)
            for r in self.run_rects(block, us - b_start, ue - us, origin):
                painter.fillRect(r, color)
                if current:
                    painter.setPen(QPen(QColor(MATCH_COLOR.rgb()), 2))
                    painter.drawRect(r.adjusted(1, 1, -1, -1))

    # ----- mouse and keys ----------------------------------------------------------------

    def hits(self, pos: QPoint) -> list[Annotation]:
        """The spans drawn under a viewport point, innermost first."""
        point = QPointF(pos)
        self._check_rect_cache()
        for block, origin in self._visible_blocks(QRect(pos, pos)):
            found = [
                piece.annotation
                for piece in self.index.pieces(block.blockNumber())
                if any(r.contains(point) for r in self.piece_rects(block, piece, origin))
            ]
            if found:
                return sorted(found, key=lambda a: (a.end - a.start, a.id))
        return []

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._unpin()
        self._alt_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Qt selects its own idea of a word (without a hashtag's #, a URL's pieces, a
        comma after an Arabic word); the selection becomes the span a label key would
        make of it (normalise_span: whole tokens, no punctuation at the edges), so that
        what is selected is what gets tagged."""
        super().mouseDoubleClickEvent(event)
        chosen = self.selection()
        if chosen is None or self.exact():
            return
        span = normalise_span(self.index.text, *chosen)
        if span is not None and span != chosen:
            self.select_span(*span)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        moved = self._press_pos is not None and (pos - self._press_pos).manhattanLength() > 3
        if moved or self.textCursor().hasSelection():
            return
        hits = [a.id for a in self.hits(pos)]
        if not hits:
            self._last_hits = []
            self.emptyClicked.emit()
            return
        # A second click on the same stack of spans moves to the next one in it.
        if hits == self._last_hits and self.selected_id in hits:
            chosen = hits[(hits.index(self.selected_id) + 1) % len(hits)]
        else:
            chosen = hits[0]
        self._last_hits = hits
        self.annotationClicked.emit(chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._unpin()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._alt_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        tab_keys = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and (event.key() in tab_keys)
        ):
            self.tabPressed.emit(-1 if event.key() == Qt.Key.Key_Backtab else 1)
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            names = [a.label for a in self.hits(event.pos())]
            point = QPointF(event.pos())
            said = [
                tip
                for start, end, _, tip in self.ghosts
                if any(r.contains(point) for r in self.span_rects(start, end))
            ]
            if names or said:
                QToolTip.showText(
                    event.globalPos(), "\n".join([" › ".join(reversed(names)), *said]).strip(), self
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return False


def _align(block: QTextBlock, tag_room: int = 0) -> None:
    """Place a paragraph's lines: right-to-left paragraphs flush right, each line at its
    natural width (the layout puts every line at the left; see _apply_text_option), and
    ``tag_room`` pixels above every line for the label tags. Done on the lines
    themselves, so that Qt's own drawing, caret and hit-testing agree with the spans
    painted (the paragraph's height follows its lines)."""
    rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
    layout = block.layout()
    margin = block.document().documentMargin()
    y = 0.0
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        x = margin + line.width() - line.naturalTextWidth() if rtl else line.x()
        y += tag_room
        if line.x() != x or line.y() != y:
            line.setPosition(QPointF(x, y))
        y += line.height()


def line_run_rects(line: QTextLine, start: int, length: int) -> list[QRectF]:
    """The rectangles of [start, start+length) on one line (block-relative, UTF-16 units
    of the block), as QTextLayout.glyphRuns gives them: the runs of one font and one
    direction merged into one rectangle, empty ones left out. Asking the line itself
    costs what the line holds; the layout's glyphRuns walks every line before it."""
    runs = line.glyphRuns(start, length)
    if len(runs) == 1:  # most spans: one run of one font
        rect = runs[0].boundingRect()
        return [rect] if rect.width() > 0 else []
    merged: list[tuple[QRawFont, QGlyphRun.GlyphRunFlag, QRectF]] = []
    for run in runs:
        font, flags, rect = run.rawFont(), run.flags(), run.boundingRect()
        for k, (other_font, other_flags, other_rect) in enumerate(merged):
            if other_font == font and other_flags == flags:
                merged[k] = (font, flags, other_rect.united(rect))
                break
        else:
            merged.append((font, flags, rect))
    return [rect for _, _, rect in merged if rect.width() > 0]


def _beside_pen(piece: Piece) -> QPen:
    """Someone else's span: a dotted outline in its label's colour, no fill, so that it
    reads as not one's own (a selected span's outline is solid, a related one dashed)."""
    pen = QPen(QColor(piece.color).darker(130), BESIDE_PEN_WIDTH, Qt.PenStyle.DotLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def tag_font(reading: QFont) -> QFont:
    """The tags' font: the reading font's family at 60% of its size (at least 8 points),
    with a size in pixels so that the room above each line can be measured."""
    font = QFont(reading)
    metrics_size = max(8.0, reading.pointSizeF() * TAG_SCALE)
    font.setPixelSize(round(metrics_size * 96 / 72))
    font.setBold(True)
    return font


def _paint_tag(painter: QPainter, rect: QRectF, piece: Piece, rtl: bool) -> None:
    """The label's name in the band above the line, at the edge where the span begins."""
    font = tag_font(painter.font())
    painter.setFont(font)
    name = piece.annotation.label
    box = painter.fontMetrics().boundingRect(name).adjusted(-3, 0, 3, 0)
    box.setHeight(font.pixelSize() + 2)
    box.moveBottom(int(rect.top()) - 1)
    if rtl:
        box.moveRight(int(rect.right()))
    else:
        box.moveLeft(int(rect.left()))
    background = QColor(piece.color)
    background.setAlpha(220)
    painter.fillRect(box, background)
    painter.setPen(QColor("black"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)


# A paragraph of at least this many lines draws only its visible spans and keeps its
# shaped glyphs between paints.
LONG_BLOCK_LINES = 64


def _visible_text(block: QTextBlock, origin: QPointF, rect: QRect) -> tuple[int, int] | None:
    """The stretch of a block's text (UTF-16 units from its start) on the lines that
    ``rect`` shows, found by bisection over the lines; None for a block of a few lines,
    where every piece is drawn. Painting one screen of a long paragraph then costs what
    that screen holds, not the whole paragraph."""
    layout = block.layout()
    count = layout.lineCount()
    if count < LONG_BLOCK_LINES:
        return None
    top, bottom = rect.top() - origin.y(), rect.bottom() - origin.y()

    def first_line_ending_below(y: float) -> int:
        lo, hi = 0, count
        while lo < hi:
            mid = (lo + hi) // 2
            line = layout.lineAt(mid)
            if line.y() + line.height() < y:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, count - 1)

    first = layout.lineAt(first_line_ending_below(top))
    last = layout.lineAt(first_line_ending_below(bottom))
    return first.textStart(), last.textStart() + last.textLength()


def _paint_piece(
    painter: QPainter, piece: Piece, rects: list[QRectF], alpha: int = FILL_ALPHA
) -> None:
    color = QColor(piece.color)
    if piece.kind is LabelKind.ENTITY:
        color.setAlpha(alpha)
        for r in rects:
            painter.fillRect(r, color)
        return
    for r in rects:
        bottom = r.bottom() - piece.lane * (BAND_HEIGHT + 1)
        painter.fillRect(QRectF(r.left(), bottom - BAND_HEIGHT, r.width(), BAND_HEIGHT), color)
