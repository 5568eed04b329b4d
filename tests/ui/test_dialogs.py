"""Import off the UI thread, export, the schema editor and the settings dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from annotator.core.model import AttributeSpec
from annotator.storage.project import Project
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.importing import ImportJob, file_filters
from annotator.ui.schema_editor import (
    ATTRIBUTES,
    NAME,
    SchemaEditor,
    attributes_from_text,
    attributes_to_text,
)
from annotator.ui.settings import Settings
from annotator.ui.settings_dialog import SettingsDialog
from annotator.ui.window import MainWindow
from tests.conftest import reopen_project
from tests.present import present
from tests.ui.conftest import ME


@pytest.fixture
def window(qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]) -> Iterator[MainWindow]:
    path = make_project({"article": "قال محمد إن غزة تحت الحصار."})
    win = MainWindow(Project.open(path), ME, Settings())
    qtbot.addWidget(win)
    win.show()
    yield win
    QThreadPool.globalInstance().waitForDone()
    win.project.close()


def test_import_a_folder_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("خبر أول عن غزة", encoding="utf-8")
    (folder / "two.txt").write_text("خبر ثان", encoding="utf-8")
    window.import_paths([folder])
    qtbot.waitUntil(lambda: window.documents.tree.topLevelItemCount() == 3, timeout=10000)
    names = [d.name for d in window.project.documents()]
    assert names == ["article", "one", "two"]


def test_export_jsonl(window: MainWindow, tmp_path: Path) -> None:
    window.project.add_annotation(1, ME, "PER", 4, 8)
    dialog = ExportDialog(window.project, ME, window)
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    dialog.only_mine.setChecked(True)
    out = tmp_path / "out.jsonl"
    dialog.output.setText(str(out))
    report = dialog.run_export()
    assert report.annotations == 1
    assert "محمد" in out.read_text(encoding="utf-8")


def test_schema_editor_renames_recolours_and_adds(window: MainWindow) -> None:
    window.project.add_annotation(1, ME, "PER", 4, 8)
    editor = SchemaEditor(window.session.schema, window)
    row = [window.session.schema.labels[i].name for i in range(8)].index("PER")
    present(editor.table.item(row, NAME)).setText("PERSON")
    present(editor.table.item(row, ATTRIBUTES)).setText("role: official|witness")
    editor.add_label()
    window.apply_schema(editor.renames(), editor.schema())
    fresh = reopen_project(window.project.path)
    try:
        assert [a.label for a in fresh.annotations()] == ["PERSON"]
        person = fresh.schema().label("PERSON")
        assert person is not None
        assert person.attributes == (AttributeSpec("role", ("official", "witness")),)
        added = present(fresh.schema().label("LABEL9"))
        others = {lb.color for lb in fresh.schema().labels if lb.name != "LABEL9"}
        assert added.color not in others  # the eight labels take every Okabe–Ito colour
    finally:
        fresh.close()
    assert window.palette_list.count() == 9
    assert window.session.view.index.in_order()[0].label == "PERSON"


def test_attribute_text_round_trip() -> None:
    attrs = (AttributeSpec("checkworthy", ("yes", "no"), "yes", "why"), AttributeSpec("note"))
    assert attributes_from_text(attributes_to_text(attrs), attrs) == attrs


def test_settings_dialog_keeps_name_and_language(window: MainWindow) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings, window)
    dialog.name.setText("  mona ")
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    dialog.accept()
    assert Settings().annotator == "mona"
    assert Settings().language == "ar"
    settings.language = ""


def test_reading_font_is_kept_for_the_next_window(window: MainWindow, qtbot: QtBot) -> None:
    window.set_reading_font(QFont("Amiri", 19))
    again = MainWindow(window.project, ME, Settings())
    qtbot.addWidget(again)
    assert (again.view.font().family(), again.view.font().pointSize()) == ("Amiri", 19)
    window.set_reading_font(QFont("Noto Sans Arabic", 15))


def test_cancelled_import_adds_nothing(window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("خبر", encoding="utf-8")
    job = ImportJob(window.project.path, [tmp_path / "one.txt"], ME)
    outcome: list[str] = []
    job.signals.cancelled.connect(lambda: outcome.append("cancelled"))
    job.signals.finished.connect(lambda _: outcome.append("finished"))
    job.cancel()
    job.run()  # in this thread: the pool is not what is tested here
    assert outcome == ["cancelled"]
    assert [d.name for d in window.project.documents()] == ["article"]


def test_import_a_brat_folder_chosen_by_format(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A brat folder holds .txt and .ann files: importing it as brat reads the pairs
    (with the spans), not the .txt files as plain articles."""
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "news.txt").write_text("قال محمد إن غزة تحت الحصار الآن.", encoding="utf-8")
    (folder / "news.ann").write_text("T1\tPER 4 8\tمحمد\n", encoding="utf-8")
    brat = next(f for f, name in file_filters() if name == "brat")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (brat, True))
    window._import_folder()
    qtbot.waitUntil(lambda: window.documents.tree.topLevelItemCount() == 2, timeout=10000)
    fresh = reopen_project(window.project.path)
    doc = fresh.document("news")
    assert [(a.label, a.text) for a in fresh.annotations(doc.id)] == [("PER", "محمد")]
    fresh.close()


