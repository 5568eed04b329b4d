"""Rolling backups of a project: one a day, the last few kept, any of them restorable.

A backup is a consistent copy taken with SQLite's online backup while the project stays
open (Anki does the same). The backups of a project are kept in a folder named after the
project's identity (stored in the project, ``Project.identity``), not after its file
name: two projects called ``news.annotator`` in different folders never share, list,
rotate or restore each other's backups, and a renamed project keeps its own.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from annotator.core.errors import UserError
from annotator.core.output import AlreadyExistsError, safe_name, staged_path
from annotator.storage.locations import server_url, shown
from annotator.storage.project import Project

KEEP = 7
_DAY = re.compile(r"-(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime


def backup_folder() -> Path:
    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / "backups"


def list_backups(project: Project, folder: Path | None = None) -> list[Backup]:
    """The project's backups, newest first."""
    out = []
    for path in _own_folder(project, folder).glob("*.annotator"):
        day = _DAY.search(path.stem)
        if day is None:
            continue
        try:
            taken = datetime.strptime(day.group(1), "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError:
            continue
        out.append(Backup(path, taken))
    return sorted(out, key=lambda b: b.taken, reverse=True)


def daily_backup(project: Project, folder: Path | None = None, keep: int = KEEP) -> Backup | None:
    """Today's backup, unless there is one already; older ones beyond ``keep`` go.

    Written beside its place and renamed when complete: a full disk leaves nothing."""
    own = _own_folder(project, folder)
    try:
        own.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot be made ({exc.strerror})", own) from None
    now = datetime.now(UTC)
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    made = None
    if not any(b.taken == today for b in list_backups(project, folder)):
        target = own / f"{safe_name(project.path.stem)}-{today:%Y-%m-%d}.annotator"
        with staged_path(target) as staged:
            project.backup(staged, shown_as=target)
        made = Backup(target, today)
    for old in list_backups(project, folder)[keep:]:
        old.path.unlink()
    return made


def check_restorable(project_path: Path) -> None:
    """Refuse, before any backup is chosen, a project that no backup file replaces."""
    if server_url(project_path) is not None:
        raise UserError(
            "is a project on a server, which a backup file does not replace; copy the backup "
            "to a new server project instead (annotator copy BACKUP URL)",
            shown(project_path),
        )


def restore(backup: Path, project_path: Path) -> Path:
    """Put a backup in the project's place; the current file is kept beside it first,
    under a name no other file has (two restores in one second keep both files).

    Returns where the replaced project was kept. The project must be closed. A backup of
    another project is refused: restoring it would swap in someone else's work.
    """
    check_restorable(project_path)
    with Project.open(backup, readonly=True) as source:
        identity = source.identity()  # and refuse what is not a sound project
    kept = project_path
    if project_path.exists():
        with Project.open(project_path) as current:
            if current.identity() != identity:
                raise UserError(
                    f"is a backup of another project, not of {project_path}; nothing changed",
                    backup,
                )
            kept = _keep_copy(current)
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


def _own_folder(project: Project, folder: Path | None) -> Path:
    return (folder or backup_folder()) / project.identity()


def _keep_copy(current: Project) -> Path:
    """A copy of the project beside it, named for now and never replacing another file."""
    path = current.path
    stamp = f"{datetime.now(UTC):%Y%m%d-%H%M%S}"
    n = 1
    while True:
        number = "" if n == 1 else f"-{n}"
        kept = path.with_name(f"{path.stem}.before-restore-{stamp}{number}{path.suffix}")
        n += 1
        if os.path.lexists(kept):
            continue
        try:
            with staged_path(kept, replace=False) as staged:
                current.backup(staged, shown_as=kept)
        except AlreadyExistsError:
            continue  # another restore took this name a moment ago
        return kept
