"""`annotator suggest`: spans proposed by lists of names and patterns, for review."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import Number, open_project, plural, project_argument, run
from annotator.learn.apply import DEFAULT_ANNOTATOR as MODEL_ANNOTATOR
from annotator.learn.apply import check_labels, suggest_documents
from annotator.learn.model_file import load
from annotator.suggest.apply import (
    DEFAULT_ANNOTATOR,
    SuggestReport,
    check_layer_name,
    suggest_project,
)

# Not click's checks: core/inputs.py refuses a missing file, a folder or a FIFO in one line.
input_file = click.Path(path_type=Path)


@click.command("suggest")
@project_argument
@click.option("--gazetteer", type=input_file, help="Names, one a line: NAME<TAB>LABEL.")
@click.option("--patterns", type=input_file, help="Regular expressions: PATTERN<TAB>LABEL.")
@click.option(
    "--model",
    type=input_file,
    help="A model made by `annotator learn`.",
)
@click.option(
    "--as",
    "annotator",
    help=f"The annotator the suggestions are filed under (default {DEFAULT_ANNOTATOR}, "
    f"or {MODEL_ANNOTATOR} with --model); on a server an annotator's own copy of it, "
    "NAME@LOGIN.",
)
@click.option("--add-labels", is_flag=True, help="Add labels the lists name to the schema.")
@click.option(
    "--document", "documents", multiple=True, metavar="NAME", help="With --model: only these."
)
@click.option(
    "--min-score",
    type=Number(0, 1),
    default=0.0,
    help="With --model: leave out suggestions the model is less sure of.",
)
def suggest_command(
    project: Path,
    gazetteer: Path | None,
    patterns: Path | None,
    model: Path | None,
    annotator: str | None,
    add_labels: bool,
    documents: tuple[str, ...],
    min_score: float,
) -> None:
    """Suggest spans in every document of PROJECT from a list of names and/or patterns,
    matching Arabic whatever its diacritics, tatweel and alef forms; or from a model
    trained by `annotator learn`."""
    if model is not None and (gazetteer or patterns):
        raise click.UsageError("give --model, or lists of names and patterns, not both")
    if model is None and (documents or min_score):
        raise click.UsageError("--document and --min-score go with --model")
    with open_project(project) as p:
        # On a server an annotator's suggestions are their own layer (model:crf@alice).
        chosen = annotator or (MODEL_ANNOTATOR if model else DEFAULT_ANNOTATOR)
        run(lambda: check_layer_name(chosen))
        annotator = p.suggestions_layer(chosen)
        if model is not None:
            recommender, _ = run(lambda: load(model))
            run(lambda: check_labels(recommender, p, model))
            report: SuggestReport = run(
                lambda: suggest_documents(p, recommender, annotator, documents, min_score)
            )
        else:
            report = run(lambda: suggest_project(p, gazetteer, patterns, annotator, add_labels))
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
