"""The review commands: merge a colleague's work, measure agreement, adjudicate gold."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.common import ProjectLocation, plural, project_argument, run, say
from annotator.core.errors import UserError
from annotator.core.output import write_text
from annotator.review.adjudicate import AdjudicationReport, adjudicate, parse_strategy
from annotator.review.agreement import TOKEN_MEASURES, AgreementReport, agreement
from annotator.review.merge import MergeReport, merge
from annotator.review.report_html import render_html
from annotator.review.study import load_study
from annotator.storage.project import Project


def _names(value: str | None) -> list[str] | None:
    """A comma-separated option as a list (None when not given)."""
    if not value:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


@click.command("agreement")
@project_argument
@click.option("--annotators", help="Compare only these annotators (comma-separated).")
@click.option("--labels", help="Compare only these labels (comma-separated).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--report",
    "report_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write the report as a standalone HTML page with its charts.",
)
def agreement_command(
    project: Path,
    annotators: str | None,
    labels: str | None,
    as_json: bool,
    report_file: Path | None,
) -> None:
    """Measure how far PROJECT's annotators agree (span F1, kappas, Krippendorff's alpha)."""

    def compute() -> AgreementReport:
        # Open until the report is written: it never replaces the project (core/output).
        with Project.open(project, readonly=True) as p:
            report = agreement(load_study(p, _names(annotators), _names(labels)))
            if report_file is not None:
                write_text(report_file, render_html(report, f"Agreement: {project.stem}"))
            return report

    report = run(compute)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return
    _print_report(report)


def _print_report(report: AgreementReport) -> None:
    say(f"annotators: {', '.join(report.annotators)}; documents: {report.documents}")
    for name, value in report.overall.items():
        say(f"  {name:30} {_number(value)}")
    say(f"layers (token units, {', '.join(TOKEN_MEASURES)}):")
    for layer, ls in report.layers.items():
        figures = " ".join(_number(getattr(ls, m)) for m in TOKEN_MEASURES)
        say(f"  {layer:12} {ls.units:>8} {figures}")
    say("pairs (f1_exact, f1_overlap, cohen_kappa):")
    for p in report.pairs:
        say(
            f"  {p.a} – {p.b}: {_number(p.f1_exact)} {_number(p.f1_overlap)} "
            f"{_number(p.cohen_kappa)}"
        )
    say("labels (f1_exact, krippendorff_alpha_unitizing):")
    for label, s in report.labels.items():
        say(f"  {label:12} {_number(s.f1_exact)} {_number(s.krippendorff_alpha_unitizing)}")
    say("lowest agreement (f1_exact, krippendorff_alpha_unitizing):")
    for name, s in report.documents_by_agreement()[:10]:
        say(f"  {name}: {_number(s.f1_exact)} {_number(s.krippendorff_alpha_unitizing)}")


@click.command("merge")
@project_argument
@click.argument("other", type=ProjectLocation())
@click.option("--as", "as_name", help="Bring all of OTHER's annotations in under this name.")
def merge_command(project: Path, other: Path, as_name: str | None) -> None:
    """Merge a colleague's project file or native JSONL export OTHER into PROJECT."""

    def run_merge() -> MergeReport:
        with Project.open(project) as p:
            report = merge(p, other, as_name)
        if report.conflicts:
            names = sorted({c.annotator for c in report.conflicts})
            docs = ", ".join(sorted({c.document for c in report.conflicts}))
            raise UserError(
                f"{' and '.join(names)} annotated differently on both sides "
                f"({len(report.conflicts)} documents: {docs}); nothing was merged; "
                "use --as NAME to bring the colleague's work in under another name",
                other,
            )
        return report

    report = run(run_merge)
    if report.added_labels:
        click.echo("added labels: " + ", ".join(report.added_labels))
    click.echo(
        f"merged {other}: {plural(len(report.added_documents), 'document')} added, "
        f"{report.matched_documents} matched; {plural(report.annotations, 'annotation')} and "
        f"{plural(report.relations, 'relation')} added ({report.already_present} already present) "
        f"from {', '.join(report.annotators) or 'nobody'}"
    )


@click.command("adjudicate")
@project_argument
@click.option("--annotators", help="Only these annotators' work (comma-separated).")
@click.option(
    "--strategy",
    required=True,
    help="unanimous, majority, or min-votes=N: which spans and relations go into gold.",
)
def adjudicate_command(project: Path, annotators: str | None, strategy: str) -> None:
    """Pre-merge into PROJECT's gold layer what the annotators agree on; report the rest."""

    def run_adjudication() -> AdjudicationReport:
        chosen = parse_strategy(strategy)
        with Project.open(project) as p:
            return adjudicate(p, chosen, _names(annotators))

    report = run(run_adjudication)
    click.echo(
        f"merged {plural(report.spans, 'span')} and {plural(report.relations, 'relation')} "
        f"into gold in {plural(report.documents, 'document')}"
    )
    if report.left:
        click.echo(
            f"left for a person: {plural(sum(report.left.values()), 'place')} in "
            f"{plural(len(report.left), 'document')}"
        )
        for name, count in sorted(report.left.items(), key=lambda item: -item[1]):
            click.echo(f"  {name}: {count}")
    else:
        click.echo("nothing is left for a person")
