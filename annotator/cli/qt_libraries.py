"""Before Qt starts on Linux: the system libraries it needs and cannot find, named.

Without them Qt aborts with a message that names the wrong library (a missing
libxcb-icccm is reported as "xcb-cursor0 is needed", even when that one is installed).
``ldd`` on Qt's own files lists exactly what the dynamic loader cannot find. Nothing
here imports Qt: it must work when Qt cannot load.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The shared libraries whose Debian package is not simply named after them.
_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
}


def missing_libraries(window: bool) -> list[str]:
    """What Qt's GUI modules (and, for a window, its X11 platform plugin) need that the
    dynamic loader cannot find; empty off Linux or when that cannot be told."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):  # made unimportable
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    files = [qt / "lib" / "libQt6Gui.so.6", qt / "lib" / "libQt6Widgets.so.6"]
    if window:
        files.append(qt / "plugins" / "platforms" / "libqxcb.so")
    missing: set[str] = set()
    for file in files:
        if not file.exists():
            continue
        listed = subprocess.run(["ldd", str(file)], capture_output=True, text=True, check=False)
        missing.update(re.findall(r"^\s*(\S+) => not found", listed.stdout, re.MULTILINE))
    return sorted(missing)


def debian_package(library: str) -> str:
    """libxcb-icccm.so.4 → libxcb-icccm4, libX11.so.6 → libx11-6."""
    if library in _PACKAGES:
        return _PACKAGES[library]
    name, _, version = library.partition(".so.")
    name = name.lower()
    separator = "-" if name[-1:].isdigit() else ""
    return f"{name}{separator}{version.split('.')[0]}"


def missing_message(libraries: list[str]) -> str:
    """One line naming what is missing and how to install it."""
    text = "Qt cannot start: the system lacks " + ", ".join(libraries)
    if shutil.which("apt-get"):
        packages = sorted({debian_package(lib) for lib in libraries})
        return f"{text}; install them with: sudo apt-get install {' '.join(packages)}"
    return f"{text}; install them with your system's package manager"
