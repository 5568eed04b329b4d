"""What a user sees of the suggestions beyond the keys: that a training is under way for
as long as it runs, a ghost's label when the mouse rests on it (its colour alone does
not say it to everyone), which ghost Return would accept, and the model, its ghosts and
the documents' order kept when the interface changes language (the window is built
again)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.ui import app
from annotator.ui.i18n import install_translator
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.learn.corpus import article, newsroom
from tests.ui.conftest import ME
from tests.ui.test_language_switch import choose_language_in_settings
from tests.ui.test_suggestions import TRAINING_S, first_listed, ghosts, open_new, stored, train


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    newsroom(tmp_path / "news.annotator", annotator=ME).close()
    win = app.open_window(tmp_path / "news.annotator", ME, Settings())
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    yield win
    install_translator(QApplication.instance(), "en")  # type: ignore[arg-type]
    last = app._windows[-1]
    last.close()  # stops what the window runs in threads, before its project closes
    last.project.close()
    app._windows.clear()


def test_the_status_bar_says_learning_until_the_model_is_trained(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new(window)
    menu = window.suggestions
    said: list[str] = []
    # What the status bar shows when the model arrives: the training was said all along.
    menu.trained.connect(lambda: said.append(window.suggestions.progress.text()))
    signals = [menu.trained, menu.found, menu.measured]
    with qtbot.waitSignals(signals, timeout=TRAINING_S * 1000):
        qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
        assert menu.progress.isVisible() and menu.progress.text().startswith("Learning")
    assert said and said[0].startswith("Learning")
    assert not menu.progress.isVisible()  # the job has ended


def test_switching_the_language_keeps_the_model_its_suggestions_and_the_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new(window)
    train(qtbot, window)
    window.suggestions.order_action.trigger()
    before = ghosts(window)
    assert before and "new" in first_listed(window)
    choose_language_in_settings(qtbot, window, "ar")
    arabic = app._windows[-1]
    assert arabic is not window
    qtbot.waitExposed(arabic)
    assert ghosts(arabic) == before
    assert arabic.view.ghosts  # painted
    assert arabic.suggestions.order_action.isChecked() and "new" in first_listed(arabic)
    arabic.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is arabic)
    arabic.view.select_span(0, 0)
    qtbot.keyClick(arabic.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert set(stored(arabic)) == set(article(10)[1])
    with Project.open(arabic.project.path) as fresh:
        assert len(fresh.annotations(fresh.document("new").id, ME)) == len(before)


def test_switching_the_language_while_training_does_not_wait_for_the_training(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The window is built again at once and the training goes on in it. The switch
    froze the window for the whole training (half a minute on a large project): the new
    window starts its training before the old one closes, and the old one, closing,
    waited for every job of the application's thread pool, the new training among them."""
    open_new(window)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_T, ctrl_shift)  # Suggestions › Train now
    (stopped,) = window.suggestions._jobs
    choose_language_in_settings(qtbot, window, "ar")
    arabic = app._windows[-1]
    assert arabic is not window
    # The old window's training was stopped; the new window's was not waited for: its
    # process still runs (or has not started yet).
    assert stopped.cancelled.is_set()
    (training,) = arabic.suggestions._jobs
    assert training._process is None or training._process.returncode is None
    assert arabic.suggestions.progress.isVisible()  # "Learning…", in Arabic
    with qtbot.waitSignal(arabic.suggestions.measured, timeout=TRAINING_S * 1000):
        pass
    assert arabic.suggestions.model is not None
    assert not arabic.suggestions.progress.isVisible()


def is_active(window: MainWindow) -> bool:
    return QApplication.activeWindow() is window


