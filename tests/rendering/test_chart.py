"""`annotator stats --chart`: the figure checked by its content, and the file written."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.model import GOLD, Annotation, NewDocument, Status
from annotator.demo import build_demo
from annotator.rendering.chart import build_figure, chart_data, lays_out_text
from annotator.rendering.visual import display_line
from annotator.storage.project import Project
from annotator.storage.stats import project_counts
from tests.paths import SHARED

pytest.importorskip("matplotlib")

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

SPORT = "مقال الرياضة"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "demo.annotator"
    build_demo(path)
    text = "فاز فريق الوحدات في عمان"
    with Project.open(path) as p:
        p.add_documents(
            [
                NewDocument(
                    SPORT,
                    text,
                    annotations=(
                        Annotation("s1", 0, "سارة", "LOC", 20, 24, "عمان"),
                        Annotation("s2", 0, "سارة", "ORG", 9, 16, "الوحدات"),
                        # The curator's copy: drawn nowhere, counted nowhere.
                        Annotation("g1", 0, GOLD, "LOC", 20, 24, "عمان"),
                    ),
                    status={"سارة": Status.DONE},
                )
            ]
        )
    return path


def bars(ax: Axes) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of each bar drawn on ``ax``."""
    drawn = [p for p in ax.patches if isinstance(p, Rectangle)]
    return [(r.get_x(), r.get_y(), r.get_width(), r.get_height()) for r in drawn]


def texts(ax: Axes) -> set[str]:
    labels = [*ax.get_xticklabels(), *ax.get_yticklabels()]
    legend = ax.get_legend()
    return {t.get_text() for t in labels} | (
        {t.get_text() for t in legend.get_texts()} if legend else set()
    )


@pytest.mark.parametrize("laid_out", [True, False])
def test_the_panels_hold_the_counts_and_the_names_as_drawn(project: Path, laid_out: bool) -> None:
    shown = str if laid_out else display_line
    with Project.open(project, readonly=True) as p:
        data = chart_data(project_counts(p), p.schema())
        stats_done = {
            who: sum(s == Status.DONE for s in (p.statuses(d.id).get(who) for d in p.documents()))
            for who in p.annotators()
        }
    figure = build_figure(data, shown)
    per_annotator, done, per_day, per_document = figure.axes
    # Arabic names are drawn as the renderer needs them: visual order without libraqm.
    assert shown("سارة") in texts(per_annotator) and shown(SPORT) in texts(per_document)
    if not laid_out:
        assert display_line("سارة") != "سارة"
    # Done per annotator: the green bars' heights are each annotator's done documents.
    heights = [h for _, _, _, h in bars(done)[: len(data.done_per_annotator)]]
    assert heights == [stats_done[who] for who in data.done_per_annotator]
    assert data.done_per_annotator["سارة"] == 1
    # Annotations per day: all were made today, one bar with every annotation but gold's.
    assert GOLD not in data.labels_per_annotator
    with Project.open(project, readonly=True) as p:
        total = len([a for a in p.annotations() if a.annotator != GOLD])
    assert [h for *_, h in bars(per_day)] == [total]
    # Labels per document: the sport article's bars sum to its two spans.
    sport_row = list(data.per_document).index(SPORT)
    widths = [w for _, y, w, h in bars(per_document) if abs(y + h / 2 - sport_row) < 1e-9]
    assert sum(widths) == 2


def test_the_default_follows_what_matplotlib_can_lay_out(project: Path) -> None:
    with Project.open(project, readonly=True) as p:
        figure = build_figure(chart_data(project_counts(p), p.schema()))
    expected = "سارة" if lays_out_text() else display_line("سارة")
    assert expected in texts(figure.axes[0])


def test_stats_chart_writes_a_png(project: Path, tmp_path: Path) -> None:
    chart = tmp_path / "progress.png"
    result = CliRunner().invoke(
        cli, ["stats", str(project), "--chart", str(chart)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert f"chart written to {chart}" in result.stdout
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_chart_of_another_kind_is_refused(project: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", str(project), "--chart", str(tmp_path / "c.gif")])
    assert result.exit_code == 2 and "written as .png, .pdf or .svg" in result.stderr


def test_many_labels_keep_their_legends_off_the_bars_and_counts_start_at_zero(
    tmp_path: Path,
) -> None:
    """The Wojood sample's 21 labels: the legends, drawn inside the panels, covered the
    bars and ran out of the figure; with nobody done the panel counted from -0.045."""
    path = tmp_path / "wojood.annotator"
    Project.create(path).close()
    sample = SHARED / "interop" / "conll" / "wojood_sample_test.txt"
    result = CliRunner().invoke(
        cli, ["import", str(path), str(sample), "--format", "conll", "--add-labels"]
    )
    assert result.exit_code == 0, result.output
    with Project.open(path, readonly=True) as p:
        figure = build_figure(chart_data(project_counts(p), p.schema()))
    figure.savefig(BytesIO(), format="png")  # laid out, as stats --chart draws it
    for ax in figure.axes:
        legend = ax.get_legend()
        if legend is not None:
            assert not legend.get_window_extent().overlaps(ax.get_window_extent())
            inside = legend.get_window_extent().padded(-1)
            assert figure.bbox.contains(inside.x0, inside.y0)
            assert figure.bbox.contains(inside.x1, inside.y1)
    per_annotator, done, per_day, per_document = figure.axes
    assert done.get_ylim()[0] == 0 and done.get_ylim()[1] >= 1
    assert per_annotator.get_ylim()[0] == per_day.get_ylim()[0] == 0
    assert per_document.get_xlim()[0] == 0
