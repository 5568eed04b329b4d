"""The annotation window on a 1 MB Arabic document with 20,000 spans.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_view.py [--runs N]

Measures, against a bare QPlainTextEdit showing the same text without spans:
- the first screen: from nothing to the first painted viewport (the window reading the
  document and its spans from the project file included);
- adding and removing one span: the edit committed to the file, then the repaint;
- a scroll step: one wheel step's worth of scrolling, repainted.
Prints a Markdown table for benchmarks/RESULTS.md. Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.model import Annotation
from annotator.core.offsets import Boundaries
from annotator.storage.project import NewDocument, Project
from annotator.ui.app import application
from annotator.ui.fonts import reading_font
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
DEMO = Path(__file__).resolve().parents[1] / "projects" / "demo" / "articles"
TARGET_BYTES = 1_000_000
SPANS = 20_000
ME = "bench"
LABELS = ("PER", "ORG", "LOC", "CLAIM", "QUOTE", "DATE")


def article_text() -> str:
    sources = sorted(CORPUS.glob("*.txt")) or sorted(DEMO.glob("*.txt"))
    base = "\n".join(p.read_text(encoding="utf-8").strip() for p in sources)
    text = base
    while len(text.encode("utf-8")) < TARGET_BYTES:
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    QStandardPaths.setTestModeEnabled(True)
    app = application()
    text = article_text()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.annotator"
        with Project.create(path) as project:
            project.add_documents([NewDocument("big", text, annotations=tuple(spans(text, SPANS)))])
        # Alternated, so that a busy machine slows both sides alike.
        bare_times, ours = [], []
        for _ in range(runs):
            bare_times.append(bare_first_screen(app, text))
            t, window = window_first_screen(app, path)
            ours.append(t)
            window.close()
            window.project.close()
            app.processEvents()
        bare = statistics.median(bare_times)
        first = statistics.median(ours)
        all_loaded = []
        for _ in range(runs):
            t0 = time.perf_counter()
            _, window = window_first_screen(app, path)
            app.processEvents()  # the rest of the spans load from the event loop
            all_loaded.append((time.perf_counter() - t0) * 1000)
            assert len(window.view.index) == SPANS
            window.close()
            window.project.close()
        loaded = statistics.median(all_loaded)
        _, window = window_first_screen(app, path)
        app.processEvents()
        view, session = window.view, window.session
        add, remove, scroll = [], [], []
        words = Boundaries(text).words
        bar = view.verticalScrollBar()
        for i in range(20):
            start, end = words[1000 + 37 * i]
            view.select_span(start, end)
            add.append(ms(lambda: (session.apply_label("MISC"), view.viewport().grab())))
            remove.append(ms(lambda: (session.delete_selected(), view.viewport().grab())))
            step = bar.singleStep() * QApplication.wheelScrollLines()
            scroll.append(
                ms(lambda s=step: (bar.setValue(bar.value() + s), view.viewport().grab()))
            )
        window.project.close()
    print(f"Document: {len(text.encode('utf-8')) / 1e6:.2f} MB UTF-8, {len(text):,} characters, "
          f"{text.count(chr(10)) + 1:,} paragraphs, {SPANS:,} spans; medians of {runs} runs "
          f"(first screen) and 20 runs (the rest)\n")
    print("| Measure | Time | Target |")
    print("|---|---|---|")
    print(f"| First screen, bare QPlainTextEdit (no spans) | {bare:.0f} ms | |")
    print(f"| First screen, annotation window (project read, 20k spans) | {first:.0f} ms "
          f"({first / bare:.2f}×) | ≤ 1.5× |")
    print(f"| Every span loaded and listed (after the first screen) | {loaded:.0f} ms | |")
    print(f"| Add one span: commit + repaint | {statistics.median(add):.1f} ms | ≤ 16 ms |")
    print(f"| Remove one span: commit + repaint | {statistics.median(remove):.1f} ms | ≤ 16 ms |")
    print(f"| Scroll step + repaint | {statistics.median(scroll):.1f} ms | ≤ 16 ms |")


if __name__ == "__main__":
    main()
