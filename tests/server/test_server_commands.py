"""`annotator server init` and `annotator server add-user`, through the API and the
command, on the throw-away server."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from annotator import identity
from annotator.core.errors import UserError
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from tests.cli_runner import invoke, one_error_line
from tests.paths import SHARED
from tests.pg_server import SUPERUSER_PASSWORD, PgServer
from tests.server.conftest import PASSWORD, Team

_numbers = itertools.count()


def new_name() -> str:
    return f"cmd{next(_numbers)}"


def tables(server: PgServer, project: str) -> list[str]:
    with psycopg.connect(server.url(), autocommit=True) as conn:
        found = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
            "ORDER BY table_name",
            (project,),
        )
        return [str(r[0]) for r in found]


def test_init_makes_the_project_and_says_where_without_the_password(pg_server: PgServer) -> None:
    project = new_name()
    code, out, err = invoke("server", "init", pg_server.url(project=project))
    assert (code, err) == (0, "")
    assert out == f"created {pg_server.url(password=None, project=project)}\n"
    assert SUPERUSER_PASSWORD not in out
    assert "annotations_view" in tables(pg_server, project)


def test_init_twice_is_refused_and_changes_nothing(pg_server: PgServer) -> None:
    url = pg_server.url(project=new_name())
    Project.create(url).close()
    with pytest.raises(UserError, match="already exists"):
        Project.create(url).close()
    code, _, err = invoke("server", "init", url)
    assert code == 2
    one_error_line(err, url.replace(f":{SUPERUSER_PASSWORD}", ""))
    assert "already exists" in err


@pytest.mark.parametrize(
    ("url_of", "problem"),
    [
        (lambda s: s.url(password="wrong", project="p"), "authentication failed for 'admin'"),
        (lambda s: s.url(project="p").replace(f":{s.port}/", ":1/"), "cannot be reached"),
        (lambda s: s.url(project="p", database="nowhere"), "does not exist"),
        (lambda s: s.url(), "names no project: add ?project=NAME"),
        (lambda s: s.url(project="Bad-Name"), "must be 1 to 40 lowercase letters"),
    ],
    ids=["password", "port", "database", "no project", "project name"],
)
def test_what_cannot_be_reached_is_one_clear_line(
    pg_server: PgServer, url_of: Callable[[PgServer], str], problem: str
) -> None:
    url = url_of(pg_server)
    shown = url.replace(":wrong@", "@").replace(f":{SUPERUSER_PASSWORD}@", "@")
    with pytest.raises(UserError) as raised:
        Project.create(url).close()
    assert problem in str(raised.value) and str(raised.value).startswith(shown)
    code, out, err = invoke("server", "init", url)
    assert (code, out) == (2, "")
    one_error_line(err, shown)
    assert problem in err


def test_an_annotator_may_not_make_projects(pg_server: PgServer) -> None:
    url = pg_server.url(project=new_name())
    Project.create(url).close()
    add_user(url, "alice", PASSWORD, curator=False)
    code, _, err = invoke("server", "init", pg_server.url("alice", PASSWORD, project=new_name()))
    assert code == 2
    assert "alice may not make a project here" in err


def test_the_password_comes_from_pgpass(
    pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:*:admin:{SUPERUSER_PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    project = new_name()
    code, _, err = invoke("server", "init", pg_server.url(password=None, project=project))
    assert (code, err) == (0, "")
    assert "meta" in tables(pg_server, project)


def test_add_user_with_a_password_file_then_the_user_connects(
    pg_server: PgServer, tmp_path: Path
) -> None:
    project = new_name()
    url = pg_server.url(project=project)
    Project.create(url).close()
    secret = tmp_path / "secret"
    secret.write_text("s3cret-of-rana\n")
    code, out, err = invoke("server", "add-user", url, "rana", "--password-file", secret)
    assert (code, err) == (0, "")
    assert out.startswith("added rana as annotator of ")
    with psycopg.connect(pg_server.url("rana", "s3cret-of-rana"), autocommit=True) as conn:
        assert conn.execute(f"SELECT count(*) FROM {project}.annotations".encode()).fetchone()


def test_add_user_asks_for_the_password(pg_server: PgServer) -> None:
    from click.testing import CliRunner

    from annotator.launcher import cli

    url = pg_server.url(project=new_name())
    Project.create(url).close()
    result = CliRunner().invoke(
        cli, ["server", "add-user", url, "sami", "--curator"], input="pw-sami\npw-sami\n"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("added sami as curator of ")
    with psycopg.connect(pg_server.url("sami", "pw-sami"), autocommit=True) as conn:
        row = conn.execute(
            "SELECT pg_has_role('sami', %s, 'MEMBER')",
            (f"annotator.{url.rsplit('=', 1)[1]}.curators",),
        ).fetchone()
        assert row == (True,)


@pytest.mark.parametrize(
    ("name", "problem"),
    [("gold", "the gold layer's name"), (" x", "not a name a database role can have")],
)
def test_add_user_refuses_names_that_are_not_people(
    pg_server: PgServer, tmp_path: Path, name: str, problem: str
) -> None:
    url = pg_server.url(project=new_name())
    Project.create(url).close()
    with pytest.raises(UserError, match=problem):
        add_user(url, name, "pw", curator=False)
    secret = tmp_path / "secret"
    secret.write_text("pw\n")
    code, _, err = invoke("server", "add-user", url, name, "--password-file", secret)
    assert code == 2 and problem in err


def test_add_user_to_a_project_that_does_not_exist(pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.url(project=new_name())
    with pytest.raises(UserError, match="no project"):
        add_user(url, "rana", "pw", curator=False)
    secret = tmp_path / "secret"
    secret.write_text("pw\n")
    code, _, err = invoke("server", "add-user", url, "rana", "--password-file", secret)
    assert code == 2 and "server init" in err


def test_a_url_without_a_host_reaches_the_servers_socket(
    pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``postgresql:///DB?host=FOLDER``: libpq's own form for a Unix socket, kept whole
    (a path would make its three slashes one)."""
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)
    url = (
        f"postgresql:///annotator?host={pg_server.folder}&port={pg_server.port}&user=admin"
        f"&project={new_name()}"
    )
    code, out, err = invoke("new", url)
    assert (code, err) == (0, "")
    assert out == f"created {url}\n"
    code, out, err = invoke("stats", url, "--json")
    assert (code, err) == (0, "") and '"documents"' in out


