"""The peer tools' own virtual environments, installed once and kept between runs.

Label Studio and doccano pin libraries (Django above all) that cannot live beside ours,
so each gets a virtual environment of its own under ``~/.cache/annotator-peers`` (or
``$ANNOTATOR_PEERS_CACHE``), named for the tool, its version and the Python running the
tests. A stamp written after a complete install marks it usable; a half-made one (an
install that was interrupted) is made anew. A lock keeps two test runs from installing
into the same folder at once.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

INSTALL_TIMEOUT = 40 * 60  # seconds: a cold install from the package registry


def cache_root() -> Path:
    default = Path.home() / ".cache" / "annotator-peers"
    return Path(os.environ.get("ANNOTATOR_PEERS_CACHE", default))


def peer_venv(tool: str, version: str, *requirements: str) -> Path:
    """The folder of a virtual environment with ``requirements`` installed."""
    python = f"py{sys.version_info.major}{sys.version_info.minor}"
    folder = cache_root() / f"{tool}-{version}-{python}"
    stamp = folder / ".installed"
    wanted = " ".join(requirements)
    with _locked(folder):
        # (A venv whose Python went away, say with an upgrade, is made anew too.)
        if stamp.exists() and stamp.read_text() == wanted and (folder / "bin/python").exists():
            return folder
        shutil.rmtree(folder, ignore_errors=True)
        venv.create(folder, with_pip=True)
        subprocess.run(
            [
                str(folder / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--progress-bar",
                "off",
                *requirements,
            ],
            check=True,
            timeout=INSTALL_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
        stamp.write_text(wanted)
    return folder


def prepared(venv_folder: Path, prepare: Callable[[Path, Path], None]) -> Path:
    """A data folder that ``prepare(venv_folder, folder)`` made once for this virtual
    environment (a migrated database: minutes of work, seconds to copy)."""
    template = venv_folder.with_name(f"{venv_folder.name}-data")
    stamp = template / ".prepared"
    with _locked(template):
        if not stamp.exists():
            shutil.rmtree(template, ignore_errors=True)
            template.mkdir()
            prepare(venv_folder, template)
            stamp.touch()
    return template


def copy_of(template: Path, into: Path) -> None:
    """Fill ``into`` with a copy of a prepared data folder."""
    ignore = shutil.ignore_patterns(".prepared", "prepare.log")
    shutil.copytree(template, into, dirs_exist_ok=True, ignore=ignore)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold a lock beside ``folder`` (another test run may be making it)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f".{folder.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
