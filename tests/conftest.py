"""Shared test set-up. Qt runs offscreen; core tests never import it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from annotator.storage.project import Project

# Before any QApplication exists: with no display Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def reopen_project(path: Path) -> Project:
    """A second, independent connection to the project file, as another program sees it.

    The writer's connection keeps recent commits in the WAL file, and Project.open reads
    the file header to recognise a project, so checkpoint first.
    """
    raw = sqlite3.connect(str(path))
    try:
        raw.execute("PRAGMA wal_checkpoint(FULL)")
    finally:
        raw.close()
    return Project.open(path)
