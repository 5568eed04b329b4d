"""What the interchange formats share: moving a file's offsets into the stored text,
checking every span as it is read, naming the files of folder exports safely, and
reporting what a format cannot carry.
"""

from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from annotator.core.errors import UserError
from annotator.core.model import Annotation
from annotator.formats.base import ExportedDocument, ExportReport, ImportOptions
from annotator.formats.text import normalise

Fail = Callable[[str], UserError]

# Written as \uXXXX escapes: U+2028, U+2029 and U+0085, which line-based readers (Python's
# splitlines, JavaScript before ES2019) take for line ends, the other C1 controls and DEL
# (json.dumps escapes only U+0000-U+001F), and lone surrogates, which UTF-8 cannot hold.
_JSON_ESCAPED = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def csv_rows(content: str, delimiter: str = ",") -> csv.DictReader[str]:
    """A CSV table's rows as dictionaries. Python's csv refuses a cell over 131,072
    characters (and names the wrong line); the file is bounded already (read_input) and
    an article's length is checked on its own row, so the limit is the file's length."""
    csv.field_size_limit(max(csv.field_size_limit(), len(content) + 1))
    return csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter)


def json_text(value: Any, indent: int | None = None) -> str:
    """Standard JSON (no NaN or Infinity) on one line unless ``indent``, readable Arabic,
    and safe for every reader of JSON lines: see _JSON_ESCAPED. Such characters occur
    only inside strings, where an escape means the same."""
    try:
        out = json.dumps(value, ensure_ascii=False, allow_nan=False, indent=indent)
    except ValueError as exc:  # NaN or Infinity, kept by an older version
        raise UserError(f"{exc}: NaN and Infinity are not JSON; run `annotator check`") from None
    return json_safe(out)


def json_safe(text: str) -> str:
    """JSON text with the characters of _JSON_ESCAPED written as escapes."""
    return _JSON_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# The first bytes of _JSON_ESCAPED's characters in UTF-8, and the two that need more.
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080-U+009F
_SEPARATORS_UTF8 = re.compile(rb"\xe2\x80[\xa8\xa9]")  # U+2028, U+2029


def json_safe_utf8(line: bytes) -> bytes:
    """json_safe for JSON text in UTF-8, as SQLite builds it. Such characters are rare, so
    the line is first searched as bytes (DEL; the lead byte of U+0080-U+009F; ED, which
    begins a surrogate half that only another program can have stored; U+2028 and U+2029:
    a tenth of the time one regular expression takes over Arabic UTF-8) and only a line
    holding one is decoded and escaped."""
    if not (
        b"\x7f" in line
        or b"\xed" in line
        or (b"\xc2" in line and _C1_UTF8.search(line))
        or _SEPARATORS_UTF8.search(line)
    ):
        return line
    try:
        text = line.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise UserError(
            "a text in the project is not valid UTF-8; was the file changed by another "
            "program? (`annotator check` names it)"
        ) from None
    return json_safe(text).encode()


def write_lines(out: IO[bytes], lines: Iterable[bytes], end: bytes = b"\n") -> int:
    """Write ``lines``, each followed by ``end``, in chunks of about a megabyte (a write
    per 10 KB line would be a system call each); return how many there were."""
    count = 0
    chunk: list[bytes] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line)
        if size > 1 << 20:
            count += len(chunk)
            out.write(end.join(chunk) + end)
            chunk, size = [], 0
    if chunk:
        out.write(end.join(chunk) + end)
    return count + len(chunk)


def failing(path: Path, line: int | None = None) -> Fail:
    """A function making the UserError for a problem at ``path`` (and ``line``)."""
    return lambda message: UserError(message, path, line)


