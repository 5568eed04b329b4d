"""Commands that show the project's work to people and programs outside the window."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from annotator.cli.common import open_project, project_argument, run
from annotator.core.content import visible
from annotator.core.errors import UserError
from annotator.core.model import Annotation, Document, Relation
from annotator.core.schema import Schema


@click.command("show")
@project_argument
@click.argument("document")
@click.option("--annotator", "annotator_name", help="Only this annotator's spans.")
@click.option(
    "--no-bidi",
    is_flag=True,
    help="Print in logical order, unshaped: for terminals that do bidi themselves.",
)
@click.option("--no-color", is_flag=True, help="Plain text, no colours.")
@click.option("--width", type=click.IntRange(min=1), help="Wrap to this many columns.")
def show_command(
    project: Path,
    document: str,
    annotator_name: str | None,
    no_bidi: bool,
    no_color: bool,
    width: int | None,
) -> None:
    """Print DOCUMENT of PROJECT with coloured spans, its relations and a legend."""
    from rich.console import Console
    from rich.text import Text

    from annotator.rendering.terminal import View, render

    # soft_wrap: the lines come wrapped already, and rich must not cut them again.
    console = Console(
        file=sys.stdout,
        no_color=no_color,
        color_system=None if no_color else "auto",
        highlight=False,
        soft_wrap=True,
        width=width,
    )
    with open_project(project, readonly=True) as p:

        def load() -> tuple[Document, list[Annotation], list[Relation], Schema]:
            if annotator_name is not None and annotator_name not in p.annotators():
                raise UserError(f"no annotator named {annotator_name}", project)
            if annotator_name is not None:
                p.check_sees([annotator_name])
            doc = p.document(document)
            # Nothing the project holds may reach the terminal as a control sequence.
            doc = replace(doc, name=visible(doc.name), text=visible(doc.text))
            annotations = [
                a if visible(a.text) == a.text else replace(a, text=visible(a.text))
                for a in p.annotations(doc.id, annotator_name)
            ]
            return doc, annotations, p.relations(doc.id, annotator_name), p.schema()

        doc, annotations, relations, schema = run(load)
    view = View(width or console.width, not no_bidi)
    # One print of all the lines: rich's cost per call, at ten thousand lines, was more
    # than that of the text itself.
    console.print(Text("\n").join(render(doc, annotations, schema, view, relations)))
