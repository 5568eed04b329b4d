"""Errors that reach the user as one clear line, never as a traceback."""

from __future__ import annotations

from pathlib import Path


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
        return where + self.message


class NotAProjectError(UserError):
    """The file is not an annotator project (or is damaged)."""


class ProjectBusyError(UserError):
    """Another process held the project's write lock for too long."""


class DiskFullError(UserError):
    """A write failed for lack of space; the project is unchanged."""
