"""A server project made by the release before server schemas had versions (server schema
1: tests/fixtures/server/schema1.sql, made by that release's code) opened with today's:
its owner upgrades it (rights, triggers and functions those of a new project, every row
kept, the bulk import working), anyone else is told in one line who must, and changes
nothing; two owners at once upgrade it once."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from annotator.core.errors import NotAllowedError
from annotator.storage.postgres import ddl, search, staging
from annotator.storage.postgres.location import parse_location
from annotator.storage.project import Project
from annotator.storage.schema_sql import APPLICATION_ID
from tests.cli_runner import invoke, one_error_line
from tests.pg_server import PgServer
from tests.server.conftest import OWNER, Team, old_project

_numbers = itertools.count()


@pytest.fixture
def old(pg_server: PgServer) -> Iterator[Team]:
    yield old_project(pg_server)


def rows(team: Team) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, as the superuser sees them."""
    with team.sql() as conn:
        return {
            table: [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in ddl.table_names()
        }


def rights(team: Team) -> set[tuple[str, ...]]:
    """The project's policies, triggers, functions, owners and grants as the server says
    them, with the project's name as P: two projects' compare."""
    queries = [
        "SELECT 'policy', tablename, policyname, cmd, roles::text, coalesce(qual, ''), "
        "coalesce(with_check, '') FROM pg_policies WHERE schemaname = %(s)s",
        "SELECT 'trigger', pg_get_triggerdef(t.oid) FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE c.relnamespace = %(s)s::regnamespace AND NOT t.tgisinternal",
        "SELECT 'function', pg_get_functiondef(p.oid), p.proowner::regrole::text, "
        "coalesce(p.proacl::text, '') FROM pg_proc p WHERE p.pronamespace = %(s)s::regnamespace",
        "SELECT 'table', relname, relowner::regrole::text, coalesce(relacl::text, ''), "
        "relrowsecurity::text FROM pg_class WHERE relnamespace = %(s)s::regnamespace",
    ]
    with team.sql() as conn:
        return {
            tuple(str(v).replace(team.project, "P") for v in row)
            for query in queries
            for row in conn.execute(query, {"s": team.project})
        }


def server_schema(team: Team) -> str | None:
    with team.sql() as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'server_schema'").fetchone()
        return None if row is None else str(row[0])


def refused(url: str) -> str:
    """What `annotator list URL` says: one line, with exit status 2."""
    code, out, err = invoke("list", url)
    assert (code, out) == (2, "")
    one_error_line(err, parse_location(url).shown)
    return err


def may_import_in_bulk(team: Team, user: str) -> bool:
    with team.sql(user) as conn:
        row = conn.execute(staging.MAY_STAGE).fetchone()
        return bool(row and row[0])


def new_project(server: PgServer) -> Team:
    """A project made by today's annotator, by the same owner."""
    team = Team(server, f"new{next(_numbers)}")
    Project.create(team.url(OWNER)).close()
    return team


@pytest.mark.parametrize("opener", [OWNER, "admin"])
def test_the_owner_opening_an_old_project_upgrades_it_and_keeps_every_row(
    old: Team, pg_server: PgServer, opener: str, tmp_path: Path
) -> None:
    """As the owner, or a superuser (who upgrades it as the owner: what is made is the
    owner's, and the owner is who the policies name)."""
    before = rows(old)
    assert any(r[0] == "function" and "is_curator()" in r[1] for r in rights(old))
    assert server_schema(old) is None
    assert not may_import_in_bulk(old, "carol")

    long_word = "ت" * 3000
    with Project.open(old.url(opener)) as project:
        assert project.document_count() == 3
        # Its index had left the word out (PostgreSQL's 2 KB a word): found now, as on a file.
        assert [hit.document.name for hit in project.search(long_word)] == ["كلمة طويلة"]

    assert server_schema(old) == str(ddl.SERVER_SCHEMA)
    assert rights(old) == rights(new_project(pg_server))
    after = rows(old)
    assert after["meta"] == sorted([*before["meta"], ("server_schema", str(ddl.SERVER_SCHEMA))])
    assert [r[0] for r in after["documents_search"] if search.PARTIAL in str(r[1])] == [3]
    for table in set(before) - {"meta", "documents_search"}:
        assert after[table] == before[table], table

    # The bulk import of a curator works (its functions were missing), and the rights
    # hold: alice writes her own work, not bob's.
    articles = tmp_path / "more.jsonl"
    articles.write_text(
        "".join(
            json.dumps({"name": f"n{i}", "text": f"خبر رقم {i} عن المدينة"}) + "\n"
            for i in range(5)
        )
    )
    assert may_import_in_bulk(old, "carol")
    code, out, err = invoke("import", old.url("carol"), articles)
    assert (code, err) == (0, ""), err
    assert "imported 5 documents" in out
    with Project.open(old.url("alice")) as alice:
        assert alice.document_count() == 8
        mine = alice.add_annotation(1, "alice", "QUOTE", 0, 3)
        assert mine.text == "قال"
        bobs = [a for a in alice.annotations(1) if a.annotator == "bob"]
        with pytest.raises(NotAllowedError, match="may not change annotations of bob"):
            alice.delete_annotation(bobs[0].id)


@pytest.mark.parametrize("who", ["alice", "carol"])
def test_anyone_else_is_told_in_one_line_who_must_upgrade_it_and_nothing_changes(
    old: Team, who: str
) -> None:
    before_rows, before_rights = rows(old), rights(old)
    assert (
        f"(server schema 1; this one needs {ddl.SERVER_SCHEMA}): its owner, {OWNER}, must open "
        "it once with this version, or run `annotator server upgrade URL`; nothing was changed"
    ) in refused(old.url(who))
    assert rows(old) == before_rows
    assert rights(old) == before_rights


def test_server_upgrade_upgrades_it_once_and_says_what_changed(old: Team) -> None:
    url = old.url(OWNER)
    shown = parse_location(url).shown
    code, out, err = invoke("server", "upgrade", url)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"upgraded {shown} from server schema 1 to {ddl.SERVER_SCHEMA}:",
        f"  2: {ddl.SERVER_VERSIONS[1].changes}",
    ]
    code, out, err = invoke("server", "upgrade", url)
    assert (code, out, err) == (0, f"{shown} is up to date (server schema 2)\n", "")
    code, out, err = invoke("server", "upgrade", old.url("alice"))
    assert (code, out) == (
        0,
        f"{parse_location(old.url('alice')).shown} is up to date (server schema 2)\n",
    )


