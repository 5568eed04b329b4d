"""The window on a laptop's screen: the article keeps readable lines while the side
panels give way (narrower, hidden by a key, tabbed on a screen too narrow for them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QPlainTextEdit, QTabBar
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.ui import app
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.i18n import install_translator
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.present import present
from tests.ui.conftest import ME, show_active
from tests.ui.test_language_switch import choose_language_in_settings

# A long paragraph, so that its first line is as wide as the article lets it be.
PARAGRAPH = "قال الوزير في مؤتمر صحفي إن الحكومة ستعلن خطتها الجديدة للمياه قريبا، " * 8

# The fewest characters a line of the article may hold: below some 45 an Arabic line
# breaks every few words and reading turns into scanning.
READABLE = 45


@pytest.fixture
def path(make_project: Callable[[dict[str, str]], Path]) -> Path:
    return make_project({"01-water": PARAGRAPH, "02-a-rather-long-document-name": PARAGRAPH})


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    win = MainWindow(Project.open(path), ME, Settings())
    show_active(qtbot, win)
    return win


def first_line_length(win: MainWindow) -> int:
    """How many characters the article's first line shows."""
    return first_line_in(win.view)


def first_line_in(view: QPlainTextEdit) -> int:
    """How many characters the first line of an article view shows."""
    QApplication.processEvents()
    layout = present(view.document().firstBlock().layout())
    assert layout.lineCount() > 1  # the paragraph wraps: its first line is a full one
    return layout.lineAt(0).textLength()


def side_panels(win: MainWindow) -> list[QDockWidget]:
    return win.findChildren(QDockWidget)


def on_screen(win: MainWindow) -> set[str]:
    """The panels a user sees: shown, or a tab's title away."""
    shown = {dock.windowTitle() for dock in side_panels(win) if dock.isVisible()}
    bars = [bar for bar in win.findChildren(QTabBar) if bar.isVisible()]
    return shown | {bar.tabText(i) for bar in bars for i in range(bar.count())}


def every_panel(win: MainWindow) -> set[str]:
    return {dock.windowTitle() for dock in side_panels(win)}


def in_two_columns(win: MainWindow) -> None:
    """The labels, spans and details dragged to the side the documents are not on, as on
    a wide screen."""
    documents = present(win.documents.parentWidget())
    assert isinstance(documents, QDockWidget)
    other_side = (
        Qt.DockWidgetArea.RightDockWidgetArea
        if win.dockWidgetArea(documents) == Qt.DockWidgetArea.LeftDockWidgetArea
        else Qt.DockWidgetArea.LeftDockWidgetArea
    )
    for dock in side_panels(win):
        if dock is not documents:
            win.addDockWidget(other_side, dock)


@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize("width", [1366, 1280, 1100, 1000, 900])
def test_the_article_keeps_readable_lines_as_the_window_narrows(
    qtbot: QtBot, path: Path, language: str, width: int, columns: int
) -> None:
    """Under some 1000 pixels the panels kept their widths and the article took the loss:
    at 800 a line held 15 letters. Now the panels narrow first, and the window goes no
    narrower than readable lines beside them: in one column of panels (as it opens on
    the test platform's narrow screen) or two (the documents on their own side, as on a
    laptop's screen)."""
    win = open_window(qtbot, path)
    if columns == 2:
        in_two_columns(win)
        assert all(dock.isVisible() for dock in side_panels(win))
    win.resize(width, 700)
    QApplication.processEvents()
    assert first_line_length(win) >= READABLE, (language, width, win.width())
    assert on_screen(win) == every_panel(win)
    # Within a 1280-pixel laptop screen (less the window's frame).
    assert win.minimumSizeHint().width() <= 1280 * 0.92
    win.project.close()


def test_the_side_panels_hide_with_a_key_and_stay_hidden(qtbot: QtBot, path: Path) -> None:
    """F9 hides every side panel (the article takes the whole window), remembered at the
    next start; F9 again brings them back."""
    win = open_window(qtbot, path)
    win.resize(1000, 700)
    QApplication.processEvents()
    before = first_line_length(win)
    qtbot.keyClick(win.view, Qt.Key.Key_F9)
    assert not any(dock.isVisible() for dock in side_panels(win))
    assert first_line_length(win) > before * 1.25  # the panels' column given to it
    # Narrower then, to half of a laptop's screen.
    win.resize(660, 700)
    QApplication.processEvents()
    assert win.width() <= 660
    assert first_line_length(win) >= READABLE
    win.close()
    win.project.close()

    again = open_window(qtbot, path)
    assert not any(dock.isVisible() for dock in side_panels(again))
    qtbot.keyClick(again.view, Qt.Key.Key_F9)
    assert on_screen(again) == every_panel(again)
    again.close()
    again.project.close()


