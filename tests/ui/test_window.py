"""The real window driven by keyboard and mouse; each test checks what the project file
then holds, through a second connection."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import Status
from annotator.storage.project import Project
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.paths import SHARED
from tests.present import present
from tests.ui.conftest import ME, show_active

ARTICLE = "قال 👀 محمد إن الاحتلال يحاصر غزة.\nوأكد محمد أن «الحصار مستمر» في غزة."
OTHER = "English paragraph: Gaza and غزة again."

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def window(qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]) -> Iterator[MainWindow]:
    path = make_project({"article": ARTICLE, "other": OTHER})
    win = MainWindow(Project.open(path), ME, Settings())
    show_active(qtbot, win)
    yield win
    win.project.close()


def stored(win: MainWindow) -> list[tuple[str, int, int, str]]:
    """(label, start, end, text) of my spans in the current document, as the file has them."""
    fresh = reopen_project(win.project.path)
    try:
        doc_id = present(win.session.document).id
        return [(a.label, a.start, a.end, a.text) for a in fresh.annotations(doc_id, ME)]
    finally:
        fresh.close()


def put_caret(win: MainWindow, offset: int) -> None:
    cursor = win.view.textCursor()
    cursor.setPosition(win.view.index.map.to_utf16(offset))
    win.view.setTextCursor(cursor)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type characters that QTest.keyClicks cannot map to keys (it aborts on Arabic)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Mod.NoModifier, ch))


def select_word_by_keyboard(qtbot: QtBot, win: MainWindow, offset: int) -> None:
    """Caret at ``offset`` in an Arabic paragraph, then Ctrl+Shift+Left: the next word
    (logical movement, so Left reads forwards in right-to-left text)."""
    put_caret(win, offset)
    qtbot.keyClick(win.view, Key.Key_Left, Mod.ControlModifier | Mod.ShiftModifier)


def test_keyboard_span_after_emoji_is_stored_in_code_points_and_undo_removes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_word_by_keyboard(qtbot, window, 6)
    qtbot.keyClick(window.view, Key.Key_3)  # PER
    assert stored(window) == [("PER", 6, 10, "محمد")]
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert stored(window) == []
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert stored(window) == [("PER", 6, 10, "محمد")]


def test_partial_selection_snaps_to_the_word_unless_exact(qtbot: QtBot, window: MainWindow) -> None:
    start = ARTICLE.index("وأكد")
    window.view.select_span(start + 1, start + 3)
    qtbot.keyClick(window.view, Key.Key_6)
    assert stored(window)[-1][3] == "وأكد"
    qtbot.keyClick(window.view, Key.Key_E, Mod.ControlModifier)  # exact spans on
    window.view.select_span(start + 1, start + 4)
    qtbot.keyClick(window.view, Key.Key_8)
    assert ("MISC", start + 1, start + 4, "أكد") in stored(window)


def test_relabel_delete_and_tab_navigation(qtbot: QtBot, window: MainWindow) -> None:
    select_word_by_keyboard(qtbot, window, 6)
    qtbot.keyClick(window.view, Key.Key_3)
    gaza = ARTICLE.index("غزة")
    window.view.select_span(gaza, gaza + 3)
    qtbot.keyClick(window.view, Key.Key_5)
    put_caret(window, 0)
    window.session.select(None)
    qtbot.keyClick(window.view, Key.Key_Tab)
    assert present(window.session.selected()).text == "محمد"
    qtbot.keyClick(window.view, Key.Key_4)  # relabel to ORG
    assert stored(window)[0][0] == "ORG"
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert stored(window)[0][0] == "PER"
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert stored(window)[0][0] == "ORG"
    qtbot.keyClick(window.view, Key.Key_Tab)
    assert present(window.session.selected()).text == "غزة"
    qtbot.keyClick(window.view, Key.Key_Backtab, Mod.ShiftModifier)
    assert present(window.session.selected()).text == "محمد"
    qtbot.keyClick(window.view, Key.Key_Tab)
    qtbot.keyClick(window.view, Key.Key_Delete)
    assert [s[3] for s in stored(window)] == ["محمد"]
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert [s[3] for s in stored(window)] == ["محمد", "غزة"]


def test_edge_keys_leave_out_an_attached_waw(qtbot: QtBot, window: MainWindow) -> None:
    start = ARTICLE.index("وأكد")
    window.view.select_span(start, start + 4)
    qtbot.keyClick(window.view, Key.Key_3)
    # Right-to-left paragraph: moving the start edge left on screen moves it later.
    qtbot.keyClick(window.view, Key.Key_Left, Mod.AltModifier)
    assert stored(window) == [("PER", start + 1, start + 4, "أكد")]
    qtbot.keyClick(window.view, Key.Key_Right, Mod.AltModifier | Mod.ShiftModifier)
    assert stored(window) == [("PER", start + 1, start + 3, "أك")]
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert stored(window) == [("PER", start + 1, start + 4, "أكد")]


def test_click_on_a_highlight_selects_it_and_cycles(qtbot: QtBot, window: MainWindow) -> None:
    quote = ARTICLE.index("«")
    window.view.select_span(quote, ARTICLE.index("»") + 1)
    qtbot.keyClick(window.view, Key.Key_2)
    inner = ARTICLE.index("الحصار")
    window.view.select_span(inner, inner + 6)
    qtbot.keyClick(window.view, Key.Key_8)
    window.session.select(None)
    rect = window.view.span_rects(inner + 2, inner + 3)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert present(window.session.selected()).label == "MISC"
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert present(window.session.selected()).label == "QUOTE"


def test_relation_by_pick_mode_and_removal(qtbot: QtBot, window: MainWindow) -> None:
    speaker = ARTICLE.index("محمد", 20)
    window.view.select_span(speaker, speaker + 4)
    qtbot.keyClick(window.view, Key.Key_3)
    speaker_id = window.session.selected_id
    quote = ARTICLE.index("«")
    window.view.select_span(quote, ARTICLE.index("»") + 1)
    qtbot.keyClick(window.view, Key.Key_2)
    quote_id = window.session.selected_id
    qtbot.keyClick(window.view, Key.Key_L, Mod.ControlModifier)
    picking = window.session.linking
    qtbot.keyClick(window.view, Key.Key_Escape)
    assert picking and not window.session.linking
    qtbot.keyClick(window.view, Key.Key_L, Mod.ControlModifier)
    rect = window.view.span_rects(speaker + 1, speaker + 2)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    fresh = reopen_project(window.project.path)
    rels = fresh.relations()
    fresh.close()
    assert [(r.from_id, r.to_id, r.type) for r in rels] == [(quote_id, speaker_id, "speaker")]
    assert window.view.related_ids == {speaker_id}
    assert "Click the speaker" not in window.statusBar().currentMessage()  # done picking
    assert window.details.relations.count() == 1
    window.details.relations.setCurrentRow(0)
    qtbot.mouseClick(window.details.remove_button, Qt.MouseButton.LeftButton)
    fresh = reopen_project(window.project.path)
    assert fresh.relations() == []
    fresh.close()
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    fresh = reopen_project(window.project.path)
    assert len(fresh.relations()) == 1
    fresh.close()


def test_attribute_edited_in_details_panel(qtbot: QtBot, window: MainWindow) -> None:
    window.view.select_span(0, len("قال 👀 محمد إن الاحتلال يحاصر غزة"))
    qtbot.keyClick(window.view, Key.Key_1)  # CLAIM, with a "checkworthy" choice
    combo = window.details.attributes.itemAt(0, window.details.attributes.ItemRole.FieldRole)
    widget = present(combo).widget()
    assert isinstance(widget, QComboBox)
    widget.textActivated.emit("yes")
    qtbot.waitUntil(lambda: present(window.session.selected()).attributes != {})
    fresh = reopen_project(window.project.path)
    assert fresh.annotations(present(window.session.document).id, ME)[0].attributes == {
        "checkworthy": "yes"
    }
    fresh.close()
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert present(window.session.selected()).attributes == {}


def test_annotate_all_in_document_and_project_is_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    gaza = ARTICLE.index("غزة")
    window.view.select_span(gaza, gaza + 3)
    qtbot.keyClick(window.view, Key.Key_5)
    assert window.session.annotate_all("LOC", whole_project=False) == 1
    assert [s[3] for s in stored(window)] == ["غزة", "غزة"]
    assert window.session.annotate_all("LOC", whole_project=True) == 1  # the other document
    fresh = reopen_project(window.project.path)
    assert [a.text for a in fresh.annotations(2, ME)] == ["غزة"]
    fresh.close()
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert [s[3] for s in stored(window)] == ["غزة"]


def test_find_ignores_diacritics_and_the_match_can_be_tagged(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.view, Key.Key_F, Mod.ControlModifier)
    assert window.search.isVisible()
    type_text(qtbot, window.search.field, "غزه")  # ta marbuta written as ha
    assert [ARTICLE[s:e] for s, e in window.view.matches] == ["غزة", "غزة"]
    first = window.view.selection()
    qtbot.keyClick(window.search.field, Key.Key_F3)
    assert window.view.selection() != first
    qtbot.keyClick(window.search.field, Key.Key_Return, Mod.ShiftModifier)
    assert window.view.selection() == first
    window.search.field.clear()
    type_text(qtbot, window.search.field, "الحِصَار")
    assert len(window.view.matches) == 1
    qtbot.keyClick(window.search.field, Key.Key_Escape)
    assert not window.search.isVisible()
    qtbot.keyClick(window.view, Key.Key_8)
    assert stored(window)[0][3] == "الحصار"


def test_find_type_enter_then_a_label_key_tags_the_match(qtbot: QtBot, window: MainWindow) -> None:
    """The guide's workflow, key by key: Ctrl+F, type, Enter, label key; F3, label key."""
    qtbot.keyClick(window.view, Key.Key_F, Mod.ControlModifier)
    type_text(qtbot, window.search.field, "غزه")
    qtbot.keyClick(window.search.field, Key.Key_Return)
    assert QApplication.focusWidget() is window.view
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_5)
    first, second = (m for m in window.view.matches)
    assert stored(window) == [("LOC", *first, "غزة")]
    assert window.search.field.text() == "غزه"  # the digit went to the article
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_F3)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_5)
    assert stored(window) == [("LOC", *first, "غزة"), ("LOC", *second, "غزة")]