def test_a_project_of_a_newer_server_schema_is_refused_in_one_line(old: Team) -> None:
    Project.open(old.url(OWNER)).close()
    with old.sql() as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'server_schema'")
    before = rows(old)
    assert (
        f"was made by a newer version of annotator (server schema 99, this version reads up "
        f"to {ddl.SERVER_SCHEMA}); upgrade annotator to open it"
    ) in refused(old.url(OWNER))
    assert rows(old) == before


def test_two_owners_opening_it_at_once_upgrade_it_once(old: Team) -> None:
    """Both wait on the project's upgrade lock (held here until both are waiting); the
    first upgrades, the second finds it done: no error, no deadlock, one upgrade."""
    url = old.url(OWNER)
    command = [sys.executable, "-m", "annotator", "server", "upgrade", url]
    with old.sql() as holder:
        holder.execute(
            "SELECT pg_advisory_lock(%s::integer, hashtext(%s))", (APPLICATION_ID, old.project)
        )
        openers = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        _until_waiting(holder, 2)
        assert server_schema(old) is None  # neither has changed anything yet
        holder.execute(
            "SELECT pg_advisory_unlock(%s::integer, hashtext(%s))", (APPLICATION_ID, old.project)
        )
    results = [p.communicate(timeout=120) for p in openers]
    assert [p.returncode for p in openers] == [0, 0], results
    outs = sorted(out.splitlines()[0] for out, _ in results)
    shown = parse_location(url).shown
    assert outs == [
        f"{shown} is up to date (server schema 2)",
        f"upgraded {shown} from server schema 1 to 2:",
    ]
    assert server_schema(old) == "2"


