"""What a user feels in the annotation window on the 1 MB / 20,000-span document.

    python benchmarks/run.py --only bench_interaction

- find as you type: each key typed into the find bar, until the matches are painted;
- a span over the whole document (Ctrl+A, then a label key) and its undo: the longest
  single stall of the window, that is the longest stretch the event loop is busy
  without a break (the key's handling, then the repaint, each counted alone).

Each figure is given twice: wall-clock time, and the CPU time of the window's thread
(what the stall would be on an otherwise idle machine: the benchmark machine is shared).
Not a test: timings vary by machine; results go in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.storage.project import Project
from annotator.ui.app import application
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from benchmarks.bench_view import ME, big_document_project
from benchmarks.common import Context, Result

# A word of the corpus typed letter by letter: its first letters match everywhere.
TYPED = "الحكومة"

Timing = tuple[float, float]  # (wall ms, thread CPU ms)


def timed_ms(f: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.thread_time()
    f()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def open_window(app: QApplication, path: Path, n_spans: int) -> MainWindow:
    window = MainWindow(Project.open(path), ME, Settings())
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    while len(window.view.index) < n_spans:  # the spans after the first screen
        app.processEvents()
    window.view.viewport().grab()
    window.view.setFocus()
    return window


def type_key(app: QApplication, window: MainWindow, ch: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        app.sendEvent(window.search.field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def repaint(app: QApplication, window: MainWindow) -> None:
    app.processEvents()
    window.view.viewport().grab()


def find_as_you_type(app: QApplication, window: MainWindow, repeats: int) -> list[Timing]:
    """One timing per key typed (the search, then the repaint), over ``repeats`` words."""
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    keys = []
    for _ in range(repeats):
        window.search.field.clear()
        repaint(app, window)
        for ch in TYPED:
            keys.append(timed_ms(lambda c=ch: (type_key(app, window, c), repaint(app, window))))
    QTest.keyClick(window.search.field, Qt.Key.Key_Escape)
    return keys


def whole_document_span(
    app: QApplication, window: MainWindow, repeats: int
) -> tuple[list[Timing], list[Timing]]:
    """The longest stall of tagging the whole document, and of undoing it, per run."""
    view = window.view
    tag, undo = [], []
    for _ in range(repeats):
        QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        repaint(app, window)
        handled = timed_ms(lambda: QTest.keyClick(view, Qt.Key.Key_1))
        painted = timed_ms(lambda: repaint(app, window))
        assert len(window.project.annotations_in(1, ME, 0, 1)) > 0
        tag.append(max(handled, painted))
        handled = timed_ms(
            lambda: QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        )
        painted = timed_ms(lambda: repaint(app, window))
        undo.append(max(handled, painted))
    return tag, undo


def run(ctx: Context) -> list[Result]:
    """The suite for benchmarks/run.py (``--quick``: a tenth of the text and spans)."""
    QStandardPaths.setTestModeEnabled(True)
    app = application()
    path, text, n_spans = big_document_project(ctx)
    window = open_window(app, path, n_spans)
    keys = find_as_you_type(app, window, ctx.repeats)
    tag, undo = whole_document_span(app, window, ctx.repeats)
    window.close()
    window.project.close()
    size = f"{len(text.encode('utf-8')) / 1e6:.2f} MB, {n_spans:,} spans"
    per_key_cpu = [cpu for _, cpu in keys]
    first_keys = [keys[i][1] for i in range(0, len(keys), len(TYPED))]
    return [
        Result(
            f"window: find as you type, per key ({size})",
            round(statistics.median(per_key_cpu), 1),
            "ms",
            "<= 50 ms",
            max(per_key_cpu) <= 50,
            runs=per_key_cpu,
            note=(
                f"thread CPU, median of {len(keys)} keys typing {TYPED!r}; worst key "
                f"{max(per_key_cpu):.0f} ms (the first letter: "
                f"{statistics.median(first_keys):.0f} ms median); wall clock median "
                f"{statistics.median(w for w, _ in keys):.0f} ms"
            ),
        ),
        _stall(f"window: span over the whole document, tag + paint ({size})", tag),
        _stall(f"window: span over the whole document, undo + paint ({size})", undo),
    ]


def _stall(workload: str, runs: list[Timing]) -> Result:
    cpu = [c for _, c in runs]
    return Result(
        workload,
        round(max(cpu), 1),
        "ms",
        "no stall > 100 ms",
        max(cpu) <= 100,
        runs=cpu,
        note=(
            "longest single stall, thread CPU, worst of the runs; wall clock worst "
            f"{max(w for w, _ in runs):.0f} ms"
        ),
    )
