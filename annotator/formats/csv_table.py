"""CSV tables of articles: one document per row, its text in a named column."""

from __future__ import annotations

import csv
from pathlib import Path

from annotator.core.errors import UserError
from annotator.core.inputs import read_input
from annotator.core.model import NewDocument
from annotator.formats.base import ImportOptions
from annotator.formats.common import csv_rows
from annotator.formats.text import decode, normalise


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    text_column, name_column = options.text_column, options.name_column
    content, encoding = decode(read_input(path), path)
    reader = csv_rows(content)
    columns = reader.fieldnames or []
    if text_column not in columns:
        raise UserError(
            f"has no column {text_column!r} (columns: {', '.join(columns) or 'none'}); "
            "name the text column with --text-column",
            path,
        )
    docs: list[NewDocument] = []
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                raise UserError("has more cells than the header has columns", path, line)
            text = normalise(row[text_column] or "")
            if not text.strip():
                raise UserError(f"the {text_column!r} cell is empty", path, line)
            meta = {k: v for k, v in row.items() if k not in (text_column, name_column) and v}
            meta["encoding"] = encoding
            doc_name = row.get(name_column) or f"{name} row {len(docs) + 1}"
            docs.append(
                NewDocument(name=doc_name, text=text, source=str(path), meta=meta, line=line)
            )
    except csv.Error as exc:
        raise UserError(f"is not valid CSV ({exc})", path, reader.line_num) from None
    if not docs:
        raise UserError("has a header but no rows", path)
    return docs
