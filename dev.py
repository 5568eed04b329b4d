#!/usr/bin/env python3
"""Set up and run annotator from a fresh clone, with nothing but Python 3.11+.

    python3 dev.py app [ARGS]    set up, then run `annotator ARGS` (the demo's window)
    python3 dev.py test [ARGS]   set up, then run every check (ARGS: one pytest run instead)

Setting up is what a Python developer would do by hand: a virtual environment in .venv,
`pip install -e ".[every extra]" --group dev` (again only when pyproject.toml changes),
and, on Debian/Ubuntu, the system libraries Qt needs when they are missing. The checks
are the commands listed in CHECKS, each a standard tool configured in pyproject.toml.
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

# Every check, in order; the README's "Developing" section lists the same commands.
CHECKS = [
    ["ruff", "check"],
    ["ruff", "format", "--check"],
    ["lint-imports"],
    ["mypy"],
    # The core's tests with Qt made unimportable (the core must not need it), then the
    # window's; a skipped test fails the run unless tests/conftest.py allows it.
    ["pytest", "-p", "no:pytest-qt", "--no-qt", "--fail-on-skip"],
    [
        "pytest",
        "tests/ui",
        "tests/server/test_live_window.py",
        "tests/server/test_open_server_window.py",
        "tests/server/test_faults_window.py",
        "tests/server/test_window_parity.py",
        "--fail-on-skip",
    ],
]

# Debian packages Qt's offscreen platform needs, and what a real window adds.
QT_LIBS = "libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libglib2.0-0 libdbus-1-3"
QT_X11_LIBS = (
    "fonts-noto-color-emoji libx11-6 libx11-xcb1 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 "
    "libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 "
    "libxcb-xfixes0 libxcb-xkb1"
)
TEST_LIBS = "shared-mime-info"  # install-desktop's test registers the file type for real
# The server-project tests start a throw-away PostgreSQL server of their own (initdb).
TEST_SERVER = "postgresql"


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def setup() -> None:
    if sys.version_info < (3, 11):
        sys.exit("dev.py: annotator needs Python 3.11 or newer")
    if not PYTHON.exists():
        say("creating the virtual environment in .venv")
        venv.create(VENV, with_pip=True)
    stamp = VENV / ".installed"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    wanted = hashlib.sha256(pyproject.encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    import tomllib

    extras = ",".join(tomllib.loads(pyproject)["project"]["optional-dependencies"])
    pip = [PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    say(f"installing annotator[{extras}] and the dev tools into .venv")
    if (
        subprocess.call([*pip, "--upgrade", "pip>=25.1"]) != 0  # 25.1 reads --group
        or subprocess.call([*pip, "-e", f".[{extras}]", "--group", "dev"], cwd=ROOT) != 0
    ):
        sys.exit("dev.py: pip could not install the project (see above)")
    stamp.write_text(wanted)


def apt_install(packages: str) -> None:
    """Install the Debian packages of ``packages`` that are missing, where apt exists."""
    if not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        return
    status = ["dpkg-query", "-W", "-f=${Status}"]
    missing = [
        p
        for p in packages.split()
        if subprocess.run([*status, p], capture_output=True, text=True).stdout
        != "install ok installed"
    ]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        say("installing system libraries: " + " ".join(missing))
        subprocess.call([*sudo, "apt-get", "update", "-qq"])
        if subprocess.call([*sudo, "apt-get", "install", "-y", "-qq", *missing]) != 0:
            sys.exit("dev.py: could not install " + " ".join(missing))


def app(args: list[str]) -> int:
    setup()
    headless = os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    apt_install(QT_LIBS if headless else f"{QT_LIBS} {QT_X11_LIBS}")
    on_linux_desktop = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform == "linux" and not headless and not on_linux_desktop:
        sys.exit("dev.py: no display to open a window on (DISPLAY is not set); use xvfb-run")
    return subprocess.call([BIN / "annotator", *args])


def test(args: list[str]) -> int:
    setup()
    apt_install(f"{QT_LIBS} {TEST_LIBS} {TEST_SERVER}")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for command in [["pytest", *args]] if args else CHECKS:
        say(" ".join(command))
        if subprocess.call([BIN / command[0], *command[1:]], cwd=ROOT, env=env) != 0:
            say(f"failed: {' '.join(command)}")
            return 1
    return 0


if __name__ == "__main__":
    commands = {"app": app, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))
