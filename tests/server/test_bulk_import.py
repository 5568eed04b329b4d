"""A curator's import on a server goes in bulk, through functions that run with the project
owner's rights (storage/postgres/staging.py): it must write what the same import row by
row writes, change nothing when it fails, and give nobody a right they lack by plain SQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import errors

from annotator.core.errors import NotAllowedError
from annotator.core.model import (
    MAX_DOCUMENT_CHARS,
    Annotation,
    NewDocument,
    Relation,
    Status,
    text_sha256,
)
from annotator.storage.postgres import staging
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from tests.cli_runner import invoke
from tests.pg_server import PgServer, running_server
from tests.server.conftest import PASSWORD, Team, make_team

TEXT = "قال الوزير إن الحكومة"  # the team's document "one"
NEW = "أعلنت الوزارة اليوم خطة جديدة"
CALLS = [
    "SELECT import_documents(ARRAY[9], ARRAY['x'], ARRAY['نص'], ARRAY[2], ARRAY['s'], "
    "ARRAY[''], ARRAY['{}'], ARRAY['now'])",
    "SELECT import_annotations(ARRAY['x1'], ARRAY[1], ARRAY[2], ARRAY[1], ARRAY[0], ARRAY[3], "
    "ARRAY['قال'], ARRAY['{}'], ARRAY['now'], ARRAY['now'])",
    "SELECT import_relations(ARRAY['rx'], ARRAY['b1'], ARRAY['b2'], ARRAY['speaker'], "
    "ARRAY['now'])",
    "SELECT import_statuses(ARRAY[1], ARRAY[2], ARRAY['done'], ARRAY['now'])",
]


def everything(team: Team) -> list[list[tuple[object, ...]]]:
    """Every row of the tables an import writes, as the superuser sees them."""
    with team.sql() as admin:
        return [
            admin.execute(f"SELECT * FROM {table} ORDER BY 1, 2".encode()).fetchall()
            for table in ("documents", "annotations", "relations", "document_status")
        ] + [
            admin.execute(b"SELECT document_id, words FROM documents_search ORDER BY 1").fetchall()
        ]


def the_import() -> list[NewDocument]:
    """Work on behalf of alice and bob: a new document, and new spans (one already there)
    on the team's document "one"."""
    bob = Annotation("b9", 0, "bob", "PER", 4, 10, "")
    alice = Annotation("a1", 0, "alice", "CLAIM", 0, 3, "")  # already there (its id a1)
    return [
        NewDocument(
            "news",
            NEW,
            annotations=(Annotation("n1", 0, "alice", "PER", 0, 5, ""),),
            status={"alice": Status.DONE},
        ),
        NewDocument(
            "one again",
            TEXT,
            annotations=(alice, bob, Annotation("b8", 0, "bob", "QUOTE", 11, 21, "")),
            relations=(Relation("r9", "b8", "b9", "speaker"),),
            status={"bob": Status.DONE},
        ),
    ]


@pytest.fixture(scope="module")
def server() -> Iterator[PgServer]:
    """A server of this module's own: it makes several teams a test, and the teams'
    numbering (conftest's, imported here) is this module's only."""
    with running_server() as own:
        yield own


@pytest.fixture
def team(server: PgServer) -> Team:
    """The team's project, its document "one" known by its text's hash, as an import
    finds a document already there."""
    return with_hash(make_team(server))


def with_hash(team: Team) -> Team:
    with team.sql() as admin:
        admin.execute("UPDATE documents SET sha256 = %s WHERE id = 1", (text_sha256(TEXT),))
    return team


