"""The statistics view: labels per annotator, documents done per annotator, annotations
per day and the labels of each document, as bar charts.

The charts are painted with QPainter (QtCharts is not part of PySide6-Essentials). All
text goes through QPainter.drawText, so Qt shapes Arabic names and orders mixed text;
nothing is reshaped here. In a right-to-left interface a chart is mirrored: its first
bar is on the right, its value axis on the right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget

from annotator.core.errors import ConnectionLostError
from annotator.core.model import Status
from annotator.core.schema import PALETTE
from annotator.storage.project import Project
from annotator.storage.stats import project_counts
from annotator.ui.doclist import isolate, status_text
from annotator.ui.first_size import open_within_screen
from annotator.ui.live import watcher_of

PAD = 8
AXIS_WIDTH = 40
SWATCH = 10
MAX_BAR = 56


@dataclass(frozen=True)
class Series:
    name: str
    color: str


@dataclass(frozen=True)
class ChartData:
    title: str
    categories: list[str]  # along the bottom, in reading order
    series: list[Series]
    values: dict[tuple[str, str], int]  # (category, series) -> value; missing is 0
    stacked: bool = False

    def value(self, category: str, series: str) -> int:
        return self.values.get((category, series), 0)

    def top(self) -> int:
        """The largest bar (or stack); the value axis reaches a round number above it."""
        if self.stacked:
            sums = [sum(self.value(c, s.name) for s in self.series) for c in self.categories]
        else:
            sums = [self.value(c, s.name) for c in self.categories for s in self.series]
        return max(sums, default=0)


def axis_step(top: int) -> int:
    """The value between two of the axis's five lines: 1, 2 or 5 times a power of ten, so
    that the axis reaches at least ``top`` in whole counts."""
    quarter = max(math.ceil(top / 4), 1)
    power = 10 ** math.floor(math.log10(quarter))
    step: int = next(m * power for m in (1, 2, 5, 10) if m * power >= quarter)
    return step


# The smallest a chart is drawn: its bars, axis and legend still legible.
CHART_MINIMUM = QSize(360, 240)


class BarChart(QWidget):
    def __init__(self, data: ChartData, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.setMinimumSize(CHART_MINIMUM)

    def sizeHint(self) -> QSize:
        return QSize(520, 280)

    # ----- geometry (logical, left to right; mirrored when drawn) -------------------------

    def _plot(self) -> QRect:
        line = self.fontMetrics().height()
        legend = line + PAD if len(self.data.series) > 1 else 0
        top = line + 2 * PAD + legend + line // 2  # room for the axis's top number
        return QRect(
            AXIS_WIDTH + PAD,
            top,
            self.width() - AXIS_WIDTH - 3 * PAD,
            self.height() - top - line - 2 * PAD,
        )

    def _visual(self, rect: QRectF) -> QRectF:
        """Mirrored in a right-to-left layout (QStyle.visualRect would round to pixels)."""
        if self.layoutDirection() == Qt.LayoutDirection.LeftToRight:
            return rect
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())

    def group_rect(self, index: int) -> QRectF:
        plot = self._plot()
        width = plot.width() / max(len(self.data.categories), 1)
        return self._visual(QRectF(plot.left() + index * width, plot.top(), width, plot.height()))

    def bar_rects(self) -> dict[tuple[str, str], QRectF]:
        """Each drawn bar, by (category, series), in widget coordinates; zero bars left out."""
        data = self.data
        plot = self._plot()
        scale = plot.height() / (4 * axis_step(data.top()))
        group = plot.width() / max(len(data.categories), 1)
        bars = 1 if data.stacked else max(len(data.series), 1)
        # 70% of a group for its bars, the rest separates groups; a lone bar stays slim.
        width = min(group * 0.7 / bars, MAX_BAR)
        rects = {}
        for i, category in enumerate(data.categories):
            left = plot.left() + i * group + (group - width * bars) / 2
            base = float(plot.bottom() + 1)
            for k, series in enumerate(data.series):
                value = data.value(category, series.name)
                if not value:
                    continue
                height = value * scale
                x = left if data.stacked else left + k * width
                rect = QRectF(x, base - height, width, height)
                if data.stacked:
                    base -= height
                rects[category, series.name] = self._visual(rect)
        return rects

    # ----- painting --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        data = self.data
        line = self.fontMetrics().height()
        plot = self._plot()
        center = int(Qt.AlignmentFlag.AlignCenter)
        painter.drawText(
            QRect(0, PAD, self.width(), line), int(Qt.AlignmentFlag.AlignHCenter), data.title
        )
        if len(data.series) > 1:
            self._paint_legend(painter, QRect(PAD, PAD + line + PAD, self.width() - 2 * PAD, line))
        step_value = axis_step(data.top())
        grid = QColor(0, 0, 0, 40)
        for step in range(5):
            value = step_value * step
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(grid)
            painter.drawLine(
                self._visual(QRectF(plot.left(), y, plot.width(), 0)).toRect().topLeft(),
                self._visual(QRectF(plot.left(), y, plot.width(), 0)).toRect().topRight(),
            )
            painter.setPen(self.palette().text().color())
            label = self._visual(QRectF(0, y - line / 2, AXIS_WIDTH, line)).toRect()
            painter.drawText(label, center, str(value))
        for (_category, name), rect in self.bar_rects().items():
            color = next(s.color for s in data.series if s.name == name)
            painter.fillRect(rect, QColor(color))
        for i, category in enumerate(data.categories):
            group = self.group_rect(i).toRect()
            # Isolated: a Latin name such as 04-olive-harvest keeps its order under a
            # right-to-left layout (it read olive-harvest-04).
            text = self.fontMetrics().elidedText(
                isolate(category), Qt.TextElideMode.ElideMiddle, group.width() - 2
            )
            painter.drawText(
                QRect(group.left(), plot.bottom() + PAD, group.width(), line), center, text
            )
        painter.end()

    def _paint_legend(self, painter: QPainter, area: QRect) -> None:
        x = area.left()
        for series in self.data.series:
            width = SWATCH + 4 + self.fontMetrics().horizontalAdvance(series.name) + 2 * PAD
            swatch = self._visual(QRectF(x, area.center().y() - SWATCH / 2, SWATCH, SWATCH))
            painter.fillRect(swatch, QColor(series.color))
            label = self._visual(
                QRectF(x + SWATCH + 4, area.top(), width - SWATCH - 4, area.height())
            )
            painter.drawText(
                label.toRect(),
                int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter),
                series.name,
            )
            x += width


# ----- the four charts ---------------------------------------------------------------------


def chart_data(project: Project) -> list[ChartData]:
    """What the view draws: the counts ``stats`` prints and ``stats --chart`` draws."""
    counts = project_counts(project)
    colors = {lb.name: lb.color for lb in project.schema().labels}
    # Only the labels in use: an empty series would leave a gap in every group.
    labels = [Series(name, colors[name]) for name, n in counts.labels.items() if n]
    people = counts.annotators
    status = {
        Status.DONE: Series(status_text(Status.DONE), PALETTE[2]),
        Status.IN_PROGRESS: Series(status_text(Status.IN_PROGRESS), PALETTE[0]),
    }
    per_day = Series(QCoreApplication.translate("StatsView", "annotations"), PALETTE[4])
    return [
        ChartData(
            QCoreApplication.translate("StatsView", "Labels per annotator"),
            list(people),
            labels,
            {(n, lb): k for n, c in people.items() for lb, k in c.labels.items()},
        ),
        ChartData(
            QCoreApplication.translate("StatsView", "Documents per annotator"),
            list(people),
            list(status.values()),
            {
                (n, s.name): c.status[st.value]
                for n, c in people.items()
                for st, s in status.items()
            },
        ),
        ChartData(
            QCoreApplication.translate("StatsView", "Annotations per day"),
            list(counts.per_day),
            [per_day],
            {(day, per_day.name): n for day, n in counts.per_day.items()},
        ),
        ChartData(
            QCoreApplication.translate("StatsView", "Labels per document"),
            list(counts.labels_per_document),
            labels,
            {
                (d, lb): n
                for d, by_label in counts.labels_per_document.items()
                for lb, n in by_label.items()
            },
            stacked=True,
        ),
    ]


class StatsView(QScrollArea):
    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statistics — %1").replace("%1", project.path.name))
        self.charts = [BarChart(data) for data in chart_data(project)]
        inner = QWidget()
        grid = QGridLayout(inner)
        for i, chart in enumerate(self.charts):
            grid.addWidget(chart, i // 2, i % 2)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        # No smaller than one whole chart, the others a scroll away (it could be made
        # some 70 × 70 pixels, a corner of a chart in it); both scroll bars may show.
        margins = grid.contentsMargins()
        chrome = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        self.setMinimumSize(
            CHART_MINIMUM.width() + margins.left() + margins.right() + chrome,
            CHART_MINIMUM.height() + margins.top() + margins.bottom() + chrome,
        )
        open_within_screen(self, 1100, 640)
        self.project = project
        # A server project's counts change as colleagues work: drawn again as they do.
        self.watcher = watcher_of(project)
        self.watcher.changed.connect(self.show_current)

    def show_current(self) -> None:
        """The charts with the counts the project now has."""
        counted = ("annotations", "document_status", "documents", "labels", "annotators")
        if self.project.closed or not self.watcher.touched(*counted):
            return
        try:
            fresh = chart_data(self.project)
        except ConnectionLostError:
            return  # the window it came from says so; drawn again when it is back
        for chart, data in zip(self.charts, fresh, strict=True):
            chart.data = data
            chart.update()
