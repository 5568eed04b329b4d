"""Who may do what on a server project, enforced by the database itself: tried through
plain SQL, as a person with psql or a script of their own would, not through the app."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from annotator.storage.postgres.server import add_user
from tests.server.conftest import PASSWORD, Team

SPANS = "SELECT id FROM annotations ORDER BY id"


def rows(conn: psycopg.Connection[tuple[object, ...]], query: str) -> list[object]:
    return [r[0] for r in conn.execute(query.encode())]


def insert_span(conn: psycopg.Connection[tuple[object, ...]], span: str, annotator: int) -> None:
    conn.execute(
        'INSERT INTO annotations (id, document_id, annotator_id, label_id, start, "end", '
        "text, created, modified) VALUES (%s, 1, %s, 1, 4, 10, 'الوزير', 'now', 'now')",
        (span, annotator),
    )


def test_an_annotator_changes_their_own_work(team: Team) -> None:
    with team.sql("alice") as alice:
        insert_span(alice, "a3", 1)
        alice.execute("UPDATE annotations SET start = 1 WHERE id = 'a1'")
        alice.execute("DELETE FROM annotations WHERE id = 'a2'")
        alice.execute("UPDATE document_status SET status = 'done' WHERE annotator_id = 1")
    with team.sql() as admin:
        assert rows(admin, SPANS) == ["a1", "a3", "b1", "b2", "g1"]
        assert rows(admin, "SELECT start FROM annotations WHERE id = 'a1'") == [1]
        assert rows(admin, "SELECT status FROM document_status ORDER BY annotator_id") == [
            "done",
            "done",
        ]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE annotations SET start = 1 WHERE id = 'b1'",
        "DELETE FROM annotations WHERE id = 'b1'",
        "UPDATE annotations SET annotator_id = 1 WHERE id = 'b1'",  # taking it over
        "UPDATE annotations SET annotator_id = 2 WHERE id = 'a1'",  # passing one's own on
        "DELETE FROM relations WHERE id = 'rb'",
        "UPDATE relations SET type = 'speaker' WHERE id = 'rb'",
        "DELETE FROM document_status WHERE annotator_id = 2",
        "UPDATE document_status SET status = 'not_started' WHERE annotator_id = 2",
        "INSERT INTO document_status VALUES (1, 3, 'done', 'now')",
        "INSERT INTO relations VALUES ('rx', 'b1', 'a1', 'speaker', 'now')",
    ],
)
def test_an_annotator_cannot_touch_a_colleagues_work(team: Team, statement: str) -> None:
    with team.sql() as admin:
        before = admin.execute("SELECT * FROM annotations, relations ORDER BY 1, 2").fetchall()
        statuses = admin.execute("SELECT * FROM document_status ORDER BY 1, 2").fetchall()
    with team.sql("alice") as alice, pytest.raises(errors.InsufficientPrivilege) as refused:
        alice.execute(statement.encode())
    message = refused.value.diag.message_primary or ""
    assert message.startswith("alice may not change") or "row-level security" in message
    with team.sql() as admin:
        assert admin.execute("SELECT * FROM annotations, relations ORDER BY 1, 2").fetchall() == (
            before
        )
        assert admin.execute("SELECT * FROM document_status ORDER BY 1, 2").fetchall() == statuses


def test_the_refusal_says_whose_work_it_is(team: Team) -> None:
    with team.sql("alice") as alice, pytest.raises(errors.InsufficientPrivilege) as refused:
        alice.execute("DELETE FROM annotations WHERE id = 'b1'")
    assert refused.value.diag.message_primary == "alice may not change annotations of bob"


def test_an_annotator_cannot_write_under_a_colleagues_name(team: Team) -> None:
    with team.sql("alice") as alice:
        with pytest.raises(errors.InsufficientPrivilege):
            insert_span(alice, "x1", 2)
        with pytest.raises(errors.InsufficientPrivilege):
            insert_span(alice, "x2", 3)  # gold
        with pytest.raises(errors.InsufficientPrivilege):
            alice.execute("INSERT INTO annotators (name) VALUES ('mallory')")
    with team.sql() as admin:
        assert rows(admin, SPANS) == ["a1", "a2", "b1", "b2", "g1"]


def test_a_newcomer_joins_as_themselves(team: Team) -> None:
    add_user(team.admin_url, "dina", PASSWORD, curator=False)
    with team.sql("dina") as dina:
        dina.execute("INSERT INTO annotators (name) VALUES ('dina')")
        insert_span(dina, "d1", 4)
    with team.sql() as admin:
        assert rows(admin, "SELECT name FROM annotators ORDER BY id") == [
            "alice",
            "bob",
            "gold",
            "dina",
        ]


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO documents (name, text, length, sha256, created) VALUES "
        "('two', 'x', 1, 'y', 'now')",
        "DELETE FROM documents",
        "UPDATE labels SET color = '#ffffff'",
        "INSERT INTO labels (name, kind, color, position) VALUES ('TOPIC', 'entity', '#fff', 9)",
        "UPDATE relation_types SET description = 'speaker'",
        "UPDATE meta SET value = '0' WHERE key = 'schema_version'",
        "INSERT INTO meta VALUES ('blind_annotation', '1')",
        "INSERT INTO gold_provenance (annotation_id, strategy, decided) "
        "VALUES ('g1', 'curator', 'now')",
        "INSERT INTO curation_status VALUES (1, 'done', 'alice', 'now')",
        "INSERT INTO gold_rejected VALUES (1, 'PER', 0, 3, 'alice', 'now')",
        "UPDATE annotators SET name = 'eve' WHERE name = 'bob'",
        "DELETE FROM documents_search",
    ],
)
def test_only_curators_write_documents_schema_settings_and_gold(team: Team, statement: str) -> None:
    with team.sql("alice") as alice, pytest.raises(errors.InsufficientPrivilege):
        alice.execute(statement.encode())
    with team.sql("carol") as carol:
        carol.execute(statement.encode())


def test_a_curator_writes_anyones_work_and_gold(team: Team) -> None:
    with team.sql("carol") as carol:
        carol.execute("UPDATE annotations SET start = 1 WHERE id = 'b1'")
        carol.execute("DELETE FROM annotations WHERE id = 'a2'")
        insert_span(carol, "g2", 3)
        insert_span(carol, "a9", 1)  # an import on alice's behalf
        carol.execute("UPDATE document_status SET status = 'done' WHERE annotator_id = 1")
        carol.execute("INSERT INTO annotators (name) VALUES ('model:crf')")
    with team.sql() as admin:
        assert rows(admin, SPANS) == ["a1", "a9", "b1", "b2", "g1", "g2"]


def test_blind_projects_hide_colleagues_work_from_annotators_only(team: Team) -> None:
    everything = ["a1", "a2", "b1", "b2", "g1"]
    with team.sql("alice") as alice:
        assert rows(alice, SPANS) == everything
        assert rows(alice, "SELECT id FROM annotations_view ORDER BY id") == everything
    with team.sql("carol") as carol:
        carol.execute("INSERT INTO meta VALUES ('blind_annotation', '1')")
    with team.sql("alice") as alice:
        assert rows(alice, SPANS) == ["a1", "a2"]
        # the view is read with alice's rights, not its owner's
        assert rows(alice, "SELECT id FROM annotations_view ORDER BY id") == ["a1", "a2"]
        assert rows(alice, "SELECT id FROM relations") == ["ra"]
        assert rows(alice, "SELECT annotator_id FROM document_status") == [1]
        assert rows(alice, "SELECT count(*) FROM gold_provenance") == [0]
        # what she cannot see she cannot change either, and that changes nothing
        alice.execute("DELETE FROM annotations WHERE id = 'b1'")
    with team.sql("bob") as bob:
        assert rows(bob, SPANS) == ["b1", "b2"]
    with team.sql("carol") as carol:
        assert rows(carol, SPANS) == everything
        carol.execute("UPDATE meta SET value = '0' WHERE key = 'blind_annotation'")
    with team.sql("alice") as alice:
        assert rows(alice, SPANS) == everything


def test_someone_outside_the_project_reads_nothing(team: Team) -> None:
    with team.sql() as admin:
        admin.execute("DROP ROLE IF EXISTS stranger")
        admin.execute("CREATE ROLE stranger LOGIN PASSWORD 'team-secret'")
    with team.sql("stranger") as stranger, pytest.raises(errors.InsufficientPrivilege):
        stranger.execute(f"SELECT * FROM {team.project}.annotations".encode())


def test_every_committed_change_is_announced_to_listeners(team: Team) -> None:
    with team.sql("bob") as listener, team.sql("alice") as alice:
        listener.execute(f'LISTEN "annotator.{team.project}"'.encode())
        with alice.transaction():
            insert_span(alice, "a3", 1)
            alice.execute("UPDATE document_status SET status = 'done' WHERE annotator_id = 1")
        heard = {n.payload for n in listener.notifies(timeout=10, stop_after=2)}
    assert heard == {"annotations", "document_status"}
