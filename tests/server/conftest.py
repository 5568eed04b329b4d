"""A project on the throw-away server for each test, with its team: the annotators
alice and bob, the curator carol, and some work of each already in it; or the same team
on a project made by the release before server schemas had versions (old_project)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from tests.pg_server import PgServer

PASSWORD = "team-secret"
_numbers = itertools.count()


@dataclass(frozen=True)
class Team:
    server: PgServer
    project: str

    def url(self, user: str = "admin") -> str:
        if user == "admin":
            return self.server.url(project=self.project)
        return self.server.url(user, PASSWORD, project=self.project)

    @property
    def admin_url(self) -> str:
        return self.url()

    def sql(self, user: str = "admin") -> psycopg.Connection[tuple[object, ...]]:
        """A plain connection as ``user``, the project's tables on its search path."""
        password = None if user == "admin" else PASSWORD
        url = self.server.url(user, password) if password else self.server.url()
        conn = psycopg.connect(url, autocommit=True, options=f"-c search_path={self.project}")
        return conn


@pytest.fixture
def team(pg_server: PgServer) -> Iterator[Team]:
    yield make_team(pg_server)


def make_team(server: PgServer) -> Team:
    """A new project on ``server`` with its people and their first work."""
    team = Team(server, f"team{next(_numbers)}")
    Project.create(team.admin_url).close()
    add_user(team.admin_url, "alice", PASSWORD, curator=False)
    add_user(team.admin_url, "bob", PASSWORD, curator=False)
    add_user(team.admin_url, "carol", PASSWORD, curator=True)
    with team.sql() as conn:
        conn.execute(
            "INSERT INTO documents (name, text, length, sha256, created) "
            "VALUES ('one', 'قال الوزير إن الحكومة', 21, 'x', 'now')"
        )
        conn.execute(
            "INSERT INTO annotators (name) VALUES ('alice'), ('bob'), ('gold')"  # ids 1, 2, 3
        )
        for span, annotator in (("a1", 1), ("a2", 1), ("b1", 2), ("b2", 2), ("g1", 3)):
            conn.execute(
                "INSERT INTO annotations (id, document_id, annotator_id, label_id, start, "
                "\"end\", text, created, modified) VALUES (%s, 1, %s, 1, 0, 3, 'قال', 'now', "
                "'now')",
                (span, annotator),
            )
        conn.execute(
            "INSERT INTO relations (id, from_id, to_id, type, created) VALUES "
            "('ra', 'a1', 'a2', 'speaker', 'now'), ('rb', 'b1', 'b2', 'speaker', 'now')"
        )
        conn.execute(
            "INSERT INTO document_status (document_id, annotator_id, status, modified) "
            "VALUES (1, 1, 'in_progress', 'now'), (1, 2, 'done', 'now')"
        )
    return team


FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "server" / "schema1.sql"
OWNER = "oldowner"  # who made the fixture's project: a role with CREATEROLE, not a superuser


def old_project(server: PgServer) -> Team:
    """A new project of server schema 1 on ``server``, owned by OWNER, with alice and bob
    (annotators) and carol (curator)."""
    team = Team(server, f"old{next(_numbers)}")
    groups = [f"annotator.{team.project}.{kind}" for kind in ("annotators", "curators")]
    with team.sql() as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (OWNER,)).fetchone():
            conn.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{PASSWORD}'")
            conn.execute(f"GRANT CREATE ON DATABASE annotator TO {OWNER}")
        for group in groups:
            conn.execute(f'CREATE ROLE "{group}" NOLOGIN')
            conn.execute(f'GRANT "{group}" TO {OWNER} WITH ADMIN OPTION')
        conn.execute(f'GRANT "{groups[0]}" TO "{groups[1]}"')
        conn.execute(FIXTURE.read_text().replace("oldschema", team.project).encode())
    for name in ("alice", "bob", "carol"):
        add_user(team.url(OWNER), name, PASSWORD, curator=name == "carol")
    return team
