"""The Arabic interface says in Arabic what the core refused: the schema editor's kinds
and its refusals, the reason a change was not saved (test_i18n); every translated reason is one the
core gives."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from annotator.core.errors import UserError
from annotator.storage.project import Project
from annotator.ui.error_texts import _table, error_text, reason_text
from annotator.ui.schema_editor import KIND, NAME, SchemaEditor
from annotator.ui.server_dialog import ServerDialog
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.learn.corpus import newsroom
from tests.paths import ROOT
from tests.present import present
from tests.ui.conftest import ME, show_active
from tests.ui.test_guard import ARTICLE, tag_word
from tests.ui.test_i18n import ARABIC_LETTER
from tests.ui.test_suggestions import TRAINING_S


def arabic_window(qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]) -> MainWindow:
    win = MainWindow(Project.open(make_project({"article": ARTICLE})), ME, Settings())
    show_active(qtbot, win)
    return win


def in_the_schema_editor(
    qtbot: QtBot, win: MainWindow, work: Callable[[SchemaEditor], None]
) -> None:
    """Project › Schema… (as the Arabic menu names it), ``work`` in the editor, then OK."""

    def fill_in() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, SchemaEditor)
        work(editor)
        box = present(editor.findChild(QDialogButtonBox))
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    title = QCoreApplication.translate("MainWindow", "&Schema…")
    next(a for a in win.findChildren(QAction) if a.text() == title).trigger()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)


def row_of(editor: SchemaEditor, name: str) -> int:
    rows = range(editor.table.rowCount())
    return [present(editor.table.item(r, NAME)).text() for r in rows].index(name)


def test_the_kinds_are_arabic_and_a_kind_chosen_is_stored(
    arabic: QApplication, qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    win = arabic_window(qtbot, make_project)
    shown: list[str] = []

    def choose_claim_for_misc(editor: SchemaEditor) -> None:
        kind = editor.table.cellWidget(row_of(editor, "MISC"), KIND)
        assert isinstance(kind, QComboBox)
        shown.extend(kind.itemText(i) for i in range(kind.count()))
        kind.setCurrentIndex(shown.index("ادعاء"))

    in_the_schema_editor(qtbot, win, choose_claim_for_misc)
    assert shown == ["كيان", "ادعاء", "اقتباس"]  # was "entity", "claim", "quote"
    fresh = reopen_project(win.project.path)
    try:
        assert present(fresh.schema().label("MISC")).kind.value == "claim"
    finally:
        fresh.close()
    win.project.close()


def test_removing_a_label_in_use_is_refused_in_arabic(
    arabic: QApplication, qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    win = arabic_window(qtbot, make_project)
    tag_word(qtbot, win, "محمد", Qt.Key.Key_3)  # PER is in use

    def remove_per(editor: SchemaEditor) -> None:
        editor.table.setCurrentCell(row_of(editor, "PER"), NAME)
        remove = QCoreApplication.translate("SchemaEditor", "Remove label")
        button = next(b for b in editor.findChildren(QPushButton) if b.text() == remove)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    in_the_schema_editor(qtbot, win, remove_per)
    said = win.statusBar().currentMessage()
    assert "\u2068PER\u2069" in said and "the new schema" not in said
    assert said.startswith("المخطط الجديد")
    assert present(win.project.schema().label("PER"))  # nothing changed
    win.project.close()


def test_an_english_interface_shows_the_core_s_line_as_it_is(qapp: QApplication) -> None:
    exc = UserError("no such file", "/tmp/names.tsv", 3)
    assert error_text(exc) == str(exc) == "/tmp/names.tsv, line 3: no such file"


def _shapes(node: ast.expr) -> str | None:
    """A literal text as the core writes it, each value it puts in as {}."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = _shapes(node.left)
        return None if left is None else left + (_shapes(node.right) or "{}")
    return None


def test_every_translated_reason_is_a_message_the_core_gives(qapp: QApplication) -> None:
    core = [p for p in (ROOT / "annotator").rglob("*.py") if "ui" not in p.parts]
    messages = {
        shape
        for path in core
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.expr) and (shape := _shapes(node)) is not None
    }
    assert sorted(set(_table()) - messages) == []


def test_every_reason_in_the_table_is_said_in_arabic_by_its_own_line(
    arabic: QApplication,
) -> None:
    """Each entry is translated, with its values where the translation puts them, and no
    entry before it takes its messages: a general line ("{} has no label") placed
    before a particular one ("span {} at {}-{} has no label") would give the particular
    message the general translation."""
    for english, translated in _table().items():
        values = [f"v{n}" for n in range(1, english.count("{}") + 1)]
        expected = translated
        for n, value in enumerate(values, start=1):
            expected = expected.replace(f"%{n}", f"\u2068{value}\u2069")
        assert ARABIC_LETTER.search(translated), english
        assert reason_text(english.format(*values)) == expected, english


