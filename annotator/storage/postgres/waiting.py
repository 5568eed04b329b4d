"""A server's calls on a thread of their own, and how the caller waits for them.

A server that hangs, or a network that silently drops packets, must never freeze a
window: every call of a server project runs on one thread per project (``CallThread``,
calls in the order made), and the calling thread waits for it through the installed
``Waiter``. The command line's waiter simply blocks; a window installs one that keeps
painting while it waits (``ui/waiting.py``: the core imports no Qt). The engine bounds
each wait, and when the server has not answered by then it cuts the connection
(``cut``), which ends the call with an error at once; the change is not saved.
"""

from __future__ import annotations

import queue
import socket
import struct
import threading
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from typing import Any, TypeVar

T = TypeVar("T")

# Returns when the call is done or ``seconds`` have passed, whichever is first.
Waiter = Callable[["Future[Any]", float], None]


def block(future: Future[Any], seconds: float) -> None:
    """The plain waiter: the thread waits, doing nothing else. (On the future's own
    condition: ``concurrent.futures.wait`` costs a commit about eight times as much.)"""
    with suppress(TimeoutError):
        future.exception(timeout=seconds)


_waiter: Waiter = block


def install_waiter(waiter: Waiter | None) -> None:
    """How callers wait from now on (None: block)."""
    global _waiter
    _waiter = waiter or block


def wait(future: Future[Any], seconds: float) -> None:
    _waiter(future, seconds)


class CallThread:
    """One thread that runs the calls given to it, one at a time, in order; a daemon, so
    that one stuck on a hung server never holds up the program's exit."""

    def __init__(self) -> None:
        self._calls: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue()
        )
        self._thread = threading.Thread(target=self._run, name="annotator-server", daemon=True)
        self._thread.start()
        self.stopped = False

    def here(self) -> bool:
        """Whether the caller is this thread (a call inside a call runs at once)."""
        return threading.current_thread() is self._thread

    def submit(self, call: Callable[[], T]) -> Future[T]:
        future: Future[T] = Future()
        self._calls.put((future, call))
        return future

    def stop(self) -> None:
        """End the thread once the calls given are done."""
        self.stopped = True
        self._calls.put(None)

    def _run(self) -> None:
        while (item := self._calls.get()) is not None:
            future, call = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as exc:  # the caller's to handle, on its own thread
                future.set_exception(exc)


def cut(fd: int, both_ways: bool = False) -> None:
    """End a connection whose peer does not answer, from another thread than the one
    waiting on it: that thread's wait ends at once with the connection's end. Closing
    resets the connection and drops what was not yet sent (a write that was not acked
    must not reach the server after the window said it was not saved). Not writing too
    (``both_ways``) wakes a thread waiting to send."""
    try:
        sock = socket.socket(fileno=fd)
    except OSError:
        return  # already closed
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.shutdown(socket.SHUT_RDWR if both_ways else socket.SHUT_RD)
    except OSError:
        pass  # not connected any more: nothing to wake
    finally:
        sock.detach()  # the descriptor stays the driver's, which closes it
