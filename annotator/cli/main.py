"""The `annotator` command. Each subcommand is a thin shell over one core function.

Exit codes: 0 success, 1 when `check` finds problems, 2 for a user error (one line naming
the file and the problem, never a traceback). Nothing here imports Qt: the commands that
need the window (`open`, `render`) are added by ``annotator.launcher``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from annotator import __version__
from annotator.cli.common import (
    Number,
    UserErrorExit,
    open_project,
    plural,
    project_argument,
    run,
    say,
)
from annotator.core.errors import UserError
from annotator.core.model import Status
from annotator.core.schema import load_schema, save_schema
from annotator.formats.base import ExportOptions, ExportSelection, ImportOptions
from annotator.formats.registry import FORMATS
from annotator.storage.locations import shown
from annotator.storage.project import Project

# Commands whose modules load only when they run (or for --help): start-up stays fast.
LAZY_COMMANDS = (
    "merge",
    "agreement",
    "adjudicate",
    "show",
    "suggest",
    "learn",
    "install-desktop",
    "server",
    "copy",
)


def _lazy_command(name: str) -> click.Command:
    """One of LAZY_COMMANDS, imported now by a plain import (which import-linter sees)."""
    if name in ("merge", "agreement", "adjudicate"):
        from annotator.cli import review

        return {
            "merge": review.merge_command,
            "agreement": review.agreement_command,
            "adjudicate": review.adjudicate_command,
        }[name]
    if name == "show":
        from annotator.cli.show import show_command

        return show_command
    if name == "suggest":
        from annotator.cli.suggest import suggest_command

        return suggest_command
    if name == "learn":
        from annotator.cli.learn import learn_command

        return learn_command
    if name in ("server", "copy"):
        from annotator.cli.server import copy_command, server_command

        return server_command if name == "server" else copy_command
    from annotator.cli.desktop import install_desktop_command

    return install_desktop_command


class AnnotatorGroup(click.Group):
    """Loads the lazy commands on demand; `annotator PROJECT` means `annotator open PROJECT`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            self.add_command(_lazy_command(cmd_name))
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        # What a command meets outside its own `run`: a project found damaged by a read
        # half-way through (storage's Project names the file) is one line too.
        try:
            return super().invoke(ctx)
        except UserError as exc:
            raise UserErrorExit(str(exc)) from None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        opener = self.commands.get("open")  # added by annotator.launcher
        if opener and args and not args[0].startswith("-") and not self.get_command(ctx, args[0]):
            return "open", opener, args
        return super().resolve_command(ctx, args)


