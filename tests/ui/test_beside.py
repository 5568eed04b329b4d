"""View › Annotations of: another annotator's spans (or gold's) shown outlined and
read-only beside one's own; blind annotation hides them; the demo shows sara's at once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from annotator.core.model import GOLD
from annotator.demo import build_demo
from annotator.storage.project import Project
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.ui.conftest import ME, show_active

ARTICLE = "قال محمد إن الاحتلال يحاصر غزة، وأكد أحمد أن الحصار مستمر."


def word(w: str) -> tuple[int, int]:
    start = ARTICLE.index(w)
    return start, start + len(w)


@pytest.fixture
def path(make_project: Callable[[dict[str, str]], Path]) -> Path:
    path = make_project({"article": ARTICLE})
    with Project.open(path) as project:
        project.add_annotation(1, "sara", "PER", *word("محمد"))
        project.add_annotation(1, "omar", "LOC", *word("غزة"))
        project.add_annotation(1, "omar", "PER", *word("أحمد"))
        project.add_annotation(1, GOLD, "PER", *word("محمد"))
    return path


def open_window(qtbot: QtBot, path: Path, me: str = ME) -> MainWindow:
    win = MainWindow(Project.open(path), me, Settings())
    show_active(qtbot, win)
    return win


@pytest.fixture
def window(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, path)
    yield win
    win.project.close()


def choose(win: MainWindow, text: str) -> QAction:
    """Open View › Annotations of and pick an entry, as the menu does."""
    win.beside_menu.aboutToShow.emit()
    found = [a for a in win.beside_menu.actions() if a.text() == text]
    assert len(found) == 1, [a.text() for a in win.beside_menu.actions()]
    if found[0].isEnabled():
        found[0].trigger()
    return found[0]


def shown(win: MainWindow) -> set[tuple[str, str, str]]:
    return {(a.annotator, a.label, a.text) for a in win.view.beside.in_order()}


def mine_in_file(win: MainWindow) -> list[tuple[str, str]]:
    fresh = reopen_project(win.project.path)
    try:
        return [(a.label, a.text) for a in fresh.annotations(1, ME)]
    finally:
        fresh.close()


def click_at_span(qtbot: QtBot, win: MainWindow, start: int, end: int) -> None:
    rect = win.view.span_rects(start, end)[0]
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def test_nobody_elses_spans_by_default(window: MainWindow) -> None:
    assert shown(window) == set()
    assert window.beside_line.isHidden()


def test_another_annotators_spans_are_shown_but_never_editable(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose(window, "omar")
    assert shown(window) == {("omar", "LOC", "غزة"), ("omar", "PER", "أحمد")}
    assert "omar" in window.beside_line.text() and "2 in this document" in window.beside_line.text()
    assert window.beside_line.isVisible()
    # A click on omar's span selects nothing; Delete then deletes nothing of his.
    click_at_span(qtbot, window, *word("غزة"))
    assert window.session.selected_id is None
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    with Project.open(window.project.path, readonly=True) as fresh:
        assert len(fresh.annotations(1, "omar")) == 2
    # Tagging the same word makes my own span; his stays his.
    window.view.select_span(*word("غزة"))
    qtbot.keyClick(window.view, Qt.Key.Key_5)  # LOC
    assert mine_in_file(window) == [("LOC", "غزة")]
    assert {a.id for a in window.view.index.in_order()}.isdisjoint(
        a.id for a in window.view.beside.in_order()
    )


def test_gold_and_nobody(window: MainWindow) -> None:
    choose(window, "gold (adjudicated)")
    assert shown(window) == {(GOLD, "PER", "محمد")}
    choose(window, "&Nobody else")
    assert shown(window) == set()
    assert window.beside_line.isHidden()


def test_the_choice_is_remembered_per_project(
    qtbot: QtBot, window: MainWindow, path: Path, make_project: Callable[[dict[str, str]], Path]
) -> None:
    choose(window, "sara")
    window.close()
    window.project.close()
    again = open_window(qtbot, path)
    assert shown(again) == {("sara", "PER", "محمد")}
    again.close()
    again.project.close()
    other = path.with_name("other.annotator")
    path.rename(other)
    elsewhere = open_window(qtbot, other)
    assert shown(elsewhere) == set()  # another project file: no choice made there
    elsewhere.project.close()


def test_blind_annotation_hides_the_others_and_is_undone(qtbot: QtBot, window: MainWindow) -> None:
    choose(window, "sara")
    window.blind_action.trigger()
    with Project.open(window.project.path, readonly=True) as fresh:
        assert fresh.blind
    assert shown(window) == set()
    # Her colleague's layer is gone, and the line above the article says why.
    assert "Blind annotation is on" in window.beside_line.text()
    assert "sara" in window.beside_line.text() and window.beside_line.isVisible()
    assert not choose(window, "sara").isEnabled()
    assert not choose(window, "gold (adjudicated)").isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with Project.open(window.project.path, readonly=True) as fresh:
        assert not fresh.blind
    assert not window.blind_action.isChecked()
    assert shown(window) == {("sara", "PER", "محمد")}
    assert "Blind annotation" not in window.beside_line.text()
    assert shown(window) == {("sara", "PER", "محمد")}


def test_the_demo_shows_a_newcomer_annotated_text_and_keeps_an_article_for_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    demo = tmp_path / "demo.annotator"
    build_demo(demo)
    win = open_window(qtbot, demo, "newcomer")
    assert win.session.document is not None
    with Project.open(demo, readonly=True) as fresh:
        first = fresh.annotations(win.session.document.id, "sara")
        untouched = [d.name for d in fresh.documents() if not fresh.annotation_counts().get(d.id)]
    assert len(win.view.beside) == len(first) > 5
    assert "sara" in win.beside_line.text() and win.beside_line.isVisible()
    assert untouched == ["04-olive-harvest"]
    win.project.close()


def test_the_demos_own_annotator_sees_no_second_copy_of_her_spans(
    qtbot: QtBot, tmp_path: Path
) -> None:
    demo = tmp_path / "demo.annotator"
    build_demo(demo)
    win = open_window(qtbot, demo, "sara")
    assert len(win.view.beside) == 0 and win.beside_line.isHidden()
    assert len(win.view.index) > 5  # her own, filled
    win.project.close()
