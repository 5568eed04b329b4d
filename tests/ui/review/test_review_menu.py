"""The main window's Review menu opens each review tool on the current document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
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