def test_an_import_on_a_server_names_its_unnamed_annotations_after_the_login(
    team: Team,
) -> None:
    """The window's name is not who one is on a server: row-level security knows the
    login, so brat's annotations (which name no annotator) are the login's."""
    identity.store_name("huda")  # the window's name, on this machine
    brat = SHARED / "interop" / "brat"
    pair = (brat / "000-introduction.txt", brat / "000-introduction.ann")
    code, out, err = invoke("import", team.url("carol"), *pair, "--format", "brat", "--add-labels")
    assert code == 0, err
    assert "annotations that name no annotator are carol's (your login on the server" in out
    with Project.open(team.url()) as admin:
        doc = admin.document("000-introduction").id
        assert {a.annotator for a in admin.annotations(doc)} == {"carol"}


def test_someone_not_yet_added_is_told_so_not_that_the_project_is_missing(team: Team) -> None:
    """A newsroom login the owner has not added with `server add-user` opens the project:
    the line says so and how to fix it, not "no project" and `server init`."""
    with team.sql() as admin:
        admin.execute("DROP ROLE IF EXISTS newcomer")
        admin.execute(f"CREATE ROLE newcomer LOGIN PASSWORD '{PASSWORD}'")
    url = team.url("newcomer")
    code, out, err = invoke("list", url)
    assert (code, out) == (2, "")
    one_error_line(err, url.replace(f":{PASSWORD}@", "@"))
    assert f"newcomer is not a person of the project {team.project!r}" in err
    assert "server add-user" in err and "server init" not in err


def test_an_annotator_running_adjudicate_in_a_blind_project_is_refused(team: Team) -> None:
    """Blind, sara's adjudicate saw only her own work and merged nothing: it said "left
    for a person: 1 place" and exit 0, where the guide says it is refused."""
    with team.sql("carol") as carol:
        carol.execute("INSERT INTO meta VALUES ('blind_annotation', '1')")
    url = team.url("alice")
    code, out, err = invoke("adjudicate", url, "--strategy", "majority")
    assert (code, out) == (2, "")
    one_error_line(err, url.replace(f":{PASSWORD}@", "@"))
    assert "alice may not change the gold layer (only curators can)" in err
    _, _, err = invoke("adjudicate", team.url("carol"), "--strategy", "majority")
    assert "may not change the gold layer" not in err  # the curator is let through


def test_add_user_without_curator_makes_a_curator_an_annotator_again(
    team: Team, tmp_path: Path
) -> None:
    """`server add-user URL carol` on the curator carol said "added carol as annotator"
    and left her a curator: the owner believed her rights gone."""
    secret = tmp_path / "password"
    secret.write_text(PASSWORD + "\n")
    code, out, err = invoke(
        "server", "add-user", team.admin_url, "carol", "--password-file", str(secret)
    )
    assert (code, err) == (0, "")
    assert out.startswith("carol is now an annotator of ") and "no longer a curator" in out
    with Project.open(team.url("carol")) as carol:
        assert not carol.curator
    code, out, _ = invoke(
        "server", "add-user", team.admin_url, "carol", "--curator", "--password-file", str(secret)
    )
    assert code == 0 and out.startswith("added carol as curator of ")
    with Project.open(team.url("carol")) as carol:
        assert carol.curator


@pytest.mark.parametrize(
    ("command", "whose"),
    [
        (("export", "--format", "jsonl", "--annotator", "bob"), "bob's"),
        (("export", "--format", "csv", "--gold"), "the gold layer"),
        (("show", "one", "--annotator", "bob"), "bob's"),
    ],
    ids=["export bob", "export gold", "show bob"],
)
def test_asking_a_blind_project_for_a_colleagues_work_is_refused(
    team: Team, tmp_path: Path, command: tuple[str, ...], whose: str
) -> None:
    """Blind, alice's `export --annotator bob` wrote "0 annotations" (exit 0), as if bob
    had done nothing: what the project hides from her is said, as `agreement` says it."""
    with team.sql("carol") as carol:
        carol.execute("INSERT INTO meta VALUES ('blind_annotation', '1')")
    url = team.url("alice")
    verb, *rest = command
    output = ("--output", str(tmp_path / "out")) if verb == "export" else ()
    code, out, err = invoke(verb, url, *rest, *output)
    assert (code, out) == (2, "")
    one_error_line(err, url.replace(f":{PASSWORD}@", "@"))
    assert f"the project is blind: alice sees only their own work, not {whose}" in err
    assert not (tmp_path / "out").exists()
    code, _, err = invoke(verb, team.url("carol"), *rest, *output)  # a curator sees them
    assert (code, err) == (0, "")
