"""The annotation window on a 1 MB Arabic document with 20,000 spans.

    python benchmarks/run.py --only bench_view

Measures, against a bare QPlainTextEdit showing the same text without spans:
- the first screen: from nothing to the first painted viewport (the window reading the
  document and its spans from the project file included);
- adding and removing one span: the edit committed to the file, then the repaint;
- a scroll step: one wheel step's worth of scrolling, repainted.
Not a test: timings vary by machine; results go in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.model import Annotation, NewDocument
from annotator.core.offsets import Boundaries
from annotator.storage.project import Project
from annotator.ui.app import application
from annotator.ui.fonts import reading_font
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from benchmarks.common import Context, Result

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
DEMO = Path(__file__).resolve().parents[1] / "projects" / "demo" / "articles"
TARGET_BYTES = 1_000_000
SPANS = 20_000
EDITS = 20
ME = "bench"
LABELS = ("PER", "ORG", "LOC", "CLAIM", "QUOTE", "DATE")


def article_text(size: int) -> str:
    """About ``size`` bytes of real Arabic news (the shared corpus, else the demo)."""
    sources = sorted(CORPUS.glob("*.txt")) or sorted(DEMO.glob("*.txt"))
    base = "\n".join(p.read_text(encoding="utf-8").strip() for p in sources)
    text = base
    while len(text.encode("utf-8")) < size:
        text += "\n" + base
    return text


def spans(text: str, n: int) -> list[Annotation]:
    rng = random.Random(1)
    words = Boundaries(text).words
    chosen = sorted(rng.sample(range(len(words) - 6), n))
    out = []
    for i, w in enumerate(chosen):
        label = LABELS[i % len(LABELS)]
        start = words[w][0]
        end = words[w + (5 if label in ("CLAIM", "QUOTE") else 0)][1]
        out.append(Annotation(f"b{i}", 0, ME, label, start, end, text[start:end]))
    return out


def big_document_project(ctx: Context) -> tuple[Path, str, int]:
    """A project of the one big document and its spans, for the window's benchmarks:
    its path, the text and the number of spans."""
    text = article_text(int(TARGET_BYTES * ctx.scale))
    n_spans = ctx.n(SPANS)
    path = ctx.workdir / "big.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("big", text, annotations=tuple(spans(text, n_spans)))])
    return path, text, n_spans


def ms(f: Callable[[], object]) -> float:
    t = time.perf_counter()
    f()
    return (time.perf_counter() - t) * 1000


def bare_first_screen(app: QApplication, text: str) -> float:
    def show() -> None:
        edit = QPlainTextEdit()
        edit.setReadOnly(True)
        edit.setFont(reading_font())
        edit.resize(1000, 800)
        edit.setPlainText(text)
        edit.show()
        edit.viewport().grab()
        edit.close()
        edit.deleteLater()

    return ms(show)


def window_first_screen(app: QApplication, path: Path) -> tuple[float, MainWindow]:
    holder: list[MainWindow] = []

    def show() -> None:
        window = MainWindow(Project.open(path), ME, Settings())
        window.resize(1400, 900)
        window.show()
        window.view.viewport().grab()
        holder.append(window)

    return ms(show), holder[0]


MEMORY_PROBE = """
import sys, resource
from PySide6.QtCore import QStandardPaths
from annotator.ui.app import application
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from annotator.storage.project import Project
QStandardPaths.setTestModeEnabled(True)
app = application()
window = MainWindow(Project.open(sys.argv[1]), "bench", Settings())
window.resize(1400, 900)
window.show()
while len(window.view.index) < int(sys.argv[2]):
    app.processEvents()
window.view.viewport().grab()
resident = next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]
print(int(resident) / 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def memory_with_document_open(path: Path) -> tuple[float, float]:
    """Resident MB of a fresh process showing the window on the document with every span
    loaded, and its peak on the way (a process of its own: this one has opened it several
    times). Linux only: it reads /proc."""
    spans_stored = len(Project.open(path, readonly=True).annotations())
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(path), str(spans_stored)],
        capture_output=True, text=True, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    resident, peak = out.stdout.strip().splitlines()[-1].split()
    return float(resident), float(peak)


def run(ctx: Context) -> list[Result]:
    """The suite for benchmarks/run.py (``--quick``: a tenth of the text and spans)."""
    QStandardPaths.setTestModeEnabled(True)
    app = application()
    path, text, n_spans = big_document_project(ctx)
    # Alternated, so that a busy machine slows both sides alike.
    bare_runs, first_runs, loaded_runs = [], [], []
    for _ in range(ctx.repeats):
        bare_runs.append(bare_first_screen(app, text))
        t0 = time.perf_counter()
        first, window = window_first_screen(app, path)
        app.processEvents()  # the other spans load from the event loop
        loaded_runs.append((time.perf_counter() - t0) * 1000)
        first_runs.append(first)
        assert len(window.view.index) == n_spans
        window.close()
        window.project.close()
        app.processEvents()
    add, remove, scroll = edit_and_scroll(app, path, text)
    resident_mb, peak_mb = memory_with_document_open(path)
    bare, first = statistics.median(bare_runs), statistics.median(first_runs)
    size = f"{len(text.encode('utf-8')) / 1e6:.2f} MB, {n_spans:,} spans"
    return [
        Result(
            f"window: memory with the document open ({size})",
            round(resident_mb),
            "MB",
            "<= 300 MB resident",
            resident_mb <= 300,
            note=f"resident, every span loaded; {peak_mb:.0f} MB at the peak while loading",
        ),
        Result(
            f"window: first screen ({size})",
            round(first, 1),
            "ms",
            "<= 1.5 x baseline",
            first <= 1.5 * bare,
            "bare QPlainTextEdit, same text, no spans",
            round(bare, 1),
            first_runs,
            f"{first / bare:.2f} x",
        ),
        Result(
            f"window: every span loaded and listed ({size})",
            round(statistics.median(loaded_runs), 1),
            "ms",
            "none",
            None,
            runs=loaded_runs,
            note="after the first screen, from the event loop",
        ),
        _within_frame("window: add one span, commit + repaint", add),
        _within_frame("window: remove one span, commit + repaint", remove),
        _within_frame("window: scroll step + repaint", scroll),
    ]


def edit_and_scroll(
    app: QApplication, path: Path, text: str
) -> tuple[list[float], list[float], list[float]]:
    _, window = window_first_screen(app, path)
    app.processEvents()
    view, session = window.view, window.session
    words = Boundaries(text).words
    bar = view.verticalScrollBar()
    add, remove, scroll = [], [], []
    for i in range(EDITS):
        view.select_span(*words[1000 + 37 * i])
        add.append(ms(lambda: (session.apply_label("MISC"), view.viewport().grab())))
        remove.append(ms(lambda: (session.delete_selected(), view.viewport().grab())))
        step = bar.singleStep() * QApplication.wheelScrollLines()
        scroll.append(ms(lambda s=step: (bar.setValue(bar.value() + s), view.viewport().grab())))
    window.close()
    window.project.close()
    return add, remove, scroll


def _within_frame(workload: str, runs: list[float]) -> Result:
    value = statistics.median(runs)
    return Result(workload, round(value, 1), "ms", "<= 16 ms", value <= 16, runs=runs)