def test_the_import_dialogs_titles_show_no_mnemonic_ampersand(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The menu entry's text names its dialog, without the & that marks its Alt key."""
    titles: list[str] = []

    def asked(parent: object, title: str, *rest: object) -> tuple[object, ...] | str:
        titles.append(title)
        return "" if title.startswith("Import a") else ([], "")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", asked)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", asked)
    for text in ("&Import documents…", "Import a &folder…"):
        next(a for a in window.actions() if a.text() == text).trigger()
    assert titles == ["Import documents…", "Import a folder…"]


def export_from_the_menu(
    qtbot: QtBot, window: MainWindow, fill_in: Callable[[ExportDialog], None]
) -> None:
    """File › Export…, then ``fill_in`` works the dialog while it is open."""
    done: list[bool] = []

    def work() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        try:
            fill_in(dialog)
        finally:
            done.append(True)
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, work)
    next(a for a in window.actions() if a.text() == "&Export…").trigger()
    assert done


def test_export_asks_where_before_ok_and_a_refused_place_keeps_the_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    out = tmp_path / "out.jsonl"

    def fill_in(dialog: ExportDialog) -> None:
        ok = present(dialog.findChild(QDialogButtonBox)).button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no place to write to yet
        qtbot.keyClicks(dialog.output, str(tmp_path))  # a folder, for a one-file format
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "is a folder" in warned[0]
        dialog.output.clear()
        qtbot.keyClicks(dialog.output, str(out))
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()

    export_from_the_menu(qtbot, window, fill_in)
    assert "قال محمد" in out.read_text(encoding="utf-8")
    assert window.statusBar().currentMessage() == "1 document exported"


def test_export_of_a_folder_format_chooses_a_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def folder(_parent: object, title: str, *rest: object) -> str:
        asked.append(title)
        return str(tmp_path / "brat")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)

    def fill_in(dialog: ExportDialog) -> None:
        dialog.format.setCurrentIndex(dialog.format.findData("brat"))
        choose = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Choose…")
        qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
        assert asked and dialog.output.text() == str(tmp_path / "brat")

    export_from_the_menu(qtbot, window, fill_in)


def import_brat_answering(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
) -> list[str]:
    """Import a brat folder with labels of its own, answering the window's question
    about them; returns what it asked."""
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "news.txt").write_text("قال محمد إن غزة تحت الحصار الآن.", encoding="utf-8")
    (folder / "news.ann").write_text("T1\tPerson 4 8\tمحمد\nT2\tGeo 12 15\tغزة\n", encoding="utf-8")
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *rest: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    window.import_paths([folder], "brat")
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    return asked


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_importing_another_tools_labels_asks_to_add_them(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
) -> None:
    """A brat folder names its own labels (Organization, Person): the window refused
    every file, telling to 'import with --add-labels', a flag the window has not."""
    asked = import_brat_answering(qtbot, window, tmp_path, monkeypatch, answer)
    assert asked[0].startswith("1 file uses labels the schema lacks: Geo, Person.")
    assert "--add-labels" not in asked[0]
    if answer == QMessageBox.StandardButton.Yes:
        qtbot.waitUntil(lambda: window.documents.tree.topLevelItemCount() == 2, timeout=10000)
        fresh = reopen_project(window.project.path)
        try:
            spans = [(a.label, a.text) for a in fresh.annotations(fresh.document("news").id)]
            assert spans == [("Person", "محمد"), ("Geo", "غزة")]
        finally:
            fresh.close()
        assert window.palette_list.count() == 10  # the window shows the new labels
    else:
        QThreadPool.globalInstance().waitForDone()
        assert [d.name for d in window.project.documents()] == ["article"]
        assert window.project.schema().label("Person") is None


def test_labels_added_by_an_import_into_an_empty_project_reach_the_palette(
    qtbot: QtBot,
    open_window: Callable[[dict[str, str]], MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = open_window({})
    import_brat_answering(qtbot, empty, tmp_path, monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: empty.documents.tree.topLevelItemCount() == 1, timeout=10000)
    assert empty.palette_list.count() == 10
    assert [a.label for a in empty.session.annotations()] == ["Person", "Geo"]
