"""The core's error lines in the interface's language, for dialogs and the status bar.

The core says what went wrong in English (it imports no Qt, and the command line prints
its lines as they are). Where the window shows one, it translates the reason through
this table: each entry is the core's message with ``{}`` where the core puts a value,
and its translation with %1, %2, ... in their place. A reason the table lacks is shown
as the core gives it. A test checks that every entry is a message the core makes.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from annotator.core.errors import UserError, printable


def _table() -> dict[str, str]:
    # Literal calls, not a loop over the keys: pyside6-lupdate extracts only literals.
    return {
        # Opening and making projects.
        "already exists; choose another name or open it": QCoreApplication.translate(
            "CoreErrors", "already exists; choose another name or open it"
        ),
        "no such project file": QCoreApplication.translate("CoreErrors", "no such project file"),
        "is a folder, not a project file": QCoreApplication.translate(
            "CoreErrors", "is a folder, not a project file"
        ),
        "cannot be read (Permission denied)": QCoreApplication.translate(
            "CoreErrors", "cannot be read (Permission denied)"
        ),
        "is an SQLite database but not an annotator project": QCoreApplication.translate(
            "CoreErrors", "is an SQLite database but not an annotator project"
        ),
        "is damaged and cannot be opened ({})": QCoreApplication.translate(
            "CoreErrors", "is damaged and cannot be opened (%1)"
        ),
        "cannot be opened: the disk is full (the project is not damaged; free some space "
        "and open it again)": QCoreApplication.translate(
            "CoreErrors",
            "cannot be opened: the disk is full (the project is not damaged; free some "
            "space and open it again)",
        ),
        "cannot be made ({})": QCoreApplication.translate("CoreErrors", "cannot be made (%1)"),
        "the disk is full: no project was made": QCoreApplication.translate(
            "CoreErrors", "the disk is full: no project was made"
        ),
        # Saving an edit.
        "is open read-only; nothing can be changed": QCoreApplication.translate(
            "CoreErrors", "is open read-only; nothing can be changed"
        ),
        "is busy: another program has been writing to it for {} seconds; the change was "
        "not saved, try again": QCoreApplication.translate(
            "CoreErrors",
            "is busy: another program has been writing to it for %1 seconds; the change "
            "was not saved, try again",
        ),
        "the disk is full: the change was not saved": QCoreApplication.translate(
            "CoreErrors", "the disk is full: the change was not saved"
        ),
        "cannot be written: the change was not saved": QCoreApplication.translate(
            "CoreErrors", "cannot be written: the change was not saved"
        ),
        "span {}-{} was not added to document {}: the project changed meanwhile; "
        "try again": QCoreApplication.translate(
            "CoreErrors",
            "span %1-%2 was not added to document %3: the project changed meanwhile; try again",
        ),
        "the span {} ({}) is no longer there: another person or program deleted it; "
        "nothing was changed": QCoreApplication.translate(
            "CoreErrors",
            "the span %1 (%2) is no longer there: another person or program deleted it; "
            "nothing was changed",
        ),
        "the span {} was changed by another program": QCoreApplication.translate(
            "CoreErrors", "the span %1 was changed by another program"
        ),
        "no annotation with id {} (another person or program may have deleted "
        "it)": QCoreApplication.translate(
            "CoreErrors",
            "no annotation with id %1 (another person or program may have deleted it)",
        ),
        "a span cannot be related to itself": QCoreApplication.translate(
            "CoreErrors", "a span cannot be related to itself"
        ),
        "a relation links two spans of one annotator in one document": QCoreApplication.translate(
            "CoreErrors", "a relation links two spans of one annotator in one document"
        ),
        "these spans are already linked by {}": QCoreApplication.translate(
            "CoreErrors", "these spans are already linked by %1"
        ),
        "unknown relation type {}": QCoreApplication.translate(
            "CoreErrors", "unknown relation type %1"
        ),
        # The schema.
        "the new schema drops labels that annotations use: {}": QCoreApplication.translate(
            "CoreErrors", "the new schema drops labels that annotations use: %1"
        ),
        "invalid label name {}": QCoreApplication.translate("CoreErrors", "invalid label name %1"),
        "unknown label {}": QCoreApplication.translate("CoreErrors", "unknown label %1"),
        "there is already a label named {}": QCoreApplication.translate(
            "CoreErrors", "there is already a label named %1"
        ),
        # Suggestions.
        "no spans to learn from yet: annotate, or mark documents done": QCoreApplication.translate(
            "CoreErrors", "no spans to learn from yet: annotate, or mark documents done"
        ),
        # Reading files (import, schema, lists of names).
        "no such file": QCoreApplication.translate("CoreErrors", "no such file"),
        "no such file or folder": QCoreApplication.translate(
            "CoreErrors", "no such file or folder"
        ),
        "is empty": QCoreApplication.translate("CoreErrors", "is empty"),
        "cannot be read ({})": QCoreApplication.translate("CoreErrors", "cannot be read (%1)"),
        "is a binary file, not text (it contains NUL bytes)": QCoreApplication.translate(
            "CoreErrors", "is a binary file, not text (it contains NUL bytes)"
        ),
        "is not UTF-8 (bad byte at offset {}), nor UTF-16 with a BOM, nor Arabic Windows-1256 "
        "text": QCoreApplication.translate(
            "CoreErrors",
            "is not UTF-8 (bad byte at offset %1), nor UTF-16 with a BOM, nor Arabic "
            "Windows-1256 text",
        ),
        "malformed JSON ({})": QCoreApplication.translate("CoreErrors", "malformed JSON (%1)"),
        "holds no documents": QCoreApplication.translate("CoreErrors", "holds no documents"),
        "each line must be a JSON object": QCoreApplication.translate(
            "CoreErrors", "each line must be a JSON object"
        ),
        '"text" must be a non-empty string': QCoreApplication.translate(
            "CoreErrors", '"text" must be a non-empty string'
        ),
        "{}: offsets {}-{} are out of range for a text of {} characters (start must be "
        "before end)": QCoreApplication.translate(
            "CoreErrors",
            "%1: offsets %2-%3 are out of range for a text of %4 characters (start must be "
            "before end)",
        ),
        "{}: text {} does not match {} at {}-{}": QCoreApplication.translate(
            "CoreErrors", "%1: text %2 does not match %3 at %4-%5"
        ),
        "{} is out of range for a text of {} characters (start must be before end)": (
            QCoreApplication.translate(
                "CoreErrors",
                "%1 is out of range for a text of %2 characters (start must be before end)",
            )
        ),
        "span {} at {}-{}: the file says {} but the text has {}": QCoreApplication.translate(
            "CoreErrors", "span %1 at %2-%3: the file says %4 but the text has %5"
        ),
        "span {} at {}-{} has no label": QCoreApplication.translate(
            "CoreErrors", "span %1 at %2-%3 has no label"
        ),
        # After the span's own: a general end, matched last.
        "{} has no label": QCoreApplication.translate("CoreErrors", "%1 has no label"),
        "document {} has {} characters; annotator takes articles of up to {} (split the "
        "text into parts)": QCoreApplication.translate(
            "CoreErrors",
            "document %1 has %2 characters; annotator takes articles of up to %3 (split "
            "the text into parts)",
        ),
        # Writing files (export, share, backups).
        "the disk is full: nothing was written": QCoreApplication.translate(
            "CoreErrors", "the disk is full: nothing was written"
        ),
        "the disk is full: no copy was made": QCoreApplication.translate(
            "CoreErrors", "the disk is full: no copy was made"
        ),
        "cannot be written ({})": QCoreApplication.translate(
            "CoreErrors", "cannot be written (%1)"
        ),
        "cannot be written: permission denied": QCoreApplication.translate(
            "CoreErrors", "cannot be written: permission denied"
        ),
        "cannot be written: the file system is read-only": QCoreApplication.translate(
            "CoreErrors", "cannot be written: the file system is read-only"
        ),
        "the file name is too long for the file system": QCoreApplication.translate(
            "CoreErrors", "the file name is too long for the file system"
        ),
        "is a folder; give the name of a file to write": QCoreApplication.translate(
            "CoreErrors", "is a folder; give the name of a file to write"
        ),
        "the folder to write into does not exist": QCoreApplication.translate(
            "CoreErrors", "the folder to write into does not exist"
        ),
        "is a symbolic link; annotator does not write through links": QCoreApplication.translate(
            "CoreErrors", "is a symbolic link; annotator does not write through links"
        ),
        "already exists; it is not replaced": QCoreApplication.translate(
            "CoreErrors", "already exists; it is not replaced"
        ),
        "is a file; this format writes a folder of files": QCoreApplication.translate(
            "CoreErrors", "is a file; this format writes a folder of files"
        ),
    }


# A file name or a value inside a translated line keeps its own direction (a Latin path
# in an Arabic line is not reordered around it): first-strong isolates.
_ISOLATE = "\u2068{}\u2069"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile("(.+?)".join(re.escape(part) for part in english.split("{}")), re.DOTALL)
        for english in _table()
    )


def _numbered(english: str) -> str:
    """``english`` with its ``{}`` numbered as a translation's %1, %2, ..."""
    parts = english.split("{}")
    return "".join(f"{part}%{n}" for n, part in enumerate(parts[:-1], start=1)) + parts[-1]


