"""A window that is ended by a signal ends its training process with it. Killed by
SIGTERM, the window died at once and its training ran on, for minutes on a large
project, until it found its pipe closed; Ctrl+C in its terminal (SIGINT) printed a
traceback and left it open. Real processes: the window (offscreen, started
as the ``annotator`` command starts it), its training child, and signals."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.learn.corpus import newsroom
from tests.paths import ROOT
from tests.ui.conftest import ME

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the parent's death signal is Linux's"
)

# The window as `annotator PROJECT` runs it (annotator.ui.app.run), that starts training
# once it shows and prints the training process's id.
WINDOW = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from annotator.ui import app
from annotator.ui.window import MainWindow

def train() -> None:
    window = next(w for w in app.application().topLevelWidgets() if isinstance(w, MainWindow))
    job = window.suggestions.train_now()

    def say_pid() -> None:
        if job._process is None:
            QTimer.singleShot(5, say_pid)
        else:
            print(job._process.pid, flush=True)

    say_pid()

app.application()
QTimer.singleShot(0, train)
sys.exit(app.run(Path(sys.argv[1]), sys.argv[2]))
"""

_PR_SET_CHILD_SUBREAPER = 36
WINDOW_ENDS_S = 120  # on a loaded machine; a bound, not a measure


@contextmanager
def adopting_orphans() -> Iterator[None]:
    """Make this process the one that inherits its descendants whose parent ended (so
    that it can wait for the window's training process once the window is gone)."""
    libc = ctypes.CDLL(None, use_errno=True)
    assert libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    try:
        yield
    finally:
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_the_training_process_ends_with_the_window(tmp_path: Path, ending: int) -> None:
    project = tmp_path / "news.annotator"
    newsroom(project, done=60, annotator=ME).close()
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    with (
        adopting_orphans(),
        subprocess.Popen(
            [sys.executable, "-c", WINDOW, str(project), ME],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=ROOT,
        ) as window,
    ):
        assert window.stdout is not None
        training = int(window.stdout.readline())
        # Held still, the training is under way when the window ends, however fast the
        # machine; let go once the window has ended, it would train on and end by itself
        # unless it was ended with the window.
        os.kill(training, signal.SIGSTOP)
        window.send_signal(ending)
        try:
            window.wait(timeout=WINDOW_ENDS_S)
        except subprocess.TimeoutExpired:  # the window lives on: let both go, and fail
            window.kill()
            os.kill(training, signal.SIGCONT)
            raise
        try:
            os.kill(training, signal.SIGCONT)
            _, status = os.waitpid(training, 0)
        except (ProcessLookupError, ChildProcessError):
            status = None  # the window waited for it, and it had not been let go: killed
    if ending != signal.SIGKILL:
        assert window.returncode == 0  # the window closed itself, as the user closes it
    else:
        assert status is not None  # the killed window could not wait for it
    assert status is None or os.WIFSIGNALED(status)