@click.group(cls=AnnotatorGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Annotate Arabic news articles: claims, quotes and entities.

    With no command, opens the window on the demo project.
    """
    if ctx.invoked_subcommand is None and "open" in cli.commands:
        ctx.invoke(cli.commands["open"], project=None)


@cli.command("new")
@project_argument
@click.option(
    "--schema",
    "schema_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A schema JSON file (default: the news schema).",
)
def new_command(project: Path, schema_file: Path | None) -> None:
    """Create an empty PROJECT file."""

    def create() -> None:
        schema = load_schema(schema_file) if schema_file else None
        Project.create(project, schema).close()

    run(create)
    click.echo(f"created {shown(project)}")


# doccano and Label Studio count offsets in one of these, both ways (formats/units.py's
# OffsetUnit, not imported here: it would slow every command's start).
offset_unit_option = click.option(
    "--offset-unit",
    type=click.Choice(["codepoint", "utf16", "grapheme"]),
    help="doccano, Label Studio: what the offsets count (default: the format's).",
)


@cli.command("import")
@project_argument
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_name",
    default="auto",
    show_default=True,
    type=click.Choice(["auto"] + [f.name for f in FORMATS.values() if f.can_import]),
    help="The format of the files; auto goes by each file's extension.",
)
@click.option("--annotator", help="Annotator of imported annotations that name none.")
@click.option("--add-labels", is_flag=True, help="Add unknown labels to the schema.")
@click.option("--text-column", default="text", show_default=True, help="CSV: the text column.")
@click.option(
    "--name-column",
    default="name",
    show_default=True,
    help="CSV: the column holding each document's name.",
)
@click.option("--label-column", help="doccano: the spans' key (default label/labels/entities).")
@offset_unit_option
@click.option(
    "--min-score",
    type=Number(),
    help="Predictions: leave out spans whose score is under this (unscored spans stay).",
)
def import_command(
    project: Path,
    paths: tuple[Path, ...],
    format_name: str,
    annotator: str | None,
    add_labels: bool,
    text_column: str,
    name_column: str,
    label_column: str | None = None,
    offset_unit: str | None = None,
    min_score: float | None = None,
) -> None:
    """Import articles (txt, md, html, csv, jsonl files or folders) into PROJECT."""
    from annotator import identity
    from annotator.cli.progress import progress_bar
    from annotator.formats.importer import import_paths

    with open_project(project) as p, progress_bar("importing") as progress:
        # Annotations that name no annotator (brat, CoNLL, WebAnno...) are the user's,
        # under the name the window uses: on a server, the user's login.
        login = p.login
        fallback = annotator or login or identity.default_name() or None
        options = ImportOptions(
            fallback, add_labels, text_column, name_column, label_column, offset_unit, min_score
        )
        before = _annotations_of(p, fallback)
        result = run(
            lambda: import_paths(
                p, paths, format_name=format_name, options=options, progress=progress
            )
        )
        defaulted = annotator is None and _annotations_of(p, fallback) > before
    for path, encoding in result.encodings.items():
        click.echo(f"read {path} ({encoding})")
    for name, existing in result.report.duplicates:
        click.echo(f"duplicate: {name} has the same text as {existing}; not added again")
    for skipped in result.skipped:
        click.echo(f"skipped {skipped}: not a format annotator reads", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if result.added_labels:
        click.echo("added labels: " + ", ".join(result.added_labels))
    if result.below_min_score:
        click.echo(
            f"left out {plural(result.below_min_score, 'prediction')} scored under {min_score:g}"
        )
    r = result.report
    # Every file refused: its line below is all there is to say (no "imported 0 ...").
    if result.files or not result.errors:
        click.echo(
            f"imported {plural(len(r.added), 'document')}, "
            f"{plural(r.annotations, 'annotation')}, "
            f"{plural(r.relations, 'relation')} from {plural(result.files, 'file')}"
            + (
                f" ({plural(r.skipped_annotations, 'annotation')} already there)"
                if r.skipped_annotations
                else ""
            )
        )
    if defaulted:
        whose = "your login on the server" if login else "the window's name"
        click.echo(
            f"annotations that name no annotator are {fallback}'s ({whose}; "
            "give another with --annotator NAME)"
        )
    for error in result.errors:
        click.echo(f"annotator: error: {error}; nothing of it was imported", err=True)
    if result.errors:
        sys.exit(2)


def _annotations_of(project: Project, annotator: str | None) -> int:
    counts = project.annotation_counts()
    return sum(per.get(annotator, 0) for per in counts.values()) if annotator else 0


@cli.command("export")
@project_argument
@click.option(
    "--format",
    "format_name",
    required=True,
    type=click.Choice([f.name for f in FORMATS.values() if f.can_export]),
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path),
    help="The file (or folder, for formats that write one) to write.",
)
@click.option("--annotator", "annotators", multiple=True, help="Only this annotator (repeatable).")
@click.option("--gold", is_flag=True, help="The adjudicated gold layer (see `adjudicate`).")
@click.option("--document", "documents", multiple=True, help="Only this document (repeatable).")
@click.option("--label", "labels", multiple=True, help="Only this label (repeatable).")
@offset_unit_option
@click.option(
    "--token-spans",
    type=click.Choice(["expand", "drop"]),
    default="expand",
    show_default=True,
    help="Token formats: a span inside a token is widened to it or left out.",
)
@click.option(
    "--doccano-project",
    type=click.Choice(["sequence", "relation"]),
    help="doccano: the project type to import into: sequence labeling (spans under label) "
    "or relation labeling (entities and relations); default relation when there are relations.",
)
def export_command(
    project: Path,
    format_name: str,
    output: Path,
    annotators: tuple[str, ...],
    documents: tuple[str, ...],
    labels: tuple[str, ...],
    offset_unit: str | None = None,
    token_spans: str = "expand",
    gold: bool = False,
    doccano_project: str | None = None,
) -> None:
    """Export PROJECT's documents and annotations."""
    from annotator.core.model import GOLD
    from annotator.formats.export import export

    if gold:
        if annotators:
            raise click.UsageError("give --gold or --annotator, not both")
        annotators = (GOLD,)
    options = ExportOptions(
        ExportSelection(annotators, documents, labels),
        offset_unit,
        token_spans,
        doccano_project=doccano_project,
    )
    with open_project(project, readonly=True) as p:
        report = run(lambda: export(p, format_name, output, options))
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"exported {plural(report.documents, 'document')}, "
        f"{plural(report.annotations, 'annotation')}, "
        f"{plural(report.relations, 'relation')} to {output}"
    )


@cli.command("list")
@project_argument
def list_command(project: Path) -> None:
    """List PROJECT's documents with annotation counts per annotator."""
    with open_project(project, readonly=True) as p:
        counts = p.annotation_counts()
        # Not the columns of colleagues a blind server project hides: they would read 0.
        annotators = p.visible_to_me(p.annotators())
        # Read whole before the first line: a project found damaged half-way prints only
        # its one line, not a list cut short that a script could take for the whole.
        documents = list(p.documents())
        click.echo("\t".join(["document", "characters", *map(tsv_cell, annotators)]))
        for doc in documents:
            mine = counts.get(doc.id, {})
            row = [tsv_cell(doc.name), str(doc.length), *(str(mine.get(a, 0)) for a in annotators)]
            click.echo("\t".join(row))


