"""CSV export: one row per annotation, for spreadsheets and quick analysis.

Columns: document, annotator, label, start, end, text, attributes (a JSON object).
Offsets are code points into the stored text. Relations and statuses have no place in
the table, and the export says so.

A cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return: "formula injection") is written after an apostrophe,
which spreadsheets show as text and do not display.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from annotator.core.output import open_output
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.common import Losses
from annotator.storage.export_rows import csv_rows, document_counts
from annotator.storage.project import Project

COLUMNS = ("document", "annotator", "label", "start", "end", "text", "attributes")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_project(project: Project, output: Path, options: ExportOptions) -> ExportReport:
    report = ExportReport()
    losses = Losses(report)
    with open_output(output) as out:
        # Excel takes a UTF-8 file without a BOM for its ANSI code page and garbles Arabic.
        out.write("\ufeff")
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        rows = csv_rows(project, options.selection, _FORMULA_START)
        # In chunks, to count the rows while the csv module writes them in C.
        for chunk in iter(lambda: list(itertools.islice(rows, 10_000)), []):
            writer.writerows(chunk)
            report.annotations += len(chunk)
    for name, relations in document_counts(project, options.selection):
        report.documents += 1
        if relations:
            losses.add("relations are not written to the CSV table", repr(name), relations)
    losses.finish()
    return report