def test_a_training_with_nothing_to_learn_from_says_so_in_arabic(
    arabic: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """The training process's one line (on its stderr) was shown as it came: English."""
    newsroom(tmp_path / "empty.annotator", done=0, annotator=ME).close()
    win = MainWindow(Project.open(tmp_path / "empty.annotator"), ME, Settings())
    show_active(qtbot, win)
    job = present(win.suggestions.train_now())
    with qtbot.waitSignal(job.signals.failed, timeout=TRAINING_S * 1000):
        pass
    said = win.statusBar().currentMessage()
    assert said.startswith("لا مقاطع يُتعلَّم منها بعد") and "no spans" not in said
    win.close()
    win.project.close()


def status_after_import(
    qtbot: QtBot, win: MainWindow, paths: list[Path], format_name: str = "auto"
) -> str:
    """The status bar's line once an import from the window is done. Waited for on the
    line, not on the job's signal: the job runs in a pool thread and may finish before a
    wait on its signal is connected (the test then timed out under load)."""
    before = win.statusBar().currentMessage()
    win.import_paths(paths, format_name)
    qtbot.waitUntil(lambda: win.statusBar().currentMessage() not in ("", before), timeout=60_000)
    return win.statusBar().currentMessage()


def test_the_files_an_import_refuses_are_said_in_arabic(
    arabic: QApplication,
    qtbot: QtBot,
    make_project: Callable[[dict[str, str]], Path],
    tmp_path: Path,
) -> None:
    """The status bar's line after an import named each refused file's problem in
    English, in the Arabic window."""
    win = arabic_window(qtbot, make_project)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    line = '{"text": "قال محمد", "annotations": [{"start": 4, "end": 99, "label": "PER"}]}'
    (folder / "bad.jsonl").write_text(line + "\n", encoding="utf-8")
    (folder / "good.txt").write_text("نص سليم", encoding="utf-8")
    said = status_after_import(qtbot, win, [folder])
    assert "فارغ" in said and "خارج النطاق" in said
    assert "is empty" not in said and "out of range" not in said
    win.project.close()


def test_a_server_that_refuses_the_connection_is_said_in_arabic(
    arabic: QApplication, qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    """File › Open a project on a server, a URL whose port nothing listens on: the
    dialog said libpq's refusal inside an English line."""
    win = arabic_window(qtbot, make_project)
    said: list[str] = []

    def answer() -> None:
        dialog = present(win.findChild(ServerDialog))
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClicks(dialog.url, "postgresql://me@127.0.0.1:1/news?project=news")
        qtbot.keyClick(dialog.url, Qt.Key.Key_Return)
        connecting = QCoreApplication.translate("ServerDialog", "Connecting…")
        qtbot.waitUntil(lambda: dialog.message.text() not in ("", connecting), timeout=30_000)
        said.append(dialog.message.text())
        qtbot.keyClick(dialog.url, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    title = QCoreApplication.translate("MainWindow", "Open a project on a &server…")
    next(a for a in win.findChildren(QAction) if a.text() == title).trigger()
    assert said[0].startswith("يتعذّر الوصول إلى الخادم") and "cannot be reached" not in said[0]
    assert win.project.path.suffix == ".annotator"  # the window stays on its project
    win.project.close()


def test_files_another_tool_wrote_wrongly_are_refused_in_arabic(
    arabic: QApplication,
    qtbot: QtBot,
    make_project: Callable[[dict[str, str]], Path],
    tmp_path: Path,
) -> None:
    """A CSV with a header and no rows, a file of no kind annotator knows, a text with a
    control character, a Label Studio task without its "data": each named with its
    problem in Arabic, none imported."""
    win = arabic_window(qtbot, make_project)
    folder = tmp_path / "from others"
    folder.mkdir()
    (folder / "sheet.csv").write_text("text\n", encoding="utf-8")
    (folder / "tasks.json").write_text('[{"id": 1}]', encoding="utf-8")
    (folder / "notes.odt").write_bytes(b"PK\x03\x04")
    (folder / "escaped.txt").write_text("سطر\nفيه \x1b", encoding="utf-8")
    before = len(win.project.documents())
    paths = [folder / n for n in ("sheet.csv", "notes.odt", "escaped.txt")]
    said = status_after_import(qtbot, win, paths)
    assert "فيه سطر عناوين بلا صفوف" in said and "نوع ملف غير معروف" in said
    # The refused character's place, inside the line on the file: both translated.
    assert "في \u2068السطر \u20682\u2069، العمود \u20685\u2069\u2069\u2069؛ أهو ملف ثنائي؟" in said
    assert "no rows" not in said and "unknown kind" not in said and "binary" not in said
    said = status_after_import(qtbot, win, [folder / "tasks.json"], "labelstudio")
    # The task's number, then its own problem: both lines translated.
    assert 'المهمة \u20681\u2069: \u2068كل مهمة يجب أن تكون كائنًا فيه "data"' in said
    assert "task" not in said.replace("tasks.json", "")
    assert len(win.project.documents()) == before
    win.project.close()


def test_a_value_that_looks_like_a_place_of_the_translation_stays_as_it_is(
    arabic: QApplication,
) -> None:
    """A file named "%2" put the next value inside it (values were put in one by one)."""
    message = "span %2-9 was not added to document 4: the project changed meanwhile; try again"
    said = reason_text(message)
    assert "\u2068%2\u2069" in said and said.count("\u2068") == 3
    line = error_text(UserError(message, "/tmp/%2.jsonl", 5))
    assert line.startswith("\u2068/tmp/%2.jsonl\u2069") and line.count(said) == 1


def test_whose_work_a_blind_project_hides_is_said_in_arabic(arabic: QApplication) -> None:
    """The core names it in English inside its line ("the gold layer", "alice's work"):
    the Arabic line said "لا عمل the gold layer"."""
    refused = "the project is blind: dina sees only their own work, not "
    said = [reason_text(refused + whose) for whose in ("the gold layer", "alice's work")]
    blind = "التوسيم في المشروع معمّى: يرى \u2068dina\u2069 عمله وحده، لا "
    assert said == [
        blind + "\u2068طبقة gold\u2069",
        blind + "\u2068عمل \u2068alice\u2069\u2069",
    ]