@cli.command("stats")
@project_argument
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--chart",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also draw the charts to this .png, .pdf or .svg file (the charts extra).",
)
def stats_command(project: Path, as_json: bool, chart: Path | None = None) -> None:
    """Counts of documents, annotations per label and annotator, and progress."""
    from annotator.storage.stats import project_counts

    with open_project(project, readonly=True) as p:
        counts = project_counts(p)
        if chart:
            from annotator.core.output import open_binary_output
            from annotator.rendering.chart import chart_format, draw_chart

            def write_chart(path: Path) -> None:
                image_format = chart_format(path)
                with open_binary_output(path) as out:
                    draw_chart(counts, p.schema(), out, image_format)

            run(lambda: write_chart(chart))
            click.echo(f"chart written to {chart}", err=as_json)
    if as_json:
        click.echo(json.dumps(counts.as_json(), ensure_ascii=False, indent=2))
        return
    say(f"documents:   {counts.documents} ({plural(counts.characters, 'character')})")
    say(f"annotations: {counts.annotations}   relations: {counts.relations}")
    say("labels:      " + ", ".join(f"{k} {v}" for k, v in counts.labels.items()))
    for name, c in counts.annotators.items():
        say(
            f"{name}: {plural(c.annotations, 'annotation')} in "
            f"{plural(c.documents_annotated, 'document')}; "
            f"{c.status[Status.DONE.value]} done, {c.status[Status.IN_PROGRESS.value]} in progress"
        )
    if counts.gold_annotations:
        click.echo(f"gold:        {plural(counts.gold_annotations, 'annotation')}")


@cli.command("search")
@project_argument
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def search_command(project: Path, query: str, limit: int, as_json: bool) -> None:
    """Documents of PROJECT holding every word and "quoted phrase" of QUERY, however
    their Arabic is written (harakat, alef forms, the article and clitics), best first,
    each with a passage where the matches are [marked]."""
    with open_project(project, readonly=True) as p:
        hits = run(lambda: p.search(query, limit))
    rows = [{"name": h.document.name, "snippet": h.snippet.marked()} for h in hits]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['name']}\t{row['snippet']}")


@cli.command("check")
@project_argument
def check_command(project: Path) -> None:
    """Check PROJECT's integrity: offsets, texts, relations, schema. Exit 1 on problems."""
    from annotator.storage.check import check_project

    with open_project(project, readonly=True) as p:
        problems = run(lambda: check_project(p))
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{plural(len(problems), 'problem')} found", err=True)
        sys.exit(1)
    click.echo("ok")


@cli.command("schema")
@project_argument
@click.option(
    "--import",
    "import_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Replace the schema with this JSON file's.",
)
@click.option(
    "--export",
    "export_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the schema to this JSON file.",
)
def schema_command(project: Path, import_file: Path | None, export_file: Path | None) -> None:
    """Show PROJECT's labels, or import/export the schema as JSON."""
    if import_file and export_file:
        raise click.UsageError("give --import or --export, not both")
    with open_project(project, readonly=import_file is None) as p:
        if import_file:
            run(lambda: p.set_schema(load_schema(import_file)))
            click.echo(f"schema of {shown(project)} replaced from {import_file}")
        elif export_file:
            run(lambda: save_schema(p.schema(), export_file))
            click.echo(f"schema written to {export_file}")
        else:
            for lb in p.schema().labels:
                say(
                    f"{lb.shortcut or '-'}\t{lb.name}\t{lb.kind.value}\t{lb.color}\t"
                    f"{lb.description}"
                )


@cli.command("backup")
@project_argument
@click.option("--list", "list_them", is_flag=True, help="List the project's backups.")
@click.option(
    "--restore",
    "restore_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Put this backup in the project's place (the current file is kept).",
)
def backup_command(project: Path, list_them: bool, restore_file: Path | None) -> None:
    """Take today's backup of PROJECT (kept for 7 days), list backups, or restore one."""
    from annotator.storage import backups

    if restore_file:
        kept = run(lambda: backups.restore(restore_file, project))
        click.echo(f"restored {shown(project)} from {restore_file}; the replaced file is {kept}")
    elif list_them:
        with open_project(project, readonly=True) as p:
            for b in backups.list_backups(p):
                click.echo(f"{b.taken:%Y-%m-%d}\t{b.path}")
    else:
        with open_project(project) as p:
            made = run(lambda: backups.daily_backup(p))
        click.echo(f"backup written to {made.path}" if made else "today's backup exists")


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv_cell(value: str) -> str:
    """A name as one cell of tab-separated output: a backslash, tab or line break in it
    is written as an escape (as in a TSV file), so that one line stays one row."""
    return value.translate(_TSV_ESCAPES)
