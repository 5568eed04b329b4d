"""Every file annotator writes goes through here, so that the rules hold for all of them.

- A file is written beside its place under a temporary name and renamed onto it only when
  complete, and only over a regular file or nothing: a folder, a device (``/dev/null``),
  a FIFO or a symbolic link at that name is refused, never replaced or written through.
- The file gets the permissions the user's umask gives a new file (``0o666 & ~umask``).
- A failure (disk full, no permission, a name too long) is one clear line naming the file,
  and nothing is left behind: no temporary file, no half-written file.
- A folder export places each document's file under the folder with ``OutputFolder``:
  names safe on every file system, never through a symbolic link out of the folder.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath
from typing import IO

from annotator.core.errors import DiskFullError, UserError


class AlreadyExistsError(UserError):
    """A file that must be new found something at its name."""


# The files of the projects open in this process: their identity (device, inode), the
# path each was opened by and how many times: no output replaces one (`export
# p.annotator -o p.annotator`, `learn --output` the project, the window's export onto its
# own file, or a hard link to it). Compared by identity, never by opening the file:
# closing any descriptor of a project drops the locks SQLite holds on it
# (storage/sqlite_engine.py).
_projects_open: dict[tuple[int, int], tuple[Path, int]] = {}
_projects_lock = threading.Lock()  # the window's workers open the project too


def file_identity(path: Path) -> tuple[int, int] | None:
    """The file at ``path`` as (device, inode): the same whatever its name; None if none."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def project_opened(path: Path) -> tuple[int, int] | None:
    """Note that the project file ``path`` is open; its identity, for ``project_closed``."""
    key = file_identity(path)
    if key is not None:
        with _projects_lock:
            _, count = _projects_open.get(key, (path, 0))
            _projects_open[key] = (path, count + 1)
    return key


def project_closed(key: tuple[int, int] | None) -> None:
    with _projects_lock:
        if key in _projects_open:
            path, count = _projects_open.pop(key)
            if count > 1:
                _projects_open[key] = (path, count - 1)


def _is_open_project(path: Path) -> bool:
    key = file_identity(path)
    with _projects_lock:
        opened = _projects_open.get(key) if key is not None else None
    # Still that file: not a new one that took the number of a project since deleted.
    return opened is not None and file_identity(opened[0]) == key


# The longest file name (one path component) Linux, macOS and Windows all accept, in bytes.
MAX_NAME_BYTES = 255


