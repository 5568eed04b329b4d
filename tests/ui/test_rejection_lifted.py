"""A suggestion rejected, then the same text tagged with that label by hand: the person
changed their mind, so their rejection is taken back and the recommenders propose the
text again; undo puts the rejection back. A colleague's rejection stays theirs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.storage.rejections import reject, rejected, rejection_key
from annotator.ui.window import MainWindow
from tests.ui.conftest import ME

TEXT = "قالت حماس إن الهدنة قريبة، وردت حماس على العرض."
CTRL = Qt.KeyboardModifier.ControlModifier
HAMAS = (rejection_key("حماس"), "ORG")
TRUCE = (rejection_key("الهدنة"), "ORG")


def rejections(win: MainWindow) -> set[tuple[str, str]]:
    with Project.open(win.project.path, readonly=True) as fresh:
        return rejected(fresh)


def test_tagging_a_rejected_text_by_hand_takes_the_rejection_back_and_undo_restores_it(
    qtbot: QtBot, open_window: Callable[[dict[str, str]], MainWindow]
) -> None:
    win = open_window({"article": TEXT})
    reject(win.project, "حماس", "ORG", ME, "2026-01-02T03:04:05Z")  # earlier, from a ghost
    reject(win.project, "الهدنة", "ORG", ME)
    at = TEXT.index("حماس")
    win.view.select_span(at, at + len("حماس"))
    qtbot.keyClick(win.view, Qt.Key.Key_4)  # ORG
    assert rejections(win) == {TRUCE}
    qtbot.keyClick(win.view, Qt.Key.Key_Z, CTRL)  # the span and the lifting, one step
    assert rejections(win) == {TRUCE, HAMAS}
    with Project.open(win.project.path, readonly=True) as fresh:
        rows = fresh.engine.execute(
            "SELECT decided FROM suggestion_rejected WHERE text = ?", (HAMAS[0],)
        )
        assert rows.fetchall() == [("2026-01-02T03:04:05Z",)]  # as it was
        assert fresh.annotations(fresh.document("article").id, ME) == []
    qtbot.keyClick(win.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert rejections(win) == {TRUCE}
    qtbot.keyClick(win.view, Qt.Key.Key_Z, CTRL)
    again = TEXT.index("حماس", at + 1)  # the other place, after the rejection came back
    win.view.select_span(again, again + len("حماس"))
    qtbot.keyClick(win.view, Qt.Key.Key_4)
    assert rejections(win) == {TRUCE}


def test_annotate_all_takes_the_rejection_back_too(
    qtbot: QtBot,
    open_window: Callable[[dict[str, str]], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda _p, _t, _q, items, _c, _e: (next(i for i in items if i.startswith("ORG")), True),
    )
    win = open_window({"article": TEXT})
    reject(win.project, "حماس", "ORG", ME)
    at = TEXT.index("حماس")
    win.view.select_span(at, at + len("حماس"))
    qtbot.keyClick(win.view, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    with Project.open(win.project.path, readonly=True) as fresh:
        spans = fresh.annotations(fresh.document("article").id, ME)
    assert [(a.text, a.label) for a in spans] == [("حماس", "ORG")] * 2
    assert rejections(win) == set()


def test_a_colleagues_rejection_stays(
    qtbot: QtBot, open_window: Callable[[dict[str, str]], MainWindow]
) -> None:
    win = open_window({"article": TEXT})
    reject(win.project, "حماس", "ORG", "sara")
    at = TEXT.index("حماس")
    win.view.select_span(at, at + len("حماس"))
    qtbot.keyClick(win.view, Qt.Key.Key_4)
    with Project.open(win.project.path, readonly=True) as fresh:
        assert len(fresh.annotations(fresh.document("article").id, ME)) == 1
    assert rejections(win) == {HAMAS}
