"""Suggestions in the window: train, open the eleventh article, and decide on each
proposed span with one key; what the keys decide is what the project file holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import NewDocument
from annotator.learn.apply import suggest_documents
from annotator.storage.project import Project
from annotator.storage.rejections import rejected, rejection_key
from annotator.ui.settings import Settings
from annotator.ui.settings_dialog import SettingsDialog
from annotator.ui.window import MainWindow
from tests.learn.corpus import AGAIN, NEW_MINISTER, article, newsroom, statements
from tests.ui.conftest import ME, show_active

TRAINING_S = 120  # the training process, on a loaded machine; a bound, not a measure


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    newsroom(tmp_path / "news.annotator", annotator=ME).close()
    win = MainWindow(Project.open(tmp_path / "news.annotator"), ME, Settings())
    show_active(qtbot, win)
    yield win
    win.project.close()


def stored(win: MainWindow, doc: str = "new") -> dict[tuple[int, int, str], dict[str, object]]:
    """My spans in a document as the project file holds them, with their attributes."""
    with Project.open(win.project.path) as fresh:
        doc_id = fresh.document(doc).id
        return {(a.start, a.end, a.label): a.attributes for a in fresh.annotations(doc_id, ME)}


def train(qtbot: QtBot, win: MainWindow) -> None:
    """Train from the keyboard, until the model is in use and has found the open
    document's suggestions (in a thread of their own: the window answers meanwhile), and
    the training process has measured the documents and ended."""
    signals = [win.suggestions.trained, win.suggestions.found, win.suggestions.measured]
    with qtbot.waitSignals(signals, timeout=TRAINING_S * 1000):
        qtbot.keyClick(win.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
        # Training runs elsewhere: the window still answers keys meanwhile.
        assert win.suggestions.training
        tags = win.view.show_tags
        qtbot.keyClick(win.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        assert win.view.show_tags is not tags


def open_new(win: MainWindow) -> None:
    win.session.open_document(win.project.document("new").id)
    win.view.select_span(0, 0)


def stored_as(win: MainWindow, annotator: str) -> set[tuple[int, int, str]]:
    with Project.open(win.project.path) as fresh:
        doc_id = fresh.document("new").id
        return {(a.start, a.end, a.label) for a in fresh.annotations(doc_id, annotator)}


def ghosts(win: MainWindow) -> set[tuple[int, int, str]]:
    return {(g.start, g.end, g.label) for g in win.suggestions.ghosts}


def test_the_eleventh_article_is_annotated_with_one_key_per_entity(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new(window)
    train(qtbot, window)
    expected = set(article(10)[1])
    assert ghosts(window) == expected
    assert window.view.ghosts  # painted
    first, second, *rest = sorted(expected)
    enter = Qt.Key.Key_Return
    qtbot.keyClick(window.view, enter)  # accepts the first, moves to the second
    assert stored(window) == {first: {"suggested_by": "model:crf"}}
    assert window.view.caret() == second[0]
    qtbot.keyClick(window.view, enter, Qt.KeyboardModifier.ShiftModifier)  # rejects it
    assert set(stored(window)) == {first}
    text = window.project.document("new").text
    with Project.open(window.project.path) as fresh:
        assert rejected(fresh) == {(rejection_key(text[second[0] : second[1]]), second[2])}
    assert ghosts(window) == set(rest)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ghosts(window) == {second, *rest}  # the rejection undone
    qtbot.keyClick(window.view, enter, Qt.KeyboardModifier.ControlModifier)  # all the rest
    assert set(stored(window)) == expected
    assert ghosts(window) == set()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert set(stored(window)) == {first}  # accepting all was one step


def test_a_rejected_suggestion_stays_rejected_after_retraining_and_for_the_cli(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new(window)
    train(qtbot, window)
    start, end, label = min(ghosts(window))
    window.view.select_span(start + 1, start + 1)  # the caret inside the suggestion
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert (start, end, label) not in ghosts(window)
    train(qtbot, window)
    assert ghosts(window) and (start, end, label) not in ghosts(window)
    model = window.suggestions.model
    assert model is not None
    with Project.open(window.project.path) as fresh:
        suggest_documents(fresh, model, documents=["new"])
    assert (start, end, label) not in stored_as(window, "model:crf")


def first_listed(win: MainWindow) -> str:
    item = win.documents.tree.topLevelItem(0)
    assert item is not None
    return item.text(0)


def test_the_model_suggests_at_once_and_orders_the_documents_once_it_has_measured_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A large project gets its suggestions as soon as the model is trained; measuring
    how unsure it is of every document not started comes after, in the same process."""
    open_new(window)
    assert "new" not in first_listed(window)
    window.suggestions.order_action.trigger()  # asked for before there is a model
    menu = window.suggestions
    when_trained: list[tuple[bool, dict[int, float], str]] = []
    menu.trained.connect(
        lambda: when_trained.append((menu.training, dict(menu.uncertainty), first_listed(window)))
    )
    signals = [menu.trained, menu.found, menu.measured]
    with qtbot.waitSignals(signals, timeout=TRAINING_S * 1000):
        qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    # In use while the documents were still being measured, listed as they were.
    ((still_running, measured, listed_first),) = when_trained
    assert still_running and measured == {} and "new" not in listed_first
    assert ghosts(window) == set(article(10)[1])
    # Then the one document not started comes first, for the model is unsure of it.
    assert not menu.training
    assert set(menu.uncertainty) == {window.project.document("new").id}
    assert "new" in first_listed(window)


