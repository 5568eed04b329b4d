"""The windows on a server project, as a team uses them: colleagues' commits show within
a moment (LISTEN/NOTIFY, no polling), and when the server goes away or the connection
breaks, what was not saved is named, nothing is lost silently, and the window connects
again by itself."""

from __future__ import annotations

import select
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from annotator.core.model import GOLD, NewDocument, Status
from annotator.review.gold import accept
from annotator.storage.postgres.ddl import NOTIFIED_DOCUMENTS
from annotator.storage.postgres.engine import PostgresEngine
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from annotator.ui.doclist import status_text
from annotator.ui.i18n import install_translator
from annotator.ui.live import ChangeWatcher
from annotator.ui.review.dashboard import AgreementDashboard
from annotator.ui.review.gold_beside import GoldBeside
from annotator.ui.review.window import ReviewWindow
from annotator.ui.settings import Settings
from annotator.ui.stats_view import StatsView
from annotator.ui.window import MainWindow
from tests.cli_runner import invoke, one_error_line
from tests.pg_server import PgServer, running_server, start_again, stop_now
from tests.present import present
from tests.server.conftest import PASSWORD, Team, make_team
from tests.ui.conftest import _isolated_settings, show_active  # noqa: F401 (a fixture)

TEXT = "قال الوزير إن الحكومة ستجتمع"
# Bounds for waiting on the event loop (never sleeps): a notice arrives in milliseconds;
# reconnecting after a restart waits for the retry timer.
LIVE_MS = 5_000
RECONNECT_MS = 40_000

OpenWindow = Callable[[str], MainWindow]


@pytest.fixture
def news(team: Team) -> int:
    """A document the curator imported; its id."""
    with Project.open(team.url("carol")) as carol:
        carol.add_documents([NewDocument("news", TEXT)])
        return carol.document("news").id


@pytest.fixture
def window_as(qtbot: QtBot, team: Team, news: int) -> Iterator[OpenWindow]:
    """Opens the annotation window on the team's project as one of its people, on the
    news document."""
    opened: list[MainWindow] = []

    def open_as(user: str) -> MainWindow:
        win = MainWindow(Project.open(team.url(user)), user, Settings())
        show_active(qtbot, win)
        win.session.open_document(news)
        opened.append(win)
        return win

    yield open_as
    for win in opened:
        win.close()
        win.project.close()


def tag_word(qtbot: QtBot, win: MainWindow, word: str, key: Qt.Key) -> None:
    """Select ``word`` in the article and press a label's key, as the annotator does."""
    start = TEXT.index(word)
    cursor = win.view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)
    qtbot.keyClick(win.view, key)


def beside_texts(win: MainWindow) -> list[str]:
    return [a.text for a in win.view.beside.in_order()]


def stored(team: Team, news: int, who: str) -> list[tuple[str, str]]:
    """(label, text) of ``who``'s spans on the news document, as the server holds them."""
    with Project.open(team.url()) as admin:
        return sorted((a.label, a.text) for a in admin.annotations(news, who))


# ----- live --------------------------------------------------------------------------