def test_documents_next_previous_done_and_filter(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Key.Key_PageDown, Mod.ControlModifier)
    assert present(window.session.document).name == "other"
    qtbot.keyClick(window.view, Key.Key_D, Mod.ControlModifier)
    fresh = reopen_project(window.project.path)
    assert fresh.status(2, ME) is Status.DONE
    fresh.close()
    qtbot.keyClick(window.view, Key.Key_PageUp, Mod.ControlModifier)
    assert present(window.session.document).name == "article"
    qtbot.keyClicks(window.documents.filter, "English")
    shown = [
        present(window.documents.tree.topLevelItem(i)).text(0).strip("\u2068\u2069")
        for i in range(window.documents.tree.topLevelItemCount())
        if not present(window.documents.tree.topLevelItem(i)).isHidden()
    ]
    assert shown == ["other"]


def test_zoom_changes_the_font_size(qtbot: QtBot, window: MainWindow) -> None:
    size = window.view.font().pointSize()
    qtbot.keyClick(window.view, Key.Key_Equal, Mod.ControlModifier)
    assert window.view.font().pointSize() == size + 1
    qtbot.keyClick(window.view, Key.Key_Minus, Mod.ControlModifier)
    assert window.view.font().pointSize() == size


def test_undo_in_another_document_goes_back_to_it(qtbot: QtBot, window: MainWindow) -> None:
    select_word_by_keyboard(qtbot, window, 6)
    qtbot.keyClick(window.view, Key.Key_3)
    qtbot.keyClick(window.view, Key.Key_PageDown, Mod.ControlModifier)
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert present(window.session.document).name == "article"
    assert stored(window) == []


