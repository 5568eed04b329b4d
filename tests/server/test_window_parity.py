"""The window on a server project does what it does on a file, as an annotator: the
suggestions (training in a process of its own, which logs in with the password the URL
gave the window; the ghosts; what accepting and rejecting write, under the annotator's
own name), and a backup that cannot replace a server project refused before a day is
asked for."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.core.model import GOLD
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from annotator.storage.rejections import rejected, rejection_key
from annotator.ui import app
from annotator.ui.review.window import ReviewWindow
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.cli_runner import invoke
from tests.learn.corpus import article, newsroom
from tests.pg_server import PgServer
from tests.server.conftest import PASSWORD, Team
from tests.ui.conftest import ME, _isolated_settings, show_active  # noqa: F401 (a fixture)
from tests.ui.review.conftest import at, build_team_project
from tests.ui.review.conftest import show_active as review_shown
from tests.ui.test_suggestions import ghosts, open_new, train

_numbers = itertools.count()


@pytest.fixture
def window(qtbot: QtBot, pg_server: PgServer) -> Iterator[tuple[Team, MainWindow]]:
    """bob's window on a project where alice finished ten articles; his URL carries his
    password (no ~/.pgpass, no PGPASSWORD)."""
    team = Team(pg_server, f"ghosts{next(_numbers)}")
    newsroom(team.admin_url, annotator="alice").close()  # type: ignore[arg-type]
    add_user(team.admin_url, "bob", PASSWORD, curator=False)
    win = MainWindow(Project.open(team.url("bob")), ME, Settings())
    show_active(qtbot, win)
    yield team, win
    win.project.close()


def test_an_annotator_trains_and_decides_on_a_server(
    qtbot: QtBot, window: tuple[Team, MainWindow]
) -> None:
    team, win = window
    open_new(win)
    train(qtbot, win)
    expected = set(article(10)[1])
    assert ghosts(win) == expected
    first, second, *_ = sorted(expected)
    qtbot.keyClick(win.view, Qt.Key.Key_Return)  # accepts the first
    qtbot.keyClick(win.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # rejects
    with Project.open(team.admin_url) as admin:
        doc = admin.document("new")
        mine = admin.annotations(doc.id, "bob")
        assert [(a.start, a.end, a.label, a.attributes) for a in mine] == [
            (*first, {"suggested_by": "model:crf"})
        ]
        text = doc.text[second[0] : second[1]]
        assert rejected(admin) == {(rejection_key(text), second[2])}
        assert admin.annotators() == ["alice", "bob"]  # nothing under another name
    assert "Not saved" not in win.statusBar().currentMessage()


def test_restoring_a_backup_over_a_server_project_is_refused_at_once(
    qtbot: QtBot, window: tuple[Team, MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    team, win = window
    assert invoke("backup", team.url("bob"))[0] == 0  # a day to offer, were it a file
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: said.append(text))
    asked: list[object] = []

    def choose(*question: object) -> tuple[str, bool]:
        asked.append(question)
        return "", False

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    action = next(
        a for a in win.actions() if isinstance(a, QAction) and a.text() == "&Restore a backup…"
    )
    action.trigger()
    shown = team.url("bob").replace(f":{PASSWORD}@", "@")
    assert said == [
        f"{shown}: is a project on a server, which a backup file does not replace; copy the "
        "backup to a new server project instead (annotator copy BACKUP URL)"
    ]
    assert asked == [] and not win.project.closed


@pytest.mark.parametrize(("who", "decided"), [("huda", False), ("carol", True)])
def test_a_review_decision_is_a_curators_and_refused_in_one_line_to_an_annotator(
    qtbot: QtBot, pg_server: PgServer, who: str, decided: bool
) -> None:
    team = Team(pg_server, f"review{next(_numbers)}")
    build_team_project(team.admin_url)  # type: ignore[arg-type]
    add_user(team.admin_url, "huda", PASSWORD, curator=False)
    add_user(team.admin_url, "carol", PASSWORD, curator=True)
    win = ReviewWindow(Project.open(team.url(who)), who)
    review_shown(qtbot, win)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_A)  # accepts the most proposed version into gold
    with Project.open(team.admin_url) as admin:
        doc = admin.document("مقال")
        gold = [(a.label, a.start, a.end) for a in admin.annotations(doc.id, GOLD)]
    assert gold == ([("PER", *at("محمد"))] if decided else [])
    said = win.statusBar().currentMessage()
    assert ("may not" in said) is not decided
    if not decided:
        assert "huda may not change the gold layer" in said, said
    win.project.close()


def test_opening_a_server_project_asks_no_name(
    qtbot: QtBot, pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first start on a server project: one annotates as the URL's user, so the
    window does not ask who is annotating."""
    team = Team(pg_server, f"first{next(_numbers)}")
    newsroom(team.admin_url, annotator="alice").close()  # type: ignore[arg-type]
    add_user(team.admin_url, "bob", PASSWORD, curator=False)
    asked: list[object] = []

    def ask(*question: object) -> tuple[str, bool]:
        asked.append(question)
        return "", False

    monkeypatch.setattr(QInputDialog, "getText", ask)
    window = app.start(Path(team.url("bob")))
    assert window is not None and asked == []
    qtbot.addWidget(window)
    assert window.session.annotator == "bob"
    for opened in app._windows:
        opened.close()
        opened.project.close()
    app._windows.clear()
