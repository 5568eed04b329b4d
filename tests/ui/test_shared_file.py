"""The window's work reaches the project file as other programs read it (the sqlite3
command, `annotator list`, Datasette), whatever the window did before: an import's worker
opens the project a second time in the window's own process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeDatabase, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.ui.window import MainWindow
from tests.conftest import spans_seen_elsewhere
from tests.ui.conftest import ME
from tests.ui.test_window import select_word_by_keyboard

ARTICLE = "قال محمد إن غزة تحت الحصار."


@pytest.fixture
def window(open_window: Callable[[dict[str, str]], MainWindow]) -> MainWindow:
    return open_window({"article": ARTICLE})


def import_an_article(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    """File › Import documents…, the file chosen: the import runs in its worker."""
    article = folder / "news.txt"
    article.write_text("خبر عن غزة", encoding="utf-8")
    window.import_paths([article])
    qtbot.waitUntil(lambda: window.documents.tree.topLevelItemCount() == 2, timeout=10000)


def test_a_span_tagged_after_an_import_is_in_the_file_another_program_reads(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import_an_article(qtbot, window, tmp_path)
    assert spans_seen_elsewhere(window.project.path) == 0
    select_word_by_keyboard(qtbot, window, ARTICLE.index("محمد"))
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert spans_seen_elsewhere(window.project.path) == 1


def test_a_span_tagged_after_a_file_dialog_listed_the_projects_folder_is_in_the_file(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The window's file dialogs (Export, Share, Open) tell each file's type in the
    folder they list by its first bytes, the project's too, in the window's process."""
    path = window.project.path
    assert QMimeDatabase().mimeTypeForFile(str(path)).name() == "application/vnd.sqlite3"
    assert spans_seen_elsewhere(path) == 0
    select_word_by_keyboard(qtbot, window, ARTICLE.index("محمد"))
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert spans_seen_elsewhere(path) == 1


def test_the_windows_own_import_is_not_told_as_another_programs_change(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import_an_article(qtbot, window, tmp_path)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))  # the dialog gone
    assert not window.notice.isVisible()
    with Project.open(window.project.path) as other:  # the command line, say
        other.add_annotation(1, ME, "LOC", ARTICLE.index("غزة"), ARTICLE.index("غزة") + 3)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert "Another program changed" in window.notice.text()


def test_an_import_that_brings_spans_to_the_open_document_shows_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    start = ARTICLE.index("غزة")
    line = {"text": ARTICLE, "annotations": [{"start": start, "end": start + 3, "label": "LOC"}]}
    export = tmp_path / "colleague.jsonl"
    export.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    window.import_paths([export])
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=10000)
    assert [a.text for a in window.session.annotations()] == ["غزة"]
    assert window.documents.tree.topLevelItemCount() == 1
