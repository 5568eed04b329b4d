"""What the server said, as one line a person understands: which URL, and what was not
allowed or not possible. The URL is shown without its password."""

from __future__ import annotations

import re

import psycopg
from psycopg import errors as pg_errors

from annotator.core.errors import (
    ConnectionLostError,
    NotAllowedError,
    ProjectBusyError,
    UserError,
)

# A table's name as a person says it, in "may not change ...".
_TABLE_WORDS = {
    "meta": "the project's settings",
    "documents": "documents",
    "documents_search": "documents",
    "labels": "the labels",
    "relation_types": "the relation types",
    "annotators": "the list of annotators",
    "gold_provenance": "the gold layer",
    "gold_rejected": "the gold layer",
    "curation_status": "the curation status",
}


class ConnectionLost(ConnectionLostError):
    """The server went away: what was being written is not saved."""


def connect_error(exc: psycopg.OperationalError, shown: str, user: str) -> UserError:
    """Why connecting failed: unreachable, the password, or no such database."""
    text = str(exc)
    sqlstate = exc.sqlstate or ""
    if sqlstate in ("28P01", "28000") or "authentication failed" in text:
        return UserError(
            f"authentication failed for {user!r} (the password comes from the URL, "
            "PGPASSWORD, ~/.pgpass or a service file)",
            shown,
        )
    if sqlstate == "3D000" or "does not exist" in text:
        return UserError(f"cannot connect: {_last_part(text)}", shown)
    return ConnectionLost(f"the server cannot be reached ({_last_part(text)})", shown)


def server_error(exc: psycopg.Error, shown: str, user: str) -> UserError:
    """A statement's failure, for the person who ran it."""
    primary = exc.diag.message_primary or _last_part(str(exc))
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        table = re.search(r'(?:for table|table) "?([a-z_]+)"?', primary)
        if "row-level security" in primary and table:
            return NotAllowedError(
                f"{user} may not write this row of {table.group(1).replace('_', ' ')} "
                "(it is another annotator's, or only curators may)",
                shown,
            )
        if primary.startswith("permission denied for table") and table:
            what = _TABLE_WORDS.get(table.group(1), table.group(1).replace("_", " "))
            return NotAllowedError(f"{user} may not change {what}: only curators can", shown)
        hint = f" ({exc.diag.message_hint})" if exc.diag.message_hint else ""
        return NotAllowedError(f"{primary}{hint}", shown)
    if isinstance(exc, pg_errors.LockNotAvailable):
        return ProjectBusyError(
            "not saved: another person's change held what this one needed for too long; try again",
            shown,
        )
    if isinstance(exc, pg_errors.QueryCanceled):
        return ProjectBusyError("not saved: the server took too long and stopped it", shown)
    # No answer at all, a broken connection (08...), or the server shutting it (57P...).
    if isinstance(exc, psycopg.OperationalError) and (
        not exc.sqlstate or exc.sqlstate.startswith(("08", "57P"))
    ):
        return ConnectionLost(
            "the connection to the server was lost: the change is not saved "
            f"({_last_part(str(exc))})",
            shown,
        )
    return UserError(f"the server refused: {primary}", shown)


def _last_part(text: str) -> str:
    """libpq's first line without its "connection to server at ... failed:" lead."""
    line = text.strip().splitlines()[0] if text.strip() else "no reason given"
    return line.rsplit("failed: ", 1)[-1].strip()
