"""The window when the server does not answer: a network that silently drops packets
(a proxy told to forward nothing, closing nothing) or a hung server process (stopped).
The window keeps painting and its timers keep firing while an edit waits, the annotator
cannot start another edit meanwhile, the edit ends "not saved" after the URL's
answer_timeout, the window connects again by itself when the server answers, and the
project then holds exactly what the window showed and said."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.errors import ConnectionLostError
from annotator.core.model import Status
from annotator.storage.project import Project
from annotator.ui.doclist import status_text
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.faults import Proxy, proxied, stopped
from tests.server import test_live_window as live
from tests.server.conftest import Team
from tests.server.test_live_window import RECONNECT_MS, listed_row, stored, tag_word
from tests.ui.conftest import _isolated_settings, show_active  # noqa: F401 (a fixture)

# Small bounds, so that a test waits a second where a user would wait half a minute.
QUICK = "&answer_timeout=1&connect_timeout=2"
WAITING = "Waiting for the server…"
news = live.news  # the fixture: a document the curator imported


@pytest.fixture
def proxy(team: Team) -> Iterator[Proxy]:
    with proxied(team.server) as proxy:
        yield proxy


def open_window(qtbot: QtBot, url: str, news: int) -> MainWindow:
    win = MainWindow(Project.open(url), "alice", Settings())
    show_active(qtbot, win)
    win.session.open_document(news)
    return win


class WhileWaiting(QObject):
    """What the window does while an edit waits: a timer's ticks (what the status bar
    says, and whether the cursor is busy, at each), the status bar's repaints, and a key
    the annotator presses meanwhile."""

    def __init__(self, qtbot: QtBot, win: MainWindow):
        super().__init__()
        self.qtbot, self.win = qtbot, win
        self.ticks: list[tuple[str, bool]] = []
        self.paints = 0
        self.pressed = False
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        win.statusBar().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.timer.isActive():
            self.paints += 1
        return False

    def waits(self) -> int:
        """How many times the window said it was waiting, between ticks that it was not."""
        said = [message == WAITING for message, _ in self.ticks]
        return sum(1 for i, now in enumerate(said) if now and (i == 0 or not said[i - 1]))

    def _tick(self) -> None:
        message = self.win.statusBar().currentMessage()
        self.ticks.append((message, QApplication.overrideCursor() is not None))
        if message == WAITING and not self.pressed:
            self.pressed = True
            # Another label's key on the same selection: must not start a second edit.
            self.qtbot.keyClick(self.win.view, Qt.Key.Key_5)


def test_a_blackholed_network_mid_edit_keeps_the_window_alive_and_nothing_is_lost(
    qtbot: QtBot, team: Team, news: int, proxy: Proxy
) -> None:
    url = Team(proxy.via(team.server), team.project).url("alice") + QUICK
    alice = open_window(qtbot, url, news)
    tag_word(qtbot, alice, "الوزير", Qt.Key.Key_3)
    assert stored(team, news, "alice") == [("PER", "الوزير")]
    meanwhile = WhileWaiting(qtbot, alice)

    proxy.blackhole()
    meanwhile.timer.start()
    tag_word(qtbot, alice, "الحكومة", Qt.Key.Key_4)  # returns once the edit gave up
    meanwhile.timer.stop()
    assert meanwhile.ticks, "no timer fired while the edit waited"
    assert (WAITING, True) in meanwhile.ticks  # said so, with a busy cursor
    assert meanwhile.paints > 0  # and painted it
    # Once: what the window reads after the failed edit does not wait for the server again.
    assert meanwhile.waits() == 1
    assert meanwhile.pressed
    assert alice.statusBar().currentMessage() != WAITING
    assert QApplication.overrideCursor() is None
    assert alice.notice.kind == "error"
    assert alice.notice.text().startswith("Not saved: add span.")
    assert "did not answer within 1 seconds" in alice.notice.text()
    assert [a.text for a in alice.session.annotations()] == ["الوزير"]  # not shown as saved
    assert alice.session.undo_stack.count() == 1  # the key pressed meanwhile did nothing
    assert stored(team, news, "alice") == [("PER", "الوزير")]

    # Trying to reach the server again holds the window no more: the annotator can read
    # and scroll while the network is down.
    watcher = alice.guard.watcher
    meanwhile.ticks.clear()
    meanwhile.timer.start()
    qtbot.waitUntil(lambda: watcher.tries >= 3, timeout=RECONNECT_MS)
    meanwhile.timer.stop()
    assert meanwhile.ticks and not any(busy for _, busy in meanwhile.ticks)

    proxy.resume()
    qtbot.waitUntil(
        lambda: "Connected to the server again" in alice.notice.text(), timeout=RECONNECT_MS
    )
    assert "Not saved while it was away: add span" in alice.notice.text()
    assert stored(team, news, "alice") == [("PER", "الوزير")]  # nothing came late
    tag_word(qtbot, alice, "الحكومة", Qt.Key.Key_4)  # made again, as the notice asks
    assert stored(team, news, "alice") == [("ORG", "الحكومة"), ("PER", "الوزير")]
    assert sorted(a.text for a in alice.session.annotations()) == ["الحكومة", "الوزير"]
    alice.close()
    alice.project.close()


def backends(team: Team) -> set[object]:
    with team.sql() as admin:
        return {r[0] for r in admin.execute("SELECT pid FROM pg_stat_activity")}


def status(team: Team, news: int) -> Status:
    with Project.open(team.url()) as admin:
        return admin.status(news, "alice")


def test_a_hung_server_process_ends_the_edit_not_saved_and_never_commits_it_late(
    qtbot: QtBot, team: Team, news: int
) -> None:
    alice = open_window(qtbot, team.url("alice") + QUICK, news)
    tag_word(qtbot, alice, "الوزير", Qt.Key.Key_3)
    assert status(team, news) == Status.IN_PROGRESS
    pid = alice.project.engine.conn.info.backend_pid  # type: ignore[attr-defined]
    meanwhile = WhileWaiting(qtbot, alice)
    with stopped(pid):
        meanwhile.timer.start()
        # Marking done goes out whole, its commit included: the hung process holds it.
        qtbot.keyClick(alice.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        meanwhile.timer.stop()
        assert (WAITING, True) in meanwhile.ticks
        assert alice.notice.text().startswith("Not saved: mark done.")
        assert alice.session.undo_stack.count() == 1
        # The server itself answers: the window connects again while that process hangs.
        qtbot.waitUntil(
            lambda: "Connected to the server again" in alice.notice.text(), timeout=RECONNECT_MS
        )
    # Continued, the hung process finds itself ended before it reads what it was sent.
    qtbot.waitUntil(lambda: pid not in backends(team), timeout=RECONNECT_MS)
    assert status(team, news) == Status.IN_PROGRESS
    assert listed_row(alice, news)[2] == status_text(Status.IN_PROGRESS)
    qtbot.keyClick(alice.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert status(team, news) == Status.DONE
    alice.close()
    alice.project.close()


def test_opening_a_server_project_that_does_not_answer_keeps_the_window_alive(
    qtbot: QtBot, team: Team, news: int, proxy: Proxy
) -> None:
    alice = open_window(qtbot, team.url("alice") + QUICK, news)
    meanwhile = WhileWaiting(qtbot, alice)
    proxy.blackhole()
    meanwhile.timer.start()
    # What File › Open does with the URL of a server the network no longer reaches.
    with pytest.raises(ConnectionLostError):
        Project.open(Team(proxy.via(team.server), team.project).url("alice") + QUICK)
    meanwhile.timer.stop()
    assert meanwhile.ticks, "no timer fired while the project was being opened"
    assert (WAITING, True) in meanwhile.ticks
    alice.close()
    alice.project.close()
