"""A project two annotators disagree on, and the review window over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import NewDocument
from annotator.storage.project import Project
from annotator.ui.review.window import ReviewWindow

ARTICLE = "قال 👀 محمد إن الاحتلال يحاصر غزة.\nوأكد محمد أن «الحصار مستمر» في غزة، بحسب Reuters."
OTHER = "English paragraph: Gaza and غزة again."
CURATOR = "curator"


def at(word: str, text: str = ARTICLE) -> tuple[int, int]:
    """The code-point span of the first ``word`` in the text."""
    start = text.index(word)
    return start, start + len(word)


def build_team_project(path: Path) -> Path:
    """huda and omar agree on محمد, differ on the label of غزة and the edges of a claim;
    only omar has Reuters."""
    with Project.create(path) as project:
        project.add_documents([NewDocument("مقال", ARTICLE), NewDocument("other", OTHER)])
        d = project.document("مقال").id
        for name in ("huda", "omar"):
            project.add_annotation(d, name, "PER", *at("محمد"))
        project.add_annotation(d, "huda", "LOC", *at("غزة"))
        project.add_annotation(d, "omar", "ORG", *at("غزة"))
        project.add_annotation(d, "huda", "CLAIM", *at("الاحتلال يحاصر غزة"))
        project.add_annotation(d, "omar", "CLAIM", *at("إن الاحتلال يحاصر غزة"))
        project.add_annotation(d, "omar", "ORG", *at("Reuters"))
    return path


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Shown as the active window: its shortcuts need that."""
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def team_path(tmp_path: Path) -> Path:
    return build_team_project(tmp_path / "team.annotator")


@pytest.fixture
def review(qtbot: QtBot, team_path: Path) -> Iterator[ReviewWindow]:
    win = ReviewWindow(Project.open(team_path), CURATOR)
    show_active(qtbot, win)
    win.view.setFocus()
    yield win
    win.close()
    win.project.close()
