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
import json
from collections.abc import Iterator
from pathlib import Path

from annotator.core.output import open_output
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport
from annotator.formats.common import Losses, count

COLUMNS = ("document", "annotator", "label", "start", "end", "text", "attributes")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """The cell as a spreadsheet shows it without running it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def write(docs: Iterator[ExportedDocument], output: Path, options: ExportOptions) -> ExportReport:
    report = ExportReport()
    losses = Losses(report)
    with open_output(output) as out:
        # Excel takes a UTF-8 file without a BOM for its ANSI code page and garbles Arabic.
        out.write("\ufeff")
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for doc in docs:
            name = doc.document.name
            writer.writerows(
                (
                    inert(name),
                    inert(a.annotator),
                    inert(a.label),
                    a.start,
                    a.end,
                    inert(a.text),
                    json.dumps(a.attributes, ensure_ascii=False) if a.attributes else "",
                )
                for a in doc.annotations
            )
            count(report, doc, relations=False)
            if doc.relations:
                losses.add(
                    "relations are not written to the CSV table", repr(name), len(doc.relations)
                )
    losses.finish()
    return report
