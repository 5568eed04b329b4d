"""Exporting: a selection of annotators, documents and labels, written in a format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import UserError
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport, ExportSelection
from annotator.formats.registry import get_format
from annotator.storage.project import Project


def check_selection(project: Project, selection: ExportSelection) -> None:
    """Refuse names that are not in the project, rather than export nothing quietly."""
    known = set(project.annotators())
    missing = [a for a in selection.annotators if a not in known]
    if missing:
        raise UserError(f"no annotator named {', '.join(missing)} in the project", project.path)
    schema = project.schema()
    missing = [lb for lb in selection.labels if schema.label(lb) is None]
    if missing:
        raise UserError(f"no label named {', '.join(missing)} in the schema", project.path)
    names = {d.name for d in project.documents()}
    missing = [d for d in selection.documents if d not in names]
    if missing:
        raise UserError(f"no document named {', '.join(missing)} in the project", project.path)


def iter_documents(project: Project, selection: ExportSelection) -> Iterator[ExportedDocument]:
    """Selected documents in project order, each with its selected annotations."""
    wanted_docs = set(selection.documents)
    wanted_annotators = set(selection.annotators)
    wanted_labels = set(selection.labels)
    for info in project.documents():
        if wanted_docs and info.name not in wanted_docs:
            continue
        anns = [
            a
            for a in project.annotations(info.id)
            if (not wanted_annotators or a.annotator in wanted_annotators)
            and (not wanted_labels or a.label in wanted_labels)
        ]
        kept = {a.id for a in anns}
        rels = [r for r in project.relations(info.id) if r.from_id in kept and r.to_id in kept]
        statuses = {
            who: s
            for who, s in project.statuses(info.id).items()
            if not wanted_annotators or who in wanted_annotators
        }
        yield ExportedDocument(project.document(info.id), anns, rels, statuses)


def export(
    project: Project, format_name: str, output: Path, options: ExportOptions
) -> ExportReport:
    fmt = get_format(format_name)
    if not fmt.can_export:
        raise UserError(f"the {fmt.name} format can only be imported")
    check_selection(project, options.selection)
    return fmt.writer().write(iter_documents(project, options.selection), output, options)
