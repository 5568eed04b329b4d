"""A server project's address: ``postgresql://user@host:5432/db?project=news``.

The ``project`` parameter names the project (a schema in that database) and
``answer_timeout`` how many seconds to wait for the server's answer before what was under
way is given up as not saved (``ANSWER_TIMEOUT_S``); both are taken out before the rest goes
to libpq, which finds the password where PostgreSQL's own tools do
(``.pgpass``, ``PGPASSWORD``, a service file) or in the URL itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from annotator.core.errors import UserError

SCHEMES = ("postgresql://", "postgres://")
# A project's name is a schema's and is part of its roles' names: kept plain and short
# (PostgreSQL names are at most 63 bytes).
_PROJECT_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
# A server that has not answered a statement by then is taken as gone (hung, or the
# network silently dropping packets): the window says the change is not saved and
# connects again by itself. Bulk statements (an import's rows) get longer.
ANSWER_TIMEOUT_S = 30.0
_OURS = ("project", "answer_timeout")


def is_server_url(location: str) -> bool:
    return location.lower().startswith(SCHEMES)


@dataclass(frozen=True)
class ServerLocation:
    conninfo: str  # the URL as libpq reads it: without ``project``
    project: str
    shown: str  # the URL without its password, for messages
    answer_timeout: float = ANSWER_TIMEOUT_S


def parse_location(url: str) -> ServerLocation:
    parts = urlsplit(url)
    shown = _without_password(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    projects = [value for key, value in query if key == "project"]
    if not projects:
        raise UserError("names no project: add ?project=NAME to the URL", shown)
    project = projects[-1]
    if not _PROJECT_NAME.fullmatch(project):
        raise UserError(
            f"project name {project!r} must be 1 to 40 lowercase letters, digits or _, "
            "beginning with a letter",
            shown,
        )
    timeouts = [value for key, value in query if key == "answer_timeout"]
    answer_timeout = _seconds(timeouts[-1], shown) if timeouts else ANSWER_TIMEOUT_S
    # Spaces as %20: libpq reads no "+" as a space (options=-c%20name%3Dvalue).
    rest = urlencode([(k, v) for k, v in query if k not in _OURS], quote_via=quote)
    # By hand: urlunsplit drops the "//" of an empty host (postgresql:///db?host=/socket).
    conninfo = f"{parts.scheme}://{parts.netloc}{parts.path}" + (f"?{rest}" if rest else "")
    return ServerLocation(conninfo, project, shown, answer_timeout)


def _seconds(text: str, shown: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 1e6:
        raise UserError(f"answer_timeout must be a number of seconds, not {text!r}", shown)
    return seconds


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.netloc.rpartition("@")[0].partition(":")[0]
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` in it (in place of any it had), as libpq reads it: any
    character, percent-encoded."""
    bare = _without_password(url)
    parts = urlsplit(bare)
    user, at, host = parts.netloc.rpartition("@")
    netloc = f"{user if at else ''}:{quote(password, safe='')}@{host}"
    return f"{parts.scheme}://{netloc}{bare[len(parts.scheme) + 3 + len(parts.netloc) :]}"
