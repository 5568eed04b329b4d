"""The agreement dashboard: the pairwise matrix, a table per label, and the documents
with the lowest agreement first (a double-click opens one in review mode).

Agreement reads every span of the project, so it is computed off the UI thread, on a
connection of its own (a connection is never used from two threads). On a server it is
computed again as colleagues commit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import UserError
from annotator.core.model import LabelKind
from annotator.review.agreement import TOKEN_MEASURES, AgreementReport, Scores, agreement
from annotator.review.study import load_study
from annotator.storage.project import Project
from annotator.ui.doclist import isolate
from annotator.ui.error_texts import error_text
from annotator.ui.first_size import open_within_screen
from annotator.ui.live import watcher_of
from annotator.ui.review.heatmap import HeatMap, score_text
from annotator.ui.review.window import ReviewWindow

# What agreement is computed from: a change to anything else leaves it as it is.
READ = ("annotations", "relations", "document_status", "documents", "labels", "annotators")
# The pairwise measures the matrix can show.
PAIR_MEASURES = ("f1_exact", "f1_overlap", "cohen_kappa")


class AgreementSignals(QObject):
    finished = Signal(object)  # AgreementReport
    failed = Signal(str)


class AgreementJob(QRunnable):
    def __init__(self, project_path: Path, annotators: list[str] | None):
        super().__init__()
        self.project_path = project_path
        self.annotators = annotators
        self.signals = AgreementSignals()

    def run(self) -> None:
        try:
            with Project.open(self.project_path, readonly=True) as project:
                report = agreement(load_study(project, self.annotators))
        except UserError as exc:
            self.signals.failed.emit(error_text(exc))
        else:
            self.signals.finished.emit(report)


class AgreementDashboard(QDialog):
    ready = Signal()  # the report arrived and is shown (or its failure is)

    def __init__(
        self,
        project: Project,
        curator: str,
        annotators: list[str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.project = project
        self.curator = curator
        self.report: AgreementReport | None = None
        self.review_windows: list[ReviewWindow] = []
        self.setWindowTitle(self.tr("Agreement — %1").replace("%1", project.path.name))
        self.measure = QComboBox()
        for key, text in zip(
            PAIR_MEASURES,
            (self.tr("F1, exact spans"), self.tr("F1, overlapping spans"), self.tr("Cohen's κ")),
            strict=True,
        ):
            self.measure.addItem(text, key)
        self.summary = QLabel(self.tr("Computing agreement…"))
        self.heatmap = HeatMap()
        self.labels = self._table([self.tr("Label"), self.tr("F1 exact"), self.tr("α_U")])
        self.layers = self._table(
            [
                self.tr("Layer"),
                self.tr("Token units"),
                self.tr("Cohen's κ"),
                self.tr("Fleiss's κ"),
                self.tr("Krippendorff's α"),
            ]
        )
        self.layers.setToolTip(
            self.tr(
                "A layer counts in a document only where an annotator taking part has a span of it"
            )
        )
        self.documents = self._table([self.tr("Document"), self.tr("α_U"), self.tr("F1 exact")])
        self.documents.setToolTip(self.tr("Double-click a document to review it"))
        self._build_layout()
        self.measure.currentIndexChanged.connect(lambda _i: self._show_matrix())
        self.documents.cellDoubleClicked.connect(lambda row, _col: self.open_review(row))
        open_within_screen(self, 900, 640)

        # A pool of its own, to wait for just this job: a runnable freed while its thread
        # is still returning from run() would crash the process.
        self.pool = QThreadPool(self)
        self.annotators = annotators
        self.job: AgreementJob | None = None
        # Colleagues' work changed what was being computed: compute again when it ends.
        self._stale = False
        self._compute()
        # A server project's agreement changes as the annotators work: computed again as
        # they commit (one computation at a time), shown in place.
        self.watcher = watcher_of(project)
        self.watcher.changed.connect(self._others_changed)

    def _compute(self) -> None:
        self._stale = False
        self.job = AgreementJob(self.project.path, self.annotators)
        self.job.setAutoDelete(False)
        self.job.signals.finished.connect(self._show)
        self.job.signals.failed.connect(self._failed)
        self.pool.start(self.job)

    def _others_changed(self) -> None:
        if self.project.closed or not self.isVisible() or not self.watcher.touched(*READ):
            return
        if self.pool.activeThreadCount():
            self._stale = True
        else:
            self._compute()

    def _done_computing(self) -> None:
        self.pool.waitForDone()  # run() has emitted; only its return is left
        if self._stale:
            self._compute()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _build_layout(self) -> None:
        grid = QGridLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Matrix:")))
        top.addWidget(self.measure)
        top.addStretch()
        grid.addLayout(top, 0, 0)
        grid.addWidget(self.summary, 0, 1)
        grid.addWidget(self.heatmap, 1, 0)
        tables = QVBoxLayout()
        tables.addWidget(self.labels)
        tables.addWidget(self.layers)
        grid.addLayout(tables, 1, 1)
        grid.addWidget(QLabel(self.tr("Documents, lowest agreement first")), 2, 0, 1, 2)
        grid.addWidget(self.documents, 3, 0, 1, 2)

    # ----- showing the report ------------------------------------------------------------

    def _failed(self, text: str) -> None:
        self._done_computing()
        self.summary.setText(text)
        self.ready.emit()

    def _show(self, report: AgreementReport) -> None:
        self._done_computing()
        self.report = report
        overall = report.overall
        self.summary.setText(
            self.tr("Documents compared: %1 · F1 exact %2 · α %3 · α_U %4")
            .replace("%1", str(report.documents))
            .replace("%2", score_text(overall["f1_exact"]))
            .replace("%3", score_text(overall["krippendorff_alpha"]))
            .replace("%4", score_text(overall["krippendorff_alpha_unitizing"]))
        )
        self._show_matrix()
        self._fill(self.labels, [(name, s, False) for name, s in report.labels.items()])
        self._fill_layers(report)
        self._fill(self.documents, [(name, s, True) for name, s in report.documents_by_agreement()])
        self.ready.emit()

    def _show_matrix(self) -> None:
        if self.report is None:
            return
        key = self.measure.currentData()
        self.heatmap.set_matrix(
            self.report.annotators, {(p.a, p.b): getattr(p, key) for p in self.report.pairs}
        )

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, Scores, bool]]) -> None:
        """One row per name; documents show α_U first, as they are sorted by it. Shown
        again (colleagues' work), the row chosen stays chosen and the table where it was
        scrolled to."""
        current = table.item(table.currentRow(), 0)
        chosen = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        scrolled = table.verticalScrollBar().value()
        table.setRowCount(len(rows))
        for r, (name, scores, alpha_first) in enumerate(rows):
            values = [scores.f1_exact, scores.krippendorff_alpha_unitizing]
            if alpha_first:
                values.reverse()
            item = QTableWidgetItem(isolate(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            table.setItem(r, 0, item)
            for c, value in enumerate(values, start=1):
                cell = QTableWidgetItem(score_text(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(r, c, cell)
            if chosen is not None and name == chosen:
                table.setCurrentCell(r, 0)
        table.verticalScrollBar().setValue(scrolled)

    def _fill_layers(self, report: AgreementReport) -> None:
        names = {
            LabelKind.ENTITY.value: self.tr("Entities"),
            LabelKind.CLAIM.value: self.tr("Claims"),
            LabelKind.QUOTE.value: self.tr("Quotes"),
        }
        rows = [
            (names[layer], ls.units, [getattr(ls, m) for m in TOKEN_MEASURES])
            for layer, ls in report.layers.items()
        ]
        rows.append(
            (
                self.tr("All layers"),
                report.token_units,
                [report.overall[m] for m in TOKEN_MEASURES],
            )
        )
        self.layers.setRowCount(len(rows))
        for r, (name, units, values) in enumerate(rows):
            self.layers.setItem(r, 0, QTableWidgetItem(name))
            for c, text in enumerate([str(units), *map(score_text, values)], start=1):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.layers.setItem(r, c, cell)

    def done(self, result: int) -> None:
        # The review windows opened from here share the project: they close with it.
        for window in self.review_windows:
            window.close()
        self.review_windows.clear()
        super().done(result)

    def open_review(self, row: int) -> ReviewWindow:
        """Review the document of that row, with the annotators the report compared."""
        item = self.documents.item(row, 0)
        assert item is not None, "a row without its document"
        name = item.data(Qt.ItemDataRole.UserRole)
        window = ReviewWindow(self.project, self.curator, document=name)
        if self.report is not None:
            window.set_chosen(self.report.annotators)
        self.review_windows.append(window)
        window.show()
        return window
