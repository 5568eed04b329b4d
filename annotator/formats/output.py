"""Writing export files so that a failed export never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.core.errors import UserError


@contextmanager
def open_output(path: Path) -> Iterator[IO[str]]:
    """A text file written beside ``path`` and moved into place only when complete."""
    with _staged(path) as fd, os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
        yield out


@contextmanager
def open_binary_output(path: Path) -> Iterator[IO[bytes]]:
    """The same for a binary file (Parquet, spaCy's DocBin)."""
    with _staged(path) as fd, os.fdopen(fd, "wb") as out:
        yield out


@contextmanager
def _staged(path: Path) -> Iterator[int]:
    """A descriptor of a temporary file beside ``path``, moved onto it when the block ends
    without an error and removed otherwise."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError("the folder to write into does not exist", path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        yield fd
    except BaseException:
        os.unlink(tmp)
        raise
    os.replace(tmp, path)