@pytest.fixture
def bulk_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The relations each bulk write added: one entry an import that went in bulk."""
    calls: list[int] = []
    write = staging.write

    def counted(*args: object) -> int:
        added = write(*args)  # type: ignore[arg-type]
        calls.append(added)
        return added

    monkeypatch.setattr(staging, "write", counted)
    return calls


def test_a_curators_import_goes_in_bulk_and_writes_what_row_by_row_writes(
    server: PgServer, bulk_calls: list[int]
) -> None:
    bulk, by_row = with_hash(make_team(server)), with_hash(make_team(server))
    with by_row.sql() as admin:  # the way without the functions: row by row
        curators = f'"annotator.{by_row.project}.curators"'
        admin.execute(f"REVOKE EXECUTE ON FUNCTION import_annotations FROM {curators}".encode())
    reports = []
    for team in (bulk, by_row):
        with Project.open(team.url("carol")) as carol:
            reports.append(carol.add_documents(the_import()))
    assert bulk_calls == [1]  # the second went row by row
    assert reports[0] == reports[1]
    assert reports[0].added == ["news"] and reports[0].duplicates == [("one again", "one")]
    assert (reports[0].annotations, reports[0].skipped_annotations) == (3, 1)
    ours, theirs = everything(bulk), everything(by_row)
    # The same rows but for when they were made: each table's columns of time stamps.
    stamps = {"documents": {7}, "annotations": {8, 9}, "relations": {4}, "document_status": {3}}
    for (table, made), mine, other in zip(stamps.items(), ours, theirs, strict=False):

        def timeless(
            rows: list[tuple[object, ...]], made: set[int] = made
        ) -> list[tuple[object, ...]]:
            return [tuple(v for i, v in enumerate(r) if i not in made) for r in rows]

        assert timeless(mine) == timeless(other), table
    assert ours[4] == theirs[4]
    with Project.open(bulk.url("alice")) as alice:
        assert [h.document.name for h in alice.search("الوزارة")] == ["news"]
        assert alice.status_store.statuses_of("alice") == {1: Status.IN_PROGRESS, 2: Status.DONE}


def test_the_owners_import_goes_in_bulk_too(team: Team, bulk_calls: list[int]) -> None:
    with Project.open(team.admin_url) as owner:
        owner.add_documents(the_import())
    assert bulk_calls == [1]


def test_an_annotators_import_goes_row_by_row_under_the_policies(
    team: Team, bulk_calls: list[int]
) -> None:
    before = everything(team)
    with Project.open(team.url("alice")) as alice:
        report = alice.add_documents(
            [
                NewDocument(
                    "one again", TEXT, annotations=(Annotation("", 0, "alice", "PER", 4, 10, ""),)
                )
            ]
        )
        assert report.annotations == 1
        with pytest.raises(NotAllowedError, match="alice may not"):
            alice.add_documents(the_import())
    assert bulk_calls == []
    assert len(everything(team)[1]) == len(before[1]) + 1


@pytest.mark.parametrize("call", CALLS)
def test_an_annotator_may_not_call_the_import_functions(team: Team, call: str) -> None:
    before = everything(team)
    with team.sql("alice") as alice, pytest.raises(errors.InsufficientPrivilege):
        alice.execute(call.encode())
    assert everything(team) == before


def test_a_curator_of_another_project_may_not_call_them(team: Team, server: PgServer) -> None:
    other = make_team(server)
    add_user(other.admin_url, "erin", PASSWORD, curator=True)
    before = everything(team)
    with other.sql("erin") as erin:
        for call in CALLS:
            with pytest.raises(errors.InsufficientPrivilege):
                erin.execute(call.replace("SELECT ", f"SELECT {team.project}.").encode())
    assert everything(team) == before


def test_a_curator_calling_them_by_hand_gets_what_plain_sql_gives(team: Team) -> None:
    """The functions write only rows a curator may write by plain SQL, and keep the
    constraints: a span on a document that is not there is refused."""
    with team.sql("carol") as carol:
        for call in CALLS:
            carol.execute(call.encode())
        with pytest.raises(errors.ForeignKeyViolation):
            carol.execute(
                CALLS[1].replace("ARRAY['x1'], ARRAY[1]", "ARRAY['x2'], ARRAY[99]").encode()
            )
    with team.sql() as admin:
        assert admin.execute(b"SELECT name FROM documents ORDER BY id").fetchall() == [
            ("one",),
            ("x",),
        ]


def test_a_curators_temporary_table_does_not_stand_in_for_the_projects(team: Team) -> None:
    """The functions' search path puts the caller's temporary tables last: a temporary
    ``annotations`` of the curator's own does not catch the import's spans."""
    with Project.open(team.url("carol")) as carol:
        conn: psycopg.Connection[tuple[object, ...]] = carol.engine.conn  # type: ignore[attr-defined]
        conn.execute(b"CREATE TEMPORARY TABLE annotations (LIKE annotations)")
        carol.add_documents(the_import()[:1])
        assert conn.execute(b"SELECT count(*) FROM pg_temp.annotations").fetchone() == (0,)
    with team.sql() as admin:
        assert admin.execute(b"SELECT id FROM annotations WHERE id = 'n1'").fetchone() == ("n1",)


def test_a_failed_bulk_import_changes_nothing(team: Team, tmp_path: Path) -> None:
    """Rule 5: the server refusing a row half-way through (here a trigger of the
    superuser's, on the second document) leaves the project as it was, and says so in one
    line; the next import goes through."""
    with team.sql() as admin:
        admin.execute(
            b"CREATE FUNCTION no_second() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            b"IF NEW.name = 'second' THEN RAISE EXCEPTION 'no second document'; END IF; "
            b"RETURN NEW; END $$"
        )
        admin.execute(
            b"CREATE TRIGGER no_second BEFORE INSERT ON documents "
            b"FOR EACH ROW EXECUTE FUNCTION no_second()"
        )
    source = tmp_path / "two.jsonl"
    records = [
        {
            "name": "first",
            "text": NEW,
            "annotations": [{"start": 0, "end": 5, "label": "PER", "annotator": "bob"}],
        },
        {"name": "second", "text": "نص ثان", "annotations": []},
    ]
    source.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    before = everything(team)
    code, _, err = invoke("import", team.url("carol"), source)
    assert code == 2 and "no second document" in err and len(err.strip().splitlines()) == 1
    assert everything(team) == before
    with team.sql() as admin:
        admin.execute(b"DROP TRIGGER no_second ON documents")
    code, _, err = invoke("import", team.url("carol"), source)
    assert code == 0, err
    assert len(everything(team)[0]) == len(before[0]) + 2


def test_a_document_of_megabytes_goes_through(team: Team) -> None:
    """A statement of megabytes in a pipelined write stalls psycopg's pipeline (both
    sides wait); an import's write is not pipelined, so its 20 MB document goes."""
    with Project.open(team.url("carol")) as carol:
        report = carol.add_documents([NewDocument("long", "م" * MAX_DOCUMENT_CHARS)])
        assert report.added == ["long"]
        assert len(carol.document("long").text) == MAX_DOCUMENT_CHARS
