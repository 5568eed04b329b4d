"""Plain-text articles (.txt, .md): decoding and the only normalisation we apply.

The stored text is the file's text with line endings made ``\\n`` and a leading BOM
dropped; nothing else changes (no NFC, no tatweel or diacritic stripping), because every
offset anyone ever computes is into that text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from annotator.core.content import text_problem
from annotator.core.errors import UserError
from annotator.core.inputs import read_input
from annotator.core.model import MAX_DOCUMENT_CHARS, NewDocument
from annotator.formats.base import ImportOptions

_UTF8_ARABIC = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")

# Most Arabic-script text in the legacy Windows encoding decodes as mostly letters of
# U+0600–U+06FF; text in another single-byte encoding decoded as 1256 does not.
_ARABIC_SHARE_FOR_1256 = 0.5


def decode(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode a text file's bytes; returns (text, encoding name) or raises UserError."""
    if not data.strip():
        raise UserError("is empty", path)
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[3:], "utf-8", path), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16", path), "utf-16"
    elif b"\x00" in data:
        raise UserError("is a binary file, not text (it contains NUL bytes)", path)
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = _windows_1256(data, exc, path), "windows-1256"
    problem = text_problem(text)  # the one rule of annotator.core.content
    if problem is not None:
        raise UserError(f"{problem}; is it a binary file?", path)
    return text, encoding


def _strict(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UserError(
            f"is not valid {encoding.upper()} (bad byte at offset {exc.start})", path
        ) from None


def _windows_1256(data: bytes, utf8_error: UnicodeDecodeError, path: str | Path) -> str:
    # Arabic letters in UTF-8 are byte pairs D8–DB 80–BF; Windows-1256 Arabic almost
    # never has them. Many such pairs in a file that is not UTF-8 mean a mix of both.
    utf8_pairs = len(_UTF8_ARABIC.findall(data))
    high_bytes = sum(1 for b in data if b >= 0x80)
    if utf8_pairs * 2 > high_bytes // 4:
        raise UserError(
            "mixes UTF-8 with another encoding (the first byte that is not UTF-8 is at "
            f"offset {utf8_error.start}); save it in one encoding",
            path,
        )
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff")
    if not letters or arabic / len(letters) < _ARABIC_SHARE_FOR_1256:
        raise UserError(
            "is not UTF-8 (bad byte at offset "
            f"{utf8_error.start}), nor UTF-16 with a BOM, nor Arabic Windows-1256 text",
            path,
        )
    return text


def normalise(text: str) -> str:
    """Line endings to ``\\n`` and no leading BOM: the only changes to an imported text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    # UTF-16 takes at most 4 bytes a character, the other encodings fewer.
    text, encoding = decode(read_input(path, 4 * MAX_DOCUMENT_CHARS, "an article"), path)
    meta = {"encoding": encoding}
    if "\r" in text:
        meta["line_endings"] = "crlf" if "\r\n" in text else "cr"
    return [NewDocument(name=name, text=normalise(text), source=str(path), meta=meta)]
