"""Exporting: a selection of annotators, documents and labels, written in a format."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby
from operator import attrgetter, itemgetter
from pathlib import Path

from annotator.core.errors import UserError
from annotator.core.model import Annotation, Relation, Status
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport, ExportSelection
from annotator.formats.registry import get_format
from annotator.storage.project import Project
from annotator.storage.whole_project import relations_by_document, status_rows


def check_selection(project: Project, selection: ExportSelection) -> None:
    """Refuse names that are not in the project, rather than export nothing quietly."""
    known = set(project.annotators())
    missing = [a for a in selection.annotators if a not in known]
    if missing:
        raise UserError(f"no annotator named {', '.join(missing)} in the project", project.path)
    project.check_sees(selection.annotators)
    schema = project.schema()
    missing = [lb for lb in selection.labels if schema.label(lb) is None]
    if missing:
        raise UserError(f"no label named {', '.join(missing)} in the schema", project.path)
    if not selection.documents:  # listing 10,000 documents would take a tenth of an export
        return
    names = {d.name for d in project.documents()}
    missing = [d for d in selection.documents if d not in names]
    if missing:
        raise UserError(f"no document named {', '.join(missing)} in the project", project.path)


def iter_documents(project: Project, selection: ExportSelection) -> Iterator[ExportedDocument]:
    """Selected documents in project order, each with its selected annotations.

    Streams three queries side by side (documents, annotations, relations, all in
    document order) instead of querying per document: exports are a hot path.
    """
    wanted_docs = set(selection.documents)
    wanted_annotators = set(selection.annotators)
    annotations = groupby(
        project.iter_annotations(selection.annotators, selection.labels),
        key=attrgetter("document_id"),
    )
    relations = groupby(relations_by_document(project), key=itemgetter(0))
    statuses: dict[int, dict[str, Status]] = {}
    for doc_id, who, status in status_rows(project):
        if not wanted_annotators or who in wanted_annotators:
            statuses.setdefault(doc_id, {})[who] = status
    next_anns = next(annotations, None)
    next_rels = next(relations, None)
    for doc in project.iter_documents():
        anns: list[Annotation] = []
        while next_anns is not None and next_anns[0] <= doc.id:
            if next_anns[0] == doc.id:
                anns = list(next_anns[1])
            next_anns = next(annotations, None)
        rels: list[Relation] = []
        while next_rels is not None and next_rels[0] <= doc.id:
            if next_rels[0] == doc.id:
                rels = [r for _, r in next_rels[1]]
            next_rels = next(relations, None)
        if wanted_docs and doc.name not in wanted_docs:
            continue
        kept = {a.id for a in anns}
        rels = [r for r in rels if r.from_id in kept and r.to_id in kept]
        yield ExportedDocument(doc, anns, rels, statuses.get(doc.id, {}))


def export(
    project: Project, format_name: str, output: Path, options: ExportOptions
) -> ExportReport:
    fmt = get_format(format_name)
    if not fmt.can_export:
        raise UserError(f"the {fmt.name} format can only be imported")
    check_selection(project, options.selection)
    options = replace(options, schema=project.schema())
    writer = fmt.writer()
    # The line formats read the project themselves, through SQL that builds their rows
    # (storage/export_rows.py); the others take documents with their annotations.
    if hasattr(writer, "write_project"):
        report: ExportReport = writer.write_project(project, output, options)
        return report
    report = writer.write(iter_documents(project, options.selection), output, options)
    return report
