"""File › Open a project on a server, as an annotator does it from the window: the URL
typed, the window on the server's project, edits landing there, the recent list keeping
the URL without its password, no day's backup copied out of it, and what goes wrong
(a project an older annotator made, which only its owner may upgrade, too) said in the
one line the command line says."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator import launcher
from annotator.core.model import NewDocument
from annotator.storage import backups
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from annotator.ui import app
from annotator.ui.review.window import ReviewWindow
from annotator.ui.server_dialog import ServerDialog
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.cli_runner import invoke, one_error_line
from tests.server.conftest import PASSWORD, Team, old_project
from tests.ui.conftest import ME, _isolated_settings, show_active  # noqa: F401 (a fixture)

TEXT = "قال الوزير إن الحكومة ستجتمع"


@pytest.fixture
def local_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The window as the annotator has it before: on a project file of their own."""
    path = tmp_path / "mine.annotator"
    with Project.create(path) as mine:
        mine.add_documents([NewDocument("mine", "نص")])
    window = app.open_window(path, ME, Settings())
    # Not qtbot's to close: a project opened from its menu replaces it, deleted then.
    yield window
    for opened in app._windows:
        opened.close()
        opened.project.close()
    app._windows.clear()


def open_server_project(
    qtbot: QtBot, window: MainWindow, url: str, password: str = "", offered: str = ""
) -> str:
    """File › Open a project on a server…, the URL typed (over what it offers, which
    must be ``offered``) and the password, Enter; what the dialog then says ("" when it
    opened the project), and the dialog cancelled if it stays."""
    said: list[str] = []

    def answer() -> None:
        dialog = window.findChild(ServerDialog)
        assert dialog is not None and dialog.isVisible()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        assert dialog.url.text() == offered
        dialog.url.selectAll()
        qtbot.keyClicks(dialog.url, url)
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.message.text() != "Connecting…")
        if dialog.isVisible():
            said.append(dialog.message.text())
            qtbot.keyClick(dialog.url, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    action = next(
        a
        for a in window.actions()
        if isinstance(a, QAction) and a.text() == "Open a project on a &server…"
    )
    action.trigger()
    return said[0] if said else ""


def test_a_server_project_opened_from_the_file_menu_is_worked_on_there(
    qtbot: QtBot, team: Team, local_window: MainWindow
) -> None:
    with Project.open(team.url("carol")) as carol:
        carol.add_documents([NewDocument("news", TEXT)])
    # Not the window's name (ME): on a server one annotates as one's server user.
    add_user(team.admin_url, "dina", PASSWORD, curator=False)
    url = team.url("dina")
    shown = url.replace(":" + PASSWORD + "@", "@")
    # The URL without its password, and the password in its own field, as typed.
    assert open_server_project(qtbot, local_window, shown, PASSWORD) == ""
    window = app._windows[-1]
    assert window is not local_window and local_window not in app._windows
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
    assert str(Settings().recent_projects()[0]) == str(window.project.path) == shown
    settings = QSettings()
    assert not [k for k in settings.allKeys() if PASSWORD in str(settings.value(k))]
    assert PASSWORD not in window.windowTitle()
    QApplication.processEvents()  # the window's first idle moment
    assert backups.list_backups(window.project) == []  # the server's backups are the team's
    # The next time, the dialog offers the server project's URL (and no password).
    said = open_server_project(qtbot, window, shown, "not-it", offered=shown)
    assert "authentication failed for 'dina'" in said
    assert app._windows[-1] is window


@pytest.mark.parametrize(
    "wrong",
    [
        pytest.param(lambda team: team.url("alice").replace(PASSWORD, "not-it"), id="password"),
        pytest.param(lambda team: team.url("alice") + "_gone", id="no such project"),
        pytest.param(lambda team: old_project(team.server).url("alice"), id="older, not hers"),
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
    wrong: Callable[[Team], str],
) -> None:
    url = wrong(team)
    said = open_server_project(qtbot, local_window, url)
    assert app._windows == [local_window] and local_window.isVisible()
    code, _, err = invoke("list", url)
    assert code == 2
    # The command line's line, without the URL that the dialog shows.
    assert said and err.endswith(f": {said}\n")
    location = err.removeprefix("annotator: error: ").removesuffix(f": {said}\n")
    assert location.startswith("postgresql://alice@") and PASSWORD not in err
    one_error_line(err, location)


def test_a_wrong_password_typed_apart_is_said_in_the_dialog_and_kept_nowhere(
    qtbot: QtBot, team: Team, local_window: MainWindow
) -> None:
    shown = team.url("alice").replace(":" + PASSWORD + "@", "@")
    said = open_server_project(qtbot, local_window, shown, "not-the-password")
    assert "\n" not in said
    assert "authentication failed for 'alice'" in said and "not-the" not in said
    assert app._windows == [local_window]
    assert Settings().recent_projects() == [local_window.project.path]


def test_the_command_opens_the_window_on_a_servers_url(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`annotator open URL --annotator NAME`: the URL reaches the window whole (its // kept),
    not taken for a file that does not exist."""
    opened: list[tuple[str, str | None]] = []

    def run_window(project: Path, annotator: str | None) -> int:
        opened.append((str(project), annotator))
        return 0

    monkeypatch.setattr(app, "run", run_window)
    monkeypatch.setattr(launcher, "_check_qt_libraries", lambda window: None)
    url = team.url("alice")
    result = CliRunner().invoke(launcher.cli, ["open", url, "--annotator", "alice"])
    assert result.exit_code == 0, result.stderr
    assert opened == [(url, "alice")]


def test_the_window_is_titled_with_the_projects_name(
    qtbot: QtBot, team: Team, local_window: MainWindow
) -> None:
    """Two windows side by side were both titled "annotator?project=team0 — annotator"
    (the URL's last part, as if a file's name): the project's name, as a file's."""
    shown = team.url("alice").replace(":" + PASSWORD + "@", "@")
    assert open_server_project(qtbot, local_window, shown, PASSWORD) == ""
    window = app._windows[-1]
    show_active(qtbot, window)
    assert window.windowTitle() == f"{team.project} — annotator"
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    reviews = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow)]
    assert f"Review — {team.project}" in [w.windowTitle() for w in reviews]
