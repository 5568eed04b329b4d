#!/usr/bin/env python3
"""Set up and run annotator from a fresh clone, with nothing but Python 3.11+.

    python3 dev.py app    set up, build the demo project and open the window on it
    python3 dev.py test   set up and run the whole test suite (headless)

Setting up means: a virtual environment in .venv with the project and its test tools
installed (again only when pyproject.toml changes), and, on Debian/Ubuntu, the system
libraries Qt needs when they are missing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

# What Qt's offscreen platform needs (Debian names), and what a real window adds.
QT_LIBS = [
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libxkbcommon0",
    "libglib2.0-0",
    "libdbus-1-3",
]
# A real window also wants colour emoji, which news text is full of.
QT_X11_LIBS = [
    "fonts-noto-color-emoji",
    "libx11-6",
    "libx11-xcb1",
    "libxkbcommon-x11-0",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
]

# Every test but the window's runs with Qt made unimportable: the core must not need it.
WINDOW_TESTS = "tests/ui"


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def setup() -> None:
    if sys.version_info < (3, 11):
        sys.exit("dev.py: annotator needs Python 3.11 or newer")
    if not PYTHON.exists():
        say("creating the virtual environment in .venv")
        venv.create(VENV, with_pip=True)
    stamp = VENV / ".installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        say("installing annotator and its test tools into .venv")
        if (
            run(
                PYTHON,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-e",
                ".[test]",
            )
            != 0
        ):
            sys.exit("dev.py: pip could not install the project (see above)")
        stamp.write_text(wanted)


def ensure_system_libraries(packages: list[str]) -> None:
    """Install Qt's system libraries with apt when Qt cannot load without them."""
    probe = "from PySide6.QtGui import QGuiApplication"
    if run(PYTHON, "-c", probe) == 0 and packages == QT_LIBS:
        return
    if not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        return
    missing = [
        p
        for p in packages
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
        ).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    say("installing the system libraries Qt needs: " + " ".join(missing))
    subprocess.call([*sudo, "apt-get", "update", "-qq"])
    if subprocess.call([*sudo, "apt-get", "install", "-y", "-qq", *missing]) != 0:
        sys.exit("dev.py: could not install " + " ".join(missing))


def app(args: list[str]) -> int:
    setup()
    headless = os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    ensure_system_libraries(QT_LIBS if headless else QT_LIBS + QT_X11_LIBS)
    if (
        sys.platform == "linux"
        and not headless
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        sys.exit(
            "dev.py: no display to open a window on (DISPLAY is not set); "
            "run it on a desktop, or under xvfb-run"
        )
    return run(BIN / ("annotator.exe" if os.name == "nt" else "annotator"), *args)


def test(args: list[str]) -> int:
    setup()
    ensure_system_libraries(QT_LIBS)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # The core's tests run with Qt made unimportable (the core must not need it), the
    # rest with Qt; arguments, if any, go to one plain pytest run instead.
    no_qt = (
        "import sys; sys.modules['PySide6'] = None; import pytest; "
        f"sys.exit(pytest.main(['-p', 'no:pytest-qt', 'tests', '--ignore={WINDOW_TESTS}']))"
    )
    steps = [
        ("lint", [BIN / "ruff", "check"]),
        ("format", [BIN / "ruff", "format", "--check"]),
        ("architecture", [BIN / "lint-imports"]),
        ("types", [PYTHON, "-m", "mypy"]),
    ]
    if args:
        steps.append(("tests", [PYTHON, "-m", "pytest", *args]))
    else:
        steps.append(("core tests without Qt", [PYTHON, "-c", no_qt]))
        steps.append(("window tests", [PYTHON, "-m", "pytest", WINDOW_TESTS]))
    for name, command in steps:
        say(
            f"{name}: "
            + " ".join(Path(str(c)).name if i == 0 else str(c) for i, c in enumerate(command))
        )
        code = run(*command, env=env)
        if code != 0:
            say(f"{name} failed")
            return code
    return 0


def main() -> int:
    commands = {"app": app, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
