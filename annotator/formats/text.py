"""Plain-text articles (.txt, .md): decoding and the only normalisation we apply.

The stored text is the file's text with line endings made ``\\n`` and a leading BOM
dropped; nothing else changes (no NFC, no tatweel or diacritic stripping), because every
offset anyone ever computes is into that text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from annotator.core.errors import UserError
from annotator.formats.base import ImportOptions
from annotator.storage.project import NewDocument

# Control characters (category Cc) that no text file holds; tab and line breaks are fine.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

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
    bad = _CONTROL.search(text)
    if bad is not None:
        raise UserError(
            f"contains the control character U+{ord(bad.group()):04X} at character "
            f"{bad.start()}; is it a binary file?",
            path,
        )
    return text, encoding


def _strict(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UserError(
            f"is not valid {encoding.upper()} (bad byte at offset {exc.start})", path
        ) from None


def _windows_1256(data: bytes, utf8_error: UnicodeDecodeError, path: str | Path) -> str:
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


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot be read ({exc.strerror})", path) from None


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    text, encoding = decode(read_bytes(path), path)
    meta = {"encoding": encoding}
    if "\r" in text:
        meta["line_endings"] = "crlf" if "\r\n" in text else "cr"
    return [NewDocument(name=name, text=normalise(text), source=str(path), meta=meta)]
