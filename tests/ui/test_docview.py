"""The document view: shaping untouched by highlights, bidi-correct rectangles, alignment,
grapheme-safe selection and hit-testing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from annotator.core.model import Annotation
from annotator.core.schema import default_schema
from annotator.ui.docview import DocumentView
from annotator.ui.fonts import reading_font


def ann(text: str, ident: str, label: str, start: int, end: int) -> Annotation:
    return Annotation(ident, 1, "me", label, start, end, text[start:end])


def make_view(qtbot: QtBot, text: str, annotations: list[Annotation]) -> DocumentView:
    view = DocumentView()
    qtbot.addWidget(view)
    view.setFont(reading_font(20))
    view.resize(700, 300)
    view.load(text, annotations, default_schema())
    view.show()
    qtbot.waitExposed(view)
    return view


def glyph_ids(view: DocumentView, block_number: int = 0) -> list[list[int]]:
    view.viewport().grab()  # paint, so the layout is the one the user sees
    block = view.document().findBlockByNumber(block_number)
    view.document().documentLayout().blockBoundingRect(block)  # lay out if it was dropped
    runs = [list(run.glyphIndexes()) for run in block.layout().glyphRuns(0, block.length())]
    assert runs and all(runs)
    return runs


def test_highlight_cutting_lam_alef_keeps_glyph_ids(qtbot: QtBot) -> None:
    text = "الاحتلال"
    plain = glyph_ids(make_view(qtbot, text, []))
    highlighted = glyph_ids(make_view(qtbot, text, [ann(text, "a", "PER", 4, 6)]))
    assert highlighted == plain
    # The check can fail: a character format with the same edges does change the glyphs.
    view = make_view(qtbot, text, [])
    cursor = QTextCursor(view.document())
    cursor.setPosition(4)
    cursor.setPosition(6, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("yellow"))
    cursor.mergeCharFormat(fmt)
    assert glyph_ids(view) != plain


def test_span_across_a_change_of_direction_is_one_rectangle_per_run(qtbot: QtBot) -> None:
    text = "قال Elon Musk إن"
    view = make_view(qtbot, text, [ann(text, "a", "PER", 1, 8)])
    block = view.document().firstBlock()
    piece = view.index.pieces(0)[0]
    rects = view.run_rects(block, piece.start, piece.length, view.contentOffset())
    assert len(rects) == 2
    # «Musk» lies between the two pieces and is not covered.
    musk = view.run_rects(block, 9, 4, view.contentOffset())[0]
    assert all(not r.intersects(musk.adjusted(2, 0, -2, 0)) for r in rects)


WRAPPED = (
    "قال وزير المياه إن المملكة تفقد نحو نصف مياهها بسبب التسرب والسرقة، مضيفاً أن الحكومة "
    "ستطلق خطة وطنية لإصلاح الشبكات قبل نهاية العام.\n"
    "We are ready to double our support for water projects in Jordan and in the region."
)


def ink_columns(view: DocumentView, block_number: int, line_number: int) -> tuple[int, int]:
    """The leftmost and rightmost dark pixels of a laid-out line, as painted."""
    image = view.viewport().grab().toImage()
    block = view.document().findBlockByNumber(block_number)
    top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
    line = block.layout().lineAt(line_number)
    rows = range(int(top + line.y() + 4), int(top + line.y() + line.height() - 4))
    dark = [
        x for x in range(image.width()) for y in rows if image.pixelColor(x, y).lightness() < 110
    ]
    return min(dark), max(dark)


def test_paragraphs_align_by_direction_without_stretched_gaps(qtbot: QtBot) -> None:
    view = make_view(qtbot, WRAPPED, [])
    view.resize(600, 400)
    arabic, english = (view.document().findBlockByNumber(n).layout() for n in (0, 1))
    assert arabic.lineCount() > 1 and english.lineCount() > 1  # both wrap
    width = view.viewport().width()
    margin = view.document().documentMargin()
    # Every Arabic line ends at the right edge, every English line starts at the left,
    # in the pixels painted as in the layout.
    for n in range(arabic.lineCount()):
        assert ink_columns(view, 0, n)[1] > width - margin - 6
    for n in range(english.lineCount()):
        assert ink_columns(view, 1, n)[0] < margin + 6
    # No gap is stretched: a wrapped English line is as wide as its words set naturally.
    metrics = view.fontMetrics()
    first = english.lineAt(0)
    words = WRAPPED.split("\n")[1][: first.textLength()].rstrip()
    left, right = ink_columns(view, 1, 0)
    assert abs((right - left) - metrics.horizontalAdvance(words)) < 6
    # And no format was put in the text to get there: as many as plain text has.
    plain = QPlainTextEdit()
    plain.setPlainText(WRAPPED)
    assert len(view.document().allFormats()) == len(plain.document().allFormats())


def test_selection_is_in_code_points_and_emoji_is_one_character(qtbot: QtBot) -> None:
    text = "قال 👨‍👩‍👧 🇵🇸 محمد"
    view = make_view(qtbot, text, [])
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(view.index.map.to_utf16(4))
    view.setTextCursor(cursor)
    # Logical movement (the default) in a right-to-left paragraph: Left reads forwards.
    # (Qt's visual movement steps into ZWJ sequences; spans are snapped to clusters.)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    sel = view.selection()
    assert sel == (4, 9)
    assert text[4:9] == "👨‍👩‍👧"


def test_click_selects_innermost_then_cycles(qtbot: QtBot) -> None:
    text = "قال محمد إن غزة تحت الحصار"
    spans = [ann(text, "q", "QUOTE", 9, 26), ann(text, "l", "LOC", 12, 15)]
    view = make_view(qtbot, text, spans)
    rect = view.span_rects(13, 14)[0]  # as placed on screen
    point = rect.center().toPoint()
    clicked: list[str] = []
    view.annotationClicked.connect(clicked.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    view.set_selected(clicked[-1], set())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked == ["l", "q"]
    assert view.hits(QPoint(1, 1) + QPoint(0, 250)) == []


def test_remembered_rectangles_follow_a_new_width_and_font(qtbot: QtBot) -> None:
    text = "قال محمد إن غزة تحت الحصار " * 6 + "والاحتلال"
    end = len(text)
    view = make_view(qtbot, text, [ann(text, "x", "LOC", end - 9, end)])
    for change in (lambda: view.resize(400, 300), lambda: view.zoom(4)):
        view.viewport().grab()  # paint: fills the cache for this layout
        change()
        qtbot.waitUntil(lambda: view.viewport().width() > 0)
        view.viewport().grab()
        point = view.span_rects(end - 5, end - 4)[0].center().toPoint()
        assert [a.id for a in view.hits(point)] == ["x"]


def test_label_tags_are_readable_and_cover_no_letter(qtbot: QtBot) -> None:
    text = "قال محمد إن غزة تحت الحصار، وإن الاحتلال مستمر في الحصار منذ سنوات " * 3
    view = make_view(qtbot, text, [ann(text, "p", "PER", 4, 8), ann(text, "l", "LOC", 12, 15)])
    plain = view.viewport().grab().toImage()
    view.set_tags(True)
    tagged = view.viewport().grab().toImage()
    assert tagged != plain
    assert view.tag_room >= 14  # a tag at least 11 pixels tall, with room around it
    # The same layout without the tags drawn: whatever differs is a tag, and lies in
    # the bands between lines, never over a line's letters.
    view.show_tags = False
    untagged = view.viewport().grab().toImage()
    view.show_tags = True
    lines = []
    block = view.document().firstBlock()
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    for i in range(block.layout().lineCount()):
        line = block.layout().lineAt(i)
        lines.append((origin.y() + line.y(), origin.y() + line.y() + line.height()))
    differing = {
        y
        for y in range(tagged.height())
        for x in range(0, tagged.width(), 2)
        if tagged.pixel(x, y) != untagged.pixel(x, y)
    }
    assert differing
    assert not [y for y in differing if any(top <= y < bottom for top, bottom in lines)]
    view.set_tags(False)
    assert view.viewport().grab().toImage() == plain
