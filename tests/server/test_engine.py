"""A project on the server through the product, as each person of a team uses it: the
database refuses what is not theirs, with a message naming it; others' commits are
heard; a lost connection is "not saved", and the next edit connects again."""

from __future__ import annotations

import pytest

from annotator.core.errors import NotAllowedError, UserError
from annotator.core.model import NewDocument, Status
from annotator.storage.edits import AddAnnotation, Bulk
from annotator.storage.postgres.engine import PostgresEngine
from annotator.storage.postgres.errors import ConnectionLost
from annotator.storage.project import Project
from annotator.storage.rejections import LiftRejection, reject, rejected, rejection_key, unreject
from tests.server.conftest import Team

TEXT = "قال الوزير إن الحكومة ستجتمع"


@pytest.fixture
def news(team: Team) -> int:
    """A document the curator imported, with a span of carol's on it; its id."""
    with Project.open(team.url("carol")) as carol:
        carol.add_documents([NewDocument("news", TEXT)])
        doc = carol.document("news")
        carol.add_annotation(doc.id, "carol", "PER", 4, 10)
        return doc.id


def test_each_annotator_writes_their_own_work(team: Team, news: int) -> None:
    with Project.open(team.url("alice")) as alice:
        mine = alice.add_annotation(news, "alice", "ORG", 0, 3)
        alice.update_annotation(mine.id, label="LOC")
        alice.set_status(news, "alice", Status.DONE)
        assert alice.status(news, "alice") is Status.DONE
    with Project.open(team.url()) as admin:
        assert [
            (a.annotator, a.label) for a in admin.annotations(news) if a.annotator == "alice"
        ] == [("alice", "LOC")]


def test_a_colleagues_work_is_refused_by_name(team: Team, news: int) -> None:
    with Project.open(team.url("alice")) as alice:
        (theirs,) = alice.annotations(news, "carol")
        with pytest.raises(NotAllowedError, match="alice may not change annotations of carol"):
            alice.delete_annotation(theirs.id)
        with pytest.raises(NotAllowedError, match="alice may not change the labels: only curators"):
            alice.add_labels(["TOPIC"])
        with pytest.raises(NotAllowedError, match="alice may not change the project's settings"):
            alice.set_setting(Project.BLIND, "1")
        with pytest.raises(NotAllowedError):
            alice.add_annotation(news, "bob", "PER", 0, 3)
        with pytest.raises(NotAllowedError, match="documents: only curators"):
            alice.add_documents([NewDocument("mine", "نص")])
        # the refused changes left nothing behind, and the next one goes through
        assert [a.id for a in alice.annotations(news)] == [theirs.id]
        alice.add_annotation(news, "alice", "PER", 4, 10)


def test_a_blind_project_shows_an_annotator_only_their_own(team: Team, news: int) -> None:
    with Project.open(team.url("alice")) as alice:
        alice.add_annotation(news, "alice", "ORG", 0, 3)
    with Project.open(team.url("carol")) as carol:
        carol.set_setting(Project.BLIND, "1")
    with Project.open(team.url("alice")) as alice:
        assert {a.annotator for a in alice.annotations(news)} == {"alice"}
    with Project.open(team.url("carol")) as carol:
        assert {a.annotator for a in carol.annotations(news)} == {"alice", "carol"}


def test_colleagues_commits_are_heard_not_ones_own(team: Team, news: int) -> None:
    with Project.open(team.url("alice")) as alice, Project.open(team.url("bob")) as bob:
        assert not alice.changed_elsewhere()  # the first call starts listening
        alice.add_annotation(news, "alice", "ORG", 0, 3)
        assert not alice.changed_elsewhere()
        bob.add_annotation(news, "bob", "ORG", 0, 3)
        # delivered when bob's commit returned; read it with a bounded wait, not a sleep
        assert isinstance(alice.engine, PostgresEngine)
        assert alice.engine.wait_for_change(10)
        assert not alice.changed_elsewhere()


def test_a_lost_connection_is_not_saved_and_the_next_edit_reconnects(team: Team, news: int) -> None:
    with Project.open(team.url("alice")) as alice:
        alice.add_annotation(news, "alice", "ORG", 0, 3)
        with team.sql() as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'alice'"
            )
        with pytest.raises(ConnectionLost, match="not saved"):
            alice.add_annotation(news, "alice", "PER", 4, 10)
        alice.add_annotation(news, "alice", "PER", 4, 10)
        assert sorted(a.label for a in alice.annotations(news, "alice")) == ["ORG", "PER"]


def test_the_server_gone_is_one_line_naming_the_url(team: Team) -> None:
    url = team.url("alice").replace(f":{team.server.port}/", ":1/")
    with pytest.raises(UserError, match="cannot be reached") as raised:
        Project.open(url)
    assert str(raised.value).startswith("postgresql://alice@127.0.0.1:1/annotator?project=")


def test_a_project_that_is_not_there(team: Team) -> None:
    with pytest.raises(UserError, match="no project 'nothere' on this server"):
        Project.open(team.server.url(project="nothere"))


def test_anyone_rejects_a_suggestion_and_takes_back_only_their_own(team: Team) -> None:
    with Project.open(team.url("bob")) as bob:
        reject(bob, "الوزير", "PER", "bob")
    with Project.open(team.url("alice")) as alice:
        reject(alice, "الحكومة", "ORG", "alice")
        reject(alice, "الوزير", "PER", "alice")  # bob's before: now hers
        unreject(alice, "الحكومة", "ORG")
        assert rejected(alice) == {("الوزير", "PER")}
    with team.sql() as admin:
        rows = admin.execute("SELECT text, annotator FROM suggestion_rejected").fetchall()
    assert rows == [("الوزير", "alice")]


def test_a_span_made_by_hand_lifts_only_ones_own_rejection(team: Team, news: int) -> None:
    with Project.open(team.url("bob")) as bob:
        reject(bob, "الوزير", "PER", "bob")
    with Project.open(team.url("alice")) as alice:
        reject(alice, "الحكومة", "ORG", "alice")
        own = Bulk(
            [AddAnnotation(news, "alice", "ORG", 14, 21), LiftRejection("الحكومة", "ORG", "alice")]
        )
        others = Bulk(
            [AddAnnotation(news, "alice", "PER", 4, 10), LiftRejection("الوزير", "PER", "alice")]
        )
        own.apply(alice)
        others.apply(alice)
        assert rejected(alice) == {("الوزير", "PER")}  # bob's, his to take back
        own.revert(alice)
        assert rejected(alice) == {("الوزير", "PER"), (rejection_key("الحكومة"), "ORG")}