def test_a_colleagues_spans_appear_beside_ones_own_as_they_commit(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    alice = window_as("alice")
    alice.show_beside("bob")
    assert alice.view.beside.in_order() == []
    with Project.open(team.url("bob")) as bob:  # another annotator, elsewhere
        bob.add_annotation(news, "bob", "PER", 4, 10)
    qtbot.waitUntil(lambda: beside_texts(alice) == ["الوزير"], timeout=LIVE_MS)
    assert "(1 in this document)" in alice.beside_line.text()
    assert alice.session.annotations() == []  # alice's own layer is untouched


def test_ones_own_spans_from_another_window_and_new_documents_appear(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    first, second = window_as("alice"), window_as("alice")
    first.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first)
    first.view.setFocus()
    tag_word(qtbot, first, "الحكومة", Qt.Key.Key_4)
    assert stored(team, news, "alice") == [("ORG", "الحكومة")]
    qtbot.waitUntil(
        lambda: [a.text for a in second.session.annotations()] == ["الحكومة"], timeout=LIVE_MS
    )
    second.session.open_document("one")
    first.done_action.trigger()  # news, marked done in the first window
    qtbot.waitUntil(
        lambda: listed_row(second, news)[2] == status_text(Status.DONE), timeout=LIVE_MS
    )
    with Project.open(team.url("carol")) as carol:  # the curator imports an article
        carol.add_documents([NewDocument("later", "خبر عاجل")])
    qtbot.waitUntil(lambda: second.documents.tree.topLevelItemCount() == 3, timeout=LIVE_MS)


def test_the_review_window_and_statistics_see_annotators_work_as_it_is_committed(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    carol = window_as("carol")
    review = carol.review_menu.review()
    assert isinstance(review, ReviewWindow)
    review.open_document(news)
    review.set_chosen(["alice", "bob"])
    stats = carol.review_menu.statistics()
    assert isinstance(stats, StatsView)

    def alices_people_count() -> int:
        return stats.charts[0].data.value("alice", "PER")

    assert review.units == [] and alices_people_count() == 0
    with Project.open(team.url("alice")) as alice:
        alice.add_annotation(news, "alice", "PER", 4, 10)
    qtbot.waitUntil(lambda: len(review.units) == 1, timeout=LIVE_MS)
    qtbot.waitUntil(lambda: alices_people_count() == 1, timeout=LIVE_MS)
    # A curator elsewhere adds a document and finishes "one": a row added, a status set,
    # the rows made once (a mark that making them again would lose stays).
    curation = review.documents
    for i in range(curation.topLevelItemCount()):
        present(curation.topLevelItem(i)).setData(0, MARK, "kept")
    with Project.open(team.url("carol")) as elsewhere:
        elsewhere.add_documents([NewDocument("later", "خبر عاجل")])
        elsewhere.gold.set_curation_status(elsewhere.document("one").id, Status.DONE, "carol")
    qtbot.waitUntil(lambda: curation.topLevelItemCount() == 3, timeout=LIVE_MS)
    qtbot.waitUntil(
        lambda: present(curation.topLevelItem(0)).text(1) == status_text(Status.DONE),
        timeout=LIVE_MS,
    )
    rows = [present(curation.topLevelItem(i)) for i in range(3)]
    assert [(r.text(0), r.data(0, MARK)) for r in rows] == [
        ("\u2068one\u2069", "kept"),
        ("\u2068news\u2069", "kept"),
        ("\u2068later\u2069", None),
    ]
    assert curation.currentItem() is rows[1]  # news, still the one reviewed


def test_an_annotator_who_joins_is_offered_in_review_without_changing_the_lanes(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    review = window_as("carol").review_menu.review()
    assert isinstance(review, ReviewWindow)
    review.open_document(news)
    assert review.chosen() == ["alice", "bob"]
    add_user(team.admin_url, "dina", PASSWORD, curator=False)
    dina_url = team.url("alice").replace("alice:", "dina:")
    with Project.open(dina_url) as dina:  # her first span makes her an annotator
        dina.add_annotation(news, "dina", "PER", 4, 10)
    picker = review.annotators_list
    qtbot.waitUntil(lambda: picker.count() == 3, timeout=LIVE_MS)
    assert review.chosen() == ["alice", "bob"] and review.units == []  # lanes as chosen
    dina_row = present(picker.item(2))
    assert dina_row.text() == "\u2068dina\u2069"
    rect = picker.visualItemRect(dina_row)
    check = QPoint(rect.left() + rect.height() // 2, rect.center().y())  # its box
    qtbot.mouseClick(picker.viewport(), Qt.MouseButton.LeftButton, pos=check)
    assert review.chosen() == ["alice", "bob", "dina"]
    assert [v.annotators for u in review.units for v in u.versions] == [("dina",)]


def test_the_agreement_dashboard_follows_the_annotators_work(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    carol = window_as("carol")
    dashboard = carol.review_menu.dashboard()
    assert isinstance(dashboard, AgreementDashboard)
    qtbot.waitUntil(lambda: dashboard.report is not None, timeout=LIVE_MS)
    assert dashboard.report is not None and dashboard.report.documents == 1  # "one"
    table = dashboard.documents
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(table, 0))
    assert table.currentRow() == 0
    with Project.open(team.url("alice")) as alice, Project.open(team.url("bob")) as bob:
        alice.add_annotation(news, "alice", "PER", 4, 10)
        bob.add_annotation(news, "bob", "PER", 4, 10)
    qtbot.waitUntil(
        lambda: dashboard.report is not None and dashboard.report.documents == 2, timeout=LIVE_MS
    )
    assert "Documents compared: 2" in dashboard.summary.text()
    names = [present(table.item(r, 0)).data(Qt.ItemDataRole.UserRole) for r in range(2)]
    assert sorted(names) == ["news", "one"]
    current = present(table.item(table.currentRow(), 0))
    assert current.data(Qt.ItemDataRole.UserRole) == "one"  # still the row chosen


def row_centre(table: QTableWidget, row: int) -> QPoint:
    return table.visualItemRect(present(table.item(row, 0))).center()


def test_compare_with_gold_shows_the_curators_decisions_as_they_are_made(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    alice = window_as("alice")
    tag_word(qtbot, alice, "الوزير", Qt.Key.Key_3)
    beside = alice.review_menu.compare_with_gold()
    assert isinstance(beside, GoldBeside)
    assert [a.text for a in beside.diff.only_annotator] == ["الوزير"]
    assert "Marked: 1 of your spans not in gold, 0 gold" in beside.summary.text()
    (span,) = alice.session.annotations()
    with Project.open(team.url("carol")) as carol:
        accept(carol, span.id, "carol")
    qtbot.waitUntil(lambda: beside.diff.only_annotator == [], timeout=LIVE_MS)
    assert [a.text for a in beside.gold.index.in_order()] == ["الوزير"]
    assert "Marked: 0 of your spans not in gold, 0 gold" in beside.summary.text()


def test_a_notice_names_the_tables_a_colleague_changed(team: Team, news: int) -> None:
    """What lets a window read again only what changed (the documents list of 10,000
    documents is not read again for each colleague's span)."""
    with Project.open(team.url("alice")) as alice, Project.open(team.url("bob")) as bob:
        assert isinstance(alice.engine, PostgresEngine)
        alice.changed_elsewhere()  # listening from now on
        bob.add_annotation(news, "bob", "PER", 4, 10)
        assert alice.engine.wait_for_change(10)
        assert "annotations" in (alice.tables_changed() or ())
        assert "documents" not in (alice.tables_changed() or ())
        assert alice.tables_changed() == frozenset()


def test_a_notice_names_the_documents_a_curator_added_or_removed(team: Team) -> None:
    def heard(alice: Project) -> frozenset[int] | None:
        assert isinstance(alice.engine, PostgresEngine)
        assert alice.changed_elsewhere() or alice.engine.wait_for_change(10)
        return alice.documents_changed()

    with Project.open(team.url("alice")) as alice, Project.open(team.url("carol")) as carol:
        alice.changed_elsewhere()  # listening from now on
        carol.add_documents([NewDocument("a", "أ"), NewDocument("b", "ب")])
        b = carol.document("b").id
        added = frozenset({carol.document("a").id, b})
        assert heard(alice) == added
        assert alice.documents_changed() == frozenset()  # told once
        with team.sql() as admin:
            admin.execute("DELETE FROM documents WHERE name = 'b'")  # by hand
            assert heard(alice) == frozenset({b})
            # A statement changing more than a notice names: "the documents" (the list
            # compares its rows with the project's).
            admin.execute(
                "INSERT INTO documents (name, text, length, sha256, created) "
                "SELECT 'n' || i, 'نص', 2, 'sha' || i, 'now' FROM generate_series(0, %s) i",
                (NOTIFIED_DOCUMENTS,),
            )
            assert heard(alice) is None


def test_a_curators_new_documents_are_added_to_the_list_not_the_list_built_again(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    alice = window_as("alice")
    tree = alice.documents.tree
    # A mark that building the list again would lose.
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    for item in rows:
        assert item is not None
        item.setData(0, MARK, "kept")
    with Project.open(team.url("carol")) as carol:
        # Brought with alice's progress on it (an import of her earlier work, say).
        carol.add_documents([NewDocument("later", "خبر عاجل", status={"alice": Status.DONE})])
        later = carol.document("later").id
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 3, timeout=LIVE_MS)
    assert listed(alice) == [
        ("\u2068one\u2069", "kept"),
        ("\u2068news\u2069", "kept"),
        ("\u2068later\u2069", None),
    ]
    assert listed_row(alice, later) == ["8", "0", status_text(Status.DONE)]
    with team.sql() as admin:  # a curator removes one, by hand
        admin.execute("DELETE FROM documents WHERE name = 'one'")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2, timeout=LIVE_MS)
    assert listed(alice) == [("\u2068news\u2069", "kept"), ("\u2068later\u2069", None)]


MARK = Qt.ItemDataRole.UserRole + 7


def listed(win: MainWindow) -> list[tuple[str, object]]:
    """The documents list's names, each with its mark (None: a row made since)."""
    tree = win.documents.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [(i.text(0), i.data(0, MARK)) for i in items if i is not None]


def listed_row(win: MainWindow, doc_id: int) -> list[str]:
    """The length, span count and status the documents list shows for a document."""
    tree = win.documents.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    (item,) = [i for i in items if i is not None and i.data(0, Qt.ItemDataRole.UserRole) == doc_id]
    return [item.text(c) for c in (1, 2, 3)]


# ----- not missing a notice -------------------------------------------------------------


@pytest.fixture
def watched(qtbot: QtBot, team: Team) -> Iterator[tuple[Project, ChangeWatcher, list[set[str]]]]:
    """alice's project, its watcher, and the tables of each batch the watcher announced."""
    project = Project.open(team.url("alice"))
    watcher = ChangeWatcher(project)
    batches: list[set[str]] = []
    watcher.changed.connect(lambda: batches.append(set(watcher.tables or {"everything"})))
    yield project, watcher, batches
    watcher.stop()
    project.close()


def announced(batches: list[set[str]]) -> set[str]:
    return set().union(*batches)


def arrived(project: Project) -> None:
    """Until the server's notice is on the listening socket (it follows a commit's return
    by a moment): what the watcher would then have to find by itself."""
    socket = project.change_socket()
    assert socket is not None
    assert select.select([socket], [], [], LIVE_MS / 1000)[0], "no notice arrived"


def test_a_notice_arriving_between_reading_the_notices_and_watching_again_is_not_missed(
    qtbot: QtBot,
    team: Team,
    news: int,
    watched: tuple[Project, ChangeWatcher, list[set[str]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project, _watcher, batches = watched
    read = project.tables_changed

    def bob_commits_meanwhile() -> frozenset[str] | None:
        """The watcher has read the notices and not yet watched the socket again: bob
        commits, once, and his notice arrives then."""
        tables = read()
        monkeypatch.setattr(project, "tables_changed", read)
        with Project.open(team.url("bob")) as bob:
            bob.add_annotation(news, "bob", "PER", 4, 10)
        arrived(project)
        return tables

    monkeypatch.setattr(project, "tables_changed", bob_commits_meanwhile)
    with Project.open(team.url("bob")) as bob:
        bob.set_status(news, "bob", Status.DONE)
    qtbot.waitUntil(lambda: "annotations" in announced(batches), timeout=LIVE_MS)


def test_a_notice_arriving_while_the_windows_read_is_not_missed(
    qtbot: QtBot,
    team: Team,
    news: int,
    watched: tuple[Project, ChangeWatcher, list[set[str]]],
) -> None:
    project, watcher, batches = watched

    def bob_commits_while_read() -> None:
        if len(batches) == 1:  # the first batch: bob commits again while it is read
            with Project.open(team.url("bob")) as bob:
                bob.add_annotation(news, "bob", "PER", 4, 10)
            arrived(project)

    watcher.changed.connect(bob_commits_while_read)
    with Project.open(team.url("bob")) as bob:
        bob.set_status(news, "bob", Status.DONE)
    qtbot.waitUntil(lambda: len(batches) == 2, timeout=LIVE_MS)
    assert batches == [{"document_status"}, {"annotations", "document_status"}]


# ----- refused edits -----------------------------------------------------------------


def test_what_the_database_refuses_is_one_line_on_the_command_line(
    team: Team, news: int, tmp_path: Path
) -> None:
    article = tmp_path / "mine.txt"
    article.write_text("نص", encoding="utf-8")
    shown = team.url("alice").replace(":" + PASSWORD + "@", "@")
    code, _, err = invoke("import", team.url("alice"), article)
    assert code == 2
    one_error_line(err, shown)
    assert "alice may not change documents: only curators can" in err
    with Project.open(team.url()) as admin:
        assert [d.name for d in admin.documents()] == ["one", "news"]


def test_what_the_database_refuses_is_named_in_the_window(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    alice = window_as("alice")
    alice.blind_action.trigger()  # only curators change the project's settings
    assert alice.notice.kind == "error"
    assert "Not saved: blind annotation: " in alice.notice.text()
    assert "alice may not change the project's settings: only curators can" in alice.notice.text()
    assert alice.session.undo_stack.count() == 0
    with Project.open(team.url()) as admin:
        assert not admin.blind


def test_a_span_deleted_by_its_owner_while_the_curator_accepts_it_is_reported(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    with Project.open(team.url("alice")) as alice:
        span = alice.add_annotation(news, "alice", "PER", 4, 10)
        carol = window_as("carol")
        review = carol.review_menu.review()
        assert isinstance(review, ReviewWindow)
        review.open_document(news)
        review.set_chosen(["alice"])
        review.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
        review.view.setFocus()
        assert len(review.units) == 1
        alice.delete_annotation(span.id)  # committed before the curator's key reaches it
        qtbot.keyClick(review.view, Qt.Key.Key_A)
    message = review.statusBar().currentMessage()
    assert message.startswith("Not saved: accept: ") and "deleted it" in message
    assert review.units == []  # the lanes show what is there now
    assert review.session.undo_stack.count() == 0
    assert stored(team, news, GOLD) == []  # nothing added to gold


def test_relabelling_a_span_deleted_elsewhere_is_reported_and_the_view_follows(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    alice = window_as("alice")
    tag_word(qtbot, alice, "الوزير", Qt.Key.Key_3)
    (span,) = alice.session.annotations()
    alice.session.select(span.id)
    with Project.open(team.url("alice")) as elsewhere:
        elsewhere.delete_annotation(span.id)
    qtbot.keyClick(alice.view, Qt.Key.Key_4)  # relabel, before the notice arrives
    assert "Not saved: relabel: " in alice.notice.text()
    assert "deleted it" in alice.notice.text()
    assert alice.session.annotations() == []
    assert alice.session.undo_stack.count() == 1  # the add, still undoable in order
    assert stored(team, news, "alice") == []


# ----- the connection -----------------------------------------------------------------


def test_a_terminated_connection_is_made_again_by_itself(
    qtbot: QtBot, team: Team, news: int, window_as: OpenWindow
) -> None:
    alice = window_as("alice")
    alice.show_beside("bob")
    notices: list[str] = []
    alice.guard.watcher.connectionLost.connect(notices.append)
    with team.sql() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'alice'"
        )
    with Project.open(team.url("bob")) as bob:
        bob.add_annotation(news, "bob", "PER", 4, 10)
    qtbot.waitUntil(lambda: beside_texts(alice) == ["الوزير"], timeout=LIVE_MS)
    tag_word(qtbot, alice, "الحكومة", Qt.Key.Key_4)
    assert stored(team, news, "alice") == [("ORG", "الحكومة")]
    assert notices == []  # the server stayed: nothing to alarm the annotator with


def test_a_colleagues_lock_held_too_long_is_not_saved_and_says_so(
    qtbot: QtBot, team: Team, news: int
) -> None:
    # The URL's own settings win over the window's: a short wait for locks here.
    url = team.url("alice") + "&options=-c%20lock_timeout%3D300ms"
    alice = MainWindow(Project.open(url), "alice", Settings())
    show_active(qtbot, alice)
    alice.session.open_document(news)
    with team.sql() as admin, admin.transaction():
        admin.execute("LOCK TABLE annotations IN EXCLUSIVE MODE")  # a long import, say
        tag_word(qtbot, alice, "الوزير", Qt.Key.Key_3)
        assert alice.notice.kind == "error"
        assert alice.notice.text().startswith("Not saved: add span: ")
        assert "held what this one needed for too long" in alice.notice.text()
    tag_word(qtbot, alice, "الوزير", Qt.Key.Key_3)
    assert stored(team, news, "alice") == [("PER", "الوزير")]
    alice.close()
    alice.project.close()


@pytest.fixture
def own_server() -> Iterator[PgServer]:
    """A server of this test's own, to stop and start again, that keeps what it said it
    committed through a crash, as a real one does."""
    with running_server(durable=True) as server:
        yield server


def test_the_server_stopping_mid_session_is_shown_and_nothing_is_lost_silently(
    qtbot: QtBot, own_server: PgServer
) -> None:
    team = make_team(own_server)
    with Project.open(team.url("carol")) as carol:
        carol.add_documents([NewDocument("news", TEXT)])
        news = carol.document("news").id
    alice = MainWindow(Project.open(team.url("alice")), "alice", Settings())
    show_active(qtbot, alice)
    alice.session.open_document(news)
    tag_word(qtbot, alice, "الوزير", Qt.Key.Key_3)
    assert stored(team, news, "alice") == [("PER", "الوزير")]

    assert stop_now(own_server)
    # The listening connection's end is read at once: the window says so by itself.
    qtbot.waitUntil(lambda: "cannot be reached" in alice.notice.text(), timeout=LIVE_MS)
    tag_word(qtbot, alice, "الحكومة", Qt.Key.Key_4)
    assert alice.notice.kind == "error"
    assert alice.notice.text().startswith("Not saved: add span.")
    assert [a.text for a in alice.session.annotations()] == ["الوزير"]  # not shown as saved
    assert alice.session.undo_stack.count() == 1

    start_again(own_server, durable=True)
    qtbot.waitUntil(
        lambda: "Connected to the server again" in alice.notice.text(), timeout=RECONNECT_MS
    )
    assert "Not saved while it was away: add span" in alice.notice.text()
    tag_word(qtbot, alice, "الحكومة", Qt.Key.Key_4)
    assert stored(team, news, "alice") == [("ORG", "الحكومة"), ("PER", "الوزير")]
    qtbot.keyClick(alice.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(team, news, "alice") == [("PER", "الوزير")]
    alice.close()
    alice.project.close()


def test_an_annotator_of_a_blind_project_is_told_review_is_a_curators(
    qtbot: QtBot, team: Team, window_as: OpenWindow
) -> None:
    """Ctrl+R opened review for alice on a blind project: bob checked in its list, his
    spans and gold hidden from her, and her own span called "all agree"."""
    with team.sql("carol") as curator:
        curator.execute("INSERT INTO meta VALUES ('blind_annotation', '1')")
    alice = window_as("alice")
    qtbot.keyClick(alice.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert not reviews_shown()
    said = alice.statusBar().currentMessage()
    assert "the project is blind: alice sees only their own work" in said
    assert "a curator reviews it" in said
    carol = window_as("carol")  # a curator sees everyone's: review opens for her
    qtbot.keyClick(carol.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert len(reviews_shown()) == 1


def reviews_shown() -> list[ReviewWindow]:
    shown = QApplication.topLevelWidgets()
    return [w for w in shown if isinstance(w, ReviewWindow) and w.isVisible()]


def test_compare_with_gold_on_a_blind_project_says_gold_is_hidden_from_an_annotator(
    qtbot: QtBot, team: Team, window_as: OpenWindow
) -> None:
    """Review › Compare with gold… showed alice an empty gold side ("0 gold spans you do
    not have") though the curator had decided: gold is hidden from her while blind."""
    with team.sql("carol") as curator:
        curator.execute("INSERT INTO meta VALUES ('blind_annotation', '1')")
    alice = window_as("alice")
    compare = next(a for a in alice.actions() if a.text() == "&Compare with gold…")
    compare.trigger()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not [w for w in shown if isinstance(w, GoldBeside)]
    said = alice.statusBar().currentMessage()
    assert "the project is blind: alice sees only their own work, not the gold layer" in said


def test_a_refusal_in_the_arabic_interface_keeps_the_url_in_its_order(
    qtbot: QtBot, qapp: QApplication, team: Team, news: int, window_as: OpenWindow
) -> None:
    """In Arabic the line said "…تلقائيًا). //:postgresql" then "omar@127.0.0.1…": the
    English line with its URL, set in a right-to-left paragraph, lost its order. It is
    isolated, so that it runs left to right inside the Arabic sentence."""
    install_translator(qapp, "ar")
    try:
        alice = window_as("alice")
        alice.blind_action.trigger()  # only curators change the project's settings
        said = alice.notice.text()
    finally:
        install_translator(qapp, "en")
    prefix = "لم يُحفظ: "
    assert said.startswith(prefix + "\u2068") and said.endswith("\u2069")
    assert "postgresql://alice@" in said
