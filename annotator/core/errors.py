"""Errors that reach the user as one clear line, never as a traceback."""

from __future__ import annotations

from pathlib import Path


def printable(name: str) -> str:
    """``name`` as it can be printed: a file name's bytes that are not UTF-8 (which Python
    holds as lone surrogates) shown as ``\\xNN``, and other lone surrogates as ``\\udNNN``,
    instead of failing the print."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape" if _only_escapes(name) else "backslashreplace")
        return raw.decode("utf-8", "backslashreplace")
    return name


def _only_escapes(name: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in name)


class UserError(Exception):
    """A problem with the user's input: names the file (and line) and what is wrong."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f", line {self.line}"
            where += ": "
        return printable(where + self.message)


class NotAProjectError(UserError):
    """The file is not an annotator project (or is damaged)."""


class ProjectBusyError(UserError):
    """Another process held the project's write lock for too long."""


class DiskFullError(UserError):
    """A write failed for lack of space; the project is unchanged."""


class NotAllowedError(UserError):
    """The database refused a change to this user (a shared project's permissions);
    the message names what is not allowed. The project is unchanged."""


class ConnectionLostError(UserError):
    """A shared project's server could not be reached, or the connection to it broke,
    during a change: that change is not saved (its transaction never committed)."""


class GoneError(UserError):
    """What an edit was about is no longer as it was: another person or program deleted
    or changed it meanwhile. Nothing was changed."""
