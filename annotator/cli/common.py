"""What every command module shares: one-line errors with exit status 2, opening a project."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.core.content import visible
from annotator.core.errors import UserError
from annotator.storage.locations import location_path, server_url
from annotator.storage.project import Project

T = TypeVar("T")


class UserErrorExit(click.ClickException):
    exit_code = 2

    def show(self, file: Any = None) -> None:
        # A name in it may come from a project another program wrote (``say``).
        click.echo(f"annotator: error: {visible(self.message)}", err=True)


def run(fn: Callable[[], T]) -> T:
    """Call ``fn``; a UserError becomes exit status 2 with a one-line message."""
    try:
        return fn()
    except UserError as exc:
        raise UserErrorExit(str(exc)) from None


def open_project(path: Path, readonly: bool = False) -> Project:
    return run(lambda: Project.open(path, readonly=readonly))


def say(line: str) -> None:
    """Print a line that holds names read from a project (labels, annotators, documents):
    a project another program wrote may hold a terminal's escapes in them, shown as
    U+FFFD instead of run by the terminal (``core.content.visible``)."""
    click.echo(visible(line))


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 document``, ``2 documents`` (``words`` for a plural that is not WORD + s)."""
    return f"{n} {word if n == 1 else words or word + 's'}"


class ProjectLocation(click.Path):
    """A project file's path, or a server's URL kept whole (a plain Path would make its
    ``//`` one ``/``, and ``postgresql:///db`` then names another host)."""

    def __init__(self) -> None:
        super().__init__(path_type=Path)  # a folder: one line from Project.open

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        # A URL naming no project, or a malformed one, is one line too.
        if isinstance(value, str) and run(lambda: server_url(value)) is not None:
            return location_path(value)
        return super().convert(value, param, ctx)


project_argument = click.argument("project", type=ProjectLocation())


class Number(click.FloatRange):
    """A number in a range, NaN refused (click's range lets it through: no comparison
    with NaN fails)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number", param, ctx)
        return number