def test_the_model_retrains_after_n_new_spans_and_keeps_the_documents_ordered(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.settings.retrain_every = 2
    open_new(window)
    train(qtbot, window)
    window.suggestions.order_action.trigger()
    assert "new" in first_listed(window)
    signals = [window.suggestions.trained, window.suggestions.measured]
    with qtbot.waitSignals(signals, timeout=TRAINING_S * 1000):
        qtbot.keyClick(window.view, Qt.Key.Key_Return)
        qtbot.keyClick(window.view, Qt.Key.Key_Return)  # the second new span retrains
    assert len(stored(window)) == 2
    # Measured again: the document is started now, and no longer listed first.
    assert window.project.document("new").id not in window.suggestions.uncertainty
    assert "new" not in first_listed(window)


def test_training_asked_for_while_one_runs_starts_when_it_ends(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new(window)
    menu = window.suggestions
    models: list[object] = []
    menu.trained.connect(lambda: models.append(menu.model))
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(menu.measured, timeout=TRAINING_S * 1000):
        qtbot.keyClick(window.view, Qt.Key.Key_T, keys)
        qtbot.keyClick(window.view, Qt.Key.Key_T, keys)  # one process at a time: later
        assert window.statusBar().currentMessage().startswith("Learning already")
    # The second starts as the first ends, and trains a model of its own.
    assert menu.training and len(models) == 1
    with qtbot.waitSignal(menu.measured, timeout=TRAINING_S * 1000):
        pass
    assert len(models) == 2 and models[0] is not models[1] and not menu.training


def test_the_retraining_preference_is_set_in_the_settings_dialog(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.retrain.value() == 10
    dialog.retrain.setValue(0)
    dialog.accept()
    assert Settings().retrain_every == 0  # "only when asked", as stored


def test_a_long_document_gets_its_suggestions_while_the_window_answers_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new(window)
    train(qtbot, window)
    # The eleventh article 200 times over: 56,000 characters, a paragraph each.
    text, spans = article(10)
    window.project.add_documents([NewDocument("long", "\n".join([text] * 200))])
    long_id = window.project.document("long").id
    with qtbot.waitSignal(window.suggestions.found, timeout=TRAINING_S * 1000):
        window.session.open_document(long_id)
        tags = window.view.show_tags
        qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        assert window.view.show_tags is not tags
    step = len(text) + 1
    assert ghosts(window) == {(s + k * step, e + k * step, lab)
                              for k in range(200) for s, e, lab in spans}  # fmt: skip
    window.view.select_span(0, 0)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with Project.open(window.project.path) as fresh:
        assert len(fresh.annotations(long_id, ME)) == 200 * len(spans)


def test_a_name_the_model_is_sure_of_on_one_line_is_proposed_on_the_others(
    qtbot: QtBot, tmp_path: Path
) -> None:
    statements(tmp_path / "statements.annotator", annotator=ME).close()
    win = MainWindow(Project.open(tmp_path / "statements.annotator"), ME, Settings())
    show_active(qtbot, win)
    open_new(win)
    train(qtbot, win)
    text = win.project.document("new").text
    first, again = text.index(NEW_MINISTER), text.index(AGAIN) + AGAIN.index("كَرِيم")
    # The second line alone tells nothing of a name: the first line's does.
    expected = {
        (first, first + len(NEW_MINISTER), "PER"),
        (again, again + len("كَرِيم الحلبي"), "PER"),
    }
    assert ghosts(win) == expected
    qtbot.keyClick(win.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert set(stored(win)) == expected
    win.close()
    win.project.close()


def test_a_name_annotated_once_is_proposed_wherever_else_the_document_has_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new(window)
    train(qtbot, window)
    text = "ثم غادر كريم الحلبي المكان.\nوعاد كَرِيم الحلبي مساء إلى المكان."
    window.project.add_documents([NewDocument("twice", text)])
    with qtbot.waitSignal(window.suggestions.found, timeout=TRAINING_S * 1000):
        window.session.open_document(window.project.document("twice").id)
    first = (text.index("كريم"), text.index("كريم") + len("كريم الحلبي"), "PER")
    again = (text.index("كَرِيم"), text.index("كَرِيم") + len("كَرِيم الحلبي"), "PER")
    assert not any(g[0] < again[1] and again[0] < g[1] for g in ghosts(window))
    window.view.select_span(first[0], first[1])
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # PER, by hand
    assert again in ghosts(window)  # at once, before any retraining
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert stored(window, "twice") == {first: {}, again: {"suggested_by": "document"}}
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert again in ghosts(window)
    window.view.select_span(again[0], again[0])
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert again not in ghosts(window) and set(stored(window, "twice")) == {first}


def test_a_long_document_s_other_places_are_read_while_the_window_answers_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The words of a long document are read for the other places of one's spans in a
    thread (they took the window's thread 0.1-0.2 s as it opened); once read, tagging a
    word proposes it everywhere else at once."""
    open_new(window)
    train(qtbot, window)
    line = "ثم غادر الوفد المكان مساء الخميس.\n"
    text = line * 300  # 10,500 characters: longer than the first screen
    window.project.add_documents([NewDocument("long", text)])
    with qtbot.waitSignals([window.suggestions.found, window.suggestions.placesRead]):
        window.session.open_document(window.project.document("long").id)
        tags = window.view.show_tags
        qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        assert window.view.show_tags is not tags
    evening = [k * len(line) + line.index("مساء") for k in range(300)]
    window.view.select_span(evening[0], evening[0] + len("مساء"))
    qtbot.keyClick(window.view, Qt.Key.Key_7)  # DATE, by hand
    assert {g for g in ghosts(window) if g[2] == "DATE"} == {
        (s, s + len("مساء"), "DATE") for s in evening[1:]
    }


def test_closing_the_window_stops_a_training_under_way(qtbot: QtBot, window: MainWindow) -> None:
    open_new(window)
    job = window.suggestions.train_now()
    assert job is not None
    finished: list[object] = []
    job.signals.trained.connect(finished.append)
    job.signals.measured.connect(finished.append)
    window.close()  # waits for the pool's jobs: returns once the process is stopped
    assert job.cancelled.is_set() and finished == []
    process = job._process
    assert process is None or process.returncode is not None


def test_a_training_with_nothing_to_learn_from_says_so_and_may_be_asked_for_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    newsroom(tmp_path / "empty.annotator", done=0, annotator=ME).close()
    win = MainWindow(Project.open(tmp_path / "empty.annotator"), ME, Settings())
    show_active(qtbot, win)
    job = win.suggestions.train_now()
    assert job is not None
    with qtbot.waitSignal(job.signals.failed, timeout=TRAINING_S * 1000):
        pass
    assert win.statusBar().currentMessage().startswith("no spans to learn from yet")
    assert not win.suggestions.training and win.suggestions.model is None
    assert win.suggestions.train_now() is not None
    win.close()
    win.project.close()