def test_each_panel_hides_from_the_view_menu_and_stays_hidden(
    qtbot: QtBot, path: Path, language: str
) -> None:
    win = open_window(qtbot, path)
    documents = present(win.documents.parentWidget())
    assert isinstance(documents, QDockWidget)
    entry = next(a for a in win.panels_menu.actions() if a.text() == documents.windowTitle())
    entry.trigger()
    assert not documents.isVisible()
    assert all(d.isVisible() for d in side_panels(win) if d is not documents)
    win.close()
    win.project.close()
    again = open_window(qtbot, path)
    hidden = [d.windowTitle() for d in side_panels(again) if not d.isVisible()]
    assert hidden == [documents.windowTitle()]
    again.project.close()


def test_a_screen_too_narrow_for_the_panels_gets_them_as_tabs(qtbot: QtBot, path: Path) -> None:
    """The test platform's screen is 800 pixels wide: the panels beside readable lines do
    not fit it, so they share one column as tabs, every one a click away, and the window
    fits the screen."""
    win = open_window(qtbot, path)
    free = present(win.screen()).availableGeometry()
    assert free.width() < 900
    assert win.minimumSizeHint().width() <= free.width()
    assert win.width() <= free.width()
    assert first_line_length(win) >= READABLE
    assert on_screen(win) == every_panel(win)
    tabs = [bar for bar in win.findChildren(QTabBar) if bar.isVisible()]
    assert len(tabs) == 1 and tabs[0].count() == 2
    win.project.close()


def test_the_panels_hidden_stay_hidden_in_the_other_language(
    qtbot: QtBot, path: Path, qapp: QApplication
) -> None:
    """Built again in Arabic, the window showed every panel the English one had hidden."""
    window = app.open_window(path, ME, Settings())  # closed and deleted by the switch
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    documents = present(window.documents.parentWidget())
    assert isinstance(documents, QDockWidget)
    entry = next(a for a in window.panels_menu.actions() if a.text() == documents.windowTitle())
    entry.trigger()  # View › Panels › Documents: hidden
    choose_language_in_settings(qtbot, window, "ar")
    arabic = app._windows[-1]
    qtbot.addWidget(arabic)
    try:
        assert arabic is not window
        assert not present(arabic.documents.parentWidget()).isVisible()
        hidden = present(arabic.documents.parentWidget()).windowTitle()
        assert on_screen(arabic) == every_panel(arabic) - {hidden}
        arabic.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is arabic)
        arabic.view.setFocus()
        qtbot.keyClick(arabic.view, Qt.Key.Key_F9)  # all hidden: the article alone
        assert not any(dock.isVisible() for dock in side_panels(arabic))
        qtbot.keyClick(arabic.view, Qt.Key.Key_F9)  # and back: the three shown before
        assert not present(arabic.documents.parentWidget()).isVisible()
        assert len([dock for dock in side_panels(arabic) if dock.isVisible()]) >= 1
    finally:
        install_translator(qapp, "en")
        arabic.project.close()
        app._windows.clear()


def test_no_format_description_is_cut_at_the_export_dialogs_edge(
    qtbot: QtBot, path: Path, language: str
) -> None:
    """A line of the description that filled the label had its last letter's overhang
    (the bowl of an Arabic final nun: «دون» read «دور») cut off at the label's edge."""
    win = open_window(qtbot, path)
    dialog = ExportDialog(win.project, ME, win)
    qtbot.addWidget(dialog)
    dialog.show()
    label = dialog.description
    for index in range(dialog.format.count()):
        dialog.format.setCurrentIndex(index)  # as chosen in the Format box
        QApplication.processEvents()
        image = label.grab().toImage()
        for x in (0, image.width() - 1):
            column = [image.pixelColor(x, y).lightness() for y in range(image.height())]
            assert min(column) > 150, (language, dialog.format.currentText(), x)
    dialog.close()
    win.project.close()


