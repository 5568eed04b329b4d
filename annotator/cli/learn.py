"""`annotator learn`: train a recommender on the project's annotations, or measure one."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import click

from annotator.cli.common import UserErrorExit, open_project, plural, project_argument, run, say
from annotator.core.errors import UserError
from annotator.learn.evaluate import BASELINE, RECOMMENDER, Scores, cross_validate
from annotator.learn.model_file import save
from annotator.learn.project_data import TrainingData, training_data
from annotator.learn.recommender import train


@click.command("learn")
@project_argument
@click.option(
    "--from",
    "annotators",
    multiple=True,
    metavar="ANNOTATOR",
    help="Learn from this annotator's finished documents (repeat for several; "
    "default: every person's).",
)
@click.option("--gold", is_flag=True, help="Learn from the adjudicated gold layer.")
@click.option("--labels", help="Only these labels, comma-separated.")
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False), help="Model file.")
@click.option("--evaluate", is_flag=True, help="Measure by cross-validation; save nothing.")
@click.option("--folds", type=click.IntRange(min=2), help="With --evaluate: K.  [default: 5]")
@click.option("--json", "as_json", is_flag=True, help="With --evaluate: print JSON.")
def learn_command(
    project: Path,
    annotators: tuple[str, ...],
    gold: bool,
    labels: str | None,
    output: Path | None,
    evaluate: bool,
    folds: int | None,
    as_json: bool,
) -> None:
    """Train a recommender on PROJECT's annotations and save it to --output, or, with
    --evaluate, print per-label precision, recall and F1 from K-fold cross-validation
    over documents beside the string-matching baseline."""
    if not evaluate and output is None:
        raise click.UsageError("give --output MODEL, or --evaluate")
    if evaluate and output is not None:
        raise click.UsageError(
            "--evaluate measures and saves nothing: leave out --output, or --evaluate to save"
        )
    if not evaluate and (as_json or folds is not None):
        raise click.UsageError("--folds and --json go with --evaluate")
    label_list = [x.strip() for x in labels.split(",") if x.strip()] if labels else []
    if labels is not None and not label_list:
        raise click.UsageError("--labels names no label")
    # Open until the model is saved: the output is never the project itself (core/output).
    with open_project(project, readonly=True) as p:
        data = run(lambda: training_data(p, annotators, gold, label_list))
        if not data.spans():
            source = "the gold layer" if gold else ", ".join(annotators) or "no annotator"
            has = "has no" if gold or annotators else "has a"
            _fail(f"no spans to learn from: {source} {has} finished document with spans", project)
        if evaluate:
            folds = folds or 5
            if len(data.examples) < folds:
                n = plural(len(data.examples), "document")
                _fail(f"{n} cannot be split into {folds} folds", project)
            scores = cross_validate(data.examples, data.layer_of, folds)
            _print_scores(scores, data, folds, as_json)
            return
        assert output is not None
        model = train(data.examples, data.layer_of)
        info = {
            "project": project.name,
            "from": "gold" if gold else list(annotators) or "everyone",
            "documents": len(data.examples),
            "spans": data.spans(),
            "trained": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        run(lambda: save(model, output, info))
    click.echo(
        f"learned from {plural(data.spans(), 'span')} in "
        f"{plural(len(data.examples), 'document')}; model saved to {output}"
    )


def _fail(message: str, project: Path) -> NoReturn:
    raise UserErrorExit(str(UserError(message, project)))


def _print_scores(scores: dict[str, Scores], data: TrainingData, folds: int, as_json: bool) -> None:
    ours, base = scores[RECOMMENDER], scores[BASELINE]
    if as_json:
        click.echo(
            json.dumps(
                {
                    "folds": folds,
                    "documents": len(data.examples),
                    "spans": data.spans(),
                    RECOMMENDER: ours.to_json(),
                    BASELINE: base.to_json(),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    say(
        f"{folds}-fold cross-validation over {len(data.examples)} documents, "
        f"{data.spans()} spans; exact spans"
    )
    say(f"{'label':<20} {'support':>7}   {'recommender P/R/F1':<20} {'strings P/R/F1':<20}")
    for label in [*sorted(set(ours.labels()) | set(base.labels())), None]:
        support = ours.tp[label or ""] + ours.fn[label or ""] if label else None
        name = label or "all (micro)"
        count = support if support is not None else ours.tp.total() + ours.fn.total()
        say(f"{name:<20} {count:>7}   {_prf(ours, label):<20} {_prf(base, label):<20}")


def _prf(scores: Scores, label: str | None) -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*scores.prf(label))
