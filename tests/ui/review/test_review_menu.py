"""The main window's Review menu opens each review tool on the current document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.ui.i18n import install_translator
from annotator.ui.review.gold_beside import GoldBeside
from annotator.ui.review.window import ReviewWindow
from annotator.ui.settings import Settings
from annotator.ui.stats_view import StatsView
from annotator.ui.window import MainWindow
from tests.present import present
from tests.ui.conftest import show_active


def test_ctrl_r_reviews_the_current_document_and_the_menu_opens_the_rest(
    qtbot: QtBot, team_path: Path
) -> None:
    window = MainWindow(Project.open(team_path), "huda", Settings())
    show_active(qtbot, window)
    window.session.open_document("other")
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    menu = window.review_menu
    (review,) = menu.opened
    assert isinstance(review, ReviewWindow)
    assert present(review.session.document).name == "other"
    assert review.session.curator == "huda"
    assert isinstance(menu.statistics(), StatsView)
    assert isinstance(menu.compare_with_gold(), GoldBeside)
    opened = list(menu.opened)
    window.close()  # they work on its project: they close with it
    assert not any(widget.isVisible() for widget in opened) and menu.opened == []
    window.project.close()


def test_in_the_arabic_interface_the_review_window_is_mirrored_as_the_main_one(
    qtbot: QtBot, team_path: Path, qapp: QApplication
) -> None:
    """The documents come first in reading order: on the right in Arabic, in both."""
    install_translator(qapp, "ar")
    try:
        window = MainWindow(Project.open(team_path), "huda", Settings())
        show_active(qtbot, window)
        qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        (review,) = window.review_menu.opened
        assert isinstance(review, ReviewWindow)
        side = {d.widget(): review.dockWidgetArea(d) for d in review.findChildren(QDockWidget)}
        right, left = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea
        assert side[review.documents] == side[review.annotators_list] == right
        assert side[review.unit_list] == left
        main = {d.widget(): window.dockWidgetArea(d) for d in window.findChildren(QDockWidget)}
        assert main[window.documents] == right
        window.close()
        window.project.close()
    finally:
        install_translator(qapp, "en")
