"""Who is annotating: the name the user gave the window, else the system's user name.

The name is kept in a small text file in the user's configuration folder rather than in
Qt's settings, so that the command line (which never imports Qt) stores other tools'
annotations under the same name as the window does.
"""

from __future__ import annotations

import getpass
from pathlib import Path

import platformdirs


def _name_file() -> Path:
    return Path(platformdirs.user_config_dir("annotator", appauthor=False)) / "annotator-name"


def stored_name() -> str:
    """The name the user set in the window, or "" when they never did."""
    try:
        return _name_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def store_name(name: str) -> None:
    path = _name_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(name.strip() + "\n", encoding="utf-8")


def system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def default_name() -> str:
    """The name an annotation gets when nothing else names its annotator."""
    return stored_name() or system_user()
