"""Annotate all does not tag a name again inside a longer span of the same label
(ماسك inside إيلون ماسك, a PER already): a user tagging ماسك wherever it stands alone
got a second PER nested in the first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from tests.ui.conftest import ME
from tests.ui.test_reading_comfort import open_window

TEXT = "قال إيلون ماسك إن المنصة له، وأكد ماسك أن القرار صعب."


def test_annotate_all_leaves_the_word_inside_a_span_of_its_label(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    win = open_window(qtbot, make_project({"article": TEXT}))
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _p, _t, _q, items, current, _e: (items[current], True)
    )
    full = TEXT.index("إيلون ماسك")
    win.view.select_span(full, full + len("إيلون ماسك"))
    qtbot.keyClick(win.view, Qt.Key.Key_3)  # PER
    alone = TEXT.index("ماسك", full + len("إيلون ماسك"))
    win.view.select_span(alone, alone + 4)
    qtbot.keyClick(win.view, Qt.Key.Key_3)
    qtbot.keyClick(
        win.view,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    with Project.open(win.project.path, readonly=True) as fresh:
        spans = [(a.text, a.label) for a in fresh.annotations(fresh.document("article").id, ME)]
    assert sorted(spans) == [("إيلون ماسك", "PER"), ("ماسك", "PER")]
    win.project.close()
