"""Run as ``python -m tests.ui.shortcut_probe``: builds the annotation and review windows
on a small project and prints, as JSON, each window's actions with their keys as Qt
expanded them on the desktop this process runs under (QT_QPA_PLATFORMTHEME)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.model import NewDocument
from annotator.storage.project import Project
from annotator.ui.review.window import ReviewWindow
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow


def keys_of(window: QWidget) -> dict[str, list[str]]:
    portable = QKeySequence.SequenceFormat.PortableText
    return {
        action.text(): [k.toString(portable) for k in action.shortcuts()]
        for action in window.findChildren(QAction)
        if action.shortcuts()
    }


def main() -> None:
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "probe.annotator"
        with Project.create(path) as project:
            project.add_documents([NewDocument("article", "نص قصير")])
        project = Project.open(path)
        windows = {
            "annotation": MainWindow(project, "probe", Settings()),
            "review": ReviewWindow(project, "probe"),
        }
        print(json.dumps({name: keys_of(w) for name, w in windows.items()}))
        project.close()
    app.quit()


if __name__ == "__main__":
    main()
