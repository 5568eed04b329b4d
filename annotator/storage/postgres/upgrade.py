"""A server project's schema brought up to date when it is opened, as a project file's is
(sqlite_engine.py): the versions and what each changed are ddl.SERVER_VERSIONS.

Only the project's owner (the role that made it, or one that may act as it, such as a
superuser) may change its tables and rights: an older project opened by the owner is
upgraded at once, in one transaction, before anything else; opened by anyone else it is
refused in one line saying who must open it once (or run `annotator server upgrade`), and
nothing changes. A project of a newer version than this annotator knows is refused.

Two owners opening an old project at once: the first upgrades it, under a lock of the
project's own (an advisory lock, taken before anything else in the transaction, so that
neither holds what the other waits for); the second then finds it up to date. The
project's tables are locked, in one order, before they are changed, so the upgrade waits
for colleagues' edits under way to end instead of deadlocking with them.
"""

from __future__ import annotations

import psycopg
from psycopg import sql
from psycopg.errors import LockNotAvailable

from annotator.core.errors import NotAProjectError, UserError
from annotator.storage.postgres.ddl import SERVER_SCHEMA, SERVER_VERSIONS, table_names
from annotator.storage.postgres.location import ServerLocation
from annotator.storage.postgres.server import (
    Connection,
    outsider_of,
    project_exists,
    rights,
    roles_of,
)
from annotator.storage.schema_sql import APPLICATION_ID, SCHEMA_VERSION
from annotator.storage.settings import SERVER_SCHEMA_KEY

# Projects made before versions were kept say none: those made with the bulk import
# functions are version 2, the others 1.
_STORED = (
    "SELECT coalesce((SELECT value FROM meta WHERE key = %s), "
    "CASE WHEN to_regproc('import_annotations') IS NULL THEN '1' ELSE '2' END)"
)
# The role that owns the project's schema, and whether the user may act as it.
_OWNER = (
    "SELECT r.rolname, pg_has_role(current_user, n.nspowner, 'MEMBER') "
    "FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = %s"
)
# Every policy, trigger and function of the project (its schema is the first on the
# search path), whatever version made them: ddl.ServerVersion.
_DROP_RIGHTS = """DO $$
DECLARE
    here oid := (SELECT oid FROM pg_namespace WHERE nspname = current_schema());
    r record;
BEGIN
    FOR r IN SELECT p.polname, c.relname FROM pg_policy p
        JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace = here
    LOOP
        EXECUTE format('DROP POLICY %I ON %I.%I', r.polname, current_schema(), r.relname);
    END LOOP;
    FOR r IN SELECT t.tgname, c.relname FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = here AND NOT t.tgisinternal
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I.%I', r.tgname, current_schema(), r.relname);
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE p.pronamespace = here LOOP
        EXECUTE format('DROP FUNCTION %s', r.f);
    END LOOP;
END $$"""


def check_project(conn: Connection, location: ServerLocation) -> int:
    """That the project is there and of a schema this annotator reads, upgraded first when
    older (or refused, saying who may upgrade it); the server schema version this upgraded
    it from (this annotator's when it did not)."""
    if not project_exists(conn, location.project):
        login = outsider_of(conn, location.project)
        if login is not None:
            raise NotAProjectError(
                f"{login} is not a person of the project {location.project!r}: its owner "
                f"adds them with `annotator server add-user URL {login}`",
                location.shown,
            )
        raise NotAProjectError(
            f"no project {location.project!r} on this server (make it with "
            "`annotator server init`, or check ?project=)",
            location.shown,
        )
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = _stored_version(conn, location)
    for kind, found, known in (
        ("schema", int(row[0]) if row else 0, SCHEMA_VERSION),
        ("server schema", version, SERVER_SCHEMA),
    ):
        if found > known:
            raise NotAProjectError(
                f"was made by a newer version of annotator ({kind} {found}, this version "
                f"reads up to {known}); upgrade annotator to open it",
                location.shown,
            )
    if version < SERVER_SCHEMA and not upgrade(conn, location, version):
        return SERVER_SCHEMA  # another owner upgraded it meanwhile
    return version


def _stored_version(conn: Connection, location: ServerLocation) -> int:
    row = conn.execute(_STORED, (SERVER_SCHEMA_KEY,)).fetchone()
    assert row is not None
    try:
        return int(row[0])
    except ValueError:
        raise NotAProjectError(
            f"has a server schema version that is not a number ({row[0]!r})", location.shown
        ) from None


def upgrade(conn: Connection, location: ServerLocation, version: int) -> bool:
    """Bring the project from ``version`` to this annotator's, in one transaction; False
    when another had done it meanwhile. Only its owner may."""
    row = conn.execute(_OWNER, (location.project,)).fetchone()
    assert row is not None  # the project exists: its meta table was just read
    owner, may = str(row[0]), bool(row[1])
    if not may:
        raise NotAProjectError(
            f"was made by an older annotator (server schema {version}; this one needs "
            f"{SERVER_SCHEMA}): its owner, {owner}, must open it once with this version, or "
            "run `annotator server upgrade URL`; nothing was changed",
            location.shown,
        )
    try:
        with conn.transaction():
            # First of all: a second owner waits here holding nothing, then finds it done.
            lock = "SELECT pg_advisory_xact_lock(%s::integer, hashtext(%s))"
            conn.execute(lock, (APPLICATION_ID, location.project))
            version = _stored_version(conn, location)
            if version >= SERVER_SCHEMA:
                return False
            # What is made is the owner's, as if the owner had made it (a superuser too).
            conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(owner)))
            tables = sql.SQL(", ").join(sql.Identifier(t) for t in table_names())
            conn.execute(sql.SQL("LOCK TABLE {} IN ACCESS EXCLUSIVE MODE").format(tables))
            for later in SERVER_VERSIONS[version:]:
                for statement in later.tables:
                    conn.execute(statement.encode())
            conn.execute(_DROP_RIGHTS)
            for statement in rights(roles_of(location, conn)):
                conn.execute(statement.encode())
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (SERVER_SCHEMA_KEY, str(SERVER_SCHEMA)),
            )
    except LockNotAvailable:
        raise UserError(
            f"could not be upgraded from server schema {version} to {SERVER_SCHEMA}: "
            "colleagues' work held its tables for too long; nothing was changed, try again",
            location.shown,
        ) from None
    except psycopg.Error as exc:
        reason = exc.diag.message_primary or str(exc).strip()
        raise UserError(
            f"could not be upgraded from server schema {version} to {SERVER_SCHEMA} "
            f"({reason}); nothing was changed",
            location.shown,
        ) from None
    return True
