"""Searching the project from the documents list's box, typed as a user types."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.ui.doclist import MARKS_ROLE, MATCH_COLUMN
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.ui.conftest import ME, show_active
from tests.ui.test_window import type_text

DOCS = {
    "vocalised": "قال مُحَمَّدٌ إنّ الحكومةَ ستجتمع.",
    "clitics": "وقالت مصادر إن وبالحكومة خلافا",
    "other": "خبر عن الاقتصاد",
}


@pytest.fixture
def window(qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]) -> Iterator[MainWindow]:
    win = MainWindow(Project.open(make_project(DOCS)), ME, Settings())
    show_active(qtbot, win)
    yield win
    win.project.close()


def shown(win: MainWindow) -> dict[str, tuple[str, list[tuple[int, int]] | None]]:
    """{document: (the passage shown, its marks)} of the rows the list shows."""
    tree = win.documents.tree
    rows = {}
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        if not item.isHidden():
            name = item.text(0).strip("\u2068\u2069")
            rows[name] = (item.text(MATCH_COLUMN), item.data(MATCH_COLUMN, MARKS_ROLE))
    return rows


def test_typing_a_plain_word_finds_its_vocalised_and_prefixed_forms(
    qtbot: QtBot, window: MainWindow
) -> None:
    box = window.documents.filter
    box.setFocus()
    type_text(qtbot, box, "حكومة")
    rows = shown(window)
    assert set(rows) == {"vocalised", "clitics"}
    text, marks = rows["clitics"]
    assert marks is not None and [text[s:e] for s, e in marks] == ["وبالحكومة"]
    assert not window.documents.tree.isColumnHidden(MATCH_COLUMN)
    window.documents.tree.viewport().grab()  # the bold passage paints
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, box, "محمد")
    text, marks = shown(window)["vocalised"]
    assert marks is not None and [text[s:e] for s, e in marks] == ["مُحَمَّدٌ"]
    assert set(shown(window)) == {"vocalised"}


def test_clearing_the_box_shows_every_document_without_passages(
    qtbot: QtBot, window: MainWindow
) -> None:
    box = window.documents.filter
    type_text(qtbot, box, "الاقتصاد")
    assert set(shown(window)) == {"other"}
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert set(shown(window)) == set(DOCS)
    assert window.documents.tree.isColumnHidden(MATCH_COLUMN)
    assert window.project.document("vocalised").text == DOCS["vocalised"]
