"""Ctrl+F: find in the document whatever the diacritics, tatweel and letter variants."""

from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.arabic import find_all, folded_for_search
from annotator.ui.docview import DocumentView

# Characters from which a document is long enough to wait for a second letter.
LONG_TEXT = 100_000


class SearchBar(QWidget):
    closed = Signal()

    def __init__(self, view: DocumentView, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find (ignores diacritics and letter variants)"))
        self.count = QLabel()
        previous, following = QToolButton(), QToolButton()
        previous.setText("▲")
        following.setText("▼")
        for button, name in (
            (previous, self.tr("Previous match")),
            (following, self.tr("Next match")),
        ):
            button.setAccessibleName(name)
            button.setToolTip(name)
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, self.count, previous, following):
            layout.addWidget(widget)
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.go_to_match)
        self.field.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        folded_for_search(self.view.index.text)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._typed(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.view.set_matches([], -1)
        self.view.setFocus()
        self.closed.emit()

    def _typed(self, query: str) -> None:
        """Find as you type; in a long document, from the second letter on: one letter
        matches tens of thousands of times there, which helps nobody and takes long."""
        if len(query) == 1 and len(self.view.index.text) > LONG_TEXT:
            self.view.set_matches([], -1)
            self.count.setText(self.tr("Enter finds one letter"))
            return
        self.search(query)

    def search(self, query: str) -> None:
        matches = find_all(self.view.index.text, query) if query else []
        # The first match from the caret on (matches are in text order), else the first;
        # from the selection's start, so that typing on keeps to the match it is on.
        selected = self.view.selection()
        caret = selected[0] if selected else self.view.caret()
        after = bisect_left(matches, caret, key=itemgetter(0))
        current = after if after < len(matches) else (0 if matches else -1)
        self.view.set_matches(matches, current)
        self._show(current)

    def go_to_match(self) -> None:
        """Enter: select the current match and give the article the keyboard, so that
        the next label key tags it (F3 and Shift+F3 still move between the matches)."""
        if not self.view.matches and self.field.text():
            self.search(self.field.text())  # a letter alone is looked for on Enter
        if self.view.matches:
            self._show(self.view.current_match)
            self.view.setFocus()
        # Nothing found: the field keeps the keyboard, so a label key tags nothing.

    def step(self, direction: int) -> None:
        matches = self.view.matches
        if not matches:
            return
        current = (self.view.current_match + direction) % len(matches)
        self.view.set_matches(matches, current)
        self._show(current)

    def _show(self, current: int) -> None:
        matches = self.view.matches
        self.count.setText(f"{current + 1}/{len(matches)}" if matches else "0/0")
        if matches:
            self.view.select_span(*matches[current])
            self.view.ensureCursorVisible()
        else:
            # An earlier query's match selected is no match of this one.
            selected = self.view.selection()
            if selected:
                self.view.select_span(selected[0], selected[0])

    def eventFilter(self, watched: object, event: object) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() == Qt.Key.Key_Return and (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.step(-1)
                return True
        return False
