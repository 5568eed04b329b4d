"""Screenshots of review mode, the agreement dashboard and the statistics view, on the
demo project (omar and sara annotated the same articles).

    QT_QPA_PLATFORM=offscreen python docs/img/review_screenshots.py [OUTPUT_DIR]

Writes review.png, dashboard.png and statistics.png into OUTPUT_DIR (default: docs/img).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QStandardPaths
from PySide6.QtWidgets import QApplication, QWidget

from annotator.demo import build_demo
from annotator.review.units import UnitState
from annotator.storage.project import Project
from annotator.ui.app import application
from annotator.ui.review.dashboard import AgreementDashboard
from annotator.ui.review.window import ReviewWindow
from annotator.ui.stats_view import StatsView

CURATOR = "huda"


def shot(app: QApplication, widget: QWidget, path: Path) -> None:
    app.processEvents()
    widget.grab().save(str(path))


def review(app: QApplication, project: Project, out: Path) -> None:
    """A document with both annotators' lanes, one decision taken, a disagreement open."""
    doc = max(project.documents(), key=lambda d: len(project.annotations(d.id)))
    window = ReviewWindow(project, CURATOR, doc.id)
    window.resize(1400, 860)
    window.show()
    window.accept_current()
    for row, unit in enumerate(window.units):
        if unit.state is not UnitState.AGREE:
            window.unit_list.setCurrentRow(row)
            break
    shot(app, window, out / "review.png")
    window.session.undo_stack.undo()  # the demo file is thrown away, but keep it honest
    window.close()


def dashboard(app: QApplication, project: Project, out: Path) -> None:
    dialog = AgreementDashboard(project, CURATOR)
    waiting = QEventLoop()
    dialog.ready.connect(waiting.quit)  # connected before any event is processed
    dialog.resize(1000, 640)
    dialog.show()
    waiting.exec()
    shot(app, dialog, out / "dashboard.png")
    dialog.close()


def main(out: Path) -> None:
    QStandardPaths.setTestModeEnabled(True)
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.annotator"
        build_demo(path)
        with Project.open(path) as project:
            review(app, project, out)
            dashboard(app, project, out)
            stats = StatsView(project)
            stats.resize(1100, 640)
            stats.show()
            shot(app, stats, out / "statistics.png")
            stats.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
