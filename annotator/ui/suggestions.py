"""The main window's Suggestions menu: a model trained on the project proposes spans in
the open document, shown as ghosts (hatched); one key accepts the one at the caret, one
rejects it, one accepts them all.

Training runs in a process of its own (annotator/learn/job.py), waited for by a pool
thread; the window keeps answering keys meanwhile. The new model is used as soon as it
is trained; the same process then measures how unsure it is of each document not
started, for ordering the documents list, and ends. The first training is asked for;
after it the model retrains itself every N new spans (a preference), one process at a
time: asked for while one runs, it starts when that one ends.
A document's suggestions are found in a thread of their own too (SuggestJob), so a
long document gets them without freezing the window.
Accepting adds the annotator's own span (undoable, ``suggested_by`` in its attributes);
rejecting is undoable too, and kept in the project so that the text is never proposed
with that label again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from annotator.core.errors import UserError
from annotator.core.model import Annotation, Document, LabelKind
from annotator.learn.apply import DEFAULT_ANNOTATOR, wanted
from annotator.learn.discourse import SAME_DOCUMENT, Occurrences
from annotator.learn.job import PARENT_ENV, TRAINED
from annotator.learn.model_file import load
from annotator.learn.recommender import Recommender, Suggestion
from annotator.storage.edits import AddAnnotation, Bulk, Changes, Edit
from annotator.storage.locations import secret_environment
from annotator.storage.project import Project
from annotator.storage.rejections import RejectSuggestion, rejected, rejection_key
from annotator.ui import shortcuts
from annotator.ui.doclist import DocumentList
from annotator.ui.error_texts import error_text, reason_text
from annotator.ui.session import FIRST_SCREEN_CHARS, Session
from annotator.ui.settings import Settings


class TrainSignals(QObject):
    trained = Signal(object)  # the Recommender
    measured = Signal(object)  # then {document id: uncertainty}, and the job has ended
    failed = Signal(str)  # or this, and the job has ended


class TrainJob(QRunnable):
    """Waits, in a pool thread, for the training process (annotator/learn/job.py: a
    thread would hold Python's lock while crfsuite trains), then loads its model."""

    def __init__(self, project_path: Path, annotator: str):
        super().__init__()
        self.project_path = project_path
        self.annotator = annotator
        self.signals = TrainSignals()
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self.cancelled = threading.Event()

    def cancel(self) -> None:
        """Stop the training process (the window is closing): nothing is emitted."""
        with self._lock:
            self.cancelled.set()
            if self._process is not None:
                self._process.kill()

    def run(self) -> None:
        unsure: dict[int, float] = {}
        with tempfile.TemporaryDirectory(prefix="annotator-learn-") as folder:
            output = Path(folder) / "model.zip"
            errors = Path(folder) / "errors.txt"
            command = [sys.executable, "-m", "annotator.learn.job"]
            with self._lock:
                if self.cancelled.is_set():
                    return
                # stderr to a file: a pipe left unread while stdout is read could fill up.
                with errors.open("w", encoding="utf-8") as stderr:
                    self._process = subprocess.Popen(
                        [*command, str(self.project_path), self.annotator, str(output)],
                        env={
                            **os.environ,
                            **secret_environment(self.project_path),
                            PARENT_ENV: str(os.getpid()),
                        },
                        stdout=subprocess.PIPE,
                        stderr=stderr,
                        text=True,
                    )
            process = self._process
            assert process.stdout is not None
            with process.stdout as said:
                for line in said:
                    if line.strip() == TRAINED and not self.cancelled.is_set():
                        try:
                            model, _ = load(output)
                        except UserError as exc:
                            process.kill()
                            process.wait()
                            self.signals.failed.emit(error_text(exc))
                            return
                        self.signals.trained.emit(model)
                    elif line.startswith("{"):
                        unsure = {int(k): float(v) for k, v in json.loads(line).items()}
            process.wait()
            if self.cancelled.is_set():
                return
            if process.returncode != 0:
                lines = errors.read_text(encoding="utf-8", errors="replace").strip().splitlines()
                # The job's last line is the core's reason, in English.
                failed = QCoreApplication.translate("TrainJob", "training failed")
                self.signals.failed.emit(reason_text(lines[-1]) if lines else failed)
                return
        self.signals.measured.emit(unsure)


class SuggestSignals(QObject):
    found = Signal(object, int, object)  # Recommender, document id, [Suggestion]


class SuggestJob(QRunnable):
    """Finds a model's suggestions for one document in a pool thread, a sentence at a
    time, so Python's lock changes hands between them and the window keeps
    answering. The whole text goes at once, as to ``annotator suggest`` (a name the
    model is sure of in one sentence is proposed in the others too: discourse.py); a
    cancelled job stops before its next sentence."""

    def __init__(self, model: Recommender, doc_id: int, text: str, labels: set[str]):
        super().__init__()
        self.model: Recommender | None = model
        self.doc_id = doc_id
        self.text = text
        self.labels = labels
        self.signals = SuggestSignals()
        self.cancelled = threading.Event()

    def run(self) -> None:
        model, text, self.model, self.text = self.model, self.text, None, ""
        # The job stays referenced until the window closes (see TrainJob's use), its
        # model and text not.
        assert model is not None
        found = wanted(model, text, 0.0, set(), self.labels, self.cancelled.is_set)
        if not self.cancelled.is_set():
            self.signals.found.emit(model, self.doc_id, found)


class ReadSignals(QObject):
    read = Signal(int, object)  # document id, its Occurrences


class ReadJob(QRunnable):
    """Reads a long document's words for Occurrences in a pool thread (a fifth of a
    second for 56,000 characters on a loaded machine), so that the window answers keys
    meanwhile; each edit then costs only the places of the spans' texts."""

    def __init__(self, doc_id: int, text: str):
        super().__init__()
        self.doc_id = doc_id
        self.text = text
        self.signals = ReadSignals()

    def run(self) -> None:
        text, self.text = self.text, ""  # kept referenced until the window closes
        self.signals.read.emit(self.doc_id, Occurrences.of(text))


class SuggestionsMenu(QObject):
    trained = Signal()  # a new model is in use (tests wait for it)
    measured = Signal()  # the documents' uncertainty under it is known, the job ended
    found = Signal()  # the open document's suggestions are known (tests wait for it)
    placesRead = Signal()  # the open long document's words are read (tests wait for it)

    def __init__(
        self,
        window: QMainWindow,
        session: Session,
        documents: DocumentList,
        settings: Settings,
        project: Project,
    ):
        super().__init__(window)
        self.window = window
        self.session = session
        self.documents = documents
        self.settings = settings
        self.project = project
        self.model: Recommender | None = None
        self.ghosts: list[Suggestion] = []
        self.uncertainty: dict[int, float] = {}
        self.training = False  # a training job runs: training, then measuring documents
        self._again = False  # training was asked for while it ran: train once it ends
        self.new_spans = 0
        self._cache: dict[int, list[Suggestion]] = {}  # the model's, per document
        self._occurrences: tuple[int, Occurrences] | None = None  # the open document's
        self._reading: ReadJob | None = None  # a long document's, being read
        self._read_jobs: list[ReadJob] = []
        # Jobs stay referenced until the window closes (as the import's: see window.py).
        self._jobs: list[TrainJob] = []
        self._suggest_jobs: list[SuggestJob] = []
        # One thread finds suggestions, one document after another: more would only take
        # turns with Python's lock, and the open document's would come no sooner.
        self._finders = QThreadPool(self)
        self._finders.setMaxThreadCount(1)
        self._finding: dict[int, SuggestJob] = {}  # by document id, for the model in use
        # The training's and the reading's pool is this menu's, not the application's:
        # the window built again in another language starts its training before the old
        # one closes, and the old one, waiting for a shared pool as it closed, waited
        # for the new one's whole training, frozen meanwhile.
        self._workers = QThreadPool(self)
        # Said for as long as the training runs (a status message lasts 5 seconds; a
        # large project trains for half a minute).
        self.progress = QLabel()
        self.progress.setAccessibleName(self.tr("Suggestions' training"))
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)
        self._build_menu()
        # Closing the window stops a training under way (the window waits for its jobs).
        window.installEventFilter(self)
        s = self.session
        s.documentReady.connect(self.refresh)
        s.view.cursorPositionChanged.connect(self._show_current)
        s.annotationsChanged.connect(self._edited)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            for job in self._jobs:
                job.cancel()
            self._stop_finding()
            self._finders.waitForDone()
            self._workers.waitForDone()
            # Every job has ended: they go now, in the window's thread. Kept, they went
            # with the window's Python objects, which Python's collector frees (they
            # hold each other) in whichever thread it runs, a pool thread's too: the Qt
            # objects of their signals were deleted from a thread not theirs.
            self._jobs.clear()
            self._read_jobs.clear()
            self._suggest_jobs.clear()
            self._reading = None
        return False

    def _build_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("S&uggestions"))
        self.train_action = self._add(
            menu, self.tr("&Train now"), self.train_now, shortcuts.TRAIN_SUGGESTIONS
        )
        self.show_action = self._add(menu, self.tr("&Show suggestions"), self.refresh, ())
        self.show_action.setCheckable(True)
        self.show_action.setChecked(True)
        menu.addSeparator()
        # Keys of the article only: Return in the documents list still opens a document.
        for text, slot, keys in (
            (self.tr("&Accept suggestion"), self.accept, shortcuts.ACCEPT_SUGGESTION),
            (self.tr("&Reject suggestion"), self.reject, shortcuts.REJECT_SUGGESTION),
            (
                self.tr("Accept &all in this document"),
                self.accept_all,
                shortcuts.ACCEPT_ALL_SUGGESTIONS,
            ),
            (self.tr("&Next suggestion"), lambda: self.step(1), shortcuts.NEXT_SUGGESTION),
            (
                self.tr("&Previous suggestion"),
                lambda: self.step(-1),
                shortcuts.PREVIOUS_SUGGESTION,
            ),
        ):
            action = self._add(menu, text, slot, keys, self.session.view)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        menu.addSeparator()
        self.order_action = self._add(
            menu, self.tr("&Order documents by the model's uncertainty"), self._order, ()
        )
        self.order_action.setCheckable(True)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[..., object],
        keys: shortcuts.Keys,
        owner: QWidget | None = None,
    ) -> QAction:
        """An action of the menu, its keys those of ``owner`` (the window by default)."""
        action = QAction(text, self.window)
        action.setShortcuts(shortcuts.sequences(keys))
        action.triggered.connect(slot)
        (owner or self.window).addAction(action)
        menu.addAction(action)
        return action

    # ----- training ------------------------------------------------------------------

    def train_now(self) -> TrainJob | None:
        if self.training:
            self._again = True
            self._message(self.tr("Learning already: learning again once that ends"))
            return None
        self.training = True
        self.new_spans = 0
        self.progress.setText(self.tr("Learning from the project's spans…"))
        self.progress.show()
        job = TrainJob(self.project.path, self.session.annotator)
        job.signals.trained.connect(self._trained)
        job.signals.measured.connect(self._measured)
        job.signals.failed.connect(self._failed)
        self._jobs.append(job)
        self._workers.start(job)
        return job

    def _trained(self, model: Recommender) -> None:
        """Suggest with the new model at once; the documents keep the order the last one
        gave them until it has measured them."""
        self.model = model
        self._cache = {}
        self._stop_finding()
        self.refresh()
        self.trained.emit()
        if self.order_action.isChecked():
            self.progress.setText(self.tr("Measuring the documents to order them…"))
        else:
            self.progress.hide()

    def _measured(self, unsure: dict[int, float]) -> None:
        self.uncertainty = unsure
        self._ended()
        if self.order_action.isChecked():
            self._order(True)
        self.measured.emit()

    def _failed(self, text: str) -> None:
        self._message(text)
        self._ended()

    def _ended(self) -> None:
        self.training = False
        self.progress.hide()
        if self._again:
            self._again = False
            self.train_now()

    def _edited(self, changes: Changes | None) -> None:
        """Count the annotator's new spans; every N of them retrain (once a model is in
        use), then show what is still to decide."""
        if changes is not None:
            me = self.session.annotator
            self.new_spans += sum(
                a.annotator == me and a.created == a.modified for a in changes.annotations
            )
        every = self.settings.retrain_every
        if self.model is not None and every and self.new_spans >= every:
            if self.training:
                self._again = True  # not said on every edit, as train_now would
            else:
                self.train_now()
        self.refresh()

    def take_over_from(self, old: SuggestionsMenu) -> None:
        """The window built again in another language: the model in use, its
        suggestions found so far, the documents' order and the count of new spans carry
        on; a training under way starts again here (the old window's stops with it)."""
        self.model = old.model
        self.uncertainty = old.uncertainty
        self._cache = dict(old._cache)
        self.new_spans = old.new_spans
        self.show_action.setChecked(old.show_action.isChecked())
        if old.order_action.isChecked():
            self.order_action.setChecked(True)
            self._order(True)
        if old.training:
            self.train_now()
        self.refresh()

    # ----- the open document's suggestions -------------------------------------------

    def refresh(self) -> None:
        """The ghosts of the open document: the model's suggestions that no span of the
        annotator's takes the place of and that nobody rejected."""
        s = self.session
        doc = s.document
        self.ghosts = []
        # A long document's spans and offsets are complete once it is ready.
        ready = doc is not None and s.view.index.map.length >= len(doc.text)
        if self.model is not None and doc is not None and ready and self.show_action.isChecked():
            if doc.id not in self._cache:
                self._find(doc.id, doc.text)  # the ghosts come when found
            refused = rejected(self.project)
            spans = s.annotations()
            kind = {lab.name: lab.kind for lab in s.schema.labels}
            ghosts = [
                g
                for g in self._cache.get(doc.id, [])
                if not any(
                    a.start < g.end and g.start < a.end and kind.get(a.label) == kind[g.label]
                    for a in spans
                )
                and (_key(doc.text, g), g.label) not in refused
            ]
            ghosts += [
                g
                for g in self._elsewhere(doc, spans, ghosts, kind)
                if (_key(doc.text, g), g.label) not in refused
            ]
            self.ghosts = sorted(ghosts, key=lambda g: (g.start, -g.end, g.label))
        colors = {lab.name: lab.color for lab in s.schema.labels}
        s.view.set_ghosts(
            [(g.start, g.end, colors[g.label], self._tip(g)) for g in self.ghosts], self._current()
        )

    def _current(self) -> int:
        """The index of the ghost Return would accept, or -1."""
        ghost = self.at_caret()
        return self.ghosts.index(ghost) if ghost is not None else -1

    def _show_current(self) -> None:
        view = self.session.view
        current = self._current()
        if view.current_ghost != current:
            view.set_ghosts(view.ghosts, current)

    def _tip(self, ghost: Suggestion) -> str:
        """What resting the mouse on a ghost says: its label (its colour does not say it
        to everyone), how sure the model is, and the keys."""
        sure = str(round(100 * ghost.score))
        return (
            self.tr("Suggested %1 (%2% sure): Return accepts, Shift+Return rejects")
            .replace("%1", ghost.label)
            .replace("%2", sure)
        )

    def _elsewhere(
        self,
        doc: Document,
        spans: list[Annotation],
        ghosts: list[Suggestion],
        kind: dict[str, LabelKind],
    ) -> list[Suggestion]:
        """The other places where the document has the text of a span of the
        annotator's, with its label (one sense per discourse: discourse.py), where no
        span or ghost of the same kind is: annotating a name once proposes it throughout
        the document at once, before any retraining."""
        places = self._places(doc)
        if places is None:
            return []  # a long document's, still being read: proposed once read
        out: list[Suggestion] = []
        for k in {kind[a.label] for a in spans if a.label in kind}:
            mine = [(a.start, a.end, a.label) for a in spans if kind.get(a.label) == k]
            taken = [(g.start, g.end) for g in ghosts if kind[g.label] == k]
            out += (
                Suggestion(start, end, label, 1.0, SAME_DOCUMENT)
                for start, end, label in places.elsewhere(mine, taken)
            )
        return out

    def _places(self, doc: Document) -> Occurrences | None:
        """The open document's Occurrences: a short document's read at once, a long
        one's in a pool thread (None until read; the ghosts are refreshed then)."""
        if self._occurrences is not None and self._occurrences[0] == doc.id:
            return self._occurrences[1]
        if len(doc.text) <= FIRST_SCREEN_CHARS:
            self._occurrences = (doc.id, Occurrences.of(doc.text))
            return self._occurrences[1]
        if self._reading is None or self._reading.doc_id != doc.id:
            job = ReadJob(doc.id, doc.text)
            job.signals.read.connect(self._read)
            self._reading = job
            self._read_jobs.append(job)
            self._workers.start(job)
        return None

    def _read(self, doc_id: int, places: Occurrences) -> None:
        if self._reading is not None and self._reading.doc_id == doc_id:
            self._reading = None
        doc = self.session.document
        if doc is not None and doc.id == doc_id:
            self._occurrences = (doc_id, places)
            self.refresh()
            self.placesRead.emit()

    def _find(self, doc_id: int, text: str) -> None:
        """Start finding the model's suggestions for a document, unless under way."""
        if doc_id in self._finding or self.model is None:
            return
        labels = {lab.name for lab in self.session.schema.labels}
        job = SuggestJob(self.model, doc_id, text, labels)
        job.signals.found.connect(self._found)
        self._finding[doc_id] = job
        self._suggest_jobs.append(job)
        self._finders.start(job)

    def _found(self, model: Recommender, doc_id: int, found: list[Suggestion]) -> None:
        if model is not self.model:
            return  # a model retrained since
        self._finding.pop(doc_id, None)
        self._cache[doc_id] = found
        doc = self.session.document
        if doc is not None and doc.id == doc_id:
            self.refresh()
            self._message(self.tr("Suggestions ready: %n in this document", "", len(self.ghosts)))
            self.found.emit()

    def _stop_finding(self) -> None:
        """Cancel the jobs under way or waiting: each returns as soon as it runs."""
        for job in self._finding.values():
            job.cancelled.set()
        self._finding = {}

    def at_caret(self) -> Suggestion | None:
        """The suggestion the caret is in, else the next one after it."""
        caret = self.session.view.caret()
        inside = [g for g in self.ghosts if g.start <= caret < g.end]
        if inside:
            return inside[0]
        return next((g for g in self.ghosts if g.start >= caret), None)

    def step(self, direction: int) -> None:
        """Move the caret to the next (or previous) suggestion, wrapping around."""
        if not self.ghosts:
            self._none(self.tr("No suggestions in this document"))
            return
        caret = self.session.view.caret()
        starts = [g.start for g in self.ghosts]
        if direction > 0:
            target = next((x for x in starts if x > caret), starts[0])
        else:
            target = next((x for x in reversed(starts) if x < caret), starts[-1])
        self._move_caret(target)

    def accept(self) -> None:
        ghost = self.at_caret()
        doc = self.session.document
        if ghost is None or doc is None:
            self._none(self.tr("No suggestion at or after the caret"))
            return
        if self._run(self._accept_edit(ghost), ghost):
            # It may have been off screen: the next one after the caret.
            said = self.tr("Accepted “%1” as %2")
            self._message(
                said.replace("%1", doc.text[ghost.start : ghost.end]).replace("%2", ghost.label)
            )

    def reject(self) -> None:
        ghost = self.at_caret()
        doc = self.session.document
        if ghost is None or doc is None:
            self._none(self.tr("No suggestion at or after the caret"))
            return
        text = doc.text[ghost.start : ghost.end]
        if self._run(RejectSuggestion(text, ghost.label, self.session.annotator), ghost):
            said = self.tr(
                "Rejected “%1” as %2: not proposed again, in any document (Ctrl+Z undoes)"
            )
            self._message(said.replace("%1", text).replace("%2", ghost.label))

    def accept_all(self) -> None:
        if not self.ghosts:
            self._none(self.tr("No suggestions in this document"))
            return
        edits: list[Edit] = [self._accept_edit(g) for g in self.ghosts]
        count = len(edits)
        if self.session.run(Bulk(edits, description="accept suggestions"), self._doc_id()):
            self._message(self.tr("%n suggestion(s) accepted", "", count))

    def _accept_edit(self, ghost: Suggestion) -> AddAnnotation:
        doc_id = self._doc_id()
        assert doc_id is not None
        return AddAnnotation(
            doc_id,
            self.session.annotator,
            ghost.label,
            ghost.start,
            ghost.end,
            {"suggested_by": SAME_DOCUMENT if ghost.source == SAME_DOCUMENT else DEFAULT_ANNOTATOR},
            description="accept suggestion",
        )

    def _run(self, edit: Edit, ghost: Suggestion) -> bool:
        """Apply, then put the caret on the next suggestion: one key per decision. The
        next from the decided one's start, not its end: a name suggested inside an
        accepted claim or quote comes next, not skipped."""
        if not self.session.run(edit, self._doc_id()):
            return False
        after = next((g for g in self.ghosts if g.start >= ghost.start), None)
        if after is not None:
            self._move_caret(after.start)
        return True

    def _none(self, text: str) -> None:
        """Say that a key found no suggestion, or that they are hidden."""
        if not self.show_action.isChecked():
            text = self.tr("Suggestions are hidden: Suggestions › Show suggestions shows them")
        self._message(text)

    def _move_caret(self, offset: int) -> None:
        view = self.session.view
        view.select_span(offset, offset)
        view.reveal(offset, offset)

    def _doc_id(self) -> int | None:
        doc = self.session.document
        return doc.id if doc is not None else None

    # ----- active learning -----------------------------------------------------------

    def _order(self, on: bool) -> None:
        """Unstarted documents the model is least sure of first, so that the next one
        opened teaches it most."""
        if on and self.model is None:
            self._message(self.tr("Train the suggestions first"))
        elif on and self.training and not self.uncertainty:
            self._message(self.tr("The documents are ordered once the model has measured them"))
        self.documents.set_priority(self.uncertainty if on else {})
        s = self.session
        self.documents.refresh(self.project, s.annotator, s.document.id if s.document else None)

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)


def _key(text: str, ghost: Suggestion) -> str:
    return rejection_key(text[ghost.start : ghost.end])
