"""How many times a client waits for a server: a loopback TCP relay between them that
counts each time the conversation turns from the client's sending to the server's
answering. A round trip is what an edit on a server project costs beyond the work itself
(benchmarks/RESULTS.md, issue 15), so the tests hold the count per edit, and the benchmark
reports it.

A relay, not a hook in the driver: it sees what goes over the wire, whatever the driver
batched or pipelined.
"""

from __future__ import annotations

import selectors
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit


@dataclass
class Relay:
    """Listening on ``port``; ``turns`` counts the server's answers to what a client
    sent (several packets in one direction are one turn)."""

    port: int
    turns: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, url: str) -> str:
        """``url`` (a server's postgresql:// URL) through the relay instead."""
        parts = urlsplit(url)
        netloc = parts.netloc.rsplit("@", 1)
        host = f"127.0.0.1:{self.port}"
        new = f"{netloc[0]}@{host}" if len(netloc) == 2 else host
        return urlunsplit(parts._replace(netloc=new))

    def count(self) -> int:
        with self._lock:
            return self.turns

    def _turned(self) -> None:
        with self._lock:
            self.turns += 1


@contextmanager
def relay_to(port: int) -> Iterator[Relay]:
    """A relay to the server on ``port`` of the loopback, for as long as the block runs."""
    listener = socket.create_server(("127.0.0.1", 0))
    relay = Relay(listener.getsockname()[1])
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            server = socket.create_connection(("127.0.0.1", port))
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=_pass, args=(client, server, relay, stop), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield relay
    finally:
        stop.set()
        thread.join()
        listener.close()


def _pass(
    client: socket.socket, server: socket.socket, relay: Relay, stop: threading.Event
) -> None:
    """Carry bytes both ways until either side closes; count each turn to the server."""
    other = {client: server, server: client}
    last_from: socket.socket | None = None
    with selectors.DefaultSelector() as sel:
        for s in (client, server):
            sel.register(s, selectors.EVENT_READ)
        try:
            while not stop.is_set():
                for key, _ in sel.select(timeout=0.05):
                    source: socket.socket = key.fileobj  # type: ignore[assignment]
                    data = source.recv(65536)
                    if not data:
                        return
                    if source is server and last_from is client:
                        relay._turned()
                    last_from = source
                    other[source].sendall(data)
        except OSError:
            return
        finally:
            client.close()
            server.close()
