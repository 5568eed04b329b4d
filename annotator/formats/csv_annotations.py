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
import io
from collections.abc import Iterator
from pathlib import Path

from annotator.core.output import open_binary_output
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.common import Losses, write_lines
from annotator.storage.export_rows import csv_lines, totals
from annotator.storage.project import Project

COLUMNS = ("document", "annotator", "label", "start", "end", "text", "attributes")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_project(project: Project, output: Path, options: ExportOptions) -> ExportReport:
    report = ExportReport()
    losses = Losses(report)

    def lines() -> Iterator[bytes]:
        for name, relations, rows in csv_lines(project, options.selection, _FORMULA_START):
            report.documents += 1
            if relations:
                losses.add("relations are not written to the CSV table", repr(name), relations)
            yield rows

    # The lines are made by SQLite as the csv module makes them (storage/export_rows.py).
    header = io.StringIO()
    csv.writer(header).writerow(COLUMNS)
    with open_binary_output(output) as out:
        # Excel takes a UTF-8 file without a BOM for its ANSI code page and garbles Arabic.
        out.write(("\ufeff" + header.getvalue()).encode())
        write_lines(out, lines(), end=b"")
    report.annotations = totals(project, options.selection).annotations
    losses.finish()
    return report
