"""Screenshots of the window's main states on the demo project, for the docs and review.

    QT_QPA_PLATFORM=offscreen python docs/img/screenshots.py [OUTPUT_DIR]

Writes window.png (the README's picture) and one PNG per state into OUTPUT_DIR
(default: docs/img). The demo project is built in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from annotator.demo import build_demo
from annotator.storage.project import Project
from annotator.ui.app import application
from annotator.ui.i18n import install_translator
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow

ANNOTATOR = "sara"
NEWCOMER = "huda"


def main(out: Path) -> None:
    QStandardPaths.setTestModeEnabled(True)
    QSettings("annotator", "annotator").clear()  # the test-mode settings: a fresh layout
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.annotator"
        build_demo(path)
        window = MainWindow(Project.open(path), ANNOTATOR, Settings())
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        session = window.session
        quotes = [a for a in session.annotations() if a.label == "QUOTE"]
        if quotes:
            session.select(quotes[0].id, reveal=True)
        shot(app, window, out / "window.png")
        window.search.open()
        window.search.field.setText("المياه")
        shot(app, window, out / "state-search.png")
        window.search.close_bar()
        session.set_linking(True)
        shot(app, window, out / "state-linking.png")
        session.set_linking(False)
        window.close()
        window.project.close()
        # What a newcomer sees first: sara's spans outlined beside their own (none yet).
        newcomer = MainWindow(Project.open(path), NEWCOMER, Settings())
        newcomer.resize(1400, 860)
        newcomer.show()
        shot(app, newcomer, out / "state-beside.png")
        newcomer.close()
        newcomer.project.close()
        install_translator(app, "ar")  # the interface in Arabic, mirrored right-to-left
        arabic = MainWindow(Project.open(path), ANNOTATOR, Settings())
        arabic.resize(1400, 860)
        arabic.show()
        shot(app, arabic, out / "state-arabic.png")
        arabic.close()
        arabic.project.close()
        install_translator(app, "en")


def shot(app: QApplication, window: MainWindow, path: Path) -> None:
    app.processEvents()
    window.grab().save(str(path))
    sys.stdout.write(f"{path}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
