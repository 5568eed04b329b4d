"""The annotation window: documents, the article, the palette, the spans and details."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import ConnectionLostError, UserError
from annotator.core.model import GOLD, Status
from annotator.core.output import open_output
from annotator.core.schema import Schema
from annotator.formats.importer import ImportResult
from annotator.rendering.html_page import render_html
from annotator.storage import backups
from annotator.storage.edits import Changes, SetBlind
from annotator.storage.locations import server_url
from annotator.storage.project import PROJECT_SUFFIX, Project
from annotator.ui import shortcuts
from annotator.ui.annotation_list import AnnotationList
from annotator.ui.article_menu import article_menu
from annotator.ui.details import DetailsPanel
from annotator.ui.doclist import DocumentList, status_text
from annotator.ui.docview import DocumentView
from annotator.ui.error_texts import error_text
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.first_size import move_within_screen, resize_within_screen
from annotator.ui.fonts import reading_font
from annotator.ui.guard import NoticeBar, ProjectGuard
from annotator.ui.i18n import install_translator
from annotator.ui.importing import ImportJob, file_filters, start_import, summary
from annotator.ui.line_length import readable_width
from annotator.ui.palette import LabelPalette
from annotator.ui.panels import SidePanels
from annotator.ui.render import render_project_document
from annotator.ui.review.menu import ReviewMenu
from annotator.ui.schema_editor import SchemaEditor
from annotator.ui.searchbar import SearchBar
from annotator.ui.server_dialog import ServerDialog
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from annotator.ui.settings_dialog import SettingsDialog
from annotator.ui.suggestions import SuggestionsMenu
from annotator.ui.swatch import swatch


class MainWindow(QMainWindow):
    # The user chose another project (new or existing); the application opens it.
    projectRequested = Signal(Path)
    # The user opened another project here (a server's, from its dialog): the
    # application shows it in a window instead of this one.
    projectOpened = Signal(object)

    # The interface language changed: the application builds the window again.
    rebuildRequested = Signal()

    def __init__(
        self,
        project: Project,
        annotator: str,
        settings: Settings | None = None,
        history: QUndoStack | None = None,
    ):
        super().__init__()
        self.settings = settings or Settings()
        self.project = project
        self.view = DocumentView()
        self.view.setFont(reading_font(self.settings.font_size, self.settings.font_family or None))
        self._keep_lines_readable()
        self.view.set_visual_cursor(self.settings.visual_cursor)
        # On a server the database lets a person write only as its user: the window's
        # name would have every edit refused.
        self.session = Session(project, project.login or annotator, self.view)
        if history is not None:
            self.session.adopt_history(history)
        self.search = SearchBar(self.view)
        self.documents = DocumentList()
        self.palette_list = LabelPalette()
        self.annotation_list = AnnotationList()
        self.details = DetailsPanel()
        self.notice = NoticeBar()
        self.beside_line = QLabel()
        self.beside_line.setWordWrap(True)
        self.beside_line.setMargin(4)
        self.beside_line.hide()
        self.guard = ProjectGuard(project, self.notice)
        read_only = self.tr(" (read-only)") if project.readonly else ""
        self.setWindowTitle(f"{project.path.name}{read_only} — annotator")
        self._build_layout()
        self._build_status_bar()
        self._name_for_screen_readers()
        self._label_actions: list[QAction] = []
        self._last_document: int | None = None
        # Jobs stay referenced until the window closes: a runnable freed while its pool
        # thread is still returning from run() crashes the process.
        self._import_jobs: list[ImportJob] = []
        self._build_actions()
        self._connect()
        self._restore_state()
        self.palette_list.set_schema(self.session.schema)
        self._build_label_actions()
        # Whose spans are shown beside one's own: the choice made for this project, else
        # the project's suggestion (the demo's), else nobody's.
        chosen = self.settings.beside(project.path)
        beside = chosen if chosen is not None else project.setting(Project.SHOWN_BESIDE)
        self.session.beside = beside or None
        docs = project.documents()
        if docs:
            self.session.open_document(docs[0].id)  # which fills the documents list
        else:
            self.documents.refresh(project, self.session.annotator, None)
        # Remembered or not: a layout kept from a wider screen gives way as a first
        # start's does, rather than hang off a laptop's.
        self._fit_screen()
        # A long document fills the documents list (and sets its width) once read.
        self.session.documentReady.connect(self._fit_screen, Qt.ConnectionType.SingleShotConnection)
        # What a new project's empty article says (shown while no text is).
        self.view.setPlaceholderText(
            self.tr(
                "No documents yet: File › Import documents… or Import a folder… brings articles in."
            )
        )
        # Which panels are shown is saved as each is hidden or shown, not only as the
        # window closes: a crash or a killed session loses none of it. A panel shown by
        # View › Panels or F9 (not as the window first shows) may not fit the screen.
        for dock in self.panels.docks:
            dock.toggleViewAction().toggled.connect(self._panel_hidden)
            dock.toggleViewAction().triggered.connect(self._panels_changed)
        self.view.setFocus()

    # ----- construction --------------------------------------------------------------

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setAccessibleName(title)
        dock.setWidget(widget)
        # Closable: View › Panels brings a closed one back.
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        self.panels.docks.append(dock)
        return dock

    def _build_layout(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.notice)
        layout.addWidget(self.beside_line)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self.setCentralWidget(central)
        self.panels = SidePanels(self.settings, "window")
        # The documents come first in reading order: on the right in the Arabic interface.
        leading = Qt.DockWidgetArea.LeftDockWidgetArea
        trailing = Qt.DockWidgetArea.RightDockWidgetArea
        if self._rtl():
            leading, trailing = trailing, leading
        self._dock(self.tr("Documents"), self.documents, leading)
        self._dock(self.tr("Labels"), self.palette_list, trailing)
        self._dock(self.tr("Spans"), self.annotation_list, trailing)
        # Scrolled: a span with many attributes or relations must not take room from the
        # palette and the spans list (the docks keep the sizes the user gave them).
        details = QScrollArea()
        details.setWidget(self.details)
        details.setWidgetResizable(True)
        details.setFrameShape(QFrame.Shape.NoFrame)
        # Narrowed with the window, its buttons still show their whole text.
        scroll_bar = details.verticalScrollBar().sizeHint().width()
        details.setMinimumWidth(self.details.minimumSizeHint().width() + scroll_bar)
        self._dock(self.tr("Details"), details, trailing)

    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _build_status_bar(self) -> None:
        self.annotator_label = QLabel()
        self.status_label = QLabel()
        self.caret_label = QLabel()
        for widget in (self.annotator_label, self.status_label, self.caret_label):
            self.statusBar().addPermanentWidget(widget)

    def _name_for_screen_readers(self) -> None:
        """What a screen reader announces for each part of the window."""
        for widget, name in (
            (self.view, self.tr("Article text")),
            (self.documents, self.tr("Documents")),
            (self.documents.filter, self.tr("Filter documents")),
            (self.documents.tree, self.tr("Documents list")),
            (self.palette_list, self.tr("Label palette")),
            (self.annotation_list, self.tr("Spans in this document")),
            (self.details, self.tr("Span details")),
            (self.details.label, self.tr("Selected span's label")),
            (self.details.text, self.tr("Selected span's text")),
            (self.details.relations, self.tr("Relations of the span")),
            (self.beside_line, self.tr("Whose spans are shown beside yours")),
            (self.search, self.tr("Find bar")),
            (self.search.field, self.tr("Find in the article")),
            (self.search.count, self.tr("Matches found")),
            (self.annotator_label, self.tr("Annotator")),
            (self.status_label, self.tr("Document status")),
            (self.caret_label, self.tr("Caret position")),
        ):
            widget.setAccessibleName(name)

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        keys: shortcuts.Keys = (),
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts.sequences(keys))
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        s = self.session
        keys = shortcuts
        menu = self.menuBar()

        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(self.tr("&New project…"), self._new_project, keys.NEW_PROJECT)
        )
        file_menu.addAction(
            self._action(self.tr("&Open project…"), self._open_project, keys.OPEN_PROJECT)
        )
        file_menu.addAction(
            self._action(self.tr("Open a project on a &server…"), self._open_server_project)
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Import documents…"), self._import_files))
        file_menu.addAction(self._action(self.tr("Import a &folder…"), self._import_folder))
        file_menu.addAction(self._action(self.tr("&Export…"), self._export))
        file_menu.addAction(self._action(self.tr("Share document as &HTML…"), self._share_html))
        file_menu.addAction(self._action(self.tr("Share document as P&DF…"), self._share_pdf))
        file_menu.addAction(
            self._action(self.tr("&Restore a backup…"), lambda: self.guard.restore(self))
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Settings…"), self._settings))
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, keys.QUIT))

        edit = menu.addMenu(self.tr("&Edit"))
        undo = s.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(keys.sequences(keys.UNDO))
        redo = s.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(keys.sequences(keys.REDO))
        edit.addActions([undo, redo])
        edit.addSeparator()
        edit.addAction(self._action(self.tr("&Find…"), self.search.open, keys.FIND))
        edit.addAction(
            self._action(self.tr("Find &next"), lambda: self.search.step(1), keys.FIND_NEXT)
        )
        edit.addAction(
            self._action(
                self.tr("Find &previous"), lambda: self.search.step(-1), keys.FIND_PREVIOUS
            )
        )
        edit.addSeparator()
        delete = self._action(self.tr("&Delete span"), s.delete_selected, keys.DELETE_SPAN)
        edit.addAction(delete)
        edit.addAction(self._action(self.tr("Next span"), lambda: s.step(1)))
        edit.addAction(self._action(self.tr("Previous span"), lambda: s.step(-1)))
        link = self._action(
            self.tr("Link speaker / source"), lambda: s.set_linking(True), keys.LINK
        )
        edit.addAction(link)
        self._span_actions = (delete, link)
        edit.addAction(self._action(self.tr("Cancel"), self._escape, keys.CANCEL))
        edit.addSeparator()
        edges = edit.addMenu(self.tr("Span edges"))
        for text, edge, right, edge_keys in keys.edge_moves():
            edges.addAction(
                self._action(text, lambda _=False, e=edge, r=right: s.move_edge(e, r), edge_keys)
            )
        self.exact_action = self._action(
            self.tr("E&xact spans (no snapping to words)"), self._set_exact, keys.EXACT_SPANS, True
        )
        edit.addAction(self.exact_action)
        edit.addSeparator()
        self._text_actions = [
            self._action(
                self.tr("Annotate all in &document…"),
                lambda: self.annotate_all(False),
                keys.ANNOTATE_ALL,
            ),
            self._action(self.tr("Annotate all in the &project…"), lambda: self.annotate_all(True)),
        ]
        edit.addActions(self._text_actions)

        view = menu.addMenu(self.tr("&View"))
        view.addAction(self._action(self.tr("Zoom &in"), lambda: self._zoom(1), keys.ZOOM_IN))
        view.addAction(self._action(self.tr("Zoom &out"), lambda: self._zoom(-1), keys.ZOOM_OUT))
        view.addAction(self._action(self.tr("&Font…"), self._choose_font))
        view.addAction(self._action(self.tr("Label &tags"), self._set_tags, keys.LABEL_TAGS, True))
        self.beside_menu = view.addMenu(self.tr("&Annotations of"))
        self.beside_menu.aboutToShow.connect(self._fill_beside_menu)
        visual = self._action(self.tr("&Visual cursor movement"), self._set_visual_cursor, (), True)
        visual.setChecked(self.settings.visual_cursor)
        view.addAction(visual)
        view.addSeparator()
        self.panels_menu = view.addMenu(self.tr("&Panels"))
        self.panels_menu.addActions([dock.toggleViewAction() for dock in self.panels.docks])
        self.panels_menu.addSeparator()
        self.panels_menu.addAction(
            self._action(
                self.tr("Hide or show the side &panels"), self._toggle_panels, keys.SIDE_PANELS
            )
        )

        document = menu.addMenu(self.tr("&Document"))
        document.addAction(
            self._action(self.tr("&Next document"), lambda: s.step_document(1), keys.NEXT_DOCUMENT)
        )
        document.addAction(
            self._action(
                self.tr("&Previous document"), lambda: s.step_document(-1), keys.PREVIOUS_DOCUMENT
            )
        )
        self.done_action = self._action(self.tr("Mark &done"), s.set_done, keys.MARK_DONE, True)
        document.addAction(self.done_action)
        self.labels_menu = menu.addMenu(self.tr("&Labels"))
        project_menu = menu.addMenu(self.tr("&Project"))
        project_menu.addAction(self._action(self.tr("&Schema…"), self._edit_schema))
        self.blind_action = self._action(
            self.tr("&Blind annotation (annotators do not see each other's spans)"),
            lambda: s.run(SetBlind(self.blind_action.isChecked()), None),
        )
        self.blind_action.setCheckable(True)
        self.blind_action.setChecked(self.project.blind)
        project_menu.addAction(self.blind_action)
        # Review mode, agreement, statistics, merging: all in annotator/ui/review/menu.py.
        self.review_menu = ReviewMenu(self, self.session, self.documents)
        # Suggestions that learn from the project: all in annotator/ui/suggestions.py.
        self.suggestions = SuggestionsMenu(
            self, self.session, self.documents, self.settings, self.project
        )

    def _build_label_actions(self) -> None:
        for action in self._label_actions:
            self.removeAction(action)
        self.labels_menu.clear()
        self._label_actions = []
        for label in self.session.schema.labels:
            action = self._action(
                label.name,
                lambda _=False, name=label.name: self.session.apply_label(name),
                (label.shortcut,) if label.shortcut else (),
            )
            action.setIcon(swatch(label.color))
            self.labels_menu.addAction(action)
            self._label_actions.append(action)

    def _connect(self) -> None:
        s = self.session
        self.palette_list.labelChosen.connect(self._palette_clicked)
        self.annotation_list.annotationChosen.connect(lambda i: s.select(i, reveal=True))
        self.documents.documentChosen.connect(s.open_document)
        self.details.attributeEdited.connect(s.set_attribute)
        self.details.relationRemoved.connect(s.remove_relation)
        self.details.linkRequested.connect(lambda: s.set_linking(True))
        s.annotationsChanged.connect(self._refresh_annotations)
        s.selectionChanged.connect(self._refresh_details)
        s.statusChanged.connect(self._refresh_status)
        s.documentOpened.connect(self._document_opened)
        # Once every span is in (for a long document, after its first screen is shown).
        s.documentReady.connect(
            lambda: self.documents.refresh(
                self.project, s.annotator, s.document.id if s.document else None
            )
        )
        s.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        s.saveFailed.connect(self.guard.save_failed)
        s.connectionLost.connect(self.guard.connection_lost)
        self.guard.liveChange.connect(self._live_refresh)
        s.historyLost.connect(lambda text: self.notice.show_notice(text, "warning"))
        self.guard.reloadNeeded.connect(self._reload)
        self.guard.reopenNeeded.connect(self._restore_backup)
        s.linkingChanged.connect(self._linking_changed)
        s.schemaChanged.connect(self._schema_changed)
        s.besideChanged.connect(self._refresh_beside)
        self.view.cursorPositionChanged.connect(self._refresh_caret)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._article_menu)

    # ----- refreshing ------------------------------------------------------------------

    def _article_menu(self, pos: QPoint) -> None:
        labels, texts = self._label_actions, self._text_actions
        menu = article_menu(self.session, pos, labels, *self._span_actions, texts)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _document_opened(self, doc_id: int) -> None:
        if doc_id != self._last_document:
            self.notice.document_changed()
        self._last_document = doc_id
        if self.search.isVisible():
            self.search.search(self.search.field.text())

    def _fill_beside_menu(self) -> None:
        """Nobody else, or each other annotator and gold; others are off while the
        project is blind."""
        menu = self.beside_menu
        menu.clear()
        group = QActionGroup(menu)
        s = self.session
        others = [a for a in self.project.annotators() if a != s.annotator]
        choices: list[tuple[str, str | None]] = [(self.tr("&Nobody else"), None)]
        choices += [(self._layer_name(a), a) for a in others]
        for text, who in choices:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(who == s.shown_beside())
            action.setEnabled(who is None or not self.project.blind)
            action.triggered.connect(lambda _=False, w=who: self.show_beside(w))
            group.addAction(action)
        if self.project.blind:
            note = menu.addAction(self.tr("Blind annotation: others' spans are hidden"))
            note.setEnabled(False)

    def _layer_name(self, annotator: str) -> str:
        return self.tr("gold (adjudicated)") if annotator == GOLD else annotator

    def show_beside(self, annotator: str | None) -> None:
        """View › Annotations of: whose spans to show beside one's own, remembered for
        this project."""
        self.settings.set_beside(self.project.path, annotator)
        self.session.set_beside(annotator)

    def _refresh_beside(self) -> None:
        who = self.session.shown_beside()
        self.blind_action.setChecked(self.project.blind)
        chosen = self.session.beside
        if who is None and self.project.blind and chosen is not None:
            # Blind annotation was turned on (here, or by a curator on the server):
            # the layer the annotator was reading beside hers goes, and she is told why.
            text = self.tr(
                "Blind annotation is on: the spans of %1 are hidden until it is turned off "
                "(Project › Blind annotation)."
            )
            self.beside_line.setText(text.replace("%1", self._layer_name(chosen)))
            self.beside_line.show()
            return
        if who is None:
            self.beside_line.hide()
            return
        text = self.tr(
            "Shown beside yours, outlined and read-only: the spans of %1 (%2 in this "
            "document). View › Annotations of changes it."
        )
        count = str(len(self.view.beside))
        self.beside_line.setText(text.replace("%1", self._layer_name(who)).replace("%2", count))
        self.beside_line.show()

    def _refresh_annotations(self, changes: Changes | None) -> None:
        s = self.session
        if changes is None:
            self.annotation_list.set_rows(s.annotations(), s.schema)
        else:
            self.annotation_list.apply(changes)
        self.annotation_list.show_selected(self.session.selected_id)

    def _refresh_details(self) -> None:
        s = self.session
        ann = s.selected()
        relations = s.selected_relations
        others = {
            a.id: a
            for r in relations
            for a in (s.view.index.get(r.from_id), s.view.index.get(r.to_id))
            if a is not None
        }
        self.details.show_annotation(ann, s.schema, relations, others)
        self.annotation_list.show_selected(s.selected_id)

    def _refresh_status(self) -> None:
        s = self.session
        status = s.status()
        self.annotator_label.setText(self.tr("Annotator: %1").replace("%1", s.annotator))
        self.status_label.setText(status_text(status))
        self.done_action.blockSignals(True)
        self.done_action.setChecked(status is Status.DONE)
        self.done_action.blockSignals(False)
        if s.document is not None:
            self.documents.update_row(s.document.id, len(s.view.index), status)

    def _refresh_caret(self) -> None:
        caret = self.view.caret()
        paragraph = str(self.view.index.paragraph_of(caret) + 1)
        text = self.tr("¶ %1 · offset %2").replace("%1", paragraph).replace("%2", str(caret))
        self.caret_label.setText(text)

    # ----- commands --------------------------------------------------------------------

    def _palette_clicked(self, label: str) -> None:
        self.session.apply_label(label)
        self.view.setFocus()

    def _escape(self) -> None:
        if self.session.linking:
            self.session.set_linking(False)
        elif self.search.isVisible():
            self.search.close_bar()
        else:
            self.session.select(None)

    def _linking_changed(self, on: bool) -> None:
        cursor = Qt.CursorShape.CrossCursor if on else Qt.CursorShape.IBeamCursor
        self.view.viewport().setCursor(cursor)
        if not on:  # the prompt to click a speaker would outlive the picking
            self.statusBar().clearMessage()

    def _set_exact(self, on: bool) -> None:
        self.view.exact_toggle = on

    def _set_tags(self, on: bool) -> None:
        self.view.set_tags(on)

    def _set_visual_cursor(self, on: bool) -> None:
        self.settings.visual_cursor = on
        self.view.set_visual_cursor(on)

    def _zoom(self, steps: int) -> None:
        self.settings.font_size = self.view.zoom(steps)
        self._keep_lines_readable()

    def _keep_lines_readable(self) -> None:
        """The panels give way to the article, never the article to them: it keeps
        lines of some 50 characters in its font however narrow the window (which can
        be made narrower with the panels hidden or tabbed)."""
        self.view.setMinimumWidth(readable_width(self.view))

    def _fit_screen(self) -> None:
        """The window within its screen. Where readable lines between two columns of
        panels do not fit it (a first start, a layout kept from a wider screen, panels
        shown again), the panels make one column, on the documents' side, the labels a
        tab behind the documents; and a window hanging off the screen (grown as its
        panels came back while tiled to the screen's right half) is moved onto it."""
        screen = self.screen()
        layout = self.layout()
        if screen is None or layout is None:
            return
        free = screen.availableGeometry()
        layout.activate()  # the minimum width of the panels as they now are
        if self.minimumSizeHint().width() > free.width():
            documents, labels, *others = self.panels.docks
            side = self.dockWidgetArea(documents)  # first in reading order, kept there
            for dock in others:
                self.addDockWidget(side, dock)
            self.tabifyDockWidget(documents, labels)
            documents.raise_()
            layout.activate()  # the panels placed now, not at the next turn
        move_within_screen(self)

    def _choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.view.font(), self, self.tr("Reading font"))
        if ok:
            self.set_reading_font(font)

    def set_reading_font(self, font: QFont) -> None:
        self.view.setFont(font)
        self._keep_lines_readable()
        self.settings.font_family = font.family()
        self.settings.font_size = font.pointSize()

    def annotate_all(self, whole_project: bool) -> None:
        s = self.session
        needle = s.occurrence_text()
        if not needle:
            self.statusBar().showMessage(self.tr("Select some text or a span first"), 5000)
            return
        names = [lb.name for lb in s.schema.labels]
        likely = s.likely_label()
        current = names.index(likely) if likely in names else 0
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Annotate all"),
            self.tr("Label for every “%1”:").replace("%1", needle),
            names,
            current,
            False,
        )
        if ok:
            count = s.annotate_all(label, whole_project)
            self.statusBar().showMessage(self.tr("%n span(s) added", "", count), 5000)

    # ----- project, import, export, schema, settings ---------------------------------------

    def _project_filter(self) -> str:
        return self.tr("Annotator projects (*%1)").replace("%1", PROJECT_SUFFIX)

    def _new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project"), "", self._project_filter()
        )
        if path:
            target = Path(path).with_suffix(PROJECT_SUFFIX)
            try:
                Project.create(target).close()
            except UserError as exc:
                QMessageBox.warning(self, "annotator", error_text(exc))
                return
            self.projectRequested.emit(target)

    def _open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a project"), "", self._project_filter()
        )
        if path:
            self.projectRequested.emit(Path(path))

    def _open_server_project(self) -> None:
        """Its URL and perhaps a password asked (the last server project's URL offered);
        the dialog says what went wrong, and hands over the project once open."""
        servers = [p for p in self.settings.recent_projects() if server_url(p) is not None]
        dialog = ServerDialog(str(servers[0]) if servers else "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.project is not None:
            self.projectOpened.emit(dialog.project)

    def _import_files(self) -> None:
        filters = file_filters()
        paths, chosen = QFileDialog.getOpenFileNames(
            self, plain(self.tr("&Import documents…")), "", ";;".join(f for f, _ in filters)
        )
        if paths:
            fmt = next((name for f, name in filters if f == chosen), "auto")
            self.import_paths([Path(p) for p in paths], fmt)

    def _import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, plain(self.tr("Import a &folder…")))
        if not path:
            return
        filters = file_filters()
        choice, ok = QInputDialog.getItem(
            self,
            plain(self.tr("Import a &folder…")),
            self.tr("The files in the folder are:"),
            [f for f, _ in filters],
            0,
            False,
        )
        if ok:
            self.import_paths([Path(path)], dict(filters)[choice])

    def import_paths(
        self, paths: list[Path], format_name: str = "auto", add_labels: bool = False
    ) -> ImportJob:
        annotator = self.session.annotator
        job = start_import(self, self.project.path, paths, annotator, format_name, add_labels)
        job.signals.finished.connect(self._imported)
        if not add_labels:
            job.signals.finished.connect(
                lambda result: self._ask_labels(result, paths, format_name)
            )
        job.signals.failed.connect(lambda text: QMessageBox.warning(self, "annotator", text))
        self._import_jobs.append(job)
        return job

    def _imported(self, result: ImportResult) -> None:
        s = self.session
        self.guard.watcher.own_commit()
        if result.added_labels:  # read with the document, or without one (a new project)
            s.reload_schema()
        s.refresh_from_project()  # a duplicate of the open document brings its spans
        if s.document is None and self.project.documents():
            s.open_document(self.project.documents()[0].id)
        self.documents.refresh(self.project, s.annotator, s.document.id if s.document else None)
        self.statusBar().showMessage(summary(result), 10000)

    def _ask_labels(self, result: ImportResult, paths: list[Path], format_name: str) -> None:
        """Files another tool wrote name labels of their own: offer to add them to the
        schema and import again (the command line's --add-labels), what was chosen as it
        was chosen, so that a folder's documents keep their names (those already in are
        duplicates, left as they are)."""
        missing = result.unknown_labels()
        if not missing:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Labels the schema lacks"),
            self.tr(
                "%n file(s) use labels the schema lacks: %1. Add them to the schema and "
                "import these files?",
                "",
                len(result.refused_for_labels()),
            ).replace("%1", ", ".join(missing)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.import_paths(paths, format_name, add_labels=True)

    def _export(self) -> None:
        dialog = ExportDialog(self.project, self.session.annotator, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.report is not None:
            self.statusBar().showMessage(
                self.tr("%n document(s) exported", "", dialog.report.documents), 10000
            )

    def _share_target(self, title: str, file_filter: str, suffix: str) -> Path | None:
        """Where to write the current document, asked; None when there is none or the
        user cancelled."""
        doc = self.session.document
        if doc is None:
            self.statusBar().showMessage(self.tr("No document is open"), 5000)
            return None
        path, _ = QFileDialog.getSaveFileName(self, title, f"{doc.name}{suffix}", file_filter)
        if not path:
            return None
        target = Path(path)
        return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)

    def _share_html(self) -> None:
        target = self._share_target(
            self.tr("Share document as HTML"), self.tr("Web pages (*.html)"), ".html"
        )
        doc = self.session.document
        if target is None or doc is None:
            return
        annotator = self.session.annotator
        page = render_html(
            doc,
            self.project.annotations(doc.id, annotator),
            self.project.relations(doc.id, annotator),
            self.session.schema,
        )
        try:
            with open_output(target) as out:
                out.write(page)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, "annotator", error_text(exc))
            return
        self.statusBar().showMessage(self.tr("Written: %1").replace("%1", str(target)), 10000)

    def _share_pdf(self) -> None:
        target = self._share_target(
            self.tr("Share document as PDF"), self.tr("PDF documents (*.pdf)"), ".pdf"
        )
        doc = self.session.document
        if target is None or doc is None:
            return
        try:
            render_project_document(self.project, doc.id, target, self.session.annotator)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, "annotator", error_text(exc))
            return
        self.statusBar().showMessage(self.tr("Written: %1").replace("%1", str(target)), 10000)

    def _edit_schema(self) -> None:
        editor = SchemaEditor(self.session.schema, self)
        if editor.exec() == QDialog.DialogCode.Accepted:
            try:
                self.apply_schema(editor.renames(), editor.schema())
            except UserError as exc:  # a label without a name or colour
                QMessageBox.warning(self, "annotator", error_text(exc))
        editor.deleteLater()

    def apply_schema(self, renames: dict[str, str], schema: Schema) -> bool:
        """Rename labels (their spans follow) and store the edited schema, as one step."""
        return self.session.edit_schema(renames, schema)

    def _schema_changed(self) -> None:
        self.palette_list.set_schema(self.session.schema)
        self._build_label_actions()

    def _settings(self) -> None:
        language = self.settings.language
        if SettingsDialog(self.settings, self).exec() == QDialog.DialogCode.Accepted:
            self.language_changed(language)

    def language_changed(self, before: str) -> None:
        """A new interface language takes effect at once: the window is built again on
        the same project, in the new language and direction."""
        app = QApplication.instance()
        if self.settings.language != before and isinstance(app, QApplication):
            install_translator(app, self.settings.language)
            self.rebuildRequested.emit()

    def take_over_from(self, old: MainWindow) -> None:
        """Built again in another language: show what the window it replaces showed —
        its document, selection, selected span, geometry and hidden panels (the undo
        history came with ``history``; the scroll position is set once the window is
        shown)."""
        s = self.session
        doc = old.session.document
        if doc is not None and (s.document is None or s.document.id != doc.id):
            s.open_document(doc.id)
        self.restoreGeometry(old.saveGeometry())
        # The same panels hidden (their places are kept per direction: see Settings).
        for mine, theirs in zip(self.panels.docks, old.panels.docks, strict=True):
            mine.setVisible(theirs.toggleViewAction().isChecked())
        if old.isMaximized():
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        selection = old.view.textCursor()
        cursor = self.view.textCursor()
        cursor.setPosition(selection.anchor())
        cursor.setPosition(selection.position(), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        if old.session.selected_id is not None:
            s.select(old.session.selected_id)
        self.suggestions.take_over_from(old.suggestions)

    # ----- state -----------------------------------------------------------------------

    def _restore_state(self) -> None:
        """The size and panels of the last window."""
        geometry, state = self.settings.window_state(self._rtl())
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            resize_within_screen(self, 1280, 800)
        if state is not None:
            self.restoreState(state)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.guard.window_activated()

    def _reload(self) -> None:
        """Show the project as it now is on disk, after another program wrote to it."""
        s = self.session
        s.reload_schema()
        if s.document is not None:
            s.open_document(s.document.id)
        else:
            self.documents.refresh(self.project, s.annotator, None)

    def _live_refresh(self) -> None:
        """Colleagues committed to the server project: their layer beside one's own, the
        spans, and the documents list's statuses as they now are, without moving the
        annotator's place."""
        try:
            self._read_others()
        except ConnectionLostError:
            # The connection was cut while the server stayed (a restarted pooler, an
            # ended session): the engine connects again on the next statement.
            try:
                self._read_others()
            except ConnectionLostError as exc:
                self.guard.watcher.connection_failed(error_text(exc))

    def _read_others(self) -> None:
        s = self.session
        touched = self.guard.watcher.touched
        s.refresh_from_project(touched)
        # The list's counts change with one's own edits (the current row follows them); a
        # curator adds documents (their rows are added, not the list built again); one's
        # statuses change in another window (a colleague's status changes none of the
        # list: read, not built again).
        if touched("documents"):
            self.documents.update_documents(self.guard.watcher.changed_documents())
        if touched("document_status"):
            self.documents.show_statuses(self.project.statuses_of(s.annotator))

    def _restore_backup(self, backup: Path) -> None:
        """Close the project, put the backup in its place, and open it again."""
        path = self.project.path
        self.session.close()
        self.project.close()
        try:
            kept = backups.restore(backup, path)
        except UserError as exc:
            QMessageBox.warning(self, "annotator", error_text(exc))
        else:
            QMessageBox.information(
                self,
                "annotator",
                self.tr("Restored. The file it replaced is kept as %1").replace("%1", str(kept)),
            )
        self.projectRequested.emit(path)

    def _toggle_panels(self) -> None:
        self.panels.toggle()
        self._panels_changed(any(dock.isVisibleTo(self) for dock in self.panels.docks))

    def _panels_changed(self, shown: bool) -> None:
        if shown:
            self._fit_screen()
        self._save_state()

    def _panel_hidden(self, shown: bool) -> None:
        """Saved as a panel is hidden, by its × too."""
        if not shown:
            self._save_state()

    def _save_state(self) -> None:
        self.settings.save_window_state(self.saveGeometry(), self.saveState(), self._rtl())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.close()
        for job in self._import_jobs:
            job.cancel()
        QThreadPool.globalInstance().waitForDone()
        self._import_jobs.clear()  # ended: let go in this thread (see SuggestionsMenu)
        self._save_state()
        super().closeEvent(event)


def plain(menu_text: str) -> str:
    """A menu entry's text as its dialog's title: without the & before its Alt key."""
    return menu_text.replace("&&", "\0").replace("&", "").replace("\0", "&")
