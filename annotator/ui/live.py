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
``changed`` (what was announced meanwhile was missed).
"""

from __future__ import annotations

import os
from weakref import WeakKeyDictionary, ref

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from annotator.core.errors import UserError
from annotator.storage.project import Project

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
        self._notifier: QSocketNotifier | None = None
        self._tries = 0
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
            self.connection_failed(str(exc))
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
        if self.lost:
            self._try_again()
            return
        try:
            changed = self.project.changed_elsewhere()
        except UserError as exc:
            self.connection_failed(str(exc))
            return
        if changed:
            self._gather(self.project.tables_changed(), self.project.documents_changed())
            # Perhaps the listening connection broke (that too answers "changed") and is
            # made again: watch the new one, or retry while the server is not there.
            self._disarm()
            if self._arm():
                self._announce()

    def connection_failed(self, why: str) -> None:
        """The server could not be reached (here, or by an edit): say so once, and try
        again from a timer."""
        self._disarm()
        if not self.lost:
            self.lost = True
            self._tries = 0
            self.connectionLost.emit(why)
        if not self._retry.isActive():
            self._retry.start(RETRY_MS[min(self._tries, len(RETRY_MS) - 1)])
            self._tries += 1

    def stop(self) -> None:
        """No more watching: the project is closed."""
        self._retry.stop()
        self._soon.stop()
        self._disarm()
        project = self._project()
        if project is not None:
            _watchers.pop(project, None)

    def _try_again(self) -> None:
        if self._gone():
            self.stop()
            return
        if self._arm() and self.lost:
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
            self.connection_failed(str(exc))
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


_watchers: WeakKeyDictionary[Project, ChangeWatcher] = WeakKeyDictionary()


def watcher_of(project: Project) -> ChangeWatcher:
    """The one watcher of an open project, shared by its windows (each asking for
    changes itself would take the others' notices)."""
    watcher = _watchers.get(project)
    if watcher is None:
        watcher = _watchers[project] = ChangeWatcher(project)
    return watcher
