"""The last resort: an error nobody foresaw still ends in a short message, never a bare
traceback. The traceback goes to a file in the user's log folder, and the message says
where, so that it can be sent with a bug report.

Exit status 3 tells this apart from a user's error (2): it is a bug in annotator.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import click
import platformdirs

from annotator import __version__
from annotator.core.errors import printable

EXIT_BUG = 3


def log_folder() -> Path:
    return Path(platformdirs.user_log_dir("annotator", appauthor=False))


def write_traceback(exc: BaseException) -> Path:
    """The full report of ``exc`` in a new file; the temporary folder when the log folder
    cannot be written (the disk full, a read-only home)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    report = (
        f"annotator {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
        f"command: {sys.argv!r}\n\n" + "".join(traceback.format_exception(exc))
    )
    for folder in (log_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"annotator-crash-{stamp}.txt"
            path.write_text(report, encoding="utf-8", errors="backslashreplace")
            return path
        except OSError:
            continue
    raise OSError("no folder to write the traceback to")


def run_guarded(command: Callable[[], object]) -> None:
    """Run ``command`` (the whole command line); an unexpected exception becomes one line
    and exit status 3."""
    try:
        command()
    except Exception as exc:  # the last resort: whatever escaped every other handler
        try:
            where = f"the full traceback is in {write_traceback(exc)}"
        except OSError:
            where = "the traceback could not be written anywhere"
        name = type(exc).__name__
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        message = f"internal error ({name}{': ' + detail if detail else ''})"
        click.echo(
            f"annotator: {printable(message)}; this is a bug in annotator; {where}", err=True
        )
        sys.exit(EXIT_BUG)