def test_the_panels_hidden_are_remembered_at_once(qtbot: QtBot, path: Path) -> None:
    """Which panels were shown was saved only as the window closed: a crash or a killed
    session brought back every panel hidden since. Now each toggle is saved."""
    win = open_window(qtbot, path)
    on_disk = Path(QSettings("annotator", "annotator").fileName())
    before = on_disk.read_bytes() if on_disk.exists() else b""
    qtbot.keyClick(win.view, Qt.Key.Key_F9)  # all hidden, and the window never closed
    QApplication.processEvents()
    assert on_disk.read_bytes() != before  # written out, not only in memory
    assert not any(dock.isVisible() for dock in side_panels(win))
    after_a_crash = open_window(qtbot, path)
    assert not any(dock.isVisible() for dock in side_panels(after_a_crash))
    after_a_crash.project.close()

    documents = present(win.documents.parentWidget())
    assert isinstance(documents, QDockWidget)
    entry = next(a for a in win.panels_menu.actions() if a.text() == documents.windowTitle())
    entry.trigger()  # View › Panels › Documents: shown again, alone
    QApplication.processEvents()
    again = open_window(qtbot, path)
    shown = [dock.windowTitle() for dock in side_panels(again) if dock.isVisible()]
    assert shown == [documents.windowTitle()]
    again.project.close()
    win.project.close()


def test_a_layout_remembered_from_a_wider_screen_fits_a_narrow_one(
    qtbot: QtBot, path: Path, language: str
) -> None:
    """Two columns of panels kept from a wide screen opened on a narrow one (the test
    platform's 800 pixels) as they were: the window wider than the screen, its edge and
    panels off it. Now they give way as on a first start: one column, the labels a tab."""
    win = open_window(qtbot, path)
    in_two_columns(win)
    win.resize(1200, 700)  # as on the wide screen it was last used on
    QApplication.processEvents()
    win.close()
    win.project.close()

    again = open_window(qtbot, path)
    free = present(again.screen()).availableGeometry()
    assert again.minimumSizeHint().width() <= free.width(), language
    assert again.width() <= free.width()
    assert first_line_length(again) >= READABLE
    assert on_screen(again) == every_panel(again)
    again.project.close()


def test_showing_the_panels_keeps_a_window_on_half_the_screen_within_it(
    qtbot: QtBot, path: Path, language: str
) -> None:
    """The panels hidden, the window tiled to the right half of the screen: F9 showing
    them again grew it past the screen's edge."""
    win = open_window(qtbot, path)
    qtbot.keyClick(win.view, Qt.Key.Key_F9)
    QApplication.processEvents()
    free = present(win.screen()).availableGeometry()
    # Tiled to the right half (as wide as readable lines let it on the test platform's
    # small screen): its frame's right edge on the screen's.
    win.resize(max(free.width() // 2, win.minimumSizeHint().width()), free.height() - 40)
    QApplication.processEvents()
    win.move(win.pos() + QPoint(free.right() - win.frameGeometry().right(), 0))
    QApplication.processEvents()
    assert win.frameGeometry().right() == free.right()
    qtbot.keyClick(win.view, Qt.Key.Key_F9)
    QApplication.processEvents()
    assert on_screen(win) == every_panel(win)
    frame = win.frameGeometry()
    assert free.left() <= frame.left() and frame.right() <= free.right(), (language, frame)
    assert first_line_length(win) >= READABLE
    win.project.close()


def test_f9_after_a_restart_brings_back_the_panels_it_hid(
    qtbot: QtBot, path: Path, language: str
) -> None:
    """The documents hidden by View › Panels, the others by F9: after a restart F9
    showed every panel, the documents too; it brings back the three it hid."""
    win = open_window(qtbot, path)
    documents = present(win.documents.parentWidget())
    entry = next(a for a in win.panels_menu.actions() if a.text() == documents.windowTitle())
    entry.trigger()
    hid = {dock.windowTitle() for dock in side_panels(win) if dock.isVisible()}
    qtbot.keyClick(win.view, Qt.Key.Key_F9)
    assert not any(dock.isVisible() for dock in side_panels(win))
    win.close()
    win.project.close()

    again = open_window(qtbot, path)
    assert not any(dock.isVisible() for dock in side_panels(again))
    qtbot.keyClick(again.view, Qt.Key.Key_F9)
    assert {dock.windowTitle() for dock in side_panels(again) if dock.isVisible()} == hid
    again.project.close()