def test_the_jobs_of_a_window_built_again_go_with_it_in_the_window_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The old window's jobs are let go as it closes, in its own thread. They went with
    the window's Python objects, which hold each other and so wait for Python's
    collector, run by whichever thread allocates (a pool thread finding suggestions):
    the Qt objects of the jobs' signals were deleted from a thread not theirs."""
    newsroom(tmp_path / "news.annotator", annotator=ME).close()
    window = app.open_window(tmp_path / "news.annotator", ME, Settings())
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(partial(is_active, window))  # a lambda would keep the window
    open_new(window)
    train(qtbot, window)
    freed: list[str] = []
    menu = window.suggestions
    jobs_signals: list[QObject] = [job.signals for job in menu._jobs]
    jobs_signals += [job.signals for job in menu._suggest_jobs]
    for signals in jobs_signals:
        weakref.finalize(signals, lambda: freed.append(threading.current_thread().name))
    del jobs_signals, signals, menu
    collecting = gc.isenabled()
    gc.disable()  # the collector runs when it is triggered: here, in a thread, below
    try:
        choose_language_in_settings(qtbot, window, "ar")
        del window  # closed, and deleted by Qt:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        collector = threading.Thread(target=gc.collect, name="pool thread")
        collector.start()
        collector.join()
    finally:
        if collecting:
            gc.enable()
        install_translator(QApplication.instance(), "en")  # type: ignore[arg-type]
        arabic = app._windows.pop()
        arabic.close()
        arabic.project.close()
    assert freed == [threading.main_thread().name] * 2  # the training's and the finding's


def test_resting_the_mouse_on_a_ghost_names_its_label_and_the_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new(window)
    train(qtbot, window)
    start, end, label = min(ghosts(window))
    view = window.view
    point = view.span_rects(start, end)[0].center().toPoint()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text().startswith(f"Suggested {label} (")
    assert "Return accepts" in QToolTip.text()


def test_the_ghost_return_would_accept_is_marked_and_follows_the_caret(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new(window)
    train(qtbot, window)
    menu, view = window.suggestions, window.view
    first, second, *_ = menu.ghosts
    assert view.ghosts[view.current_ghost][:2] == (first.start, first.end)  # the next one
    qtbot.keyClick(view, Qt.Key.Key_F8)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.ghosts[view.current_ghost][:2] == (second.start, second.end)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert (second.start, second.end, second.label) in stored(window)
    view.select_span(len(view.index.text), len(view.index.text))  # after every ghost
    assert view.current_ghost == -1


def test_accepting_and_rejecting_say_what_was_decided(qtbot: QtBot, window: MainWindow) -> None:
    """Return may accept a suggestion off screen (the next one after the caret): the
    status bar names it; a rejected ghost vanishes, and the status bar says for how long."""
    open_new(window)
    train(qtbot, window)
    first, second, *_ = window.suggestions.ghosts
    text = window.project.document("new").text
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    said = window.statusBar().currentMessage()
    assert said == f"Accepted “{text[first.start : first.end]}” as {first.label}"
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Rejected “{text[second.start : second.end]}” as {second.label}")


def test_a_document_listed_first_for_the_model_says_why(qtbot: QtBot, window: MainWindow) -> None:
    """Ordered by uncertainty, the list moves documents about: the ones moved up say
    so when the mouse rests on them; the others say nothing."""
    open_new(window)
    train(qtbot, window)
    window.suggestions.order_action.trigger()
    tree = window.documents.tree
    first, last = tree.topLevelItem(0), tree.topLevelItem(tree.topLevelItemCount() - 1)
    assert first is not None and last is not None and "new" in first.text(0)
    assert first.toolTip(0).startswith("Listed first: the model is unsure of it")
    assert last.toolTip(0) == ""
    window.suggestions.order_action.trigger()  # back to the project's order
    first = tree.topLevelItem(0)
    assert first is not None and first.toolTip(0) == ""


def test_the_keys_say_so_when_the_suggestions_are_hidden(qtbot: QtBot, window: MainWindow) -> None:
    """Hidden by Suggestions › Show suggestions, the ghosts are still there to show:
    the keys say they are hidden, not that there are none."""
    open_new(window)
    train(qtbot, window)
    window.suggestions.show_action.trigger()  # hide them
    assert window.view.ghosts == []
    for key, modifier in (
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(window.view, key, modifier)
        assert window.statusBar().currentMessage().startswith("Suggestions are hidden")
    assert stored(window) == {}