class SourceText:
    """A document's text as a file holds it (perhaps with a BOM or CRLF line ends), and
    its stored form; offsets counted in the first are moved into the second."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text = normalise(raw)
        # normalise() drops a leading BOM and the CR of each CRLF; a lone CR becomes LF.
        self._removed = [m.start() for m in re.finditer("\r\n", raw)]
        if raw.startswith("\ufeff"):
            self._removed.insert(0, 0)

    def stored(self, index: int) -> int:
        return index - bisect_left(self._removed, index) if self._removed else index


def annotator_for(named: Any, options: ImportOptions, fail: Fail) -> str:
    """The annotator named in the file, else the one given on import; refuse when neither."""
    who = named if isinstance(named, str) and named.strip() else options.annotator
    if not who or not who.strip():
        raise fail(
            "the file names no annotator for its annotations; give one with --annotator NAME"
        )
    return who.strip()


def make_annotation(
    source: SourceText,
    start: int,
    end: int,
    label: Any,
    annotator: str,
    fail: Fail,
    *,
    ident: str = "",
    expected: str | None = None,
    attributes: dict[str, Any] | None = None,
) -> Annotation:
    """A checked annotation from code-point offsets into ``source.raw``."""
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= len(source.raw):
        where = f"span {ident or label!r} at {start}-{end}"
        if type(start) is not int or type(end) is not int:
            raise fail(f"{where}: start and end must be whole numbers")
        raise fail(
            f"{where} is out of range for a text of {len(source.raw)} characters "
            "(start must be before end)"
        )
    if expected is not None and source.raw[start:end] != expected:
        raise fail(
            f"span {ident or label!r} at {start}-{end}: the file says {expected!r} but the "
            f"text has {source.raw[start:end]!r}"
        )
    if not isinstance(label, str) or not label.strip():
        raise fail(f"span {ident!r} at {start}-{end} has no label")
    s, e = source.stored(start), source.stored(end)
    return Annotation(ident, 0, annotator, label.strip(), s, e, source.text[s:e], attributes or {})


def count(
    report: ExportReport,
    doc: ExportedDocument,
    relations: bool | int = True,
    annotations: int | None = None,
) -> None:
    """Count a written document: all its annotations and relations, or as many as given
    (a format that left some out, and reported them)."""
    report.documents += 1
    report.annotations += len(doc.annotations) if annotations is None else annotations
    if relations is True:
        report.relations += len(doc.relations)
    elif relations is not False:
        report.relations += relations


class Losses:
    """What an export could not carry, summed per kind so that 200,000 alike stay readable.

    ``add(kind, example)``: ``kind`` says what was lost and why, the first ``example``
    names where.
    """

    def __init__(self, report: ExportReport):
        self._report = report
        self._counts: Counter[str] = Counter()
        self._first: dict[str, str] = {}

    def add(self, kind: str, example: str, n: int = 1) -> None:
        self._counts[kind] += n
        self._first.setdefault(kind, example)

    def labels_only(self, doc: ExportedDocument, holder: str) -> None:
        """``holder`` (a token format) keeps labels only: the document's relations and
        attributes are lost."""
        name = repr(doc.document.name)
        if doc.relations:
            self.add(f"{holder} has no relations; not written", name, len(doc.relations))
        n_attr = sum(1 for a in doc.annotations if a.attributes)
        if n_attr:
            self.add(f"{holder} has no attributes; not written", name, n_attr)

    def multiple_annotators(self, doc: ExportedDocument, format_title: str) -> None:
        self.annotators_merged(
            doc.document.name, (a.annotator for a in doc.annotations), format_title
        )

    def annotators_merged(self, name: str, annotators: Iterable[str], format_title: str) -> None:
        """Document ``name``'s spans, by ``annotators``, go where no annotator is named."""
        who = sorted(set(annotators))
        if len(who) > 1:
            self.add(
                f"{format_title} has no annotator field: spans of several annotators were "
                "merged (choose one with --annotator)",
                f"{name!r}: {', '.join(who)}",
            )

    def finish(self) -> None:
        for kind, n in self._counts.items():
            self._report.warnings.append(f"{kind}: {n} (first in {self._first[kind]})")


_SPACE = re.compile(r"\s")


def spaceless(name: str, losses: Losses, format_title: str) -> str:
    """A label or type for a format whose fields are separated by white space."""
    if not _SPACE.search(name):
        return name
    losses.add(f"{format_title} cannot hold white space in a label; written with _", repr(name))
    return re.sub(r"\s+", "_", name.strip())
