"""The Arabic interface: translated menus and a window mirrored right-to-left."""

from __future__ import annotations

import ast
import dataclasses
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import AddReport
from annotator.formats.importer import ImportResult
from annotator.formats.registry import FORMATS
from annotator.review.merge import MergeReport
from annotator.storage import edits, rejections
from annotator.storage.project import Project
from annotator.storage.sqlite_engine import SqliteEngine
from annotator.ui.edit_names import edit_name
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.format_texts import format_description, format_title
from annotator.ui.i18n import install_translator
from annotator.ui.importing import summary
from annotator.ui.review.merge_dialog import MergeDialog
from annotator.ui.settings import Settings
from annotator.ui.stats_view import StatsView
from annotator.ui.window import MainWindow
from tests.paths import ROOT
from tests.ui.conftest import ME, show_active
from tests.ui.test_guard import ARTICLE, FullDisk, tag_word

TRANSLATIONS = ROOT / "resources" / "i18n"
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


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


def _texts(tree: ast.AST, hidden: list[str]) -> set[tuple[str, str]]:
    """(context, text) of the calls lupdate reads: ``self.tr(text, ...)`` (the context is
    the class), ``QCoreApplication.translate(context, text, ...)`` and
    ``QT_TRANSLATE_NOOP(context, text)``; a call whose text is no literal, or
    ``parent.tr`` (lupdate's context "parent", Qt's the parent's class), goes to
    ``hidden``."""
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls)
        if not isinstance(node, ast.Call):
            return
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        args = node.args
        if name == "tr" and args:
            if ast.unparse(func) != "self.tr":  # lupdate files it under the variable's name
                hidden.append(f"{node.lineno}: {ast.unparse(node)[:70]}")
                return
            context, text = cls, args[0]
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
            if not (isinstance(args[0], ast.Constant) and isinstance(args[0].value, str)):
                return  # QPainter.translate(x, y)
            context, text = args[0].value, args[1]
        else:
            return
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            found.add((context, text.value))
        elif "LAYOUT_DIRECTION" not in ast.unparse(text):  # Qt's marker, marked NOOP
            hidden.append(f"{node.lineno}: {ast.unparse(node)[:70]}")

    visit(tree, "")
    return found


def test_lupdate_finds_every_text_the_interface_translates(tmp_path: Path) -> None:
    """pyside6-lupdate reads Python with a simple parser: a text passed through a
    variable (a ``_tr(text)`` helper), or a count given as a call or an attribute
    (``len(report.added)``, ``report.documents``), is missed, and stays English in the
    Arabic interface."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    sources = sorted((ROOT / "annotator" / "ui").rglob("*.py"))
    texts: set[tuple[str, str]] = set()
    hidden: list[str] = []
    for source in sources:
        texts |= _texts(ast.parse(source.read_text(encoding="utf-8")), hidden)
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *map(str, sources), "-ts", str(fresh)], check=True, capture_output=True
    )
    found = {
        (context.findtext("name"), source.text or "")
        for context in ElementTree.parse(fresh).getroot().iter("context")
        for source in context.iter("source")
    }
    assert hidden == []
    assert sorted(texts - found) == []


def test_import_and_merge_reports_and_the_charts_are_arabic(
    arabic: QApplication, make_project: Callable[[dict[str, str]], Path]
) -> None:
    """Texts lupdate missed were English in the Arabic interface: the status line after
    an import, the merge's report, the statistics' titles."""
    assert summary(ImportResult(report=AddReport(added=["a", "b", "c"]))) == "أُضيف 3 مستند"
    merged = MergeReport(added_documents=["a"], matched_documents=2, annotations=5)
    assert MergeDialog().describe(merged).startswith("أُضيف 1 مستند")
    with Project.open(make_project({"مقال": "قال محمد"})) as project:
        view = StatsView(project)
        titles = [chart.data.title for chart in view.charts]
        view.close()
    assert titles == [
        "الوسوم لكل موسِّم",
        "المستندات لكل موسِّم",
        "التوسيمات في كل يوم",
        "الوسوم في كل مستند",
    ]


def _core_edit_names() -> set[str]:
    """The names the core gives its edits (their default ``description``) and those the
    window gives the edits it makes (``description="..."`` in annotator/ui)."""
    names = {
        field.default
        for module in (edits, rejections)
        for cls in vars(module).values()
        if dataclasses.is_dataclass(cls)
        for field in dataclasses.fields(cls)
        if field.name == "description" and isinstance(field.default, str)
    }
    for source in (ROOT / "annotator" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "description"
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                names.add(node.value.value)
    return names


def test_every_edit_has_an_arabic_name(arabic: QApplication) -> None:
    names = _core_edit_names()
    assert {"add span", "blind annotation", "relabel", "accept suggestions"} <= names
    assert sorted(n for n in names if edit_name(n) == n) == []


def test_the_undo_history_and_a_change_not_saved_name_the_edit_in_arabic(
    arabic: QApplication, qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    """'لم يُحفظ: add span' was shown: the core's English name of the edit (and the
    new span's kind, 'entity', in its details)."""
    win = MainWindow(Project.open(make_project({"article": ARTICLE})), ME, Settings())
    show_active(qtbot, win)
    tag_word(qtbot, win, "محمد", Qt.Key.Key_3)
    assert win.session.undo_stack.undoText() == "إضافة مقطع"
    assert win.details.label.text() == "<b>PER</b> (كيان)"  # the kind was "(entity)"
    engine = win.project.engine
    assert isinstance(engine, SqliteEngine)
    real = engine.conn
    engine.conn = FullDisk(real)  # type: ignore[assignment]
    tag_word(qtbot, win, "غزة", Qt.Key.Key_4)
    engine.conn = real
    assert win.notice.isVisible() and win.notice.kind == "error"
    # the edit's name and why, isolated (U+2068) in the Arabic sentence
    assert win.notice.text().startswith("لم يُحفظ: \u2068إضافة مقطع: ")
    assert "add span" not in win.notice.text()
    # and why, in Arabic: the core's reason, the project's file named in it
    assert "امتلأ القرص: لم يُحفظ التغيير" in win.notice.text()
    assert "the disk is full" not in win.notice.text()
    win.project.close()


def test_the_export_dialog_describes_every_format_in_arabic(
    arabic: QApplication, qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    with Project.open(make_project({"article": ARTICLE})) as project:
        dialog = ExportDialog(project, ME)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.format.setFocus()
        dialog.format.setCurrentIndex(0)
        shown: dict[str, tuple[str, str]] = {}
        for _ in range(dialog.format.count()):
            text = dialog.description.text()
            shown[dialog.format.currentData()] = (dialog.format.currentText(), text)
            qtbot.keyClick(dialog.format, Qt.Key.Key_Down)
        dialog.close()
    assert sorted(shown) == sorted(f.name for f in FORMATS.values() if f.can_export)
    assert shown["jsonl"] == (
        "JSONL الأصلية",
        "مستند في كل سطر مع توسيماته وعلاقاته؛ دون أن يضيع منه شيء.",
    )
    for name, (_, text) in shown.items():
        assert text != FORMATS[name].description and ARABIC_LETTER.search(text), name


def test_the_formats_english_texts_are_the_registrys(qapp: QApplication) -> None:
    """The translated texts' sources are the registry's: a description changed there
    and not here would show the old one."""
    assert install_translator(qapp, "en") == "en"
    for name, fmt in FORMATS.items():
        assert (format_title(name), format_description(name)) == (fmt.title, fmt.description)
