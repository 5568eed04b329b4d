"""The `annotator` command as installed: the command line (``annotator.cli``) plus the two
commands that need the window's code (``annotator.ui``).

This is the one module allowed to import both ``cli`` and ``ui`` (the top of the layers
contract in pyproject.toml). It imports ``ui`` inside the commands that need it, so that
the other commands start without loading Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from annotator.cli.common import (
    ProjectLocation,
    UserErrorExit,
    open_project,
    project_argument,
    run,
)
from annotator.cli.crash import run_guarded
from annotator.cli.main import cli
from annotator.storage.locations import server_url

__all__ = ["cli", "main"]  # cli: the whole command, with open and render


@cli.command("open")
@click.argument("project", required=False, type=ProjectLocation())
@click.option("--annotator", "annotator_name", help="Annotate under this name.")
def open_command(project: Path | None, annotator_name: str | None = None) -> None:
    """Open the annotation window on PROJECT (the demo project when none is given)."""
    if project is None:
        from annotator.demo import demo_project_path

        project = run(demo_project_path)
    elif not project.exists() and server_url(project) is None:
        raise UserErrorExit(f"{project}: no such project file (create it with `annotator new`)")
    else:
        open_project(project).close()  # a clear message now for a file that is not a project
    _check_qt_libraries(window=True)
    from annotator.ui.app import run as run_window

    sys.exit(run_window(project, annotator_name))


@cli.command("render")
@project_argument
@click.option("--document", "document_name", required=True, help="The document to draw.")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A .png or .pdf file.",
)
@click.option("--annotator", "annotator_name", help="Only this annotator's spans.")
def render_command(
    project: Path, document_name: str, output: Path, annotator_name: str | None
) -> None:
    """Draw a document with its annotations as the window does, to PNG or PDF."""
    open_project(project, readonly=True).close()
    _check_qt_libraries(window=False)
    from annotator.ui.render import render_document  # Qt, offscreen

    written = run(lambda: render_document(project, document_name, output, annotator_name))
    click.echo(f"drawn {document_name} to {', '.join(str(p) for p in written)}")


def _check_qt_libraries(window: bool) -> None:
    """Refuse in one line, naming what to install, when Qt would abort for lack of a
    system library (a pipx install brings Qt but not the libraries it needs)."""
    from annotator.cli.qt_libraries import missing_libraries, missing_message

    platform = os.environ.get("QT_QPA_PLATFORM", "")
    on_x11 = window and platform in ("", "xcb") and bool(os.environ.get("DISPLAY"))
    missing = missing_libraries(window=on_x11)
    if missing:
        raise UserErrorExit(missing_message(missing))


def main() -> None:
    run_guarded(lambda: cli(prog_name="annotator"))
