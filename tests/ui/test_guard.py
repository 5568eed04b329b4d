"""The window keeps the work safe: a read-only notice, another program's changes picked
up on focus, a change that could not be written said loudly, daily backups, restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.storage import backups
from annotator.storage.project import Project
from annotator.storage.sqlite_engine import SqliteEngine
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.ui.conftest import ME, show_active

ARTICLE = "قال محمد إن الاحتلال يحاصر غزة."


@pytest.fixture
def path(make_project: Callable[[dict[str, str]], Path]) -> Path:
    return make_project({"article": ARTICLE})


def open_window(qtbot: QtBot, path: Path, readonly: bool = False) -> MainWindow:
    win = MainWindow(Project.open(path, readonly=readonly), ME, Settings())
    show_active(qtbot, win)
    return win


def tag_word(qtbot: QtBot, win: MainWindow, word: str, key: Qt.Key) -> None:
    start = ARTICLE.index(word)
    cursor = win.view.textCursor()
    cursor.setPosition(win.view.index.map.to_utf16(start))
    cursor.setPosition(win.view.index.map.to_utf16(start + len(word)), cursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)
    qtbot.keyClick(win.view, key)


class FullDisk:
    """The project's connection on a full disk: every insert fails as SQLite reports it.
    (tests/storage checks the real SQLITE_FULL path; here the window's side is tested.)"""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith("INSERT"):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def test_a_read_only_project_says_so_above_the_article(qtbot: QtBot, path: Path) -> None:
    win = open_window(qtbot, path, readonly=True)
    assert win.notice.isVisible() and "read-only" in win.notice.text()
    assert "(read-only)" in win.windowTitle()
    win.project.close()


def test_another_programs_changes_show_when_the_window_regains_focus(
    qtbot: QtBot, path: Path
) -> None:
    win = open_window(qtbot, path)
    with Project.open(path) as other:  # say, the command line, under the same name
        other.add_annotation(1, ME, "LOC", ARTICLE.index("غزة"), ARTICLE.index("غزة") + 3)
    assert win.session.annotations() == []
    QApplication.sendEvent(win, QEvent(QEvent.Type.ActivationChange))
    assert [a.text for a in win.session.annotations()] == ["غزة"]
    assert "Another program changed" in win.notice.text()
    win.project.close()


def test_a_change_that_cannot_be_written_is_shown_as_not_saved(qtbot: QtBot, path: Path) -> None:
    win = open_window(qtbot, path)
    engine = win.project.engine
    assert isinstance(engine, SqliteEngine)
    real = engine.conn
    engine.conn = FullDisk(real)  # type: ignore[assignment]
    tag_word(qtbot, win, "محمد", Qt.Key.Key_3)
    assert win.notice.isVisible() and win.notice.kind == "error"
    assert win.notice.text().startswith("Not saved:") and "disk is full" in win.notice.text()
    assert win.session.annotations() == []
    engine.conn = real
    fresh = reopen_project(path)
    assert fresh.annotations() == []
    fresh.close()
    win.project.close()


def test_a_daily_backup_is_taken_and_can_be_restored(
    qtbot: QtBot, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = open_window(qtbot, path)
    qtbot.waitUntil(lambda: len(backups.list_backups(win.project)) == 1)
    tag_word(qtbot, win, "محمد", Qt.Key.Key_3)
    assert len(reopen_project(path).annotations()) == 1
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    with qtbot.waitSignal(win.projectRequested) as asked:
        win.guard.restore(win)
    assert asked.args == [path]
    restored = Project.open(path)
    assert restored.annotations() == []  # as it was when the day's backup was taken
    restored.close()
    kept = [p for p in path.parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1
    raw = sqlite3.connect(kept[0])
    assert raw.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
    raw.close()


def test_an_identity_another_program_changed_takes_no_backup_anywhere(
    qtbot: QtBot, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window backs a project up on opening, into the folder its identity names:
    '/elsewhere' wrote there and pruned that folder's dated .annotator files."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE meta SET value = ? WHERE key = 'project_id'", (str(elsewhere),))
    raw.commit()
    raw.close()
    win = open_window(qtbot, path)
    qtbot.waitUntil(lambda: "Today's backup failed" in win.notice.text())
    assert "is not one annotator makes" in win.notice.text()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    win.guard.restore(win)  # raised from a slot: nothing said, the window left as it was
    assert len(warned) == 1 and "is not one annotator makes" in warned[0]
    assert list(elsewhere.iterdir()) == []
