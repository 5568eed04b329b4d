"""How long the window is unresponsive when the server does not answer mid-edit (issue 15,
"Faults": never a frozen window), and what running the server's calls on a thread of
their own costs a commit.

A throw-away PostgreSQL server on loopback (tests/pg_server.py) reached through a proxy
that can drop everything (tests/faults.py); alice's annotation window (offscreen) with
answer_timeout=3. A 10 ms timer stamps each of its ticks; the longest gap between ticks
is how long the window did not answer. Measured with the window's waiter (the window
paints while it waits) and without it (the call blocks the GUI thread, as before):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_faults
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from functools import partial
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.model import NewDocument
from annotator.storage.postgres import waiting as server_waiting
from annotator.storage.postgres.engine import PostgresEngine
from annotator.storage.project import Project
from annotator.ui import waiting
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from benchmarks.bench_live import cpu, until
from tests.faults import Proxy, proxied, stopped
from tests.pg_server import running_server
from tests.server.conftest import Team, make_team

TEXT = "قال الوزير إن الحكومة ستجتمع غدا في القاهرة لبحث الأزمة"
ANSWER_S = 3


def tag(win: MainWindow, word: str, key: Qt.Key) -> None:
    start = TEXT.index(word)
    cursor = win.view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)
    QTest.keyClick(win.view, key)


def longest_gap(fault: Callable[[], Any], edit: Callable[[], None]) -> tuple[float, float]:
    """The longest gap between a 10 ms timer's ticks from 300 ms before an edit made under
    ``fault`` until 300 ms after it; and the edit's own wall time (both in ms)."""
    stamps: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
    loop = QEventLoop()
    took: list[float] = []

    def press() -> None:
        with fault():
            t0 = time.perf_counter()
            edit()
            took.append((time.perf_counter() - t0) * 1000)
        QTimer.singleShot(300, loop.quit)

    timer.start()
    QTimer.singleShot(300, press)
    loop.exec()
    timer.stop()
    return longest(stamps), took[0]


def longest(stamps: list[float]) -> float:
    """The longest gap between successive stamps, in ms."""
    return max(b - a for a, b in itertools.pairwise(stamps)) * 1000


@contextmanager
def blackholed(proxy: Proxy) -> Iterator[None]:
    proxy.blackhole()
    try:
        yield
    finally:
        proxy.resume()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200, help="commits timed per way")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication([])
    print(f"load average: {os.getloadavg()[0]:.1f}")
    with running_server() as server, proxied(server) as proxy:
        team = make_team(server)
        with Project.open(team.url("carol")) as carol:
            carol.add_documents([NewDocument("news", TEXT)])
            news = carol.document("news").id
        quick = f"&answer_timeout={ANSWER_S}&connect_timeout=2"
        url = Team(proxy.via(server), team.project).url("alice") + quick
        win = MainWindow(Project.open(url), "alice", Settings())
        win.show()
        win.session.open_document(news)
        watcher = win.guard.watcher
        engine = win.project.engine
        assert isinstance(engine, PostgresEngine)

        def back() -> None:
            until(lambda: not watcher.lost, 60)

        faults: dict[str, Callable[[], Any]] = {
            "network blackholed": lambda: blackholed(proxy),
            "server process stopped": lambda: stopped(engine.conn.info.backend_pid),
        }
        words = iter(["الوزير", "الحكومة", "القاهرة", "الأزمة"])
        ways = (("blocking (before)", None), ("waiting painting", waiting.wait_painting))
        for way, waiter in ways:
            for fault_name, fault in faults.items():
                server_waiting.install_waiter(waiter)
                word = next(words)
                c0 = cpu()
                gap, took = longest_gap(fault, partial(tag, win, word, Qt.Key.Key_3))
                print(
                    f"{way}, {fault_name}: longest gap between ticks {gap:,.0f} ms "
                    f"(the edit took {took:,.0f} ms, ended: {win.notice.text()[:40]!r}; "
                    f"processor {(cpu() - c0) * 1000:,.0f} ms)"
                )
                back()
        server_waiting.install_waiter(waiting.wait_painting)
        # While the server stays away: the window's tries to reach it again.
        stamps: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
        with blackholed(proxy):
            tag(win, "غدا", Qt.Key.Key_3)
            timer.start()
            tries = watcher.tries
            until(lambda: watcher.tries >= tries + 3, 60)
            timer.stop()
        print(
            f"server away, {watcher.tries - tries} tries to reach it: longest gap between "
            f"ticks {longest(stamps):,.0f} ms"
        )
        back()
        win.close()
        win.project.close()

        # What the call thread costs a commit (loopback, no proxy).
        with Project.open(team.url("alice")) as alice:
            hop = alice.engine
            assert isinstance(hop, PostgresEngine)
            for way, direct in (("on the GUI thread (before)", True), ("call thread", False)):
                patched = nullcontext() if not direct else _direct(hop)
                with patched:
                    walls, cpus = [], []
                    for _ in range(args.rounds):
                        t0, c0 = time.perf_counter(), cpu()
                        span = alice.add_annotation(news, "alice", "PER", 4, 10)
                        alice.delete_annotation(span.id)
                        walls.append((time.perf_counter() - t0) * 500)  # per commit
                        cpus.append((cpu() - c0) * 500)
                print(
                    f"commit ({way}): median {statistics.median(walls):.2f} ms wall, "
                    f"{statistics.median(cpus):.2f} ms processor"
                )
    print(f"load average: {os.getloadavg()[0]:.1f}")


@contextmanager
def _direct(engine: PostgresEngine) -> Iterator[None]:
    """The engine's calls made on the caller's thread, as before the call thread."""
    engine._call = lambda call, seconds=None: call()  # type: ignore[method-assign]
    try:
        yield
    finally:
        del engine._call


if __name__ == "__main__":
    main()