def os_error(exc: OSError, path: Path) -> UserError:
    """What a failed file operation means for the user, in one line naming the file."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError("the disk is full: nothing was written", path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UserError("cannot be written: permission denied", path)
    if exc.errno == errno.EROFS:
        return UserError("cannot be written: the file system is read-only", path)
    if exc.errno == errno.ENAMETOOLONG:
        return UserError("the file name is too long for the file system", path)
    if exc.errno == errno.EISDIR:
        return UserError("is a folder; give the name of a file to write", path)
    return UserError(f"cannot be written ({exc.strerror or exc})", path)


def check_target(path: Path) -> Path:
    """Refuse a place a file may not be written to; return the folder it goes into."""
    if len(os.fsencode(path.name)) > MAX_NAME_BYTES:
        raise UserError(f"the file name is longer than {MAX_NAME_BYTES} bytes", path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError("the folder to write into does not exist", path)
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return folder
    except OSError as exc:
        raise os_error(exc, path) from None
    if stat.S_ISLNK(mode):
        raise UserError("is a symbolic link; annotator does not write through links", path)
    if _is_open_project(path):
        raise UserError("is the project itself; it is not replaced: give another name", path)
    if stat.S_ISDIR(mode):
        raise UserError("is a folder; give the name of a file to write", path)
    if not stat.S_ISREG(mode):
        raise UserError("is not a regular file (a device or a pipe); it is not replaced", path)
    return folder


@contextmanager
def staged_path(path: Path, *, replace: bool = True) -> Iterator[Path]:
    """A new empty file beside ``path`` for writers that want a name (SQLite, Qt), moved
    onto ``path`` when the block ends without an error and removed otherwise. It keeps
    ``path``'s suffix: some writers choose the format by it. With ``replace`` false the
    file is put in place only if nothing is there by then (of two at once, one wins)."""
    with _staged(path, replace) as (fd, tmp):
        os.close(fd)
        yield tmp


@contextmanager
def open_output(path: Path) -> Iterator[IO[str]]:
    """A UTF-8 text file written beside ``path`` and moved into place only when complete."""
    with _staged(path) as (fd, _), os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
        yield out


@contextmanager
def open_binary_output(path: Path) -> Iterator[IO[bytes]]:
    """The same for a binary file (Parquet, spaCy's DocBin, a chart)."""
    with _staged(path) as (fd, _), os.fdopen(fd, "wb") as out:
        yield out


def write_text(path: Path, text: str) -> None:
    with open_output(path) as out:
        out.write(text)


@contextmanager
def _staged(path: Path, replace: bool = True) -> Iterator[tuple[int, Path]]:
    folder = check_target(path)
    if not replace and os.path.lexists(path):
        raise AlreadyExistsError("already exists; it is not replaced", path)
    # Short, so that a name near the limit still has a temporary name that fits.
    tmp = folder / f".annotator-{secrets.token_hex(6)}.tmp{path.suffix[:16]}"
    try:
        # 0o666: the kernel takes the user's umask off, as for any new file.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise os_error(exc, path) from None
    try:
        yield fd, tmp
        if replace:
            check_target(path)  # something may have appeared there meanwhile
            os.replace(tmp, path)
        else:
            _put_new(tmp, path)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise os_error(exc, path) from None
        raise


def _put_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` unless something (even a dangling link) is there: a hard
    link fails rather than replace, where a rename would silently replace."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise AlreadyExistsError("already exists; it is not replaced", path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        # A file system without hard links (FAT, some network shares).
        if os.path.lexists(path):
            raise AlreadyExistsError("already exists; it is not replaced", path) from None
        os.rename(tmp, path)
        return
    os.unlink(tmp)


# ----- folder exports ------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"\\|?*]')
# Names Windows keeps for devices, with or without an extension.
_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)
# Room kept in a name for a number ("-999") and the longest suffix a format adds.
_ROOM = 24


def safe_name(part: str, room: int = _ROOM) -> str:
    """One path component made safe on every file system: no characters Windows refuses,
    no trailing dots or spaces, no device names, and short enough to take a suffix."""
    part = _UNSAFE.sub("_", part).strip(" .") or "_"
    if _RESERVED.fullmatch(part):
        part = "_" + part
    limit = MAX_NAME_BYTES - room
    if len(os.fsencode(part)) > limit:
        part = part.encode("utf-8", "surrogatepass")[:limit].decode("utf-8", "ignore")
        part = part.rstrip(" .") or "_"
    return part


class OutputFolder:
    """The folder a folder export writes into, and the places of its documents' files.

    A document's name keeps its sub-folders but nothing climbs out (``..``, absolute
    paths, drive letters); names equal but for case, a file where a folder is wanted
    (a document ``x`` beside ``x.txt/y``) and anything already there that is not ours to
    replace (a symbolic link, a device, a folder where a file goes) get a number instead.
    """

    def __init__(self, root: Path, reserved: Iterable[str] = ()):
        if root.exists() and not root.is_dir():
            raise UserError("is a file; this format writes a folder of files", root)
        if not root.parent.is_dir():
            raise UserError("the folder to write into does not exist", root.parent)
        try:
            root.mkdir(exist_ok=True)
        except OSError as exc:
            raise os_error(exc, root) from None
        self.root = root
        self._files = {r.casefold() for r in reserved}
        self._folders: set[str] = set()
        self.warnings: list[str] = []

    def file(self, name: str, suffix: str) -> Path:
        return self.files(name, (suffix,))[0]

    def files(self, name: str, suffixes: tuple[str, ...]) -> list[Path]:
        """Where a document's files go (one per suffix, sharing a stem)."""
        parts = [
            safe_name(p)
            for p in PurePosixPath(name.replace("\\", "/")).parts
            if p not in ("/", ".", "..")
        ] or ["document"]
        here = PurePosixPath()
        for part in parts[:-1]:
            here = self._folder(here, part)
        stem, n = parts[-1], 1
        while not all(self._file_free(here / (stem + s)) for s in suffixes):
            n += 1
            stem = f"{parts[-1]}-{n}"
        placed = [here / (stem + s) for s in suffixes]
        self._files.update(str(p).casefold() for p in placed)
        if n > 1 and self._changed(here / (parts[-1] + suffixes[0])):
            self.warnings.append(
                f"{self.root / here / (parts[-1] + suffixes[0])} is not a regular file; "
                f"document {name!r} was written as {stem + suffixes[0]}"
            )
        return [self.root / p for p in placed]

    def _folder(self, here: PurePosixPath, part: str) -> PurePosixPath:
        candidate, n = part, 1
        while True:
            rel = here / candidate
            key = str(rel).casefold()
            if key not in self._files:
                mode = _lstat_mode(self.root / rel)
                if mode is None or (stat.S_ISDIR(mode) and not stat.S_ISLNK(mode)):
                    break
            n += 1
            candidate = f"{part}-{n}"
        try:
            (self.root / rel).mkdir(exist_ok=True)
        except OSError as exc:
            raise os_error(exc, self.root / rel) from None
        self._folders.add(key)
        return rel

    def _file_free(self, rel: PurePosixPath) -> bool:
        key = str(rel).casefold()
        if key in self._files or key in self._folders:
            return False
        mode = _lstat_mode(self.root / rel)
        return mode is None or stat.S_ISREG(mode)

    def _changed(self, rel: PurePosixPath) -> bool:
        """Whether a name was changed because of something on disk, not another document."""
        mode = _lstat_mode(self.root / rel)
        return mode is not None and not stat.S_ISREG(mode)


def _lstat_mode(path: Path) -> int | None:
    try:
        return path.lstat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise os_error(exc, path) from None
