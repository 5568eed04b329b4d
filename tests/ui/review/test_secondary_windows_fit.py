"""Every window besides the annotation window opens within the screen: the review
window, opened on a 1280 × 720 screen where the window manager put it, hung some 15
pixels of its foot (the status bar, the lowest rows) below the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.ui.review.dashboard import AgreementDashboard
from annotator.ui.review.gold_beside import GoldBeside
from annotator.ui.review.window import ReviewWindow
from annotator.ui.stats_view import StatsView
from tests.present import present
from tests.ui.review.conftest import CURATOR

OPENERS: dict[str, Callable[[Project], QWidget]] = {
    "review": lambda project: ReviewWindow(project, CURATOR),
    "gold beside": lambda project: GoldBeside(project, "huda", project.document("مقال").id),
    "statistics": StatsView,
    "agreement": lambda project: AgreementDashboard(project, CURATOR),
}


@pytest.mark.parametrize("name", OPENERS)
@pytest.mark.parametrize("corner", [QPoint(0, 1), QPoint(1, 0), QPoint(-1, -1)])
def test_a_window_put_partly_off_the_screen_opens_within_it(
    qtbot: QtBot, team_path: Path, name: str, corner: QPoint
) -> None:
    """Put (as a window manager places a new window) so that its edge passes the
    screen's: shown, it is moved and if need be narrowed onto the screen."""
    project = Project.open(team_path)
    window = OPENERS[name](project)
    qtbot.addWidget(window)
    free = present(window.screen()).availableGeometry()
    window.move(free.topLeft() + QPoint(corner.x() * free.width() // 3, corner.y() * 200))
    window.show()
    QApplication.processEvents()
    frame = window.frameGeometry()
    assert free.contains(frame), (name, frame, free)
    window.close()
    project.close()
