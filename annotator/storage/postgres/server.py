"""Connecting to a server project, making one (`annotator server init`) and adding its
people (`annotator server add-user`)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from annotator.core.errors import UserError
from annotator.storage.postgres import ddl, staging
from annotator.storage.postgres.errors import connect_error, server_error
from annotator.storage.postgres.location import ServerLocation, parse_location
from annotator.storage.schema_sql import SCHEMA_VERSION
from annotator.storage.settings import SERVER_SCHEMA_KEY
from annotator.storage.stamps import now

Connection = psycopg.Connection[tuple[Any, ...]]
CONNECT_TIMEOUT_S = 10  # a server that does not answer is reported, not waited for
# A window must never hang on a server that went away or a network that dropped: TCP
# keepalives notice a silent peer while idle, tcp_user_timeout a send that is never
# acknowledged (mid-edit), both within about 20 seconds. The URL's own settings win.
LINK_SETTINGS = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 2,
    "tcp_user_timeout": 20_000,
}
# And one statement waits at most so long for a colleague's lock, or runs at most so
# long (generous: a copy's largest statement), unless the URL's options say otherwise.
SESSION_OPTIONS = "-c lock_timeout=10s -c statement_timeout=300s"


def connect(location: ServerLocation) -> Connection:
    """A connection in autocommit mode (a transaction is ``conn.transaction()``) whose
    unqualified names are the project's tables."""
    options = conninfo_to_dict(location.conninfo)
    extra: dict[str, Any] = {k: v for k, v in LINK_SETTINGS.items() if k not in options}
    if "options" not in options and "PGOPTIONS" not in os.environ:
        extra["options"] = SESSION_OPTIONS
    try:
        conn = psycopg.connect(location.conninfo, autocommit=True, **extra)
    except psycopg.OperationalError as exc:
        raise connect_error(exc, location.shown, _user_of(location)) from None
    except psycopg.ProgrammingError as exc:  # a URL libpq cannot read
        raise UserError(f"is not a PostgreSQL URL libpq reads ({exc})", location.shown) from None
    conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(location.project)))
    return conn


def _user_of(location: ServerLocation) -> str:
    try:
        return str(conninfo_to_dict(location.conninfo).get("user") or "you")
    except psycopg.ProgrammingError:
        return "you"


@contextmanager
def session(url: str) -> Iterator[tuple[ServerLocation, Connection]]:
    """A connection for one command; the server's refusals become one-line errors."""
    location = parse_location(url)
    conn = connect(location)
    try:
        yield location, conn
    except psycopg.Error as exc:
        raise server_error(exc, location.shown, conn.info.user) from None
    finally:
        conn.close()


def roles_of(location: ServerLocation, conn: Connection) -> ddl.Roles:
    """The project's group roles: named after the database and the project, as roles are
    the whole server's and a project's name is only its database's."""
    row = conn.execute("SELECT current_database(), current_user").fetchone()
    assert row is not None
    database, user = str(row[0]), str(row[1])
    names = {kind: f"{database}.{location.project}.{kind}" for kind in ("curators", "annotators")}
    if any(len(n.encode()) > 63 for n in names.values()):
        raise UserError(
            "the database's and the project's names together are too long for role names "
            "(at most 63 bytes with .curators)",
            location.shown,
        )
    return ddl.Roles(location.project, names["curators"], names["annotators"], user)


def project_exists(conn: Connection, project: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = %s AND table_name = 'meta'",
        (project,),
    ).fetchone()
    return row is not None


def outsider_of(conn: Connection, project: str) -> str | None:
    """The login, when the project is there but this login is not one of its people: the
    catalogue shows every schema's tables to anyone, information_schema only one's own."""
    row = conn.execute(
        "SELECT current_user FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relname = 'meta'",
        (project,),
    ).fetchone()
    return None if row is None else str(row[0])


def make_project(conn: Connection, roles: ddl.Roles) -> None:
    """The project's group roles (unless the server has them), schema, tables, rights and
    first settings, inside the caller's transaction."""
    for group in (roles.annotators, roles.curators):
        if not _role_exists(conn, group):
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
    conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(roles.schema)))
    conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(sql.Identifier(roles.schema)))
    for statement in [*ddl.TABLES, ddl.ANNOTATIONS_VIEW, *rights(roles)]:
        conn.execute(statement.encode())
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('schema_version', %s), (%s, %s), "
        "('created', %s), ('project_id', %s)",
        (
            str(SCHEMA_VERSION),
            SERVER_SCHEMA_KEY,
            str(ddl.SERVER_SCHEMA),
            now(),
            secrets.token_hex(16),
        ),
    )


def rights(roles: ddl.Roles) -> list[str]:
    """Who may do what in the project: its functions, policies, triggers and grants, as a
    new project has them and an upgrade makes them again (ddl.ServerVersion)."""
    return [*ddl.functions(roles), *ddl.policies(roles), *staging.functions(roles)]


@dataclass(frozen=True)
class Added:
    location: ServerLocation
    demoted: bool  # was a curator, now an annotator only


def add_user(url: str, name: str, password: str | None, curator: bool) -> Added:
    """Add a person to the project: a database role that logs in (made when the server
    lacks it, its password set when one is given), in the project's group, and in the
    curators' with ``curator``; a curator added again without it is one no longer."""
    problem = ddl.reserved_role_problem(name)
    with session(url) as (location, conn):
        if problem:
            raise UserError(problem, location.shown)
        if not project_exists(conn, location.project):
            raise UserError(
                f"no project {location.project!r} on this server (make it with "
                "`annotator server init`)",
                location.shown,
            )
        roles = roles_of(location, conn)
        role = sql.Identifier(name)
        with _adding_people(location, conn), conn.transaction():
            if not _role_exists(conn, name):
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(role))
            if password is not None:
                conn.execute(
                    sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, sql.Literal(password))
                )
            groups = [roles.annotators] + ([roles.curators] if curator else [])
            for group in groups:
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), role))
            demoted = not curator and _member(conn, name, roles.curators)
            if demoted:
                curators = sql.Identifier(roles.curators)
                conn.execute(sql.SQL("REVOKE {} FROM {}").format(curators, role))
        return Added(location, demoted)


def _member(conn: Connection, name: str, group: str) -> bool:
    """Whether ``name`` is granted ``group`` itself (not through another role)."""
    row = conn.execute(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = %s AND g.rolname = %s",
        (name, group),
    ).fetchone()
    return row is not None


@contextmanager
def _adding_people(location: ServerLocation, conn: Connection) -> Iterator[None]:
    """Making roles and granting the project's groups needs rights most users lack."""
    try:
        yield
    except psycopg.errors.InsufficientPrivilege:
        raise UserError(
            f"{conn.info.user} may not add people here: that needs a superuser, or a role "
            "with CREATEROLE (such as the one that made the project with `server init`)",
            location.shown,
        ) from None


def _role_exists(conn: Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None
