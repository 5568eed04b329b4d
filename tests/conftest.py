"""Shared test set-up. Qt runs offscreen; core tests never import it."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.storage.project import Project

# Before any QApplication exists: with no display Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")



def reopen_project(path: Path) -> Project:
    """A second, independent connection to the project file, as another program sees it."""
    return Project.open(path)
