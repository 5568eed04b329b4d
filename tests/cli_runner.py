"""The annotator command run in-process, as a user runs it, for the command-line tests."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from annotator.launcher import cli


def invoke(*args: str | Path) -> tuple[int, str, str]:
    """Exit status, standard output and standard error of `annotator ARGS`."""
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def contents(path: Path) -> list[str]:
    """Everything the project holds, to tell that a refused command changed nothing."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def one_error_line(err: str, names: Path | str) -> None:
    """The command said one line, naming the file, and nothing else."""
    assert re.fullmatch(rf"annotator: error: {re.escape(str(names))}: [^\n]+\n", err), err
