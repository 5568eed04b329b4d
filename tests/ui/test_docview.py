"""The document view: shaping untouched by highlights, bidi-correct rectangles, alignment,
grapheme-safe selection and hit-testing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
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


def test_arabic_paragraphs_right_aligned_english_left(qtbot: QtBot) -> None:
    view = make_view(qtbot, "قال محمد\nEnglish words", [])
    width = view.viewport().width()
    arabic = view.document().findBlockByNumber(0).layout().lineAt(0).naturalTextRect()
    english = view.document().findBlockByNumber(1).layout().lineAt(0).naturalTextRect()
    assert arabic.right() > width - 30
    assert english.left() < 30
    assert view.document().findBlockByNumber(0).layout().textOption().alignment() & (
        Qt.AlignmentFlag.AlignJustify
    )


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
    block = view.document().firstBlock()
    rect = view.run_rects(block, 13, 1, view.contentOffset())[0]
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


def test_label_tags_are_drawn_only_when_asked(qtbot: QtBot) -> None:
    text = "قال محمد إن غزة تحت الحصار"
    view = make_view(qtbot, text, [ann(text, "p", "PER", 4, 8)])
    plain = view.viewport().grab().toImage()
    view.show_tags = True
    tagged = view.viewport().grab().toImage()
    assert tagged != plain
    view.show_tags = False
    assert view.viewport().grab().toImage() == plain
