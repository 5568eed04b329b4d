"""Undo and redo stay truthful: after another program changed the project, and for
schema edits, which are one all-or-nothing step each."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from annotator.ui.schema_editor import NAME, SchemaEditor
from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.present import present
from tests.ui.conftest import ME
from tests.ui.conftest import stored_spans as stored

ARTICLE = "قال محمد إن الاحتلال يحاصر غزة."
MOHAMMED = (4, 8)

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def window(open_window: Callable[[dict[str, str]], MainWindow]) -> MainWindow:
    return open_window({"article": ARTICLE})


def tag(qtbot: QtBot, win: MainWindow, key: Key) -> None:
    win.view.select_span(*MOHAMMED)
    qtbot.keyClick(win.view, key)


def another_program_deletes_my_spans(win: MainWindow) -> None:
    other = reopen_project(win.project.path)
    for ann in other.annotations(1, ME):
        other.delete_annotation(ann.id)
    other.close()


def switch_away_and_back(qtbot: QtBot, win: MainWindow) -> None:
    """The user looks at another window and comes back: the window reloads."""
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is elsewhere)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.view.setFocus()


def test_undo_of_a_span_another_program_deleted_is_reported_and_the_history_cleared(
    qtbot: QtBot, window: MainWindow
) -> None:
    tag(qtbot, window, Key.Key_3)
    another_program_deletes_my_spans(window)
    switch_away_and_back(qtbot, window)
    assert len(window.view.index) == 0  # reloaded
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 0)
    assert window.notice.isVisible()
    assert "can no longer be undone" in window.notice.text()
    assert stored(window) == []
    # The window goes on working.
    tag(qtbot, window, Key.Key_4)
    assert stored(window) == [("ORG", *MOHAMMED)]
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert stored(window) == []


def test_redo_of_a_relabel_after_another_program_deleted_the_span_is_reported(
    qtbot: QtBot, window: MainWindow
) -> None:
    tag(qtbot, window, Key.Key_3)
    qtbot.keyClick(window.view, Key.Key_4)  # the span is selected: relabel it ORG
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert stored(window) == [("PER", *MOHAMMED)]
    another_program_deletes_my_spans(window)
    switch_away_and_back(qtbot, window)
    qtbot.keyClick(window.view, Key.Key_Y, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 0)
    assert "can no longer be undone or redone" in window.notice.text()
    assert stored(window) == []


def edit_schema_in_the_dialog(
    qtbot: QtBot, win: MainWindow, renames: dict[str, str], remove: str | None = None
) -> None:
    """Project › Schema…, then in the editor rename, remove a row and click OK."""

    def fill_in() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, SchemaEditor)
        names = [present(editor.table.item(r, NAME)).text() for r in range(editor.table.rowCount())]
        for old, new in renames.items():
            present(editor.table.item(names.index(old), NAME)).setText(new)
        if remove is not None:
            editor.table.setCurrentCell(names.index(remove), NAME)
            button = next(b for b in editor.findChildren(QPushButton) if b.text() == "Remove label")
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        box = editor.findChild(QDialogButtonBox)
        assert box is not None
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    action = next(a for a in win.findChildren(QAction) if a.text() == "&Schema…")
    action.trigger()
    win.activateWindow()  # back from the dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.view.setFocus()


def labels_in_file(win: MainWindow) -> list[str]:
    fresh = reopen_project(win.project.path)
    try:
        return [lb.name for lb in fresh.schema().labels]
    finally:
        fresh.close()


def palette(win: MainWindow) -> list[str]:
    items = (win.palette_list.item(i) for i in range(win.palette_list.count()))
    return [item.data(Qt.ItemDataRole.UserRole) for item in items]


def test_a_schema_edit_with_a_refused_part_changes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    tag(qtbot, window, Key.Key_3)  # PER is in use
    before = labels_in_file(window)
    edit_schema_in_the_dialog(qtbot, window, {"ORG": "ORGANISATION"}, remove="PER")
    assert labels_in_file(window) == before  # the rename was not kept either
    assert palette(window) == before
    assert "PER" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 1  # the span only


def test_a_schema_edit_is_one_undoable_step(qtbot: QtBot, window: MainWindow) -> None:
    tag(qtbot, window, Key.Key_3)
    edit_schema_in_the_dialog(qtbot, window, {"PER": "PERSON"}, remove="EVENT")
    renamed = labels_in_file(window)
    assert "PERSON" in renamed and "PER" not in renamed and "EVENT" not in renamed
    assert stored(window) == [("PERSON", *MOHAMMED)]
    assert palette(window) == renamed
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    assert "PER" in labels_in_file(window) and "EVENT" in labels_in_file(window)
    assert stored(window) == [("PER", *MOHAMMED)]
    assert palette(window) == labels_in_file(window)
    qtbot.keyClick(window.view, Key.Key_Y, Mod.ControlModifier)
    assert labels_in_file(window) == renamed
    assert stored(window) == [("PERSON", *MOHAMMED)]
    window.view.select_span(12, 20)
    qtbot.keyClick(window.view, Key.Key_3)  # the label keys follow the new schema
    assert ("PERSON", 12, 20) in stored(window)


def test_undo_does_not_overwrite_a_span_another_program_moved(
    qtbot: QtBot, window: MainWindow
) -> None:
    tag(qtbot, window, Key.Key_3)
    qtbot.keyClick(window.view, Key.Key_4)  # relabel it ORG
    other = reopen_project(window.project.path)
    other.update_annotation(other.annotations(1, ME)[0].id, start=5)
    other.close()
    switch_away_and_back(qtbot, window)
    qtbot.keyClick(window.view, Key.Key_Z, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 0)
    assert "changed by another program" in window.notice.text()
    assert stored(window) == [("ORG", 5, 8)]
