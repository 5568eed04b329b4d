"""Importing a colleague's project from the window, and an annotator's work beside gold."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import GOLD, NewDocument
from annotator.storage.project import Project
from annotator.ui.review.gold_beside import GoldBeside
from annotator.ui.review.merge_dialog import merge_and_report
from tests.conftest import reopen_project
from tests.ui.review.conftest import ARTICLE, OTHER, at
from tests.ui.test_laptop_layout import PARAGRAPH, READABLE, first_line_in


def colleague(tmp_path: Path, annotator: str, label: str) -> Path:
    """A colleague's project: the article with one span, and a document of their own."""
    path = tmp_path / "colleague.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("مقال", ARTICLE), NewDocument("جديد", "نص جديد")])
        project.add_annotation(project.document("مقال").id, annotator, label, *at("محمد"))
    return path


def spans_of(path: Path, annotator: str) -> list[tuple[str, int, int]]:
    fresh = reopen_project(path)
    try:
        return [(a.label, a.start, a.end) for a in fresh.annotations(annotator=annotator)]
    finally:
        fresh.close()


def test_a_colleagues_project_is_merged_and_reported(
    qtbot: QtBot, team_path: Path, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    merged = []
    with Project.open(team_path) as project:
        box = merge_and_report(
            parent, project, colleague(tmp_path, "sara", "PER"), lambda: merged.append(1)
        )
        assert "1 document added, 1 matched; 1 span and 0 relations imported" in box.text()
        assert "sara" in box.informativeText()
        box.button(QMessageBox.StandardButton.Ok).click()
    assert merged == [1]
    assert spans_of(team_path, "sara") == [("PER", *at("محمد"))]


def test_conflicts_are_listed_and_can_be_imported_under_another_name(
    qtbot: QtBot, team_path: Path, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    before = spans_of(team_path, "huda")
    other = colleague(tmp_path, "huda", "ORG")  # huda has PER there in this project
    with Project.open(team_path) as project:
        box = merge_and_report(parent, project, other, lambda: None)
        assert box.text().startswith("Nothing was imported")
        assert "huda" in box.detailedText() and "مقال" in box.detailedText()
        assert spans_of(team_path, "huda") == before
        rename = next(b for b in box.buttons() if b.text().startswith("Import under"))
        rename.click()
        (dialog,) = parent.findChildren(QInputDialog)
        assert dialog.textValue() == "huda-2"
        dialog.setTextValue("هدى ٢")
        dialog.accept()
        (report,) = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
        assert "1 span and" in report.text()
        report.button(QMessageBox.StandardButton.Ok).click()
    assert spans_of(team_path, "هدى ٢") == [("ORG", *at("محمد"))]
    assert spans_of(team_path, "huda") == before


def test_a_file_that_is_not_a_project_is_refused_in_the_box(
    qtbot: QtBot, team_path: Path, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    with Project.open(team_path) as project:
        box = merge_and_report(parent, project, tmp_path / "missing.annotator", lambda: None)
        assert "no such file" in box.text()
        box.close()


def test_gold_beside_marks_what_each_side_lacks_and_scrolls_together(
    qtbot: QtBot, team_path: Path
) -> None:
    with Project.open(team_path) as project:
        doc = project.document("مقال").id
        project.add_annotation(doc, GOLD, "PER", *at("محمد"))
        project.add_annotation(doc, GOLD, "LOC", *at("Reuters"))
        beside = GoldBeside(project, "huda", doc)
    qtbot.addWidget(beside)
    beside.show()
    # huda's LOC on غزة and her claim are not gold; gold's LOC on Reuters is not hers.
    assert sorted(beside.mine.matches) == sorted([at("الاحتلال يحاصر غزة"), at("غزة")])
    assert beside.gold.matches == [at("Reuters")]
    assert "2 of your spans" in beside.summary.text()
    # A long article, so that there is something to scroll.
    long_text = (OTHER + "\n") * 200
    for view in (beside.mine, beside.gold):
        view.load(long_text, [], view.index.schema)
    beside.gold.verticalScrollBar().setValue(50)
    assert beside.mine.verticalScrollBar().value() == 50


def test_gold_beside_title_keeps_an_arabic_name_in_its_place(qtbot: QtBot, team_path: Path) -> None:
    with Project.open(team_path) as project:
        beside = GoldBeside(project, "ليلى حسن", project.document("مقال").id)
    qtbot.addWidget(beside)
    # Each name isolated, so the title's direction is its words' (left to right here).
    assert beside.windowTitle() == "\u2068ليلى حسن\u2069 beside gold — \u2068مقال\u2069"


@pytest.mark.parametrize("width", [1366, 1100, 900, 700, 500, 1])
def test_gold_beside_keeps_readable_lines_in_a_narrow_window(
    qtbot: QtBot, team_path: Path, language: str, width: int
) -> None:
    """The two articles side by side had no minimum width: on a narrow window each half
    held a few letters a line. Below two readable columns they stand one above the other,
    and the window goes no narrower than one."""
    with Project.open(team_path) as project:
        beside = GoldBeside(project, "huda", project.document("مقال").id)
    qtbot.addWidget(beside)
    for view in (beside.mine, beside.gold):
        view.load(PARAGRAPH, [], view.index.schema)
    beside.show()
    beside.resize(width, 600)
    QApplication.processEvents()
    for view in (beside.mine, beside.gold):
        assert view.isVisible()
        assert first_line_in(view) >= READABLE, (language, width, beside.width())
    # The summary above them whole, not cut at the window's edge.
    room = beside.summary.contentsRect()
    needed = beside.summary.fontMetrics().boundingRect(
        room, Qt.TextFlag.TextWordWrap, beside.summary.text()
    )
    assert needed.width() <= room.width() and needed.height() <= room.height(), language
    mine, gold = beside.mine.mapToGlobal(QPoint()), beside.gold.mapToGlobal(QPoint())
    side_by_side = mine.y() == gold.y()
    assert side_by_side == (width >= 1100), (width, mine, gold)
