"""An annotator's document with the gold version beside it, to learn from corrections.

Two read-only article views scroll together; in each, the spans the other side lacks
(a different label or different edges count as lacking) are marked like search matches.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QSplitter, QVBoxLayout, QWidget

from annotator.core.errors import ConnectionLostError
from annotator.core.model import GOLD, Annotation
from annotator.review.differences import Differences, differences_of
from annotator.storage.project import Project
from annotator.ui.doclist import isolate
from annotator.ui.docview import DocumentView
from annotator.ui.first_size import open_within_screen
from annotator.ui.fonts import reading_font
from annotator.ui.line_length import readable_width
from annotator.ui.live import watcher_of


class GoldBeside(QWidget):
    def __init__(
        self, project: Project, annotator: str, document_id: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        doc = project.document(document_id)
        schema = project.schema()
        # Isolated: an Arabic name first would turn the whole title right to left (the
        # title bar takes its direction from its first letter), «ليلى حسن beside gold»
        # reading «beside gold ... ليلى حسن».
        self.setWindowTitle(
            self.tr("%1 beside gold — %2")
            .replace("%1", isolate(annotator))
            .replace("%2", isolate(doc.name))
        )
        self.project, self.annotator, self.document_id = project, annotator, document_id
        self.mine = DocumentView()
        self.gold = DocumentView()
        for view in (self.mine, self.gold):
            view.setFont(reading_font())
            view.load(doc.text, [], schema)
        # Scrolling either side scrolls the other: the texts are the same.
        mine_bar, gold_bar = self.mine.verticalScrollBar(), self.gold.verticalScrollBar()
        mine_bar.valueChanged.connect(gold_bar.setValue)
        gold_bar.valueChanged.connect(mine_bar.setValue)

        self.summary = QLabel()
        self.summary.setWordWrap(True)  # whole in a window as narrow as one article
        self.layers: tuple[list[Annotation], list[Annotation]] = ([], [])
        self.diff = Differences([], [])
        self.show_current()
        # On a server, the curator's decisions and the annotator's own edits elsewhere show
        # as they are committed: this document's two layers read again, the rest kept.
        self.watcher = watcher_of(project)
        self.watcher.changed.connect(self._others_changed)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
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
        # Each article keeps readable lines: side by side where two fit, else one above
        # the other (the window then as narrow as one), chosen as the window is resized.
        for view in (self.mine, self.gold):
            view.setMinimumWidth(readable_width(view))
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        margins = layout.contentsMargins()
        self.setMinimumWidth(self.mine.minimumWidth() + margins.left() + margins.right())
        open_within_screen(self, 1200, 700)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.splitter.setOrientation(
            Qt.Orientation.Horizontal
            if self.splitter.width() >= self._side_by_side_width()
            else Qt.Orientation.Vertical
        )

    def _side_by_side_width(self) -> int:
        return self.mine.minimumWidth() + self.gold.minimumWidth() + self.splitter.handleWidth()

    def _others_changed(self) -> None:
        # Closed (the menu keeps it until the main window closes): nothing to show.
        if self.project.closed or not self.isVisible() or not self.watcher.touched("annotations"):
            return
        # Lost: the window it came from says so; shown again when it is back.
        with suppress(ConnectionLostError):
            self.show_current()

    def show_current(self) -> None:
        """Both layers and what differs, as the project now has them (drawn again only
        when they changed); the views stay where they were scrolled to."""
        doc = self.document_id
        layers = (
            self.project.annotations(doc, self.annotator),
            self.project.annotations(doc, GOLD),
        )
        if layers == self.layers and self.summary.text():
            return
        self.layers = layers
        self.diff = differences_of(*layers)
        for view, spans, only in (
            (self.mine, layers[0], self.diff.only_annotator),
            (self.gold, layers[1], self.diff.only_gold),
        ):
            view.set_annotations(spans)
            view.set_matches([(a.start, a.end) for a in only], -1)
        self.summary.setText(
            self.tr("Marked: %1 of your spans not in gold, %2 gold spans you do not have")
            .replace("%1", str(len(self.diff.only_annotator)))
            .replace("%2", str(len(self.diff.only_gold)))
        )
