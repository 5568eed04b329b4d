"""Hearing others' changes to the open project, for every window on it: one
``ChangeWatcher`` per open project (``watcher_of``).

A server project announces each commit (LISTEN/NOTIFY): a QSocketNotifier on the
listening connection's socket wakes the watcher when a notice arrives, without polling.
A file announces nothing: its windows ask when they regain focus (``check``). Either way
``changed`` is emitted once per batch of others' commits, and the windows show the
project as it now is.

When the server cannot be reached (its socket closed, or an edit found the connection
lost: ``connection_failed``), ``connectionLost`` says why and a timer tries again, a few
seconds apart and then less often, until it answers; then ``connectionBack``, and
``changed`` (what was announced meanwhile was missed). Each try first reaches the server
from a thread of its own (``_Probe``): a network that drops everything holds no window
through a try's connection timeout; only once the server answers does the watcher
listen again. A listening connection that merely broke, the server still there, is made
again the same way without a word to the annotator.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from weakref import WeakKeyDictionary, ref

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from annotator.core.errors import UserError
from annotator.storage.project import Project
from annotator.ui import waiting
from annotator.ui.error_texts import error_text

# Milliseconds between tries to reach the server again: soon at first, then less often.
RETRY_MS = (500, 1000, 2000, 5000, 10_000, 30_000)
# How long a burst of a server's notices is gathered before the windows read again.
COALESCE_MS = 150


class ChangeWatcher(QObject):
    changed = Signal()  # another connection committed: show the project as it now is
    connectionLost = Signal(str)  # why the server cannot be reached; retrying
    connectionBack = Signal()  # reached again after connectionLost

    def __init__(self, project: Project):
        super().__init__()
        # Weakly: the watcher goes with its project (the windows hold the project).
        self._project = ref(project)
        self.lost = False
        # Whether the project announces changes as they happen (a server's).
        self.live = project.engine.dialect != "sqlite"
        if self.live:
            waiting.install()  # its calls wait painting, never freezing the windows
        self._notifier: QSocketNotifier | None = None
        self.tries = 0  # to reach the server again, since it was lost
        self._probing = False  # a try's thread is reaching the server
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try_again)
        # A server's notices come in bursts (a colleague's bulk edit, several people at
        # once): the windows read the project once per burst.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(COALESCE_MS)
        self._soon.timeout.connect(self._emit)
        # The tables the changes being gathered touched (None: anything may have), and
        # the documents they added, changed or removed (None: any may have been).
        self._pending: set[str] | None = set()
        self._pending_documents: set[int] | None = set()
        # Those of the changes just announced: what a window needs to read again.
        self.tables: frozenset[str] | None = None
        self._documents: frozenset[int] | None = None
        try:
            project.changed_elsewhere()  # from now on (a server: starts listening)
        except UserError as exc:
            self.connection_failed(error_text(exc))
            return
        self._arm()

    @property
    def project(self) -> Project:
        project = self._project()
        assert project is not None, "a watcher outlived its project"
        return project

    def _gone(self) -> bool:
        project = self._project()
        return project is None or project.closed

    def check(self) -> None:
        """Ask whether others committed since the last time (the window regained focus,
        or the server's socket has something to read), and say so."""
        if self._gone():
            self.stop()
            return
        if self._held(self.check):
            return
        if self.lost:
            self._try_again()
            return
        try:
            changed = self.project.changed_elsewhere()
        except UserError as exc:
            self.connection_failed(error_text(exc))
            return
        if changed:
            tables = self.project.tables_changed()
            self._gather(tables, self.project.documents_changed())
            # Nothing that arrives meanwhile is missed: psycopg keeps the notices it reads
            # with an answer for the next ``changed_elsewhere``, and a notifier wakes
            # whenever its socket holds something unread, also what came before it.
            self._disarm()
            if tables is None and self.live:
                # The listening connection broke (that too answers "changed"): reach the
                # server from a thread before listening again.
                self._probe()
            elif self._arm():
                self._announce()

    def own_commit(self) -> None:
        """The window committed through a connection of its own (an import's worker):
        no other program's change, so nothing is told of it (the window reads the
        project again itself). A server's notices of it change nothing on screen."""
        if not self.live and not self._gone():
            self.project.changed_elsewhere()

    def connection_failed(self, why: str) -> None:
        """The server could not be reached (here, or by an edit): say so once, and try
        again from a timer."""
        self._disarm()
        if not self.lost:
            self.lost = True
            self.tries = 0
            self.connectionLost.emit(why)
        if not self._retry.isActive() and not self._probing:
            self._retry.start(RETRY_MS[min(self.tries, len(RETRY_MS) - 1)])
            self.tries += 1

    def stop(self) -> None:
        """No more watching: the project is closed."""
        self._retry.stop()
        self._soon.stop()
        self._disarm()
        project = self._project()
        if project is not None:
            _watchers.pop(project, None)

    def _held(self, then: Callable[[], None]) -> bool:
        """Whether the window waits for the server's answer to a call (the project is
        that call's until then): ``then`` runs once it is over."""
        if self._notifier is not None:
            # Readable until read: not to wake the waiting loop over and over.
            self._notifier.setEnabled(not waiting.busy())
        if not waiting.busy():
            return False
        waiting.after(self, then)
        return True

    def _try_again(self) -> None:
        if self._gone():
            self.stop()
            return
        if self._held(self._try_again):
            return
        if self.live:
            self._probe()
        else:
            self._reach()

    def _probe(self) -> None:
        """Reach the server from a thread; ``_probed`` follows."""
        if self._probing:
            return
        self._probing = True
        probe = _Probe()
        probe.answered.connect(self._probed)
        probe.start(self.project.reachable)

    def _probed(self, why: str) -> None:
        self._probing = False
        if self._gone():
            self.stop()
        elif why:
            self.connection_failed(why)
        elif not self._held(self._reach):
            self._reach()

    def _reach(self) -> None:
        """Listen again, and say so when the server was said to be away."""
        if self._arm():
            if self.lost:
                self.lost = False
                self.connectionBack.emit()
            self._gather(None, None)  # what was announced meanwhile was missed
            self._announce()

    def touched(self, *tables: str) -> bool:
        """Whether the changes just announced may have touched any of ``tables``."""
        return self.tables is None or not self.tables.isdisjoint(tables)

    def changed_documents(self) -> frozenset[int] | None:
        """The documents (rows of the documents table) the changes just announced added,
        changed or removed; None when any may have been."""
        if not self.touched("documents"):
            return frozenset()
        return self._documents

    def _gather(self, tables: frozenset[str] | None, documents: frozenset[int] | None) -> None:
        if tables is None or self._pending is None:
            self._pending = None
        else:
            self._pending |= tables
        if documents is None or self._pending_documents is None:
            self._pending_documents = None
        else:
            self._pending_documents |= documents

    def _announce(self) -> None:
        if self.live:
            if not self._soon.isActive():
                self._soon.start()
        else:
            self._emit()

    def _emit(self) -> None:
        if self._held(self._emit):
            return
        pending, self._pending = self._pending, set()
        documents, self._pending_documents = self._pending_documents, set()
        self.tables = None if pending is None else frozenset(pending)
        self._documents = None if documents is None else frozenset(documents)
        self.changed.emit()

    def _arm(self) -> bool:
        """Watch the project's socket (a new one when the connection was made again);
        False, and retrying, when the server cannot be reached."""
        try:
            fd = self.project.change_socket()
        except UserError as exc:
            self.connection_failed(error_text(exc))
            return False
        if fd is None or self._notifier is not None:
            return True
        # Our own descriptor of the socket: when the engine closes its connection (the
        # project closes, or it makes a new one), ours stays valid and reads the end.
        self._notifier = QSocketNotifier(os.dup(fd), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.check)
        return True

    def _disarm(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            os.close(self._notifier.socket())
            self._notifier.deleteLater()
            self._notifier = None


class _Probe(QObject):
    """Whether the server answers, asked from a thread of its own."""

    answered = Signal(str)  # "" when it answered, else why not (queued to the watcher)

    def start(self, reach: Callable[[], None]) -> None:
        def run() -> None:
            try:
                reach()
            except UserError as exc:
                self.answered.emit(error_text(exc))
            else:
                self.answered.emit("")

        # The thread holds this object until it has said its answer.
        threading.Thread(target=run, name="annotator-probe", daemon=True).start()


_watchers: WeakKeyDictionary[Project, ChangeWatcher] = WeakKeyDictionary()


def watcher_of(project: Project) -> ChangeWatcher:
    """The one watcher of an open project, shared by its windows (each asking for
    changes itself would take the others' notices)."""
    watcher = _watchers.get(project)
    if watcher is None:
        watcher = _watchers[project] = ChangeWatcher(project)
    return watcher
