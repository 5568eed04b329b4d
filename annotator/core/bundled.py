"""Where the files that ship beside the code are found.

The repository keeps them at its top level: ``resources/`` (icons, the desktop entry,
translations) and ``projects/`` (the demo). A built wheel carries both inside the package
(``annotator/resources``, ``annotator/projects``: pyproject.toml's force-include), so the
installed copy is looked for first and the checkout's second.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def bundled(folder: str) -> Path:
    """``resources`` or ``projects``: the installed copy, else the source checkout's."""
    inside = _PACKAGE / folder
    return inside if inside.is_dir() else _PACKAGE.parent / folder


RESOURCES = bundled("resources")
PROJECTS = bundled("projects")
