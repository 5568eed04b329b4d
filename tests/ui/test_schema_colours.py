"""Colours in the schema editor are stored as the user wrote them: an edit of one label
left every other label's colour lowercased (#D55E00 came back #d55e00), and a colour
typed as #FF8800 came back #ff8800."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.schema import Schema, default_schema
from annotator.storage.project import Project
from annotator.ui.i18n import install_translator
from annotator.ui.schema_editor import COLOUR, NAME, SchemaEditor
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.present import present
from tests.ui.conftest import ME, show_active
from tests.ui.test_error_texts import in_the_schema_editor, row_of


def stored_schema(win: MainWindow) -> Schema:
    fresh = reopen_project(win.project.path)
    try:
        return fresh.schema()
    finally:
        fresh.close()


def test_typed_colours_keep_their_case_and_others_are_untouched(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    win = MainWindow(Project.open(make_project({"article": "نص"})), ME, Settings())
    show_active(qtbot, win)
    before = {lb.name: lb.color for lb in stored_schema(win).labels}

    def recolour(editor: SchemaEditor) -> None:
        present(editor.table.item(row_of(editor, "MISC"), COLOUR)).setText("#FF8800")
        present(editor.table.item(row_of(editor, "DATE"), COLOUR)).setText("#00aa11")
        present(editor.table.item(row_of(editor, "EVENT"), COLOUR)).setText("orange")
        present(editor.table.item(row_of(editor, "PER"), NAME)).setText("PERSON")

    in_the_schema_editor(qtbot, win, recolour)
    after = {lb.name: lb.color for lb in stored_schema(win).labels}
    assert after["MISC"] == "#FF8800"
    assert after["DATE"] == "#00aa11"
    # A colour's name is stored as #RRGGBB, the palette's own way of writing colours.
    assert after["EVENT"] == "#FFA500"
    assert after["PERSON"] == before["PER"] == "#E69F00"
    untouched = set(before) - {"MISC", "DATE", "EVENT", "PER"}
    assert {n: after[n] for n in untouched} == {n: before[n] for n in untouched}
    win.project.close()


def text_of(cell: QImage) -> tuple[int, QImage]:
    """Where the dark text in a cell begins, and the text cut out of it."""
    dark = [
        (x, y)
        for y in range(cell.height())
        for x in range(cell.width())
        if cell.pixelColor(x, y).lightness() < 60
    ]
    xs, ys = [x for x, _ in dark], [y for _, y in dark]
    left, top = min(xs), min(ys)
    return left, cell.copy(left, top, max(xs) - left + 1, max(ys) - top + 1)


def test_a_colour_s_code_reads_left_to_right_in_the_arabic_editor(
    qapp: QApplication, qtbot: QtBot
) -> None:
    """It read D55E00# in the Arabic window: the colour cell is drawn as in English."""
    schema = default_schema()

    def colour_cell(language: str) -> QImage:
        install_translator(qapp, language)
        editor = SchemaEditor(schema)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        editor.table.setColumnWidth(COLOUR, 120)
        rect = editor.table.visualItemRect(present(editor.table.item(0, COLOUR)))
        return editor.table.viewport().grab(rect).toImage()

    try:
        arabic = colour_cell("ar")
        english = colour_cell("en")
    finally:
        install_translator(qapp, "en")
    # The same glyphs in the same order, at the cell's left (the grid's line moves).
    (ar_left, ar_text), (en_left, en_text) = text_of(arabic), text_of(english)
    assert ar_text == en_text
    assert abs(ar_left - en_left) <= 2
