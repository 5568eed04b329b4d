"""A server that does not answer, without a window (the command line, a script): the call
ends after the URL's answer_timeout as a lost connection, nothing of it is saved, and
what follows at once fails at once instead of waiting for the server again."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future
from typing import Any

import pytest

from annotator.core.errors import ConnectionLostError, ProjectBusyError
from annotator.core.model import NewDocument
from annotator.storage.postgres import waiting
from annotator.storage.project import Project
from tests.faults import Proxy, proxied
from tests.server.conftest import Team

QUICK = "&answer_timeout=1&connect_timeout=2"


@pytest.fixture
def proxy(team: Team) -> Iterator[Proxy]:
    with proxied(team.server) as proxy:
        yield proxy


def spans(team: Team, doc: int) -> list[tuple[str, int, int]]:
    with Project.open(team.url()) as admin:
        return [(a.label, a.start, a.end) for a in admin.annotations(doc, "alice")]


def test_a_server_that_does_not_answer_ends_the_call_and_is_not_asked_again_at_once(
    team: Team, proxy: Proxy
) -> None:
    with Project.open(team.url("carol")) as carol:
        carol.add_documents([NewDocument("news", "قال الوزير إن الحكومة")])
        doc = carol.document("news").id
    url = Team(proxy.via(team.server), team.project).url("alice") + QUICK
    with Project.open(url) as alice:
        alice.changed_elsewhere()  # listening too, as a window does
        proxy.blackhole()
        with pytest.raises(ConnectionLostError, match="did not answer within 1 seconds"):
            alice.add_annotation(doc, "alice", "PER", 4, 10)
        tried = proxy.accepted
        with pytest.raises(ConnectionLostError, match="did not answer within 1 seconds"):
            alice.statuses_of("alice")
        assert proxy.accepted == tried  # failed at once: not even a connection tried
        assert spans(team, doc) == []

        proxy.resume()
        alice.reachable()  # what a window's try to reach the server asks
        alice.add_annotation(doc, "alice", "PER", 4, 10)
    assert spans(team, doc) == [("PER", 4, 10)]


def test_a_call_made_while_another_is_waited_for_follows_it_but_not_into_its_transaction(
    team: Team,
) -> None:
    """A window waits painting, so its timers and the notices of colleagues' work can call
    the project while a call is waited for (the waiter here makes such a call once)."""
    with Project.open(team.url("carol")) as carol:
        carol.add_documents([NewDocument("news", "قال الوزير إن الحكومة")])
        doc = carol.document("news").id
    with Project.open(team.url("alice")) as alice:
        meanwhile: list[object] = []
        documents = alice.document_count()
        before = alice.statuses_of("alice")

        def a_timer_fires(future: Future[Any], seconds: float) -> None:
            waiting.install_waiter(None)
            try:
                meanwhile.append(alice.document_count())
            except ProjectBusyError as exc:
                meanwhile.append(str(exc))
            waiting.block(future, seconds)

        try:
            waiting.install_waiter(a_timer_fires)
            assert alice.statuses_of("alice") == before  # a read: the timer's call follows it
            assert meanwhile == [documents]
            with alice.engine.transaction():  # an edit's transaction: not into its middle
                waiting.install_waiter(a_timer_fires)
                alice.add_annotation(doc, "alice", "PER", 4, 10)
        finally:
            waiting.install_waiter(None)
        assert len(meanwhile) == 2
        assert str(meanwhile[1]).endswith(
            "not done: still waiting for the server to answer the change before"
        )
    assert spans(team, doc) == [("PER", 4, 10)]
