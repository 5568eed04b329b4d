"""The Arabic interface: translated menus and a window mirrored right-to-left."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from annotator.core.model import AddReport
from annotator.formats.importer import ImportResult
from annotator.ui.i18n import install_translator
from annotator.ui.importing import summary
from tests.paths import ROOT

TRANSLATIONS = ROOT / "resources" / "i18n"


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[QApplication]:
    assert install_translator(qapp, "ar") == "ar"
    yield qapp
    install_translator(qapp, "en")


def test_arabic_mirrors_the_interface_and_translates_menus(arabic: QApplication) -> None:
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QCoreApplication.translate("MainWindow", "&Edit") == "&تحرير"
    # a string added late: the compiled .qm is the current one
    assert QCoreApplication.translate("ProjectGuard", "Not saved: %1") == "لم يُحفظ: %1"


def test_english_is_left_to_right(qapp: QApplication) -> None:
    assert install_translator(qapp, "en") == "en"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "&Edit") == "&Edit"


def test_every_interface_string_has_an_arabic_translation(tmp_path: Path) -> None:
    """pyside6-lupdate over the interface's sources finds no string the Arabic file lacks
    (after adding strings: run it on annotator_ar.ts, translate, then pyside6-lrelease)."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TRANSLATIONS / "annotator_ar.ts", fresh)
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    text = fresh.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text


def test_english_counts_in_english_plurals(qapp: QApplication) -> None:
    assert install_translator(qapp, "en") == "en"
    window = "MainWindow"
    assert QCoreApplication.translate(window, "%n span(s) added", "", 1) == "1 span added"
    assert QCoreApplication.translate(window, "%n span(s) added", "", 3) == "3 spans added"
    result = ImportResult(report=AddReport(added=["a"], duplicates=[("b", "a"), ("c", "a")]))
    assert summary(result) == "1 document added, 2 already there"
