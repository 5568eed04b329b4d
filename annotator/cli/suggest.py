"""`annotator suggest`: spans proposed by lists of names and patterns, for review."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import open_project, plural, run
from annotator.suggest.apply import DEFAULT_ANNOTATOR, SuggestReport, suggest_project

rules_file = click.Path(path_type=Path, dir_okay=False, exists=True)


@click.command("suggest")
@click.argument("project", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--gazetteer", type=rules_file, help="Names, one a line: NAME<TAB>LABEL.")
@click.option("--patterns", type=rules_file, help="Regular expressions: PATTERN<TAB>LABEL.")
@click.option(
    "--as",
    "annotator",
    default=DEFAULT_ANNOTATOR,
    show_default=True,
    help="The annotator the suggestions are filed under.",
)
@click.option("--add-labels", is_flag=True, help="Add labels the lists name to the schema.")
def suggest_command(
    project: Path,
    gazetteer: Path | None,
    patterns: Path | None,
    annotator: str,
    add_labels: bool,
) -> None:
    """Suggest spans in every document of PROJECT from a list of names and/or patterns,
    matching Arabic whatever its diacritics, tatweel and alef forms."""

    with open_project(project) as p:
        report: SuggestReport = run(
            lambda: suggest_project(p, gazetteer, patterns, annotator, add_labels)
        )
    if report.added_labels:
        click.echo("added labels: " + ", ".join(report.added_labels))
    per_label = ", ".join(f"{label} {n}" for label, n in sorted(report.added.items()))
    click.echo(
        f"suggested {plural(report.added.total(), 'span')} in "
        f"{plural(report.documents, 'document')} as "
        f"{annotator}" + (f" ({per_label})" if per_label else "")
    )
    if report.already_there:
        click.echo(
            f"{plural(report.already_there, 'suggestion was', 'suggestions were')} already there"
        )
