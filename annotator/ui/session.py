"""What the annotator is doing: the open project, the current document, the selected
span, and every change, each made as one undoable edit.

The window's actions and panels call these methods and listen to the signals; the
methods never show a dialog, so that tests drive them and the real window alike.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.arabic import find_all
from annotator.core.errors import (
    ConnectionLostError,
    DiskFullError,
    GoneError,
    NotAllowedError,
    ProjectBusyError,
    UserError,
)
from annotator.core.model import Annotation, Document, LabelKind, Relation, Status
from annotator.core.offsets import Boundaries, normalise_span
from annotator.core.schema import Schema
from annotator.storage.edits import (
    AddAnnotation,
    AddRelation,
    Bulk,
    Changes,
    DeleteAnnotation,
    DeleteRelation,
    Edit,
    EditSchema,
    UpdateAnnotation,
)
from annotator.storage.project import Project
from annotator.storage.rejections import LiftRejection, rejected, rejection_key
from annotator.ui import waiting
from annotator.ui.commands import EditCommand
from annotator.ui.docview import DocumentView
from annotator.ui.edit_names import edit_name
from annotator.ui.error_texts import error_text

# More characters than a first screen shows (a large window holds about 3,000).
FIRST_SCREEN_CHARS = 8_000


class Session(QObject):
    documentOpened = Signal(int)
    documentReady = Signal()  # every span of the opened document is in the view
    annotationsChanged = Signal(object)  # the Changes of one edit; None after a reload
    selectionChanged = Signal()  # the selected span, or its relations, changed
    statusChanged = Signal()
    message = Signal(str)  # a short notice for the status bar
    # A change could not be written (disk full, busy project, refused by the database).
    saveFailed = Signal(str)
    # A change could not be written because the server cannot be reached: what, and why.
    connectionLost = Signal(str, str)
    # An undo or redo could not be done, and the undo history was cleared; says why.
    historyLost = Signal(str)
    linkingChanged = Signal(bool)
    schemaChanged = Signal()  # labels renamed, added, removed or restyled
    besideChanged = Signal()  # whose spans are shown beside one's own changed

    def __init__(self, project: Project, annotator: str, view: DocumentView):
        super().__init__(view)
        self.project = project
        self.annotator = annotator
        self.view = view
        self.schema: Schema = project.schema()
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.selected_id: str | None = None
        self.selected_relations: list[Relation] = []
        self.linking = False
        self.beside: str | None = None  # whose spans to show beside one's own
        self.last_label: str | None = None  # the label last applied, annotate-all's default
        self.snap_to_words = True
        self._status = Status.NOT_STARTED  # the document's, as last read
        # One's own rejected suggestions, read when first needed and kept until an edit or
        # another program changes them: a span made by hand takes back its rejection.
        self._own_rejections: set[tuple[str, str]] | None = None
        self._span_loader = QTimer(self)
        self._span_loader.setSingleShot(True)
        self._span_loader.timeout.connect(self._load_all_spans)
        view.annotationClicked.connect(self._on_span_clicked)
        view.emptyClicked.connect(self._on_empty_click)
        view.tabPressed.connect(self.step)

    # ----- documents -----------------------------------------------------------------

    def open_document(self, key: int | str) -> None:
        """Show a document. A long one shows its first screen's spans at once and the
        rest from the event loop, so the text appears without waiting for them all."""
        doc = self.project.document(key)
        self.document = doc
        partial = len(doc.text) > FIRST_SCREEN_CHARS
        spans = (
            self.project.annotations_in(doc.id, self.annotator, 0, FIRST_SCREEN_CHARS)
            if partial
            else self.project.annotations(doc.id, self.annotator)
        )
        self.view.load(doc.text, spans, self.schema, FIRST_SCREEN_CHARS if partial else None)
        self._show_beside()
        if partial:
            self._span_loader.start(0)
        self.selected_id = None
        self.set_linking(False)
        self.documentOpened.emit(doc.id)
        self.annotationsChanged.emit(None)
        self.selectionChanged.emit()
        self.statusChanged.emit()
        if not partial:
            self.documentReady.emit()

    def _normalise(self, start: int, end: int) -> tuple[int, int] | None:
        """The span the selection [start, end) makes (normalise_span, exact when the user
        asked for it); None, and a message saying why, when it holds nothing to tag."""
        assert self.document is not None
        exact = self.view.exact() or not self.snap_to_words
        span = normalise_span(self.document.text, start, end, exact=exact)
        if span is None:
            self.message.emit(
                self.tr("Nothing to tag: the selection holds only spaces or punctuation")
            )
        return span

    def _load_all_spans(self) -> None:
        if waiting.busy():  # an edit waits for the server: the project is its until then
            waiting.after(self, self._load_all_spans)
            return
        if self.document is not None:
            self.view.set_annotations(self.project.annotations(self.document.id, self.annotator))
            self.annotationsChanged.emit(None)
            self.documentReady.emit()

    def adopt_history(self, stack: QUndoStack) -> None:
        """Take over another session's undo history (the window rebuilt in another
        language): its edits now refresh this session's view."""
        stack.setParent(self)
        for i in range(stack.count()):
            command = stack.command(i)
            if isinstance(command, EditCommand):
                command.on_change = self._after_edit
                command.on_failure = self._undo_failed
        self.undo_stack = stack

    def set_beside(self, annotator: str | None) -> None:
        """Show another annotator's spans (or gold's) read-only beside one's own; None
        shows nobody else's."""
        self.beside = annotator if annotator != self.annotator else None
        self._show_beside()

    def shown_beside(self) -> str | None:
        """Whose spans are on screen beside one's own: nobody's while the project is
        blind."""
        if self.project.blind or self.beside == self.annotator:
            return None
        return self.beside

    def _show_beside(self) -> None:
        who = self.shown_beside()
        doc = self.document
        self.view.set_beside(self.project.annotations(doc.id, who) if who and doc else [])
        self.besideChanged.emit()

    def refresh_from_project(self, touched: Callable[..., bool] = lambda *_: True) -> None:
        """Others committed: show the document's spans as the project now has them
        (one's own too, changed from another window or by a curator) and the layer shown
        beside, keeping the selection where its span is still there. ``touched(*tables)``
        tells whether the changes may have touched those tables (read only what they
        did)."""
        if touched("suggestion_rejected"):
            self._own_rejections = None
        doc = self.document
        if doc is None or self._span_loader.isActive():
            return  # a long document still loading reads everything anyway
        if touched("labels", "relation_types") and self.project.schema() != self.schema:
            self.reload_schema()
        if not touched("annotations", "relations", "meta", "document_status"):
            return
        mine = {a.id: a for a in self.project.annotations(doc.id, self.annotator)}
        shown = {a.id: a for a in self.view.index.in_order()}
        changes = Changes(
            annotations=[a for i, a in mine.items() if shown.get(i) != a],
            removed=[i for i in shown if i not in mine],
        )
        if changes.annotations or changes.removed:
            for ann_id in changes.removed:
                self.view.remove(ann_id)
            for ann in changes.annotations:
                self.view.upsert(ann)
            if self.selected_id not in mine:
                self.selected_id = None
            self.select(self.selected_id)
            self.annotationsChanged.emit(changes)
        self._show_beside()
        self.statusChanged.emit()

    def close(self) -> None:
        """Stop background work before the project closes."""
        self._span_loader.stop()

    def step_document(self, step: int) -> None:
        docs = self.project.documents()
        if not docs:
            return
        ids = [d.id for d in docs]
        at = ids.index(self.document.id) if self.document and self.document.id in ids else -1
        target = at + step
        if 0 <= target < len(ids):
            self.open_document(ids[target])

    def status(self) -> Status:
        if self.document is None:
            return Status.NOT_STARTED
        # The server away (said so by the edit that found it): the status as last read.
        with suppress(ConnectionLostError):
            self._status = self.project.status(self.document.id, self.annotator)
        return self._status

    def set_done(self, done: bool) -> None:
        if self.document is None:
            return
        status = Status.DONE if done else Status.IN_PROGRESS
        what = self.tr("mark done") if done else self.tr("mark not done")
        try:
            self.project.set_status(self.document.id, self.annotator, status)
        except ConnectionLostError as exc:
            self.connectionLost.emit(what, error_text(exc))
        except (DiskFullError, ProjectBusyError, NotAllowedError) as exc:
            self.saveFailed.emit(f"{what}: {error_text(exc)}")
        except UserError as exc:  # a read-only project
            self.message.emit(error_text(exc))
        self.statusChanged.emit()

    def edit_schema(self, renames: dict[str, str], schema: Schema) -> bool:
        """The schema editor's changes, as one undoable step (refused whole, with a
        message, when any part of it is)."""
        return self.run(EditSchema(renames, schema), None)

    def reload_schema(self) -> None:
        """Take the schema as the project now has it."""
        self.schema = self.project.schema()
        self.view.set_schema(self.schema)
        self.schemaChanged.emit()

    # ----- selection -----------------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        return self.view.index.in_order()

    def selected(self) -> Annotation | None:
        return self.view.index.get(self.selected_id) if self.selected_id else None

    def select(self, annotation_id: str | None, reveal: bool = False) -> None:
        self.selected_id = annotation_id
        self.selected_relations = self.project.relations_of(annotation_id) if annotation_id else []
        related = {
            r.to_id if r.from_id == annotation_id else r.from_id for r in self.selected_relations
        }
        self.view.set_selected(annotation_id, related)
        ann = self.selected()
        if reveal and ann is not None:
            self.view.reveal(ann.start, ann.end)
        self.selectionChanged.emit()

    def step(self, direction: int) -> None:
        """Select the next (or previous) span in reading order."""
        ann = self.view.index.step_from(self.selected_id, self.view.caret(), direction)
        if ann is not None:
            self.select(ann.id, reveal=True)

    def _on_empty_click(self) -> None:
        if self.linking:
            self.set_linking(False)  # a miss cancels the pick, keeping the quote selected
        else:
            self.select(None)

    def _on_span_clicked(self, annotation_id: str) -> None:
        if self.linking:
            self.link_to(annotation_id)
        else:
            self.select(annotation_id)

    # ----- edits ---------------------------------------------------------------------

    def run(self, edit: Edit, document_id: int | None) -> bool:
        """Apply one edit and put it on the undo stack; a refused edit becomes a message."""
        try:
            changes = edit.apply(self.project)
        except ConnectionLostError as exc:
            self.connectionLost.emit(edit_name(edit.description), error_text(exc))
            return False
        except (DiskFullError, ProjectBusyError, NotAllowedError) as exc:
            self.saveFailed.emit(f"{edit_name(edit.description)}: {error_text(exc)}")
            return False
        except GoneError as exc:
            self.saveFailed.emit(f"{edit_name(edit.description)}: {error_text(exc)}")
            self.refresh_from_project()  # show what is there now
            return False
        except UserError as exc:
            self.message.emit(error_text(exc))
            return False
        self.undo_stack.push(
            EditCommand(
                edit, self.project, document_id, self._after_edit, self._undo_failed, changes
            )
        )
        return True

    def _undo_failed(self, exc: UserError) -> None:
        """An undo or redo was refused, nothing changed: the history no longer matches
        the project, so it is cleared (from the event loop: the stack is still running
        the command) and the annotator is told why."""
        QTimer.singleShot(0, self, self.undo_stack.clear)
        if isinstance(exc, ConnectionLostError):
            self.connectionLost.emit(self.tr("undo or redo"), error_text(exc))
            return
        if isinstance(exc, (DiskFullError, ProjectBusyError, NotAllowedError)):
            self.saveFailed.emit(error_text(exc))
            return
        why = self.tr(
            "This change can no longer be undone or redone (%1): another program has "
            "changed the project. The undo history is cleared."
        )
        self.historyLost.emit(why.replace("%1", error_text(exc)))

    def _after_edit(self, document_id: int | None, changes: Changes) -> None:
        if changes.schema:
            self.reload_schema()
        if changes.rejections:
            self._own_rejections = None
        current = self.document.id if self.document else None
        if document_id != current or document_id is None:
            # An undo in another document takes the annotator there to see it.
            if document_id is not None:
                self.open_document(document_id)
            elif current is not None:
                self.open_document(current)
            return
        for ann_id in changes.removed:
            self.view.remove(ann_id)
        for ann in changes.annotations:
            self.view.upsert(ann)
        if self.selected_id is not None and self.view.index.get(self.selected_id) is None:
            self.selected_id = None
        self.select(self.selected_id)
        self.annotationsChanged.emit(changes)
        self.statusChanged.emit()

    def apply_label(self, label: str) -> None:
        """The label key: tag the selected text, or else relabel the selected span."""
        spec = self.schema.label(label)
        if self.document is None or spec is None:
            return
        self.last_label = label
        span = self.view.selection()
        if span is None:
            ann = self.selected()
            if ann is not None and ann.label != label:
                relabel = UpdateAnnotation(ann.id, label=label, description="relabel")
                self.run(relabel, ann.document_id)
            return
        normal = self._normalise(*span)
        if normal is None:
            return
        tagged = [a for a in self.annotations() if (a.start, a.end, a.label) == (*normal, label)]
        if tagged:  # already so: that span is selected, not a second one made beside it
            self.select(tagged[0].id)
            return
        attributes = {a.name: a.default for a in spec.attributes if a.default is not None}
        add = AddAnnotation(self.document.id, self.annotator, label, *normal, attributes)
        lifted = self._lifted(self.document.text[normal[0] : normal[1]], label)
        # A span alone is one round trip on a server; with a rejection to take back, more.
        edit: Edit = Bulk([add, *lifted], description="add span") if lifted else add
        previous, self.selected_id = self.selected_id, add.id  # selected as it is applied
        if self.run(edit, self.document.id):
            self.view.reveal(normal[1], normal[1])
        else:
            self.selected_id = previous

    def _lifted(self, text: str, label: str) -> list[Edit]:
        """Taking back one's own rejection of ``text`` as ``label``, when there is one to
        take back: tagging it by hand says the rejection was a mistake, or no longer
        holds, so the recommenders may propose it again."""
        if self._own_rejections is None:
            self._own_rejections = rejected(self.project, by=self.annotator)
        if (rejection_key(text), label) not in self._own_rejections:
            return []
        return [LiftRejection(text, label, self.annotator)]

    def delete_selected(self) -> None:
        ann = self.selected()
        if ann is not None:
            self.run(DeleteAnnotation(ann.id), ann.document_id)

    def move_edge(self, edge: str, rightwards: bool) -> None:
        """Move the selected span's start or end edge one character on screen.

        Right means earlier in a right-to-left paragraph and later otherwise."""
        ann = self.selected()
        if ann is None or self.document is None:
            return
        at = ann.start if edge == "start" else ann.end
        block = self.view.document().findBlock(self.view.index.map.to_utf16(at))
        rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
        forwards = rightwards != rtl
        lo, hi = self.view.index.paragraphs_around(ann.start, ann.end)
        g = [lo + i for i in Boundaries(self.document.text[lo:hi]).graphemes]
        i = g.index(at) if at in g else 0
        moved = g[min(i + 1, len(g) - 1)] if forwards else g[max(i - 1, 0)]
        start, end = (moved, ann.end) if edge == "start" else (ann.start, moved)
        if start < end and (start, end) != (ann.start, ann.end):
            edit = UpdateAnnotation(ann.id, start=start, end=end, description="resize span")
            self.run(edit, ann.document_id)

    def set_attribute(self, name: str, value: str | None) -> None:
        ann = self.selected()
        if ann is None or ann.attributes.get(name) == value:
            return
        attributes = {k: v for k, v in ann.attributes.items() if k != name}
        if value not in (None, ""):
            attributes[name] = value
        self.run(
            UpdateAnnotation(ann.id, attributes=attributes, description="set attribute"),
            ann.document_id,
        )

    # ----- relations -----------------------------------------------------------------

    def set_linking(self, on: bool) -> None:
        ann = self.selected()
        if on and ann is None:
            self.message.emit(self.tr("Select a quote or a claim first, then link it"))
        elif on and ann is not None and self._kind(ann) is LabelKind.ENTITY:
            self.message.emit(
                self.tr(
                    "An entity is linked to, not from: select the quote or claim, "
                    "press Ctrl+L, then click this entity"
                )
            )
        on = on and ann is not None and self._kind(ann) is not LabelKind.ENTITY
        if on != self.linking:
            self.linking = on
            self.linkingChanged.emit(on)
        if on:
            self.message.emit(self.tr("Click the speaker or source; Esc cancels"))

    def link_to(self, target_id: str) -> None:
        """Link the selected quote or claim to the clicked span, by the schema's
        relation type for those two kinds."""
        source = self.selected()
        target = self.view.index.get(target_id)
        self.set_linking(False)
        if source is None or target is None:
            return
        kinds = (self._kind(source), self._kind(target))
        relation = next(
            (
                rt
                for rt in self.schema.relation_types
                if kinds[0] in rt.from_kinds and kinds[1] in rt.to_kinds
            ),
            None,
        )
        if relation is None:
            self.message.emit(self.tr("No relation type links these two kinds of span"))
            return
        if self.run(AddRelation(source.id, target.id, relation.name), source.document_id):
            self.select(source.id)

    def remove_relation(self, relation_id: str) -> None:
        self.run(DeleteRelation(relation_id), self.document.id if self.document else None)

    def _kind(self, ann: Annotation) -> LabelKind:
        return self.view.index.kind(ann)

    # ----- bulk ----------------------------------------------------------------------

    def occurrence_text(self) -> str:
        """The text annotate-all looks for: the selected text, else the selected span's."""
        if self.document is None:
            return ""
        span = self.view.selection()
        if span is not None:
            normal = self._normalise(*span)
            return self.document.text[normal[0] : normal[1]] if normal else ""
        ann = self.selected()
        return ann.text if ann else ""

    def likely_label(self) -> str | None:
        """The label annotate-all offers first: the selected span's, else that of one of
        my spans with the same text, else the label last used."""
        ann = self.selected()
        if ann is not None:
            return ann.label
        needle = self.occurrence_text()
        same = next((a for a in self.view.index.in_order() if a.text == needle), None)
        return same.label if same is not None else self.last_label

    def annotate_all(self, label: str, whole_project: bool) -> int:
        """Tag every whole-word occurrence of the occurrence text (Arabic-insensitive)
        that no span of that label holds yet (ماسك inside إيلون ماسك, a PER, is not
        tagged PER again); one undo step. Returns how many."""
        needle = self.occurrence_text()
        if not needle or self.document is None:
            return 0
        doc_ids = [d.id for d in self.project.documents()] if whole_project else [self.document.id]
        edits: list[Edit] = []
        for doc_id in doc_ids:
            text = self.project.document(doc_id).text
            taken = [
                (a.start, a.end)
                for a in self.project.annotations(doc_id, self.annotator)
                if a.label == label
            ]
            edits.extend(
                AddAnnotation(doc_id, self.annotator, label, s, e)
                for s, e in find_all(text, needle, words=True)
                if not any(ts <= s and e <= te for ts, te in taken)
            )
        if edits:
            bulk = Bulk([*edits, *self._lifted(needle, label)], description="annotate all")
            self.run(bulk, None if whole_project else self.document.id)
        return len(edits)
