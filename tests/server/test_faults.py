"""A server that does not answer, without a window (the command line, a script): the call
ends after the URL's answer_timeout as a lost connection, nothing of it is saved, and
what follows at once fails at once instead of waiting for the server again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from annotator.core.errors import ConnectionLostError
from annotator.core.model import NewDocument
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
