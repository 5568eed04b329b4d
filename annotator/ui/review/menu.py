"""The main window's Review menu: review mode, the agreement dashboard, statistics, the
comparison with gold and importing a colleague's project.

Installed by one call from the main window, so that its file knows nothing else of
review; the windows opened here are kept by the menu (Python would collect them).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from annotator.core.errors import UserError
from annotator.core.model import GOLD
from annotator.ui import shortcuts
from annotator.ui.doclist import DocumentList
from annotator.ui.error_texts import error_text
from annotator.ui.review.dashboard import AgreementDashboard
from annotator.ui.review.gold_beside import GoldBeside
from annotator.ui.review.merge_dialog import ask_and_merge
from annotator.ui.review.window import ReviewWindow
from annotator.ui.session import Session
from annotator.ui.stats_view import StatsView


class ReviewMenu(QObject):
    """Works on the main window's session and documents list, given to it rather than
    reached through the window, so that the window's module and this one do not import
    each other."""

    def __init__(self, window: QMainWindow, session: Session, documents: DocumentList):
        super().__init__(window)
        self.window = window
        self.session = session
        self.documents = documents
        self.opened: list[QWidget] = []
        # They work on the window's project connection: they close with the window.
        window.installEventFilter(self)
        menu = window.menuBar().addMenu(self.tr("&Review"))
        for text, slot, key in (
            (self.tr("&Review…"), self.review, shortcuts.REVIEW),
            (self.tr("&Agreement dashboard…"), self.dashboard, ()),
            (self.tr("&Statistics…"), self.statistics, ()),
            (self.tr("&Compare with gold…"), self.compare_with_gold, ()),
            (self.tr("&Import a colleague's project…"), self.import_colleague, ()),
        ):
            action = QAction(text, window)
            action.setShortcuts(shortcuts.sequences(key))
            action.triggered.connect(slot)
            window.addAction(action)
            menu.addAction(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            for widget in self.opened:
                widget.close()
            self.opened.clear()
        return False

    def _current(self) -> int | None:
        doc = self.session.document
        return doc.id if doc is not None else None

    def _show(self, widget: QWidget) -> QWidget:
        self.opened.append(widget)
        widget.show()
        return widget

    def review(self) -> QWidget | None:
        s = self.session
        colleagues = [a for a in s.project.annotators() if a != GOLD]
        if not self._sees(colleagues, self.tr("%1; a curator reviews it")):
            return None
        return self._show(ReviewWindow(self.session.project, s.annotator, self._current()))

    def _sees(self, layers: list[str], advice: str) -> bool:
        """Whether this person sees ``layers``; if not, the status bar says so, and
        ``advice`` (%1 the refusal) what to do instead."""
        try:
            self.session.project.check_sees(layers)
        except UserError as refused:
            self.session.message.emit(advice.replace("%1", error_text(refused)))
            return False
        return True

    def dashboard(self) -> QWidget:
        s = self.session
        return self._show(AgreementDashboard(self.session.project, s.annotator))

    def statistics(self) -> QWidget:
        return self._show(StatsView(self.session.project))

    def compare_with_gold(self) -> QWidget | None:
        doc_id = self._current()
        later = self.tr("%1; it shows once the project is no longer blind")
        if doc_id is None or not self._sees([GOLD], later):
            return None
        s = self.session
        return self._show(GoldBeside(self.session.project, s.annotator, doc_id))

    def import_colleague(self) -> None:
        ask_and_merge(self.window, self.session.project, self.refresh_after_merge)

    def refresh_after_merge(self) -> None:
        """New documents appear in the list; a first one opens in an empty project."""
        s = self.session
        if s.document is None and s.project.documents():
            s.open_document(s.project.documents()[0].id)
        self.documents.refresh(s.project, s.annotator, self._current())
