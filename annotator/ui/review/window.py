"""The review window: the chosen annotators' spans in lanes, the places where they
disagree, and one key per decision about gold.

Every decision (accept, reject, an edited edge, the curation status) is one step on the
session's undo stack, written to the project at once like any annotation edit.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import ConnectionLostError
from annotator.core.model import GOLD, Status
from annotator.review.gold import accept
from annotator.review.gold_change import GoldChange
from annotator.review.units import ReviewUnit, UnitState, Version, review_units
from annotator.storage.project import Project
from annotator.ui import shortcuts
from annotator.ui.doclist import isolate, status_text
from annotator.ui.error_texts import error_text
from annotator.ui.first_size import open_within_screen
from annotator.ui.fonts import reading_font
from annotator.ui.line_length import readable_width
from annotator.ui.live import watcher_of
from annotator.ui.panels import SidePanels
from annotator.ui.review.gold_session import GoldSession
from annotator.ui.review.lists import AnnotatorPicker, CurationList, PlaceList, decided
from annotator.ui.review.view import STATE_COLORS, ReviewView
from annotator.ui.settings import Settings
from annotator.ui.swatch import swatch

# The tables whose changes the window shows: spans, gold decisions, curation statuses, the
# documents and the annotators (labels are read when a document opens).
SHOWN = (
    "annotations",
    "gold_provenance",
    "gold_rejected",
    "curation_status",
    "documents",
    "annotators",
)


# The fewest characters (of digits' width) a list beside the article narrows to.
PANEL_FLOOR = 18


class ReviewWindow(QMainWindow):
    def __init__(
        self,
        project: Project,
        curator: str,
        document: int | str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.project = project
        self.view = ReviewView()
        self.view.setFont(reading_font())
        # Readable lines however narrow the window: the panels narrow first (F9 hides them).
        self.view.setMinimumWidth(readable_width(self.view))
        self.settings = Settings()
        self.panels = SidePanels(self.settings, "review")
        self.session = GoldSession(project, curator, self.view)
        self.units: list[ReviewUnit] = []
        self.state_names = {
            UnitState.AGREE: self.tr("all agree"),
            UnitState.LABEL_DIFFERS: self.tr("label differs"),
            UnitState.BOUNDARIES_DIFFER: self.tr("boundaries differ"),
            UnitState.INCOMPLETE: self.tr("only some have it"),
        }
        status_names = {status: status_text(status) for status in Status}
        self.annotators_list = AnnotatorPicker([a for a in project.annotators() if a != GOLD])
        self.documents = CurationList(status_names)
        self.unit_list = PlaceList(self.state_names)
        self.curation = QComboBox()
        for status, text in status_names.items():
            self.curation.addItem(text, status)
        # The label of the selected gold span, or of a new one on the selected text.
        self.gold_label = QComboBox()
        self.setWindowTitle(self.tr("Review — %1").replace("%1", project.path.name))
        self._build_layout()
        self._build_actions()
        self._connect()
        # The panels hidden (and where they were put) at the last opening, saved as each
        # is hidden or shown. Queued: the menu checks its entry before it shows the panel.
        state = self.settings.panel_state("review", self._rtl())
        if state is not None:
            self.restoreState(state)
        for dock in self.panels.docks:
            dock.toggleViewAction().toggled.connect(
                self._save_panels, Qt.ConnectionType.QueuedConnection
            )
        self.watcher = watcher_of(project)
        self.watcher.changed.connect(self._others_changed)
        self.watcher.connectionLost.connect(self._connection_lost)
        self.watcher.connectionBack.connect(self._connection_back)
        open_within_screen(self, 1200, 760)
        docs = project.documents()
        if document is not None or docs:
            self.open_document(document if document is not None else docs[0].id)
        self.view.setFocus()

    # ----- construction --------------------------------------------------------------

    def _build_layout(self) -> None:
        self.curation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for label in self.session.schema.labels:
            self.gold_label.addItem(swatch(label.color), label.name, label.name)
        self.gold_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.gold_label.setEnabled(False)
        self.gold_label.setToolTip(
            self.tr("Select text to add a gold span, or a gold span to change its label")
        )

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Curation:")))
        bar.addWidget(self.curation)
        bar.addStretch()
        bar.addWidget(QLabel(self.tr("Gold label:")))
        bar.addWidget(self.gold_label)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.setCentralWidget(central)
        # Annotators and documents come first in reading order: on the right in the
        # Arabic interface, as in the annotation window (Qt mirrors no dock area).
        leading = Qt.DockWidgetArea.LeftDockWidgetArea
        trailing = Qt.DockWidgetArea.RightDockWidgetArea
        if self._rtl():
            leading, trailing = trailing, leading
        title = self.tr("Annotators (lanes from the foot)")
        people = self._dock(title, self.annotators_list, leading)
        documents = self._dock(self.tr("Documents"), self.documents, leading)
        units = self._dock(self.tr("Disagreements"), self.unit_list, trailing)
        # The article gets the room; a short list of annotators, a long one of documents.
        self.resizeDocks([people, documents], [120, 480], Qt.Orientation.Vertical)
        self.resizeDocks([people, units], [240, 340], Qt.Orientation.Horizontal)
        legend = " ".join(
            f'<span style="color:{STATE_COLORS[s].name()}">■</span> {name}'
            for s, name in self.state_names.items()
        )
        self.provenance_label = QLabel()  # of the selected gold span
        self.statusBar().addWidget(self.provenance_label, 1)
        self.statusBar().addPermanentWidget(QLabel(legend))

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        # Closable, as in the annotation window: Review › Panels brings a closed one back.
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        # Narrowed with the window, a list still shows the start of its rows.
        widget.setMinimumWidth(widget.fontMetrics().horizontalAdvance("0" * PANEL_FLOOR))
        self.addDockWidget(area, dock)
        self.panels.docks.append(dock)
        return dock

    def _action(self, text: str, slot: Callable[[], object], *keys: str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts.sequences(keys))
        # Not connected directly: triggered passes a "checked" flag that would fill the
        # slot's first default argument.
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        s = self.session
        menu = self.menuBar().addMenu(self.tr("&Review"))
        menu.addActions(
            [
                self._action(self.tr("&Next place to decide"), lambda: self.step(1, True), "N"),
                self._action(
                    self.tr("&Previous place to decide"), lambda: self.step(-1, True), "P"
                ),
                self._action(self.tr("Next place"), lambda: self.step(1), "Alt+Down"),
                self._action(self.tr("Previous place"), lambda: self.step(-1), "Alt+Up"),
                self._action(self.tr("&Accept"), self.accept_current, "A"),
                self._action(self.tr("&Reject"), self.reject_current, "R"),
                self._action(self.tr("&Edit gold span"), self.edit_current, "E"),
                self._action(self.tr("Reject the selected gold span"), s.delete_selected, "Del"),
            ]
        )
        accept_menu = menu.addMenu(self.tr("Accept the version of"))
        for k in range(9):
            accept_menu.addAction(
                self._action(
                    self.tr("annotator %1").replace("%1", str(k + 1)),
                    partial(self.accept_annotator, k),
                    str(k + 1),
                )
            )
        edges = menu.addMenu(self.tr("Gold span edges"))
        for text, edge, rightwards, keys in shortcuts.edge_moves():
            edges.addAction(self._action(text, partial(s.move_edge, edge, rightwards), *keys))
        menu.addSeparator()
        undo = s.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(shortcuts.sequences(shortcuts.UNDO))
        redo = s.undo_stack.createRedoAction(self, self.tr("Re&do"))
        redo.setShortcuts(shortcuts.sequences(shortcuts.REDO))
        self.addActions([undo, redo])
        menu.addActions([undo, redo])
        menu.addAction(self._action(self.tr("Cancel"), lambda: s.select(None), "Esc"))
        menu.addSeparator()
        panels = menu.addMenu(self.tr("&Panels"))
        panels.addActions([dock.toggleViewAction() for dock in self.panels.docks])
        panels.addSeparator()
        panels.addAction(
            self._action(
                self.tr("Hide or show the side &panels"),
                self.panels.toggle,
                *shortcuts.SIDE_PANELS,
            )
        )

    def _connect(self) -> None:
        self.session.documentOpened.connect(lambda _id: self._refresh(reset=True))
        self.session.annotationsChanged.connect(lambda _changes: self._refresh())
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.session.saveFailed.connect(self._decision_refused)
        self.session.connectionLost.connect(self._decision_lost)
        self.session.historyLost.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.annotators_list.changed.connect(lambda: self._refresh(reset=True))
        self.documents.documentChosen.connect(self._document_chosen)
        self.unit_list.currentRowChanged.connect(self._unit_changed)
        self.view.laneClicked.connect(self._lane_clicked)
        self.session.selectionChanged.connect(self._selection_changed)
        self.view.selectionChanged.connect(self._selection_changed)
        self.gold_label.activated.connect(lambda i: self.label_gold(self.gold_label.itemData(i)))
        self.curation.activated.connect(
            lambda i: self.set_curation(Status(self.curation.itemData(i)))
        )

    # ----- state -----------------------------------------------------------------------

    def chosen(self) -> list[str]:
        """The annotators shown, in lane order; annotator k's key is k + 1."""
        return self.annotators_list.chosen()

    def set_chosen(self, names: list[str]) -> None:
        self.annotators_list.set_chosen(names)

    def current_unit(self) -> ReviewUnit | None:
        row = self.unit_list.currentRow()
        return self.units[row] if 0 <= row < len(self.units) else None

    def document_id(self) -> int | None:
        doc = self.session.document
        return doc.id if doc is not None else None

    # ----- refreshing ------------------------------------------------------------------

    def open_document(self, key: int | str) -> None:
        self.session.open_document(key)

    def _refresh(self, reset: bool = False) -> None:
        """Units, lanes, lists and curation status after any change."""
        doc_id = self.document_id()
        if doc_id is None:
            return
        row = 0 if reset else self.unit_list.currentRow()
        chosen = self.chosen()
        self.units = review_units(self.project, doc_id, chosen)
        self.view.set_lanes(
            [self.project.annotations(doc_id, name) for name in chosen],
            self.units,
            self.session.schema,
        )
        text = self.session.document.text if self.session.document else ""
        self.unit_list.show_units(self.units, text)
        status = self.documents.refresh(self.project, doc_id)
        self.curation.setCurrentIndex(self.curation.findData(status))
        if self.units:
            self.unit_list.setCurrentRow(min(max(row, 0), len(self.units) - 1))
        else:
            self.view.set_current_unit(None)

    def _lane_clicked(self, annotation_id: str) -> None:
        """Go to the place of the annotator's span clicked in its lane."""
        for row, unit in enumerate(self.units):
            if any(annotation_id in v.annotation_ids for v in unit.versions):
                self.unit_list.setCurrentRow(row)
                return

    def _document_chosen(self, doc_id: int) -> None:
        if doc_id != self.document_id():
            self.open_document(doc_id)

    def _unit_changed(self, row: int) -> None:
        unit = self.current_unit()
        if unit is None:
            return
        self.view.set_current_unit(unit)
        self.view.reveal(unit.start, unit.end)

    # ----- decisions -------------------------------------------------------------------

    def step(self, direction: int, undecided_only: bool = False) -> None:
        """To the next (+1) or previous (-1) place, or the next one still to decide;
        stays put at the ends."""
        row = self.unit_list.currentRow() + direction
        while 0 <= row < len(self.units):
            if not undecided_only or not decided(self.units[row]):
                self.unit_list.setCurrentRow(row)
                return
            row += direction

    def _decide(self, description: str, action: Callable[[Project], object]) -> None:
        doc_id = self.document_id()
        if doc_id is not None:
            self.session.run(GoldChange(doc_id, action, description), doc_id)

    def _accept(self, version: Version, annotator: str | None = None) -> None:
        """Gold takes the version as ``annotator`` (default: its first) proposed it."""
        at = version.annotators.index(annotator) if annotator else 0
        ann_id = version.annotation_ids[at]
        curator = self.session.curator
        self._decide(self.tr("accept"), lambda p: accept(p, ann_id, curator))

    def accept_current(self) -> None:
        """Accept the first version still open (the one most annotators proposed)."""
        unit = self.current_unit()
        if unit is not None and unit.open_versions:
            self._accept(unit.open_versions[0])

    def accept_annotator(self, k: int) -> None:
        """Accept the version of the k-th chosen annotator (counting from 0)."""
        unit = self.current_unit()
        chosen = self.chosen()
        if unit is None or k >= len(chosen):
            return
        theirs = [v for v in unit.versions if chosen[k] in v.annotators]
        open_first = sorted(theirs, key=lambda v: v not in unit.open_versions)
        if open_first:
            self._accept(open_first[0], chosen[k])

    def reject_current(self) -> None:
        """Reject the first version still open; with none left, the unit's gold span."""
        unit = self.current_unit()
        doc_id = self.document_id()
        if unit is None or doc_id is None:
            return
        if unit.open_versions:
            span = unit.open_versions[0].key
        elif unit.gold:
            span = (unit.gold[0].label, unit.gold[0].start, unit.gold[0].end)
        else:
            return
        curator = self.session.curator
        self._decide(self.tr("reject"), lambda p: p.gold.reject(doc_id, span, curator))

    def edit_current(self) -> None:
        """Select the unit's gold span for its edges to be moved; with none yet, accept
        the first open version and select that."""
        unit = self.current_unit()
        if unit is None:
            return
        if not unit.gold:
            self.accept_current()
            unit = self.current_unit()
        if unit is not None and unit.gold:
            self.session.select(unit.gold[0].id, reveal=True)
        self.view.setFocus()

    def _selection_changed(self) -> None:
        ann = self.session.selected()
        self.gold_label.setEnabled(ann is not None or self.view.selection() is not None)
        self.provenance_label.clear()
        if ann is None:
            return
        self.gold_label.setCurrentIndex(self.gold_label.findData(ann.label))
        source = self.project.gold.provenance(ann.id)
        if source is not None:
            names = self.tr("proposed by %1 · agreed by %2 · curated by %3 (%4)")
            for key, value in (
                ("%1", ", ".join(map(isolate, source.proposed_by)) or "—"),
                ("%2", ", ".join(map(isolate, source.agreed_by)) or "—"),
                ("%3", isolate(source.curated_by) if source.curated_by else "—"),
                ("%4", source.strategy),
            ):
                names = names.replace(key, value)
            self.provenance_label.setText(names)

    def label_gold(self, label: str) -> None:
        """Tag the selected text as a new gold span, or else relabel the selected gold
        span: the annotation window's label key, on the gold session."""
        self.session.apply_label(label)
        self.view.setFocus()

    def set_curation(self, status: Status) -> None:
        doc_id = self.document_id()
        if doc_id is None:
            return
        curator = self.session.curator
        self._decide(
            self.tr("curation status"),
            lambda p: p.gold.set_curation_status(doc_id, status, curator),
        )

    def event(self, event: QEvent) -> bool:
        # Coming back to the window: the annotators (in the main window or another
        # program) may have changed their spans, and anyone gold, meanwhile.
        # A closed window may still receive an activation queued before it closed.
        if event.type() == QEvent.Type.WindowActivate and self.isVisible():
            self.show_current()
        return super().event(event)

    def show_current(self) -> None:
        """Lanes, places, gold and statuses as the project now has them (a server
        project: as colleagues commit)."""
        if self.session.document is None or self.project.closed:
            return
        try:
            self.session.view.set_annotations(
                self.project.annotations(self.session.document.id, GOLD)
            )
            self._refresh()
        except ConnectionLostError as exc:
            self.watcher.connection_failed(error_text(exc))

    def _others_changed(self) -> None:
        """Colleagues committed: what they changed of what the window shows."""
        if self.project.closed or not self.watcher.touched(*SHOWN):
            return
        try:
            if self.watcher.touched("documents"):
                self.documents.update_documents(self.project, self.watcher.changed_documents())
            if self.watcher.touched("annotators"):
                self.annotators_list.add_names([a for a in self.project.annotators() if a != GOLD])
        except ConnectionLostError as exc:
            self.watcher.connection_failed(error_text(exc))
            return
        self.show_current()

    def _decision_refused(self, text: str) -> None:
        """Named in the status bar until the next message; the lanes show what is there
        now (an annotator may have deleted the span meanwhile)."""
        self.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", text))
        self.show_current()

    def _decision_lost(self, what: str, why: str) -> None:
        self.watcher.connection_failed(why)
        text = self.tr("Not saved: %1 (the server cannot be reached; trying again by itself)")
        self.statusBar().showMessage(text.replace("%1", what))

    def _connection_lost(self, why: str) -> None:
        text = self.tr(
            "The server cannot be reached; decisions cannot be saved until it answers: %1"
        )
        self.statusBar().showMessage(text.replace("%1", why))

    def _connection_back(self) -> None:
        self.statusBar().showMessage(self.tr("Connected to the server again"), 10000)

    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _save_panels(self) -> None:
        self.settings.save_panel_state("review", self._rtl(), self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.close()
        super().closeEvent(event)
