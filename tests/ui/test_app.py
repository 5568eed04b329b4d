"""Starting the GUI: identity, recent projects, the event loop and switching projects."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from annotator.ui import app
from annotator.ui.settings import Settings
from tests.present import present
from tests.ui.conftest import ME


def test_start_opens_the_window_and_remembers_the_project(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    path = make_project({"article": "قال محمد"})
    window = app.start(path, ME)
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert present(window.session.document).name == "article"
    assert Settings().recent_projects()[0] == path.resolve()
    window.project.close()
    app._windows.clear()


def test_known_annotator_and_recent_project_need_no_dialog(
    make_project: Callable[[dict[str, str]], Path],
) -> None:
    settings = Settings()
    settings.annotator = "huda"
    path = make_project({"a": "نص"})
    settings.add_recent(path)
    assert app.ask_annotator(settings) == "huda"
    assert app.choose_project(settings) == path.resolve()


def test_open_project_request_replaces_the_window(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    first = app.open_window(make_project({"a": "نص"}), ME, Settings())
    second_path = tmp_path / "second.annotator"
    gone: list[bool] = []
    first.destroyed.connect(lambda: gone.append(True))
    first.projectRequested.emit(second_path)  # a new file: created on opening
    assert first not in app._windows
    qtbot.waitUntil(lambda: bool(gone), timeout=10_000)  # not kept, hidden, for good
    assert app._windows[-1].project.path == second_path
    for window in app._windows:
        window.close()
        window.project.close()
    app._windows.clear()


def test_hovering_a_span_names_its_labels(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    path = make_project({"a": "قال محمد إن غزة تحت الحصار"})
    window = app.open_window(path, ME, Settings())
    qtbot.addWidget(window)
    window.view.select_span(4, 8)
    window.session.apply_label("PER")
    point = window.view.span_rects(5, 6)[0].center().toPoint()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, window.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.view.viewport(), event)
    assert QToolTip.text() == "PER"
    window.project.close()
    app._windows.clear()


def test_alt_while_pressing_the_mouse_keeps_the_exact_selection(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    window = app.open_window(make_project({"a": "وبغزة"}), ME, Settings())
    qtbot.addWidget(window)
    view = window.view
    assert not view.exact()
    alt, left = Qt.KeyboardModifier.AltModifier, Qt.MouseButton.LeftButton
    qtbot.mousePress(view.viewport(), left, alt, QPoint(5, 5))
    qtbot.mouseRelease(view.viewport(), left, alt, QPoint(5, 5))
    assert view.exact()
    window.project.close()
    app._windows.clear()


def test_switching_the_language_rebuilds_the_window_mirrored(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    settings = Settings()
    window = app.open_window(make_project({"a": "قال محمد"}), ME, settings)
    settings.language = "ar"
    window.language_changed("")
    arabic = app._windows[-1]
    assert arabic is not window
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic.menuBar().actions()[0].text() == "&ملف"
    settings.language = "en"
    arabic.language_changed("ar")
    assert app._windows[-1].layoutDirection() == Qt.LayoutDirection.LeftToRight
    for w in app._windows:
        qtbot.addWidget(w)
        w.project.close()
    app._windows.clear()
