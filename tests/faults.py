"""Network faults for the server tests, without root: a loopback TCP proxy between the
app and the throw-away server that can stop forwarding without closing (a blackholed
network: packets silently dropped), forward again, or cut every connection; and a
server process stopped mid-session (SIGSTOP), as a hung server is.

While blackholed, what each side sends is read and dropped, as a network drops packets;
a connection that lost bytes so cannot go on (TCP would have given up on it), so when
forwarding resumes it is cut, and connections that were idle meanwhile go on as before.
"""

from __future__ import annotations

import os
import selectors
import signal
import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

from tests.pg_server import PgServer


@dataclass(eq=False)
class _Pair:
    client: socket.socket
    server: socket.socket
    damaged: bool = False  # lost bytes while blackholed
    pending: dict[socket.socket, bytes] = field(default_factory=dict)

    def other(self, sock: socket.socket) -> socket.socket:
        return self.server if sock is self.client else self.client


class Proxy:
    """Forwards 127.0.0.1:``port`` to the server's port, from a thread of its own."""

    def __init__(self, target: int):
        self._target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ)
        self._pairs: dict[socket.socket, _Pair] = {}
        self._lock = threading.Lock()
        self._blackholed = False
        self._stopping = False
        self.accepted = 0  # connections made through it, ever
        # Wakes the thread when told something (a socket pair: no timed polling).
        self._wake_r, self._wake_w = socket.socketpair()
        self._selector.register(self._wake_r, selectors.EVENT_READ)
        self._thread = threading.Thread(target=self._run, name="test-proxy", daemon=True)
        self._thread.start()

    def via(self, server: PgServer) -> PgServer:
        """The same server, reached through this proxy."""
        return PgServer(server.folder, self.port)

    def blackhole(self) -> None:
        """Drop everything from now on, closing nothing."""
        with self._lock:
            self._blackholed = True

    def resume(self) -> None:
        """Forward again; the connections that lost bytes meanwhile are cut."""
        with self._lock:
            self._blackholed = False
            for pair in {p for p in self._pairs.values() if p.damaged}:
                self._drop(pair)
        self._wake()

    def reset(self) -> None:
        """Cut every connection now (both ends see it reset)."""
        with self._lock:
            for pair in set(self._pairs.values()):
                self._drop(pair)

    def close(self) -> None:
        self._stopping = True
        self._wake()
        self._thread.join(timeout=10)
        self.reset()
        self._selector.close()
        for sock in (self._listener, self._wake_r, self._wake_w):
            sock.close()

    @property
    def connections(self) -> int:
        with self._lock:
            return len({id(p) for p in self._pairs.values()})

    def _wake(self) -> None:
        with suppress(OSError):
            self._wake_w.send(b"x")

    def _run(self) -> None:
        while not self._stopping:
            for key, _ in self._selector.select():
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                if sock is self._wake_r:
                    sock.recv(4096)
                elif sock is self._listener:
                    self._accept()
                else:
                    self._forward(sock)

    def _accept(self) -> None:
        client, _ = self._listener.accept()
        self.accepted += 1
        try:
            server = socket.create_connection(("127.0.0.1", self._target))
        except OSError:
            client.close()
            return
        pair = _Pair(client, server)
        with self._lock:
            self._pairs[client] = self._pairs[server] = pair
            for sock in (client, server):
                self._selector.register(sock, selectors.EVENT_READ)

    def _forward(self, sock: socket.socket) -> None:
        with self._lock:
            pair = self._pairs.get(sock)
            if pair is None:
                return
            try:
                data = sock.recv(65536)
            except OSError:
                data = b""
            if not data:  # one end went: so does the other
                self._drop(pair)
            elif self._blackholed:
                pair.damaged = True
            else:
                try:
                    pair.other(sock).sendall(data)
                except OSError:
                    self._drop(pair)

    def _drop(self, pair: _Pair) -> None:
        """Cut both ends with a reset (called with the lock held)."""
        for sock in (pair.client, pair.server):
            if self._pairs.pop(sock, None) is not None:
                with suppress(KeyError, ValueError):
                    self._selector.unregister(sock)
                with suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.close()


@contextmanager
def proxied(server: PgServer) -> Iterator[Proxy]:
    proxy = Proxy(server.port)
    try:
        yield proxy
    finally:
        proxy.close()


@contextmanager
def stopped(pid: int) -> Iterator[None]:
    """A server process stopped (SIGSTOP) for the block, as a hung server is; continued
    on leaving, whatever happened."""
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)
