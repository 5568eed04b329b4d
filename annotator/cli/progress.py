"""A progress bar on the terminal for long imports; silent when output is not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.formats.importer import Progress

# Below this many files an import is quick enough that a bar would only flicker.
_MIN_FILES_FOR_BAR = 20


@contextmanager
def progress_bar(what: str) -> Iterator[Progress | None]:
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress as RichProgress

    with RichProgress(transient=True) as bar:
        task = None

        def update(done: int, total: int, path: Path) -> None:
            nonlocal task
            if total < _MIN_FILES_FOR_BAR:
                return
            if task is None:
                task = bar.add_task(what, total=total)
            bar.update(task, completed=done, description=f"{what} {path.name}")

        yield update
