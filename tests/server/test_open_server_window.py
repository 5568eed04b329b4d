"""File › Open a project on a server, as an annotator does it from the window: the URL
typed, the window on the server's project, edits landing there, the recent list keeping
the URL without its password, no day's backup copied out of it, and what goes wrong said
in the one line the command line says."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.core.model import NewDocument
from annotator.storage import backups
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from annotator.ui import app
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.cli_runner import invoke, one_error_line
from tests.server.conftest import PASSWORD, Team
from tests.ui.conftest import ME, _isolated_settings, show_active  # noqa: F401 (a fixture)

TEXT = "قال الوزير إن الحكومة ستجتمع"


@pytest.fixture
def local_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The window as the annotator has it before: on a project file of their own."""
    path = tmp_path / "mine.annotator"
    with Project.create(path) as mine:
        mine.add_documents([NewDocument("mine", "نص")])
    window = app.open_window(path, ME, Settings())
    qtbot.addWidget(window)
    yield window
    for opened in app._windows:
        opened.close()
        opened.project.close()
    app._windows.clear()


def open_server_project(qtbot: QtBot, window: MainWindow, url: str) -> None:
    """File › Open a project on a server…, the URL typed, Enter."""

    def answer() -> None:
        dialog = window.findChild(QInputDialog)
        assert dialog is not None and dialog.isVisible()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        field = dialog.findChild(QLineEdit)
        assert field is not None
        qtbot.keyClicks(field, url)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    action = next(
        a
        for a in window.actions()
        if isinstance(a, QAction) and a.text() == "Open a project on a &server…"
    )
    action.trigger()


def test_a_server_project_opened_from_the_file_menu_is_worked_on_there(
    qtbot: QtBot, team: Team, local_window: MainWindow
) -> None:
    with Project.open(team.url("carol")) as carol:
        carol.add_documents([NewDocument("news", TEXT)])
    # Not the window's name (ME): on a server one annotates as one's server user.
    add_user(team.admin_url, "dina", PASSWORD, curator=False)
    url = team.url("dina")
    open_server_project(qtbot, local_window, url)
    window = app._windows[-1]
    assert window is not local_window and not local_window.isVisible()
    show_active(qtbot, window)
    assert window.documents.tree.topLevelItemCount() == 2  # "one" and "news"
    window.session.open_document(window.project.document("news").id)
    start = TEXT.index("الوزير")
    cursor = window.view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("الوزير"), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    with Project.open(team.url()) as admin:
        news = admin.document("news").id
        assert [(a.text, a.annotator) for a in admin.annotations(news)] == [("الوزير", "dina")]
    assert "dina" in window.annotator_label.text()
    shown = url.replace(":" + PASSWORD + "@", "@")
    assert str(Settings().recent_projects()[0]) == shown  # no password kept
    QApplication.processEvents()  # the window's first idle moment
    assert backups.list_backups(window.project) == []  # the server's backups are the team's


@pytest.mark.parametrize(
    "wrong",
    [
        pytest.param(lambda team: team.url("alice").replace(PASSWORD, "not-it"), id="password"),
        pytest.param(lambda team: team.url("alice") + "_gone", id="no such project"),
        pytest.param(lambda team: team.url("alice") + "-gone", id="not a project name"),
        pytest.param(
            lambda team: team.url("alice").replace(f":{team.server.port}/", ":1/"), id="port"
        ),
    ],
)
def test_what_goes_wrong_is_said_in_the_window_as_on_the_command_line(
    qtbot: QtBot,
    team: Team,
    local_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    wrong: Callable[[Team], str],
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: said.append(text))
    url = wrong(team)
    open_server_project(qtbot, local_window, url)
    assert app._windows == [local_window] and local_window.isVisible()
    code, _, err = invoke("list", url)
    assert code == 2
    assert said and f"annotator: error: {said[0]}\n" == err
    one_error_line(err, said[0].split(": ")[0])
