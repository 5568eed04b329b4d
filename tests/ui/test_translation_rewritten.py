"""The Arabic translation's file written over while the window is open (pyside6-lrelease
does that, in place, in the checkout the window runs from): the window keeps the
translation it read. It crashed instead (a segfault in libQt6Core, nothing in the log) at
the next translated text, the first click on a document: Qt had mapped the .qm into
memory and read the new file's bytes at the old file's places.

The window runs in a process of its own, so that a crash fails the test instead of
ending pytest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

TRANSLATIONS = ROOT / "resources" / "i18n"

# The user's steps: the window in English, Settings › Arabic (the window is built again),
# the .qm rebuilt by another program, a click on the second document of the list.
WINDOW = """
import shutil, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtTest import QTest
from annotator.core.model import NewDocument
from annotator.storage.project import Project
from annotator.ui import app, i18n
from annotator.ui.settings import Settings

work, rebuilt = Path(sys.argv[1]), Path(sys.argv[2])
i18n.I18N = work / "i18n"
shutil.copytree(Path(sys.argv[3]), i18n.I18N)
QStandardPaths.setTestModeEnabled(True)
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(work / "qt"))
path = work / "news.annotator"
with Project.create(path) as project:
    project.add_documents(
        [NewDocument("first", "قال محمد إن غزة تحت الحصار"), NewDocument("second", "وقالت سارة")]
    )
app.application()
settings = Settings()
settings.language = "en"
window = app.open_window(path, "huda", settings)
settings.language = "ar"
window.language_changed("en")
window = app._windows[-1]
with (i18n.I18N / "annotator_ar.qm").open("r+b") as qm:
    qm.write(rebuilt.read_bytes())
    qm.truncate()
tree = window.documents.tree
second = tree.visualItemRect(tree.topLevelItem(1)).center()
QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, second)
QTest.qWait(0)
QCoreApplication.processEvents()
print(window.session.document.name, QCoreApplication.translate("MainWindow", "&Edit"))
window.close()
window.project.close()
"""


def test_window_keeps_its_translation_when_the_file_is_rebuilt(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    # Another build of the translation: one message more, so every place in it moves.
    ts = (TRANSLATIONS / "annotator_ar.ts").read_text(encoding="utf-8")
    added = "<message><source>A new text</source><translation>نص جديد</translation></message>"
    newer = tmp_path / "newer.ts"
    newer.write_text(ts.replace("</context>", added + "</context>", 1), encoding="utf-8")
    rebuilt = tmp_path / "newer.qm"
    subprocess.run([lrelease, newer, "-qm", rebuilt], check=True, capture_output=True)
    # The data and configuration folders are the test's (tests/conftest.py).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", WINDOW, tmp_path, rebuilt, TRANSLATIONS],
        env=env,
        capture_output=True,
        text=True,
    )
    assert window.returncode == 0, window.stderr
    assert window.stdout.splitlines()[-1] == "second &تحرير"
