"""Rolling backups of a project: one a day, the last few kept, any of them restorable.

A backup is a consistent copy taken with SQLite's online backup while the project stays
open (Anki does the same), named after the project and the day.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from annotator.core.errors import UserError
from annotator.storage.project import Project

KEEP = 7


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime


def backup_folder() -> Path:
    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / "backups"


def _prefix(project_path: Path) -> str:
    return project_path.stem + "-"


def list_backups(project_path: Path, folder: Path | None = None) -> list[Backup]:
    """The project's backups, newest first."""
    folder = folder or backup_folder()
    out = []
    for path in folder.glob(_prefix(project_path) + "*.annotator"):
        stamp = path.stem[len(_prefix(project_path)) :]
        try:
            taken = datetime.strptime(stamp, "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError:
            continue
        out.append(Backup(path, taken))
    return sorted(out, key=lambda b: b.taken, reverse=True)


def daily_backup(project: Project, folder: Path | None = None, keep: int = KEEP) -> Backup | None:
    """Today's backup, unless there is one already; older ones beyond ``keep`` go."""
    folder = folder or backup_folder()
    folder.mkdir(parents=True, exist_ok=True)
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    target = folder / f"{_prefix(project.path)}{today}.annotator"
    made = None
    if not target.exists():
        partial = target.with_suffix(".partial")
        project.backup(partial)
        os.replace(partial, target)
        made = Backup(target, datetime.strptime(today, "%Y-%m-%d").replace(tzinfo=UTC))
    for old in list_backups(project.path, folder)[keep:]:
        old.path.unlink()
    return made


def restore(backup: Path, project_path: Path) -> Path:
    """Put a backup in the project's place; the current file is kept beside it first.

    Returns where the replaced project was kept. The project must be closed.
    """
    with Project.open(backup, readonly=True):
        pass  # refuse anything that is not a sound project before touching the original
    kept = project_path.with_name(
        f"{project_path.stem}.before-restore-{datetime.now(UTC):%Y%m%d-%H%M%S}{project_path.suffix}"
    )
    if project_path.exists():
        with Project.open(project_path) as current:
            current.backup(kept)
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    dest = sqlite3.connect(project_path)
    try:
        src.backup(dest)
    except sqlite3.Error as exc:
        raise UserError(f"could not be restored ({exc})", backup) from None
    finally:
        src.close()
        dest.close()
    return kept
