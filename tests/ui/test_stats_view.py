"""The statistics view: its numbers are the project's, its bars drawn to scale."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import GOLD, NewDocument, Status
from annotator.storage.project import Project
from annotator.storage.stats import project_counts
from annotator.ui.stats_view import BarChart, ChartData, Series, StatsView, axis_step

ARTICLE = "قال محمد إن الاحتلال يحاصر غزة، بحسب Reuters."


def at(word: str) -> tuple[int, int]:
    start = ARTICLE.index(word)
    return start, start + len(word)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "stats.annotator") as project:
        project.add_documents([NewDocument("مقال", ARTICLE), NewDocument("other", "Gaza غزة")])
        d = project.document("مقال").id
        project.add_annotation(d, "هدى", "PER", *at("محمد"))
        project.add_annotation(d, "هدى", "LOC", *at("غزة"))
        project.add_annotation(d, "هدى", "CLAIM", *at("الاحتلال يحاصر غزة"))
        project.add_annotation(d, "omar", "PER", *at("محمد"))
        project.add_annotation(d, GOLD, "PER", *at("محمد"))
        project.set_status(d, "هدى", Status.DONE)
        yield project


@pytest.fixture
def view(qtbot: QtBot, project: Project) -> StatsView:
    widget = StatsView(project)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_charts_hold_project_stats_without_gold(view: StatsView, project: Project) -> None:
    counts = project_counts(project)
    by_label, done, per_day, per_doc = (chart.data for chart in view.charts)
    people = list(counts.annotators)
    assert by_label.categories == people == done.categories and GOLD not in people
    for name in people:
        for label, n in counts.annotators[name].labels.items():
            assert by_label.value(name, label) == n
        assert done.value(name, done.series[0].name) == counts.annotators[name].status["done"]
    assert done.value("هدى", done.series[0].name) == 1
    today = project.annotations()[0].created[:10]
    assert per_day.categories == [today] and per_day.values == {(today, "annotations"): 4}
    assert per_doc.stacked and per_doc.categories == ["مقال"]
    assert per_doc.value("مقال", "PER") == 2  # huda's and omar's, not gold's
    assert [s.name for s in by_label.series] == ["CLAIM", "PER", "LOC"]  # schema order, in use


def test_bar_heights_are_proportional_and_stacks_sit_on_each_other(view: StatsView) -> None:
    by_label, per_doc = view.charts[0], view.charts[3]
    rects = by_label.bar_rects()
    per, claim = rects["هدى", "PER"], rects["هدى", "CLAIM"]
    assert per.height() == pytest.approx(claim.height())
    assert rects["omar", "PER"].bottom() == per.bottom()
    stack = per_doc.bar_rects()
    assert stack["مقال", "PER"].height() == pytest.approx(2 * stack["مقال", "LOC"].height())
    # In schema order from the axis up: CLAIM, then PER on it, then LOC.
    assert stack["مقال", "PER"].bottom() == pytest.approx(stack["مقال", "CLAIM"].top())
    assert stack["مقال", "LOC"].bottom() == pytest.approx(stack["مقال", "PER"].top())


def test_bars_are_painted_in_their_series_colour(view: StatsView) -> None:
    chart = view.charts[0]
    image = chart.grab().toImage()
    rect = chart.bar_rects()["هدى", "PER"]
    expected = next(s.color for s in chart.data.series if s.name == "PER")
    assert QColor(image.pixel(rect.center().toPoint())) == QColor(expected)


def test_right_to_left_puts_the_first_group_on_the_right(qtbot: QtBot) -> None:
    data = ChartData("t", ["أ", "ب"], [Series("s", "#0072B2")], {("أ", "s"): 1, ("ب", "s"): 3})
    chart = BarChart(data)
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    first, second = chart.bar_rects()["أ", "s"], chart.bar_rects()["ب", "s"]
    assert first.left() < second.left()
    assert second.height() == pytest.approx(3 * first.height())
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    first, second = chart.bar_rects()["أ", "s"], chart.bar_rects()["ب", "s"]
    assert first.left() > second.left()


@pytest.mark.parametrize(("top", "step"), [(0, 1), (3, 1), (5, 2), (16, 5), (23, 10), (401, 200)])
def test_axis_steps_are_round_and_reach_the_top(top: int, step: int) -> None:
    assert axis_step(top) == step and 4 * step >= top


def test_in_right_to_left_a_latin_name_keeps_its_order(qtbot: QtBot) -> None:
    """04-olive-harvest read olive-harvest-04 under its bar in the Arabic interface: a
    name is drawn in the direction of its own first letter, as isolated text is."""

    def drawn(name: str) -> QImage:
        chart = BarChart(ChartData("t", [name], [Series("s", "#0072B2")], {(name, "s"): 1}))
        qtbot.addWidget(chart)
        chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        chart.resize(400, 300)
        return chart.grab().toImage()

    assert drawn("04-olive-harvest") == drawn("\u206604-olive-harvest\u2069")


def test_the_window_keeps_a_whole_chart_in_view(view: StatsView, qtbot: QtBot) -> None:
    """It could be made some 70 × 70 pixels, a corner of one chart in it: it goes no
    smaller than one whole chart (the rest a scroll away)."""
    view.show()
    qtbot.waitExposed(view)
    view.resize(70, 70)
    QApplication.processEvents()
    chart = view.charts[0]
    shown = view.viewport().rect()
    assert shown.width() >= chart.minimumWidth(), view.size()
    assert shown.height() >= chart.minimumHeight(), view.size()
