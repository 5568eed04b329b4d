"""HTML export: a folder with one standalone page per document and an index.html.

The pages are for reading (``annotator.rendering.html_page``); importing HTML reads an
article's text (``html.py``), not these pages' spans.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path
from urllib.parse import quote

from annotator.core.output import OutputFolder, open_output
from annotator.core.schema import default_schema
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport
from annotator.formats.common import count
from annotator.rendering.html_page import render_html

INDEX = "index.html"


def write(docs: Iterator[ExportedDocument], output: Path, options: ExportOptions) -> ExportReport:
    folder = OutputFolder(output, reserved=[INDEX])  # a document "index" gets another name
    report = ExportReport()
    entries: list[tuple[str, str, int]] = []
    schema = options.schema or default_schema()
    for doc in docs:
        page = folder.file(doc.document.name, ".html")
        with open_output(page) as out:
            out.write(render_html(doc.document, doc.annotations, doc.relations, schema))
        link = page.relative_to(output).as_posix()
        entries.append((link, doc.document.name, len(doc.annotations)))
        count(report, doc)
    with open_output(output / INDEX) as out:
        out.write(_index(entries))
    report.warnings += folder.warnings
    return report


def _index(entries: list[tuple[str, str, int]]) -> str:
    """The folder's front page: a link to each document with its number of spans."""
    items = "\n".join(
        f'<li><a href="{escape(quote(link))}" dir="auto">{escape(name)}</a> ({n})</li>'
        for link, name, n in entries
    )
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        "<title>Annotated articles</title>\n"
        "<style>body { font-family: sans-serif; max-width: 46em; margin: 2em auto; "
        "line-height: 1.8; }</style>\n</head>\n<body>\n<h1>Annotated articles</h1>\n"
        f"<ul>\n{items}\n</ul>\n</body>\n</html>\n"
    )