def reason_text(message: str) -> str:
    """The core's ``message`` in the interface's language (as it is when untranslated)."""
    for pattern, (english, translated) in zip(_patterns(), _table().items(), strict=True):
        found = pattern.fullmatch(message)
        if found is None:
            continue
        if translated == _numbered(english):  # the interface is in English
            return message
        for n, value in enumerate(found.groups(), start=1):
            translated = translated.replace(f"%{n}", _ISOLATE.format(value))
        return translated
    return message


def error_text(exc: BaseException) -> str:
    """One line for an error caught in the window: a core UserError's file (and line)
    and its reason in the interface's language; anything else as it prints."""
    if not isinstance(exc, UserError):
        return str(exc)
    reason = reason_text(exc.message)
    if (
        reason == exc.message and QCoreApplication.translate("CoreErrors", "%1: %2") == "%1: %2"
    ):  # the interface is in English
        return str(exc)
    if not exc.path:
        return printable(reason)
    where = _ISOLATE.format(exc.path)
    if exc.line is not None:
        where = (
            QCoreApplication.translate("CoreErrors", "%1, line %2")
            .replace("%1", where)
            .replace("%2", str(exc.line))
        )
    return printable(
        QCoreApplication.translate("CoreErrors", "%1: %2")
        .replace("%1", where)
        .replace("%2", reason)
    )