def test_cursor_is_a_real_text_cursor(window: MainWindow) -> None:
    assert isinstance(window.view.textCursor(), QTextCursor)


def test_word_in_a_real_article(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    article = SHARED / "corpus" / "000_855d37cbd7c6786c.txt"
    if not article.exists():
        pytest.skip("the shared corpus is not here")
    text = article.read_text(encoding="utf-8").replace("\r\n", "\n")
    win = MainWindow(Project.open(make_project({"corpus": text})), ME, Settings())
    show_active(qtbot, win)
    doc_text = present(win.session.document).text
    start = doc_text.index("الاحتلال")
    select_word_by_keyboard(qtbot, win, start)
    qtbot.keyClick(win.view, Key.Key_5)
    assert stored(win) == [("LOC", start, start + len("الاحتلال"), "الاحتلال")]
    win.project.close()


def test_clicking_a_document_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    tree = window.documents.tree
    item = tree.topLevelItem(1)
    assert item is not None
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: present(window.session.document).name == "other")
    assert present(tree.currentItem()).text(0).strip("\u2068\u2069") == "other"


def test_a_read_only_project_refuses_edits_with_a_message(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    path = make_project({"article": ARTICLE})
    win = MainWindow(Project.open(path, readonly=True), ME, Settings())
    show_active(qtbot, win)
    messages: list[str] = []
    win.session.message.connect(messages.append)
    win.view.select_span(6, 10)
    qtbot.keyClick(win.view, Key.Key_3)
    qtbot.keyClick(win.view, Key.Key_D, Mod.ControlModifier)
    assert len(messages) == 2 and all("read-only" in m for m in messages)
    assert not win.done_action.isChecked()
    assert stored(win) == []
    win.project.close()


def test_an_empty_project_says_how_to_bring_articles_in(
    open_window: Callable[[dict[str, str]], MainWindow],
) -> None:
    """A new project's window was blank: no word of where the articles come from."""
    window = open_window({})
    assert window.view.toPlainText() == ""
    assert "File › Import documents…" in window.view.placeholderText()
    image = window.view.viewport().grab().toImage()
    text = window.view.palette().color(QPalette.ColorRole.PlaceholderText)
    inked = sum(
        QColor(image.pixel(x, y)).lightness() < 200
        for x in range(0, image.width(), 2)
        for y in range(0, min(60, image.height()))
    )
    assert text.isValid() and inked > 200  # the hint is drawn (the caret alone: some 40)


def test_the_first_window_fits_a_small_screen(
    open_window: Callable[[dict[str, str]], MainWindow],
) -> None:
    """With no size remembered the window asked 1280 × 800, whatever the screen: on a
    laptop's 768 pixels its status bar and lowest rows hung below it."""
    window = open_window({"article": ARTICLE})
    free = present(window.screen()).availableGeometry()
    assert free.height() < 1000  # the test screen is smaller than the window's wish
    assert window.width() <= free.width() and window.height() <= free.height()
    window.session.open_document(window.project.documents()[0].id)
    review = present(window.review_menu.review())
    assert review.width() <= free.width() and review.height() <= free.height()
    review.close()
