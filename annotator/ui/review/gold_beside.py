"""An annotator's document with the gold version beside it, to learn from corrections.

Two read-only article views scroll together; in each, the spans the other side lacks
(a different label or different edges count as lacking) are marked like search matches.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from annotator.core.model import GOLD
from annotator.review.differences import Differences, differences
from annotator.storage.project import Project
from annotator.ui.docview import DocumentView
from annotator.ui.fonts import reading_font


class GoldBeside(QWidget):
    def __init__(
        self, project: Project, annotator: str, document_id: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        doc = project.document(document_id)
        schema = project.schema()
        self.setWindowTitle(
            self.tr("%1 beside gold — %2").replace("%1", annotator).replace("%2", doc.name)
        )
        self.mine = DocumentView()
        self.gold = DocumentView()
        self.diff: Differences = differences(project, document_id, annotator)
        for view, who, only in (
            (self.mine, annotator, self.diff.only_annotator),
            (self.gold, GOLD, self.diff.only_gold),
        ):
            view.setFont(reading_font())
            view.load(doc.text, project.annotations(document_id, who), schema)
            view.set_matches([(a.start, a.end) for a in only], -1)
        # Scrolling either side scrolls the other: the texts are the same.
        mine_bar, gold_bar = self.mine.verticalScrollBar(), self.gold.verticalScrollBar()
        mine_bar.valueChanged.connect(gold_bar.setValue)
        gold_bar.valueChanged.connect(mine_bar.setValue)

        self.summary = QLabel(
            self.tr("Marked: %1 of your spans not in gold, %2 gold spans you do not have")
            .replace("%1", str(len(self.diff.only_annotator)))
            .replace("%2", str(len(self.diff.only_gold)))
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for view, title in ((self.mine, annotator), (self.gold, self.tr("gold"))):
            pane = QWidget()
            layout = QVBoxLayout(pane)
            layout.setContentsMargins(0, 0, 0, 0)
            heading = QLabel(f"<b>{title}</b>")
            heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(heading)
            layout.addWidget(view)
            splitter.addWidget(pane)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, stretch=1)
        self.resize(1200, 700)
