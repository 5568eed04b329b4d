"""An edit on a server project waits for the server once: its statements go out together
and every check (the span's text, the span still there, whose it is) is the server's,
answered with the commit. A round trip is most of what an edit costs on a server
(benchmarks/RESULTS.md, issue 15), so a second one creeping in is a regression."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from annotator.core.errors import GoneError, NotAllowedError
from annotator.core.model import Status
from annotator.storage.edits import AddAnnotation, DeleteAnnotation, UpdateAnnotation
from annotator.storage.project import Project
from tests.round_trips import Relay, relay_to
from tests.server.conftest import Team

TEXT = "قال الوزير إن الحكومة"  # the team's document (conftest.make_team)


@pytest.fixture
def relay(team: Team) -> Iterator[Relay]:
    with relay_to(team.server.port) as relay:
        yield relay


def waits(relay: Relay, edit: Callable[[], object]) -> int:
    before = relay.count()
    edit()
    return relay.count() - before


def test_each_edit_of_an_annotator_is_one_round_trip(team: Team, relay: Relay) -> None:
    with Project.open(relay.url(team.url("alice"))) as p:
        p.delete_annotation(p.add_annotation(1, "alice", "PER", 0, 3).id)  # names, labels read
        span = p.add_annotation(1, "alice", "PER", 4, 10)
        assert waits(relay, lambda: p.add_annotation(1, "alice", "LOC", 11, 15)) == 1
        assert waits(relay, lambda: p.update_annotation(span.id, label="ORG")) == 1
        assert waits(relay, lambda: p.update_annotation(span.id, start=5, end=9)) == 1
        assert waits(relay, lambda: p.set_status(1, "alice", Status.DONE)) == 1
        assert waits(relay, lambda: p.delete_annotation(span.id)) == 1
        made = [a for a in p.annotations(1, "alice") if a.id not in ("a1", "a2")]
        assert [(a.label, a.start, a.text) for a in made] == [("LOC", 11, TEXT[11:15])]
        assert p.status(1, "alice") is Status.DONE


def test_the_windows_edits_and_their_undo_are_one_round_trip_each(team: Team, relay: Relay) -> None:
    with Project.open(relay.url(team.url("alice"))) as p:
        p.delete_annotation(p.add_annotation(1, "alice", "PER", 0, 3).id)
        add = AddAnnotation(1, "alice", "PER", 4, 10)
        relabel = UpdateAnnotation(add.id, label="ORG")
        delete = DeleteAnnotation(add.id)
        assert waits(relay, lambda: add.apply(p)) == 1
        assert waits(relay, lambda: relabel.apply(p)) == 1
        assert waits(relay, lambda: delete.apply(p)) == 1
        delete.revert(p)
        assert p.annotation(add.id).label == "ORG"


def test_a_span_already_gone_is_told_from_the_same_round_trip(team: Team, relay: Relay) -> None:
    with Project.open(relay.url(team.url("alice"))) as p:
        p.delete_annotation(p.add_annotation(1, "alice", "PER", 0, 3).id)
        before = relay.count()
        with pytest.raises(GoneError, match="no-such-span"):
            p.delete_annotation("no-such-span")
        assert relay.count() - before == 1
        with pytest.raises(NotAllowedError, match="bob"):  # the database's refusal, as before
            p.delete_annotation("b1")
        assert {a.id for a in p.annotations(1, "bob")} == {"b1", "b2"}
