"""The agreement dashboard: computed off the UI thread, drawn, and a way into review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from annotator.review.agreement import agreement
from annotator.review.study import load_study
from annotator.storage.project import Project
from annotator.ui.review.dashboard import AgreementDashboard
from annotator.ui.review.heatmap import NO_VALUE, value_color
from tests.conftest import reopen_project
from tests.present import present
from tests.ui.review.conftest import CURATOR, OTHER, at


def open_dashboard(
    qtbot: QtBot, path: Path, annotators: list[str] | None = None
) -> AgreementDashboard:
    project = Project.open(path)
    dashboard = AgreementDashboard(project, CURATOR, annotators)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.ready):
        dashboard.show()
    return dashboard


@pytest.fixture
def dashboard(qtbot: QtBot, team_path: Path) -> Iterator[AgreementDashboard]:
    # The second document: both agree on its one span, so it sorts after the article.
    with Project.open(team_path) as project:
        other = project.document("other").id
        for name in ("huda", "omar"):
            project.add_annotation(other, name, "LOC", *at("Gaza", OTHER))
    dash = open_dashboard(qtbot, team_path)
    yield dash
    dash.close()
    dash.project.close()


def test_the_report_is_the_cores_and_documents_come_lowest_first(
    dashboard: AgreementDashboard,
) -> None:
    fresh = reopen_project(dashboard.project.path)
    expected = agreement(load_study(fresh))
    fresh.close()
    assert dashboard.report == expected
    names = [
        present(dashboard.documents.item(r, 0)).data(Qt.ItemDataRole.UserRole)
        for r in range(dashboard.documents.rowCount())
    ]
    assert names == [name for name, _ in expected.documents_by_agreement()] == ["مقال", "other"]
    labels = [
        present(dashboard.labels.item(r, 0)).text() for r in range(dashboard.labels.rowCount())
    ]
    assert len(labels) == len(expected.labels)


def test_heat_map_cells_show_the_pair_scores_in_their_colour(
    qtbot: QtBot, dashboard: AgreementDashboard
) -> None:
    heat = dashboard.heatmap
    (pair,) = present(dashboard.report).pairs
    assert heat.names == ["huda", "omar"]
    assert heat.value(0, 1) == heat.value(1, 0) == pair.f1_exact
    image = heat.grab().toImage()
    for (i, j), color in (((0, 1), value_color(present(pair.f1_exact))), ((0, 0), NO_VALUE)):
        corner = heat.cell_rect(i, j).topLeft()
        assert QColor(image.pixel(corner.x() + 3, corner.y() + 3)).rgb() == color.rgb()
    # The measure chosen above the matrix changes its values.
    dashboard.measure.setCurrentIndex(dashboard.measure.findData("cohen_kappa"))
    assert heat.value(0, 1) == pair.cohen_kappa


def test_heat_map_is_mirrored_right_to_left(dashboard: AgreementDashboard) -> None:
    heat = dashboard.heatmap
    left_to_right = heat.cell_rect(0, 0)
    heat.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    mirrored = heat.cell_rect(0, 0)
    assert mirrored.right() == heat.width() - 1 - left_to_right.left()
    assert heat.cell_rect(0, 1).right() < mirrored.left()


def test_double_click_opens_the_document_in_review_mode(
    qtbot: QtBot, dashboard: AgreementDashboard
) -> None:
    table = dashboard.documents
    rect = table.visualItemRect(present(table.item(1, 0)))
    # A double-click is a press, then the double-click on the same cell.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    (window,) = dashboard.review_windows
    assert present(window.session.document).name == "other"
    assert window.chosen() == ["huda", "omar"]
    dashboard.close()
    assert not window.isVisible() and dashboard.review_windows == []


def test_too_few_annotators_is_said_in_the_dashboard(qtbot: QtBot, team_path: Path) -> None:
    dash = open_dashboard(qtbot, team_path, ["huda"])
    assert dash.report is None
    assert "two annotators" in dash.summary.text()
    dash.project.close()


def test_the_layers_table_shows_each_layers_units_and_measures(
    dashboard: AgreementDashboard,
) -> None:
    report = present(dashboard.report)
    rows = {
        present(dashboard.layers.item(r, 0)).text(): [
            present(dashboard.layers.item(r, c)).text()
            for c in range(1, dashboard.layers.columnCount())
        ]
        for r in range(dashboard.layers.rowCount())
    }
    assert list(rows) == ["Entities", "Claims", "Quotes", "All layers"]
    entity = report.layers["entity"]
    assert rows["Entities"][0] == str(entity.units) and entity.units > 0
    assert rows["Quotes"][0] == str(report.layers["quote"].units)
    assert rows["All layers"][0] == str(report.token_units)
    assert report.token_units == sum(s.units for s in report.layers.values())
