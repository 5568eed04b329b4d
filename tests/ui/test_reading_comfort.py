"""Reading comfort in the window: nothing cut, nothing confusable, nothing stale."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from annotator.core.model import Status
from annotator.storage.project import Project
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.ui.conftest import ME, show_active

ARTICLE = "قال محمد إن الاحتلال يحاصر غزة، وأكد أحمد أن الحصار مستمر."


@pytest.fixture
def path(make_project: Callable[[dict[str, str]], Path]) -> Path:
    names = ["01-a-rather-long-document-name-from-the-wire", "02-short", "03-third"]
    path = make_project({name: f"{ARTICLE} {n}" for n, name in enumerate(names)})
    with Project.open(path) as project:
        project.set_status(2, ME, Status.IN_PROGRESS)
    return path


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    win = MainWindow(Project.open(path), ME, Settings())
    win.resize(1280, 800)
    show_active(qtbot, win)
    return win


def test_the_documents_status_column_is_never_cut(qtbot: QtBot, path: Path, language: str) -> None:
    win = open_window(qtbot, path)
    tree = win.documents.tree
    dock = win.documents.parentWidget()
    assert dock is not None
    # Even with the documents dock squeezed as narrow as it goes.
    win.resizeDocks([dock], [10], Qt.Orientation.Horizontal)  # type: ignore[list-item]
    QApplication.processEvents()
    viewport = tree.viewport().rect()
    metrics = tree.fontMetrics()
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        assert item is not None
        for column in (1, 2, 3):
            rect = tree.visualRect(tree.indexFromItem(item, column))
            assert viewport.contains(rect), (language, column, item.text(column))
            assert rect.width() >= metrics.horizontalAdvance(item.text(column)), item.text(column)
    win.project.close()


LONG_QUOTE = "بداية الاقتباس " + "كلام طويل في وسط الاقتباس " * 20 + "ونهاية الاقتباس"


def ink(image: QImage, rect: QRect) -> tuple[int, int]:
    """The leftmost and rightmost dark pixels inside ``rect``."""
    dark = [
        x
        for x in range(rect.left(), rect.right())
        for y in range(rect.top() + 2, rect.bottom() - 2)
        if image.pixelColor(x, y).lightness() < 110
    ]
    return min(dark), max(dark)


def test_the_span_list_elides_in_the_middle_and_aligns_by_direction(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path], language: str
) -> None:
    text = f"{LONG_QUOTE}\nThe minister said: ready."
    path = make_project({"article": text})
    english = text.index("minister")
    with Project.open(path) as project:
        project.add_annotation(1, ME, "QUOTE", 0, len(LONG_QUOTE))
        project.add_annotation(1, ME, "EVENT", 0, len("بداية"))
        project.add_annotation(1, ME, "EVENT", english, english + len("minister"))
    win = open_window(qtbot, path)
    spans = win.annotation_list
    quote, arabic, latin = (spans.model().index(r, 0) for r in range(3))
    assert "بداية الاقتباس" in quote.data() and "ونهاية الاقتباس" in quote.data()
    image = spans.viewport().grab().toImage()
    width = spans.viewport().width()
    # Short rows show where each is aligned: the Arabic one at the right, the English
    # one at the left (each with its swatch at its start).
    assert ink(image, spans.visualRect(arabic))[0] > width // 2
    assert ink(image, spans.visualRect(latin))[1] < width // 2
    win.project.close()


def hue_gap(a: QColor, b: QColor) -> int:
    gap = abs(a.hsvHue() - b.hsvHue()) % 360
    return min(gap, 360 - gap)


def test_find_matches_are_painted_in_no_label_colour(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    """Ctrl+F and a word: the matches' colour, as painted, is far in hue from every
    colourful label of the palette, and more saturated than its grey."""
    win = open_window(qtbot, make_project({"article": f"{ARTICLE} غزة، غزة."}))
    qtbot.keyClick(win.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    win.search.field.setText("غزة")
    assert len(win.view.matches) == 3
    image = win.view.viewport().grab().toImage()
    painted = set()
    for index, (start, end) in enumerate(win.view.matches):
        if index == win.view.current_match:
            continue  # selected: drawn in the selection's colour
        for rect in win.view.span_rects(start, end):
            # The band above the letters and below the frame: paper and match only.
            point = rect.center().toPoint()
            painted.add((index, image.pixelColor(point.x(), int(rect.top()) + 3).name()))
    for _, name in painted:
        match = QColor(name)
        assert match.hsvHue() >= 0 and match.hsvSaturation() > 40, name
        for label in win.session.schema.labels:
            colour = QColor(label.color)
            if colour.hsvSaturation() > 40:  # colourful; grey is told apart by saturation
                assert hue_gap(match, colour) >= 45, (name, label.name, label.color)
    win.project.close()


def test_another_programs_notice_closes_and_goes_with_its_document(
    qtbot: QtBot, path: Path
) -> None:
    win = open_window(qtbot, path)

    def changed_elsewhere() -> None:
        with Project.open(path) as other:
            other.add_annotation(1, "omar", "LOC", 0, 3)
        QApplication.sendEvent(win, QEvent(QEvent.Type.ActivationChange))
        assert win.notice.isVisible() and "Another program changed" in win.notice.text()

    changed_elsewhere()
    qtbot.mouseClick(win.notice.close_button, Qt.MouseButton.LeftButton)
    assert win.notice.isHidden()
    changed_elsewhere()
    qtbot.keyClick(win.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert win.session.document is not None and win.session.document.id == 2
    assert win.notice.isHidden()
    win.project.close()


def test_a_read_only_notice_stays_across_documents(qtbot: QtBot, path: Path) -> None:
    win = MainWindow(Project.open(path, readonly=True), ME, Settings())
    show_active(qtbot, win)
    assert win.notice.isVisible() and "read-only" in win.notice.text()
    qtbot.keyClick(win.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert win.notice.isVisible()
    win.project.close()


def test_link_buttons_only_when_they_can_act_and_ctrl_l_on_an_entity_says_why(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]
) -> None:
    text = "قال محمد إن «الحصار مستمر» في غزة."
    path = make_project({"article": text})
    with Project.open(path) as project:
        person = project.add_annotation(1, ME, "PER", 4, 8).id
        quote = project.add_annotation(1, ME, "QUOTE", 12, 26).id
    win = open_window(qtbot, path)
    details = win.details
    assert not details.link_button.isEnabled() and not details.remove_button.isEnabled()
    rect = win.view.span_rects(4, 8)[0]
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert win.session.selected_id == person
    assert not details.link_button.isEnabled() and not details.remove_button.isEnabled()
    qtbot.keyClick(win.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert "entity is linked to" in win.statusBar().currentMessage()
    assert not win.session.linking
    win.session.select(quote)
    assert details.link_button.isEnabled() and not details.remove_button.isEnabled()
    qtbot.mouseClick(details.link_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    with Project.open(path, readonly=True) as fresh:
        assert [(r.from_id, r.to_id) for r in fresh.relations(1)] == [(quote, person)]
    assert details.remove_button.isEnabled()
    qtbot.mouseClick(details.remove_button, Qt.MouseButton.LeftButton)
    with Project.open(path, readonly=True) as fresh:
        assert fresh.relations(1) == []
    assert not details.remove_button.isEnabled()
    win.project.close()


def test_annotate_all_offers_the_label_last_used_or_the_selected_spans(
    qtbot: QtBot, make_project: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "قال محمد إن غزة تحت الحصار، وإن محمد باق في غزة."
    win = open_window(qtbot, make_project({"article": text}))
    offered: list[str] = []

    def accept_what_is_offered(
        parent: object, title: str, prompt: str, items: list[str], current: int, editable: bool
    ) -> tuple[str, bool]:
        offered.append(items[current])
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", accept_what_is_offered)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    gaza = text.index("غزة")
    win.view.select_span(gaza, gaza + 3)
    qtbot.keyClick(win.view, Qt.Key.Key_5)  # LOC, the last label used
    qtbot.keyClick(win.view, Qt.Key.Key_Escape)  # no span selected
    assert win.session.selected_id is None
    mohammed = text.index("محمد")
    win.view.select_span(mohammed, mohammed + 4)
    qtbot.keyClick(win.view, Qt.Key.Key_A, ctrl_shift)
    assert offered == ["LOC"]
    with Project.open(win.project.path, readonly=True) as fresh:
        assert sorted((a.label, a.text) for a in fresh.annotations(1, ME)) == [
            ("LOC", "غزة"),
            ("LOC", "محمد"),
            ("LOC", "محمد"),
        ]
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    first = next(a for a in win.session.annotations() if a.text == "غزة")
    win.session.select(first.id)
    qtbot.keyClick(win.view, Qt.Key.Key_3)  # relabel it PER: the selected span's label
    qtbot.keyClick(win.view, Qt.Key.Key_A, ctrl_shift)
    assert offered[-1] == "PER"
    win.project.close()


def test_each_menu_has_its_own_alt_key(qtbot: QtBot, path: Path, language: str) -> None:
    """Alt and a letter opens one menu: Alt+V opened Review, not View."""
    win = open_window(qtbot, path)
    keys = []
    for action in win.menuBar().actions():
        text = action.text().replace("&&", "")
        assert "&" in text, text
        keys.append(text[text.index("&") + 1].casefold())
    assert len(keys) == len(set(keys)), keys
    win.project.close()