def _until_waiting(conn: psycopg.Connection[tuple[object, ...]], n: int) -> None:
    """Until ``n`` sessions wait for an advisory lock (bounded: the openers are processes
    that start in a second or two; a failure to get there fails the test)."""
    done = threading.Event()
    for _ in range(1200):
        row = conn.execute(
            "SELECT count(*)::integer FROM pg_locks "
            "WHERE locktype = 'advisory' AND NOT granted AND classid = %s::integer::oid",
            (APPLICATION_ID,),
        ).fetchone()
        if row is not None and row[0] == n:
            return
        done.wait(0.1)
    raise AssertionError(f"the {n} openers never waited for the upgrade's lock")


def test_a_version_that_changes_a_table_upgrades_in_one_transaction(
    old: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a (pretend) next server schema: its table changes run before the rights are
    made again; one that fails leaves the project as it was, rights and all."""
    from annotator.storage.postgres import upgrade

    Project.open(old.url(OWNER)).close()
    before_rows, before_rights = rows(old), rights(old)
    added = "ALTER TABLE documents ADD COLUMN language TEXT"
    for tables, ok in (((added, "SELECT 1 / 0"), False), ((added,), True)):
        monkeypatch.setattr(upgrade, "SERVER_SCHEMA", ddl.SERVER_SCHEMA + 1)
        next_version = ddl.ServerVersion("a language for each document", tables)
        monkeypatch.setattr(upgrade, "SERVER_VERSIONS", (*ddl.SERVER_VERSIONS, next_version))
        if not ok:
            said = refused(old.url(OWNER))
            assert "could not be upgraded from server schema 2 to 3 (division by zero)" in said
            assert rows(old) == before_rows and rights(old) == before_rights
            continue
        with Project.open(old.url(OWNER)) as project:
            assert project.document_count() == 3
        assert server_schema(old) == "3"
        assert rights(old) == before_rights
        with old.sql() as conn:
            conn.execute("SELECT language FROM documents")


def test_a_copy_keeps_its_own_server_schema(old: Team, pg_server: PgServer, tmp_path: Path) -> None:
    """The version is the server project's own: a file copied from one holds none, and a
    server project copied from a file has the version it was made with."""
    path = tmp_path / "copy.annotator"
    assert invoke("copy", old.url(OWNER), path)[0] == 0
    with Project.open(path) as copied:
        assert copied.settings.get("server_schema") == ""
        assert copied.document_count() == 3
    again = Team(pg_server, f"new{next(_numbers)}")
    assert invoke("copy", path, again.url())[0] == 0
    assert server_schema(again) == str(ddl.SERVER_SCHEMA)


def test_a_project_of_the_release_that_kept_no_version_but_had_schema_2_opens_as_it_is(
    team: Team,
) -> None:
    """Projects made by session 4's annotator, before versions were kept, have server
    schema 2 (their bulk import functions tell): an annotator opens one, nothing changes."""
    with team.sql() as conn:
        conn.execute("DELETE FROM meta WHERE key = 'server_schema'")
    before_rows, before_rights = rows(team), rights(team)
    with Project.open(team.url("alice")) as alice:
        assert alice.document_count() == 1
    assert server_schema(team) is None
    assert rows(team) == before_rows and rights(team) == before_rights


def test_a_colleagues_change_under_way_holds_the_upgrade_off_then_it_goes_through(
    old: Team,
) -> None:
    """The upgrade waits for the tables at most the URL's lock_timeout, then says to try
    again, having changed nothing."""
    url = old.url(OWNER) + "&options=-c%20lock_timeout%3D200ms"
    with old.sql() as colleague, colleague.transaction():
        colleague.execute("UPDATE annotations SET modified = modified WHERE id = 'a1'")
        said = refused(url)
        assert "colleagues' work held its tables for too long; nothing was changed" in said
        assert server_schema(old) is None
    Project.open(url).close()
    assert server_schema(old) == str(ddl.SERVER_SCHEMA)
