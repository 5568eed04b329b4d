"""Every key works: no two actions share one on any desktop, as Qt expands keys there,
and every key the guide lists does what the guide says when pressed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu
from pytestqt.qtbot import QtBot

from annotator.core.model import Status
from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.paths import ROOT
from tests.ui.conftest import ME
from tests.ui.conftest import stored_spans as stored

ARTICLE = "قال محمد إن الاحتلال يحاصر غزة."

# Qt expands its standard keys by the desktop's keyboard scheme: the offscreen platform
# has Windows's; the Vulkan display platform, which needs no display either, takes the
# platform themes of Linux desktops (generic X11, GNOME, KDE).
DESKTOPS = {
    "windows": {"QT_QPA_PLATFORM": "offscreen"},
    "x11": {"QT_QPA_PLATFORM": "vkkhrdisplay", "QT_QPA_PLATFORMTHEME": "generic"},
    "gnome": {"QT_QPA_PLATFORM": "vkkhrdisplay", "QT_QPA_PLATFORMTHEME": "gnome"},
    "kde": {
        "QT_QPA_PLATFORM": "vkkhrdisplay",
        "QT_QPA_PLATFORMTHEME": "kde",
        "KDE_SESSION_VERSION": "5",
    },
}


def keys_on(desktop: str) -> dict[str, dict[str, list[str]]]:
    """Each window's actions and their keys, as a process on that desktop has them."""
    env = {**os.environ, **DESKTOPS[desktop]}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.shortcut_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, dict[str, list[str]]] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize("desktop", sorted(DESKTOPS))
def test_no_two_actions_share_a_key_on_any_desktop(desktop: str) -> None:
    for window, actions in keys_on(desktop).items():
        owners: dict[str, list[str]] = defaultdict(list)
        for action, keys in actions.items():
            for key in keys:
                owners[key].append(action)
        shared = {key: names for key, names in owners.items() if len(names) > 1}
        assert not shared, f"{window} window on {desktop}: {shared}"


@pytest.fixture
def window(open_window: Callable[[dict[str, str]], MainWindow]) -> MainWindow:
    return open_window({"article": ARTICLE})


def guide_keys() -> list[str]:
    """The keys in the guide's table of keyboard shortcuts, as Qt spells them."""
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    table = guide.split("## Keyboard shortcuts", 1)[1].split("\n## ", 1)[0]
    found = re.findall(
        r"(?<![\w+])((?:(?:Ctrl|Alt|Shift)\+)+(?:PgDown|PgUp|Right|Left|F\d+|[A-Z]\b|[=+-])"
        r"|F\d+|Esc|Delete|Backspace)",
        table,
    )
    return list(dict.fromkeys(QKeySequence(k).toString() for k in found))


def press(qtbot: QtBot, win: MainWindow, key: str) -> None:
    combination = QKeySequence(key)[0]  # type: ignore[index]  # PySide6 indexes it
    win.view.setFocus()
    qtbot.keyClick(win.view, combination.key(), combination.keyboardModifiers())


def test_every_key_in_the_guide_triggers_its_action(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The keys that ask something are answered "cancel".
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    monkeypatch.setattr(window, "close", lambda: True)
    fired: list[str] = []
    by_key: dict[str, list[QAction]] = defaultdict(list)
    for action in window.findChildren(QAction):
        action.triggered.connect(lambda _=False, a=action: fired.append(a.text()))
        for sequence in action.shortcuts():
            by_key[sequence.toString()].append(action)
    keys = guide_keys()
    assert {"Ctrl+D", "Ctrl+Y", "Ctrl+U", "Ctrl+K", "Del"} <= set(keys)
    stack = window.session.undo_stack
    for key in keys:
        assert len(by_key[key]) == 1, f"{key} belongs to {[a.text() for a in by_key[key]]}"
        if not by_key[key][0].isEnabled():  # undo or redo: give them something to do
            window.view.select_span(4, 8)
            press(qtbot, window, "3")
            if not by_key[key][0].isEnabled():
                stack.undo()
        fired.clear()
        press(qtbot, window, key)
        assert fired == [by_key[key][0].text()], key
    for widget in window.review_menu.opened:
        widget.close()


def test_ctrl_d_marks_done_and_ctrl_y_redoes(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, "Ctrl+D")
    fresh = reopen_project(window.project.path)
    assert fresh.status(1, ME) is Status.DONE
    fresh.close()
    window.view.select_span(4, 8)
    press(qtbot, window, "3")
    press(qtbot, window, "Ctrl+Z")
    assert stored(window) == []
    press(qtbot, window, "Ctrl+Y")
    assert stored(window) == [("PER", 4, 8)]


def test_the_second_edge_keys_move_the_edges_as_alt_arrows_do(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.view.select_span(4, 8)  # محمد, in a right-to-left paragraph
    press(qtbot, window, "3")
    press(qtbot, window, "Ctrl+U")  # start edge left on screen: later in the text
    assert stored(window) == [("PER", 5, 8)]
    press(qtbot, window, "Ctrl+I")
    assert stored(window) == [("PER", 4, 8)]
    press(qtbot, window, "Ctrl+K")  # end edge right on screen: earlier
    assert stored(window) == [("PER", 4, 7)]
    press(qtbot, window, "Ctrl+J")
    assert stored(window) == [("PER", 4, 8)]


def test_the_edge_moves_are_in_the_edit_menu(window: MainWindow) -> None:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert isinstance(edit, QMenu)
    edges = next(a.menu() for a in edit.actions() if a.text() == "Span edges")
    assert isinstance(edges, QMenu)
    names = [a.text() for a in edges.actions()]
    assert names == ["Start edge right", "Start edge left", "End edge right", "End edge left"]
