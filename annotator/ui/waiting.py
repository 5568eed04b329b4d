"""Waiting for a server without freezing the window.

A server project's calls run on a thread of the engine's own (storage/postgres/waiting.py)
and the window waits for each through ``wait_painting``: a call answered at once is
waited for as before; a longer one runs a local event loop, so the windows repaint and
timers fire, while the annotator's keys and clicks are dropped (no second edit can start
while the first is not done), a close is refused, and after ``BUSY_AFTER_MS`` the cursor
turns busy and the status bar says "Waiting for the server…". The engine bounds the wait:
a server that does not answer has its connection cut, the change is reported not saved,
and the project's watcher reconnects by itself.

What a window does on its own (a notice of colleagues' changes, a timer) should wait
until the call is answered: ``busy`` tells it so, and ``after`` runs it once the wait is
over, from the event loop. (One that does not is made to follow the waiting call by the
engine, or refused if it would land inside that call's transaction.)
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QApplication, QMainWindow

from annotator.storage.postgres import waiting as server_waiting

BUSY_AFTER_MS = 300
# A call answered within this is waited for without a loop: not worth one, nor a repaint.
QUICK_S = 0.03

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.ContextMenu,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress,
    QEvent.Type.InputMethod,
    QEvent.Type.Drop,
}


class _Relay(QObject):
    done = Signal()  # emitted from the call's thread: reaches the loop queued


class _InputDropper(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # taken here, so no shortcut fires; the key press is dropped
            return True
        if kind == QEvent.Type.Close and event.spontaneous():
            event.ignore()  # the window stays until its change is answered
            return True
        return kind in _INPUT


class _Waits:
    """The waits under way (nested ones when a wait's loop ran another call)."""

    def __init__(self) -> None:
        self.depth = 0
        self.dropper = _InputDropper()
        self.later: list[tuple[QObject, Callable[[], None]]] = []
        self.shown: list[QMainWindow] = []
        self.cursor = False  # the busy cursor is ours to restore


_waits = _Waits()


def install() -> None:
    """Server calls made from the GUI thread wait painting from now on."""
    server_waiting.install_waiter(wait_painting)


def busy() -> bool:
    """Whether a call to the server is being waited for (the project is its until then)."""
    return _waits.depth > 0


def after(receiver: QObject, then: Callable[[], None]) -> None:
    """Run ``then`` from the event loop once no call is waited for (once, however often
    asked); not at all if ``receiver`` is gone by then."""
    if all(t != then for _, t in _waits.later):
        _waits.later.append((receiver, then))


def wait_painting(future: Future[Any], seconds: float) -> None:
    """The waiter of storage/postgres/waiting.py for a window (see the module's doc)."""
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication) or QThread.currentThread() is not app.thread():
        server_waiting.block(future, seconds)
        return
    server_waiting.block(future, min(QUICK_S, seconds))
    if future.done():
        return
    loop = QEventLoop()
    relay = _Relay()
    relay.done.connect(loop.quit)
    future.add_done_callback(lambda _: relay.done.emit())
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(max(0, round((seconds - QUICK_S) * 1000)))
    slow = QTimer()
    slow.setSingleShot(True)
    slow.timeout.connect(_show_waiting)
    if _waits.depth == 0:
        app.installEventFilter(_waits.dropper)
        slow.start(max(0, BUSY_AFTER_MS - round(QUICK_S * 1000)))
    _waits.depth += 1
    try:
        if not future.done():
            loop.exec()
    finally:
        _waits.depth -= 1
        deadline.stop()
        slow.stop()
        if _waits.depth == 0:
            app.removeEventFilter(_waits.dropper)
            _hide_waiting()
            later, _waits.later = _waits.later, []
            for receiver, then in later:
                QTimer.singleShot(0, receiver, then)


def _show_waiting() -> None:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    _waits.cursor = True
    text = _waiting_text()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            widget.statusBar().showMessage(text)
            _waits.shown.append(widget)


def _hide_waiting() -> None:
    if _waits.cursor:
        _waits.cursor = False
        QApplication.restoreOverrideCursor()
    shown, _waits.shown = _waits.shown, []
    for widget in shown:
        with suppress(RuntimeError):  # a window deleted meanwhile
            if widget.statusBar().currentMessage() == _waiting_text():
                widget.statusBar().clearMessage()


def _waiting_text() -> str:
    return QCoreApplication.translate("waiting", "Waiting for the server…")
