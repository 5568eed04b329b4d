"""`annotator install-desktop`: a Linux menu entry, an icon, and the .annotator file type.

Follows the freedesktop.org (XDG) layout under ``$XDG_DATA_HOME`` (``~/.local/share``):
``applications/`` holds the .desktop entry, ``mime/packages/`` the shared-mime-info
type (``*.annotator``, a kind of SQLite file) and ``icons/hicolor/scalable/`` the icon,
for the application and for its files. Double-clicking a project then runs
``annotator open FILE``. The desktop's caches are refreshed when their tools exist.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.bundled import RESOURCES
from annotator.core.errors import UserError

APP_ID = "org.annotator.Annotator"
MIME_TYPE = "application/x-annotator-project"
# Characters that make an Exec argument need quotes (Desktop Entry spec, "Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


@dataclass
class Installed:
    files: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)  # cache tools that were run


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (the spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that runs annotator: the installed script when it is on PATH (pipx),
    else this Python with ``-m annotator``."""
    script = shutil.which("annotator")
    return [str(Path(script).resolve())] if script else [sys.executable, "-m", "annotator"]


def _exec_arg(arg: str) -> str:
    """One argument of an Exec line, quoted as the Desktop Entry spec asks."""
    arg = arg.replace("%", "%%")  # a lone % would start a field code such as %f
    if arg and not _RESERVED.intersection(arg):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    # The .desktop file's own escaping comes on top: each backslash is doubled again.
    return '"' + escaped.replace("\\", "\\\\") + '"'


def _resource(name: str) -> str:
    return (RESOURCES / "desktop" / name).read_text("utf-8")


def desktop_entry(command: list[str]) -> str:
    return (
        _resource(f"{APP_ID}.desktop")
        .replace("@TRYEXEC@", command[0])
        .replace("@EXEC@", " ".join(_exec_arg(a) for a in command))
    )


def install(prefix: Path | None = None, refresh: bool = True) -> Installed:
    """Write the entry, the file type and the icons under ``prefix`` (the XDG data
    folder by default); refresh the menu, type and icon caches if asked and possible."""
    root = prefix or data_home()
    icon = _resource(f"{APP_ID}.svg")
    targets = {
        root / "applications" / f"{APP_ID}.desktop": desktop_entry(launcher()),
        root / "mime" / "packages" / f"{APP_ID}.xml": _resource(f"{APP_ID}.xml"),
        root / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": icon,
        root
        / "icons"
        / "hicolor"
        / "scalable"
        / "mimetypes"
        / f"{MIME_TYPE.replace('/', '-')}.svg": icon,
    }
    done = Installed()
    try:
        for path, content in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            done.files.append(path)
    except OSError as exc:
        raise UserError(f"cannot write the desktop files: {exc.strerror}", exc.filename) from None
    if refresh:
        _refresh(root, done)
    return done


def _refresh(root: Path, done: Installed) -> None:
    tools = (
        ("update-desktop-database", [str(root / "applications")]),
        ("update-mime-database", [str(root / "mime")]),
        ("gtk-update-icon-cache", ["-f", "-t", str(root / "icons" / "hicolor")]),
    )
    for tool, args in tools:
        found = shutil.which(tool)
        if found is None:
            continue
        # A cache that fails to refresh is rebuilt at next login; the files are in place.
        if subprocess.run([found, *args], capture_output=True, check=False).returncode == 0:
            done.refreshed.append(tool)
