"""`annotator server`: make a project on a PostgreSQL server, add its people, upgrade it;
`annotator copy`: a project from a file to a server, or back."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import run
from annotator.core.errors import UserError
from annotator.core.inputs import read_input
from annotator.storage.locations import copy_project, shown
from annotator.storage.postgres.ddl import SERVER_SCHEMA, SERVER_VERSIONS
from annotator.storage.postgres.location import is_server_url
from annotator.storage.postgres.server import add_user, session
from annotator.storage.postgres.upgrade import check_project
from annotator.storage.project import Project


@click.group("server")
def server_command() -> None:
    """Share a project on a PostgreSQL server.

    URL: postgresql://USER@HOST:PORT/DATABASE?project=NAME (the password from PGPASSWORD,
    ~/.pgpass or a service file, as PostgreSQL's own tools find it).
    """


@server_command.command("init")
@click.argument("url")
def init_command(url: str) -> None:
    """Make the project that URL names: its tables, its groups, who may do what, and the
    news schema."""

    def init() -> str:
        if not is_server_url(url):
            raise UserError(
                "is not a server's URL (postgresql://USER@HOST/DATABASE?project=NAME)", url
            )
        with Project.create(url) as project:
            return project.engine.location

    click.echo(f"created {run(init)}")


@server_command.command("add-user")
@click.argument("url")
@click.argument("name")
@click.option("--curator", is_flag=True, help="May also write documents, the schema and gold.")
@click.option(
    "--password-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read the password from this file's first line instead of asking for it.",
)
def add_user_command(url: str, name: str, curator: bool, password_file: Path | None) -> None:
    """Add NAME to the project at URL: a database role that logs in with a password."""
    if password_file is not None:
        password = run(lambda: _first_line(password_file))
    else:
        password = click.prompt(
            f"password for {name}", hide_input=True, confirmation_prompt=True, err=True
        )
    added = run(lambda: add_user(url, name, password, curator))
    shown = added.location.shown
    if added.demoted:
        click.echo(f"{name} is now an annotator of {shown} (no longer a curator)")
    else:
        click.echo(f"added {name} as {'curator' if curator else 'annotator'} of {shown}")


@server_command.command("upgrade")
@click.argument("url")
def upgrade_command(url: str) -> None:
    """Bring the project at URL up to this version of annotator: its tables, rights and
    functions (its owner only; the owner opening it does the same)."""

    def upgrade() -> tuple[str, int]:
        with session(url) as (location, conn):
            return location.shown, check_project(conn, location)

    shown, found = run(upgrade)
    if found == SERVER_SCHEMA:
        click.echo(f"{shown} is up to date (server schema {SERVER_SCHEMA})")
        return
    click.echo(f"upgraded {shown} from server schema {found} to {SERVER_SCHEMA}:")
    for number, version in enumerate(SERVER_VERSIONS[found:], start=found + 1):
        click.echo(f"  {number}: {version.changes}")


def _first_line(path: Path) -> str:
    data = read_input(path, limit=4096, what="a password file")
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise UserError("is not UTF-8 text", path) from None
    if not lines or not lines[0]:
        raise UserError("holds no password on its first line", path)
    return lines[0]


@click.command("copy")
@click.argument("source")
@click.argument("destination")
def copy_command(source: str, destination: str) -> None:
    """Copy the project SOURCE to DESTINATION, a new project: a file to a server, a server
    to a file (each a path or a postgresql:// URL). Everything is copied as it is: documents,
    schema, every annotator's work, statuses, gold, settings."""
    run(lambda: copy_project(source, destination))
    click.echo(f"copied {shown(source)} to {shown(destination)}")
