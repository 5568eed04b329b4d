"""Opening what a user gives us to read: every input is bounded before it is read.

Every reader of a user's file (the importers, the gazetteer and patterns of `suggest`,
`--schema`, the other side of a merge) comes through here, so that one place decides:

- only regular files are read. A FIFO would block for ever, a device (``/dev/zero``)
  never ends, a socket cannot be read; each is refused at once, naming the file. The file
  is opened without blocking and checked on the open descriptor, so a file swapped for a
  FIFO between the check and the read is caught too.
- a size limit, checked before the first byte; and never more than the limit is read,
  even from a file that grows meanwhile or says it has no size (``/proc``).
- numbers read from a file's text (``parse_count``) are plain ASCII digits of bounded
  length, so that an offset of 10^10 or 5,000 digits is refused before anything is
  sized by it; JSON (``parse_json``) is standard JSON, of bounded numbers and depth.
- folders are walked without stopping at what cannot be entered or named: each such
  entry is reported and the rest is read.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError

# A large project's export fits (a hundred thousand annotated articles is about 1 GB); an
# article on its own is limited far lower by the importers (see MAX_DOCUMENT_CHARS).
MAX_INPUT_BYTES = 1_000_000_000
# A list of names or patterns, a schema: files written by hand, or a gazetteer.
MAX_LIST_BYTES = 50_000_000

# The longest number a file may give as an offset, a length or an index: 12 digits is
# beyond any text annotator holds (MAX_DOCUMENT_CHARS has 8), and int() of it is cheap.
MAX_NUMBER_DIGITS = 12

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _refuse_special(mode: int, path: Path) -> None:
    if not stat.S_ISREG(mode):
        raise UserError(f"is {_kind(mode)}, not a regular file", path)


def _too_big(size: int, limit: int, path: Path, what: str) -> UserError:
    return UserError(
        f"is {_size(size)}; {what} can be at most {_size(limit)} (split it into parts)", path
    )


def _size(n: int) -> str:
    return f"{n / 1e6:,.0f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def cannot_read(exc: OSError, path: Path) -> UserError:
    """The one line for a file the system will not let us read."""
    return UserError(f"cannot be read ({exc.strerror or exc})", path)


def read_input(path: Path, limit: int = MAX_INPUT_BYTES, what: str = "a file") -> bytes:
    """The bytes of the regular file ``path``, of at most ``limit`` bytes; else UserError."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise UserError("no such file", path) from None
    except OSError as exc:
        raise cannot_read(exc, path) from None
    try:
        info = os.fstat(fd)
        _refuse_special(info.st_mode, path)
        if info.st_size > limit:
            raise _too_big(info.st_size, limit, path, what)
        chunks = []
        left = limit + 1  # one byte more tells a file that grew past the limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise _too_big(len(data), limit, path, what)
        return data
    except OSError as exc:
        raise cannot_read(exc, path) from None
    finally:
        os.close(fd)


def require_regular_file(path: Path, limit: int = MAX_INPUT_BYTES, what: str = "a file") -> None:
    """Refuse ``path`` unless it is a regular file within ``limit``: for files another
    library opens itself (SQLite, an XML parser)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError("no such file", path) from None
    except OSError as exc:
        raise cannot_read(exc, path) from None
    _refuse_special(info.st_mode, path)
    if info.st_size > limit:
        raise _too_big(info.st_size, limit, path, what)


def parse_count(digits: str, fail: Callable[[str], UserError], what: str = "number") -> int:
    """A non-negative whole number written in a file, in ASCII digits (not superscripts
    or other scripts' digits, which ``int`` half accepts) and of at most
    MAX_NUMBER_DIGITS of them."""
    if not (digits.isascii() and digits.isdigit()):
        raise fail(f"{what} {_shown(digits)} is not a whole number in the digits 0-9")
    if len(digits) > MAX_NUMBER_DIGITS:
        raise fail(f"{what} {_shown(digits)} is too large ({len(digits):,} digits)")
    return int(digits)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


# Standard JSON only: NaN and Infinity (which Python's parser takes) are refused, since no
# other reader takes them back; integers beyond 4,300 digits are refused by Python itself.
STRICT_JSON = json.JSONDecoder(parse_constant=_no_constant)


def parse_json(text: str, path: Path, line: int | None = None) -> Any:
    """The JSON value ``text`` (the file ``path``'s, or its line ``line``), or UserError
    naming the place: malformed, a number too long, NaN, or nested too deeply."""
    try:
        return STRICT_JSON.decode(text)
    except json.JSONDecodeError as exc:
        if line is None:
            raise UserError(f"malformed JSON ({exc.msg})", path, exc.lineno) from None
        raise UserError(f"malformed JSON ({exc.msg} at column {exc.colno})", path, line) from None
    except ValueError as exc:  # a number longer than Python converts, NaN, Infinity
        raise UserError(f"malformed JSON ({exc})", path, line) from None
    except RecursionError:
        raise UserError("the JSON is nested too deeply", path, line) from None


def _shown(s: str) -> str:
    return repr(s if len(s) <= 20 else s[:20] + "…")


# ----- folders ---------------------------------------------------------------------------


@dataclass
class Walk:
    files: list[Path] = field(default_factory=list)  # regular files (or links to them)
    problems: list[UserError] = field(default_factory=list)  # what could not be entered


def walk_files(folder: Path) -> Walk:
    """Every file under ``folder`` (sorted; hidden entries and links to folders left out),
    and a problem for each sub-folder or entry that cannot be read, the rest still walked."""
    out = Walk()
    _walk(folder, out)
    out.files.sort()
    return out


def _walk(folder: Path, out: Walk) -> None:
    try:
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        out.problems.append(UserError(f"the folder cannot be read ({exc.strerror})", folder))
        return
    for entry in listed:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(path, out)
            elif entry.is_symlink() and path.is_dir():
                continue  # as pathlib's "**": no loops through links to folders
            else:
                out.files.append(path)
        except OSError as exc:
            out.problems.append(cannot_read(exc, path))
