"""A window asked to end by the system (SIGTERM: a logout, a shutdown, ``kill``) or from
its terminal (Ctrl+C, SIGINT) closes as if the user had closed it: a training under way
is stopped, the window's place is kept. Python's default for SIGTERM ends the process
at once, leaving the training process to run on until it finds no one to tell; its
default for SIGINT printed a traceback and left the window open."""

from __future__ import annotations

import contextlib
import signal
import socket
from types import FrameType

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

_kept: list[object] = []  # the socket pair and the notifier live as long as the app


def close_on_termination(app: QApplication) -> None:
    """Close every window and quit when the process is sent SIGTERM or SIGINT. Python runs a
    signal handler only when it runs some code; Qt's event loop runs none of it while
    idle, so the signal wakes the loop through a socket (signal.set_wakeup_fd)."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())

    def woken() -> None:
        with contextlib.suppress(BlockingIOError):  # the bytes only woke the loop
            reader.recv(64)

    def terminate(_signum: int, _frame: FrameType | None) -> None:
        app.closeAllWindows()
        app.quit()

    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(woken)
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)
    _kept.extend((reader, writer, notifier))
