"""HTML pages: the article's main text, without menus, footers or scripts.

trafilatura does the extraction; it parses the page we give it and fetches nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from annotator.core.errors import UserError
from annotator.core.inputs import read_input
from annotator.core.model import MAX_DOCUMENT_CHARS, NewDocument
from annotator.formats.base import ImportOptions
from annotator.formats.text import decode, normalise


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    import trafilatura  # heavy (lxml, courlan…): loaded only when an HTML page comes in

    html, encoding = decode(read_input(path, 4 * MAX_DOCUMENT_CHARS, "an article"), path)
    # trafilatura logs warnings and errors for a page without an article; we say so
    # ourselves, naming the file.
    quiet = logging.getLogger("trafilatura")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, favor_precision=True, include_comments=False
        )
    finally:
        quiet.setLevel(level)
    # bare_extraction gives a Document object (a dict only with as_dict=True)
    text = normalise(getattr(extracted, "text", None) or "")
    if not text.strip():
        raise UserError("no article text was found in this HTML page", path)
    meta = {"encoding": encoding, "extracted_from": "html"}
    for key in ("title", "author", "date", "url", "sitename"):
        value = getattr(extracted, key, None)
        if value:
            meta[key] = str(value)
    return [NewDocument(name=name, text=text, source=str(path), meta=meta)]
